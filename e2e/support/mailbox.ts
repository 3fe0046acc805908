// Reads what the portal sent from the SMTP sink's HTTP side (scripts/test/smtp-sink.ts).
import fs from "node:fs";
import path from "node:path";
import type { SinkMail } from "../../scripts/test/smtp-sink";
import { E2E_WORK_DIR, SINK_HTTP_PORT } from "./environment";

const base = `http://127.0.0.1:${SINK_HTTP_PORT}`;

export async function sentMails(): Promise<SinkMail[]> {
  const response = await fetch(`${base}/messages`).catch(async () => {
    // A kept-alive connection the sink closed while this worker's event loop was blocked (execFileSync in
    // e2e/support/confirmed-request.ts) is reused once and fails with "other side closed": ask again.
    await new Promise((resolve) => setTimeout(resolve, 100));
    return fetch(`${base}/messages`);
  });
  if (!response.ok) throw new Error(`SMTP sink answered ${response.status}`);
  return (await response.json()) as SinkMail[];
}

export async function waitForMail(predicate: (mail: SinkMail) => boolean, timeoutMs = 15_000): Promise<SinkMail> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const found = (await sentMails()).find(predicate);
    if (found) return found;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`no matching mail arrived at the SMTP sink within ${timeoutMs} ms`);
}

/**
 * Like waitForMail, but each mail goes to one caller only, across all workers of the run: a mail is
 * claimed by creating a directory named after its id beside the portal's database (atomic; the folder
 * is cleared every run, as the sink's ids start again). Two workers asking for the same person's
 * sign-in link at once (the demo DPO) then follow a link each, never both the same one.
 */
export async function claimMail(predicate: (mail: SinkMail) => boolean, timeoutMs = 15_000): Promise<SinkMail> {
  const claims = path.join(E2E_WORK_DIR, "claimed-mails");
  fs.mkdirSync(claims, { recursive: true });
  const claimed = (mail: SinkMail) => {
    try {
      fs.mkdirSync(path.join(claims, String(mail.id)));
      return true;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "EEXIST") return false;
      throw error;
    }
  };
  return waitForMail((mail) => predicate(mail) && claimed(mail), timeoutMs);
}
