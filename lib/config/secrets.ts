// Secrets that an operator did not set are generated once and kept in the data
// folder (never in the repository), so that sessions survive a restart.
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { z } from "zod";
import { ensurePrivateDir } from "../security/private-files";

const secretsFileSchema = z.object({ nextauthSecret: z.string().min(32) });
export type StoredSecrets = z.infer<typeof secretsFileSchema>;

export const SECRETS_FILE = "secrets.json";

export function loadOrCreateSecrets(dataDir: string): StoredSecrets {
  const file = path.join(dataDir, SECRETS_FILE);
  if (!fs.existsSync(file)) {
    ensurePrivateDir(dataDir);
    const fresh: StoredSecrets = { nextauthSecret: randomBytes(32).toString("base64url") };
    // Written whole under a temporary name, then linked into place: the link fails if another process
    // was first, and nobody ever reads a half-written file (two workers starting at once, say).
    const temporary = `${file}.${process.pid}.${randomBytes(4).toString("hex")}`;
    fs.writeFileSync(temporary, JSON.stringify(fresh, null, 2) + "\n", { mode: 0o600 });
    try {
      fs.linkSync(temporary, file);
      return fresh;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    } finally {
      fs.rmSync(temporary, { force: true });
    }
  }
  const parsed = secretsFileSchema.safeParse(JSON.parse(fs.readFileSync(file, "utf8")));
  if (!parsed.success) throw new Error(`${file} is damaged; delete it to generate new secrets`);
  return parsed.data;
}
