// Encryption at rest for access packages (Art. 32(1)(a) GDPR: encryption of personal data), so a stolen
// disk or backup of $DATA_DIR/exports gives nothing. AES-256-GCM from node:crypto, streamed:
//
//   offset 0   4 bytes  magic "DSRX"
//          4   1 byte   format version (1)
//          5   8 bytes  key id: first 8 bytes of SHA-256(key), so a wrong key is named as such
//         13  12 bytes  IV (random per file)
//         25  ...       ciphertext (the plain ZIP)
//        end  16 bytes  GCM tag
//
// The 25 header bytes are the GCM additional data: changing any of them fails the tag too. Pure (node:crypto,
// node:stream, node:fs only).
import { createCipheriv, createDecipheriv, createHash, randomBytes, type DecipherGCM } from "node:crypto";
import { createReadStream } from "node:fs";
import { open } from "node:fs/promises";
import { Readable, Transform, type TransformCallback } from "node:stream";

const MAGIC = Buffer.from("DSRX", "ascii");
const VERSION = 1;
const IV_BYTES = 12;
const TAG_BYTES = 16;
export const HEADER_BYTES = MAGIC.length + 1 + 8 + IV_BYTES;

/** Why an encrypted package cannot be read: wrong or missing key, damaged or tampered file. */
export class PackageDecryptionError extends Error {
  constructor(
    readonly reason: "key_missing" | "wrong_key" | "bad_header" | "tampered",
    message: string,
  ) {
    super(message);
    this.name = "PackageDecryptionError";
  }
}

function keyId(key: Buffer): Buffer {
  return createHash("sha256").update(key).digest().subarray(0, 8);
}

function assertKey(key: Buffer): void {
  if (key.length !== 32) throw new TypeError(`an export key has 32 bytes (AES-256), this one has ${key.length}`);
}

/**
 * A Transform that turns plain bytes into the encrypted file format above: header first, ciphertext as the
 * plain bytes arrive, the 16-byte tag when the input ends. `key`: 32 bytes. Memory: zlib-free, a chunk at a time.
 */
export function encryptStream(key: Buffer): Transform {
  assertKey(key);
  const iv = randomBytes(IV_BYTES);
  const header = Buffer.concat([MAGIC, Buffer.from([VERSION]), keyId(key), iv]);
  const cipher = createCipheriv("aes-256-gcm", key, iv);
  cipher.setAAD(header);
  let headerSent = false;
  return new Transform({
    transform(chunk: Buffer, _encoding, callback: TransformCallback) {
      if (!headerSent) {
        this.push(header);
        headerSent = true;
      }
      callback(null, cipher.update(chunk));
    },
    flush(callback: TransformCallback) {
      if (!headerSent) this.push(header);
      this.push(cipher.final());
      callback(null, cipher.getAuthTag());
    },
  });
}

/** True when the file starts with the encrypted-package magic (reads 5 bytes). */
export async function isEncryptedPackage(filePath: string): Promise<boolean> {
  const handle = await open(filePath, "r");
  try {
    const start = Buffer.alloc(MAGIC.length);
    const { bytesRead } = await handle.read(start, 0, start.length, 0);
    return bytesRead === MAGIC.length && start.equals(MAGIC);
  } finally {
    await handle.close();
  }
}

/**
 * A Transform that decrypts the file format above. It holds back the last 16 bytes (the tag) and checks
 * them when the input ends: a tampered or truncated file makes the stream fail with PackageDecryptionError
 * ("tampered") at its end, after the plain bytes before it were passed on, so a consumer must treat an
 * error as "the whole package is bad" (the verifier does; a download route aborts the response).
 */
export function decryptStream(key: Buffer): Transform {
  assertKey(key);
  let header = Buffer.alloc(0);
  let decipher: DecipherGCM | undefined;
  let tail = Buffer.alloc(0);
  return new Transform({
    transform(chunk: Buffer, _encoding, callback: TransformCallback) {
      try {
        if (!decipher) {
          header = Buffer.concat([header, chunk]);
          if (header.length < HEADER_BYTES) return callback();
          chunk = header.subarray(HEADER_BYTES);
          header = header.subarray(0, HEADER_BYTES);
          decipher = decipherFor(header, key);
        }
        const data = tail.length ? Buffer.concat([tail, chunk]) : chunk;
        const keep = Math.min(TAG_BYTES, data.length);
        tail = Buffer.from(data.subarray(data.length - keep));
        callback(null, decipher.update(data.subarray(0, data.length - keep)));
      } catch (error) {
        callback(error as Error);
      }
    },
    flush(callback: TransformCallback) {
      if (!decipher || tail.length < TAG_BYTES) {
        return callback(new PackageDecryptionError("tampered", "the encrypted package is truncated"));
      }
      try {
        decipher.setAuthTag(tail);
        callback(null, decipher.final());
      } catch {
        callback(
          new PackageDecryptionError(
            "tampered",
            "the encrypted package failed its integrity check (GCM tag): it was changed or damaged",
          ),
        );
      }
    },
  });
}

function decipherFor(header: Buffer, key: Buffer): DecipherGCM {
  if (!header.subarray(0, MAGIC.length).equals(MAGIC)) {
    throw new PackageDecryptionError("bad_header", "not an encrypted access package (magic bytes differ)");
  }
  const version = header[MAGIC.length];
  if (version !== VERSION) {
    throw new PackageDecryptionError("bad_header", `unknown encrypted package version ${version}`);
  }
  const id = header.subarray(MAGIC.length + 1, MAGIC.length + 9);
  if (!id.equals(keyId(key))) {
    throw new PackageDecryptionError("wrong_key", "the package was encrypted with a different key");
  }
  const decipher = createDecipheriv("aes-256-gcm", key, header.subarray(MAGIC.length + 9));
  decipher.setAAD(header);
  return decipher;
}

/**
 * The plain ZIP bytes of the package at `filePath`, as a stream: decrypted with `key` when the file is
 * encrypted (checking the GCM tag at the end, see decryptStream), else the file as it is. A plain file is
 * accepted even when a key is given (packages written before a key was configured). Errors: an encrypted
 * file without a key rejects with PackageDecryptionError("key_missing"); a wrong key or bad header makes
 * the stream fail with PackageDecryptionError; file system errors as node:fs raises them.
 */
export async function openPackage(filePath: string, key?: Buffer): Promise<Readable> {
  const encrypted = await isEncryptedPackage(filePath);
  if (!encrypted) return createReadStream(filePath);
  if (!key) {
    throw new PackageDecryptionError("key_missing", "the package is encrypted and no key was given");
  }
  const source = createReadStream(filePath);
  const plain = decryptStream(key);
  source.on("error", (error) => plain.destroy(error));
  return source.pipe(plain);
}
