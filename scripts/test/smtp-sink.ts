// A real SMTP server for tests: it accepts every mail, parses it with mailparser
// and keeps it in memory. Vitest tests start it in-process; the e2e run starts it
// as its own process (CLI below) with a small HTTP API the browser tests read:
//   GET /messages  -> parsed mails, oldest first      DELETE /messages -> forget all
//   GET /health    -> 200 once listening
import http from "node:http";
import type { AddressInfo } from "node:net";
import { simpleParser, type ParsedMail } from "mailparser";
import { SMTPServer } from "smtp-server";

export interface SinkMail {
  id: number;
  envelope: { from: string | null; to: string[] };
  from: string;
  to: string;
  subject: string;
  text: string;
  html: string | null;
  headers: Record<string, string>;
  receivedAt: string;
}

export class SmtpSink {
  private readonly mails: SinkMail[] = [];
  private waiters: Array<() => void> = [];
  private server: SMTPServer | undefined;
  private nextId = 1;
  /** Recipients the sink refuses permanently (550), to test bounce handling. */
  readonly rejectRecipients = new Set<string>();

  async start(port = 0, host = "127.0.0.1"): Promise<number> {
    this.server = new SMTPServer({
      authOptional: true,
      disabledCommands: ["STARTTLS"],
      logger: false,
      onRcptTo: (address, _session, callback) => {
        if (this.rejectRecipients.has(address.address.toLowerCase())) {
          const error = Object.assign(new Error("Mailbox unavailable"), { responseCode: 550 });
          return callback(error);
        }
        callback();
      },
      onData: (stream, session, callback) => {
        simpleParser(stream)
          .then((parsed) => {
            this.store(parsed, session.envelope);
            callback();
          })
          .catch((error: Error) => callback(error));
      },
    });
    await new Promise<void>((resolve, reject) => {
      this.server!.once("error", reject);
      this.server!.listen(port, host, () => resolve());
    });
    return (this.server.server.address() as AddressInfo).port;
  }

  async stop(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  messages(): SinkMail[] {
    return [...this.mails];
  }

  clear(): void {
    this.mails.length = 0;
  }

  /** Resolves with the first mail matching predicate, waiting for it up to timeoutMs. */
  async waitFor(predicate: (mail: SinkMail) => boolean, timeoutMs = 10_000): Promise<SinkMail> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = this.mails.find(predicate);
      if (found) return found;
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`no matching mail within ${timeoutMs} ms (${this.mails.length} received)`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  private store(
    parsed: ParsedMail,
    envelope: { mailFrom: false | { address: string }; rcptTo: { address: string }[] },
  ) {
    const headers: Record<string, string> = {};
    for (const [key, value] of parsed.headers) headers[key] = typeof value === "string" ? value : JSON.stringify(value);
    this.mails.push({
      id: this.nextId++,
      envelope: {
        from: envelope.mailFrom ? envelope.mailFrom.address : null,
        to: envelope.rcptTo.map((r) => r.address),
      },
      from: parsed.from?.text ?? "",
      to: [parsed.to ?? []]
        .flat()
        .map((a) => a.text)
        .join(", "),
      subject: parsed.subject ?? "",
      text: parsed.text ?? "",
      html: typeof parsed.html === "string" ? parsed.html : null,
      headers,
      receivedAt: new Date().toISOString(),
    });
    const waiters = this.waiters;
    this.waiters = [];
    for (const wake of waiters) wake();
  }
}

/** The HTTP side of the CLI sink: how a browser test reads what the portal sent. */
export function sinkHttpServer(sink: SmtpSink): http.Server {
  return http.createServer((req, res) => {
    const send = (status: number, body: unknown) => {
      res.writeHead(status, { "content-type": "application/json" });
      res.end(JSON.stringify(body));
    };
    if (req.url === "/health") return send(200, { status: "ok" });
    if (req.url === "/messages" && req.method === "GET") return send(200, sink.messages());
    if (req.url === "/messages" && req.method === "DELETE") {
      sink.clear();
      return send(200, { cleared: true });
    }
    send(404, { error: "not found" });
  });
}

async function cli(): Promise<void> {
  const arg = (name: string, fallback: number) => {
    const index = process.argv.indexOf(name);
    return index > 0 ? Number(process.argv[index + 1]) : fallback;
  };
  const sink = new SmtpSink();
  const smtpPort = await sink.start(arg("--smtp-port", 2525));
  const httpPort = arg("--http-port", 2526);
  const api = sinkHttpServer(sink);
  await new Promise<void>((resolve) => api.listen(httpPort, "127.0.0.1", () => resolve()));
  process.stdout.write(
    `SMTP sink listening: smtp://127.0.0.1:${smtpPort}, mails at http://127.0.0.1:${httpPort}/messages\n`,
  );
  const stop = () => void sink.stop().then(() => api.close(() => process.exit(0)));
  process.once("SIGTERM", stop);
  process.once("SIGINT", stop);
}

if (import.meta.url === `file://${process.argv[1]}`) void cli();
