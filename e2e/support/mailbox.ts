// Reads what the portal sent from the SMTP sink's HTTP side (scripts/test/smtp-sink.ts).
import type { SinkMail } from "../../scripts/test/smtp-sink";
import { SINK_HTTP_PORT } from "./environment";

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
