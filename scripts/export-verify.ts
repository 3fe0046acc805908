// `npm run -s export:verify -- FILE [--key-env VARIABLE]`: checks a data subject's access package against
// its manifest.json (lib/fulfilment/export/verify-package.ts). Needs no database and no other setting.
// Exit 0: "ok: N files, reference R". Exit 1: the first bad file and why (changed, missing, extra, or a
// tampered encrypted file). Exit 2: usage errors and packages that cannot be checked (no such file; an
// encrypted package without its key or with another key; a key variable that holds no valid key).
// An encrypted package is read with the key in VARIABLE (default EXPORT_ENCRYPTION_KEY, base64 of 32 bytes).
import { ConfigError, exportKeyFromVariable } from "../lib/config/env";
import { PackageDecryptionError } from "../lib/fulfilment/export/encryption";
import { verifyPackage } from "../lib/fulfilment/export/verify-package";

const USAGE = "usage: npm run -s export:verify -- FILE.zip [--key-env VARIABLE]";

class UsageError extends Error {}

function parseArgs(argv: readonly string[]): { file: string; keyVariable: string; keyVariableGiven: boolean } {
  let file: string | undefined;
  let keyVariable: string | undefined;
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i]!;
    if (arg === "--key-env") {
      const value = argv[i + 1];
      if (!value || !/^[A-Za-z_][A-Za-z0-9_]*$/.test(value)) throw new UsageError("--key-env needs a variable name");
      keyVariable = value;
      i += 1;
    } else if (arg.startsWith("-")) {
      throw new UsageError(`unknown option ${arg}`);
    } else if (file === undefined) {
      file = arg;
    } else {
      throw new UsageError("give exactly one package file");
    }
  }
  if (!file) throw new UsageError("no package file given");
  return { file, keyVariable: keyVariable ?? "EXPORT_ENCRYPTION_KEY", keyVariableGiven: keyVariable !== undefined };
}

async function main(): Promise<number> {
  const args = parseArgs(process.argv.slice(2));
  const key = exportKeyFromVariable(args.keyVariable);
  if (args.keyVariableGiven && !key) throw new UsageError(`${args.keyVariable} is not set`);
  const result = await verifyPackage(args.file, key);
  if (!result.ok) {
    process.stderr.write(`bad: ${result.file}: ${result.reason}\n`);
    return 1;
  }
  process.stdout.write(`ok: ${result.files} files, reference ${result.reference}\n`);
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    if (error instanceof UsageError) {
      process.stderr.write(`error: ${error.message}\n${USAGE}\n`);
    } else if (error instanceof PackageDecryptionError && error.reason === "key_missing") {
      process.stderr.write(`error: ${error.message} (set EXPORT_ENCRYPTION_KEY or pass --key-env VARIABLE)\n`);
    } else {
      const text =
        error instanceof ConfigError || error instanceof PackageDecryptionError
          ? error.message
          : error instanceof Error
            ? error.message.split("\n")[0]
            : String(error);
      process.stderr.write(`error: ${text}\n`);
    }
    process.exit(2);
  },
);
