// Checks the files of one form submission before anything is stored. Pure (no Next, no
// Prisma): the caller passes the File objects of its FormData and the limits.
//
// The type is decided by the first bytes alone. The browser's type and the extension are
// whatever the sender says they are; a renamed program ("bescheid.pdf") must not be stored
// and later handed to staff as a document.
import { createHash } from "node:crypto";
import { MAX_FILE_NAME_LENGTH, type AttachmentContentType, type UploadLimits } from "./limits";

export interface CheckedUpload {
  /** Sanitised: base name only, no control or direction characters, at most 200 characters, an extension that fits the type. */
  fileName: string;
  contentType: AttachmentContentType;
  bytes: Uint8Array;
  size: number;
  /** Hex SHA-256 of bytes; checked again whenever the file is read back. */
  sha256: string;
}

export type UploadError = "too_many" | "too_large" | "empty" | "wrong_type" | "name_too_long";

export type UploadCheck =
  | { ok: true; files: CheckedUpload[] }
  /** fileName: the sanitised name of the offending file (for too_many: the first one over the limit). */
  | { ok: false; error: UploadError; fileName: string };

/** Names longer than this are not a person's file name but crafted input; shorter ones are shortened. */
const MAX_RAW_NAME_LENGTH = 1024;

const SIGNATURES: Array<{ type: AttachmentContentType; magic: number[] }> = [
  { type: "application/pdf", magic: [0x25, 0x50, 0x44, 0x46, 0x2d] }, // "%PDF-"
  { type: "image/png", magic: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
  { type: "image/jpeg", magic: [0xff, 0xd8, 0xff] },
];

const EXTENSIONS: Record<AttachmentContentType, string[]> = {
  "application/pdf": [".pdf"],
  "image/png": [".png"],
  "image/jpeg": [".jpg", ".jpeg", ".jpe", ".jfif"],
};

export async function checkUploads(files: File[], limits: UploadLimits): Promise<UploadCheck> {
  // A file input left empty still sends a part with no name and no bytes. Posted by the browser's
  // script (React's server-action encoding), that part arrives as a Blob, or named "undefined".
  const chosen = files.filter((file) => !(file.size === 0 && (!file.name || file.name === "undefined")));
  if (chosen.length > limits.maxFiles) {
    return { ok: false, error: "too_many", fileName: sanitiseFileName(chosen[limits.maxFiles]!.name) };
  }
  const checked: CheckedUpload[] = [];
  for (const file of chosen) {
    const raw = typeof file.name === "string" ? file.name : "";
    const name = sanitiseFileName(raw);
    if (raw.length > MAX_RAW_NAME_LENGTH) return { ok: false, error: "name_too_long", fileName: name };
    // Decided before reading, so an oversized file is never buffered a second time.
    if (file.size > limits.maxBytesPerFile) return { ok: false, error: "too_large", fileName: name };
    if (file.size === 0) return { ok: false, error: "empty", fileName: name };
    const bytes = new Uint8Array(await file.arrayBuffer());
    if (bytes.length > limits.maxBytesPerFile) return { ok: false, error: "too_large", fileName: name };
    const contentType = sniffContentType(bytes);
    if (!contentType) return { ok: false, error: "wrong_type", fileName: name };
    checked.push({
      fileName: withFittingExtension(name, contentType),
      contentType,
      bytes,
      size: bytes.length,
      sha256: createHash("sha256").update(bytes).digest("hex"),
    });
  }
  return { ok: true, files: checked };
}

/** The allowed type the bytes start like, or null. */
export function sniffContentType(bytes: Uint8Array): AttachmentContentType | null {
  const match = SIGNATURES.find(({ magic }) => magic.every((b, i) => bytes[i] === b));
  return match?.type ?? null;
}

/**
 * The last path segment, without control characters, Unicode direction overrides (which make
 * "exe.pdf" look like "fdp.exe") or path separators, at most 200 characters with its extension kept.
 */
export function sanitiseFileName(raw: string): string {
  const base = raw.normalize("NFC").split(/[/\\]/).pop() ?? "";
  const cleaned = base
    .replace(/[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, "")
    .trim()
    .replace(/^\.+/, "");
  return truncateKeepingExtension(cleaned, MAX_FILE_NAME_LENGTH);
}

function truncateKeepingExtension(name: string, max: number): string {
  const chars = [...name];
  if (chars.length <= max) return name;
  const dot = name.lastIndexOf(".");
  const extension = dot > 0 && name.length - dot <= 16 ? name.slice(dot) : "";
  const extLength = [...extension].length;
  return chars.slice(0, max - extLength).join("") + extension;
}

/** Downloads open with the program the extension names, so it has to fit what the bytes are. */
function withFittingExtension(name: string, type: AttachmentContentType): string {
  const lower = name.toLowerCase();
  if (EXTENSIONS[type].some((ext) => lower.endsWith(ext) && lower.length > ext.length)) return name;
  const extension = EXTENSIONS[type][0]!;
  const stem = name === "" ? "attachment" : name;
  return truncateKeepingExtension(stem, MAX_FILE_NAME_LENGTH - extension.length) + extension;
}
