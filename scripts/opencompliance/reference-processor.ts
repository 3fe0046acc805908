// A reference processor for the controller-to-processor protocol (opengdpr/OpenDSR
// specification.md): discovery (6), create (7), status (8.1-8.4), callbacks (8.5-8.7),
// cancel (9), all answers signed (7.3, 8.3). It keeps requests in memory. Tests run it on
// port 0; for the demo: `npm run -s opencompliance:processor -- --port 4510`.
// It can misbehave on purpose (time out, 5xx, sign with the wrong key, not sign) so the
// portal's refusals and retries can be shown against a real HTTP server.
import { readFileSync } from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import {
  EXTENSION_REQUEST_TYPES,
  PROTOCOL_REQUEST_TYPES,
  createRequestSchema,
  type CallbackBody,
  type RequestStatus,
} from "../../lib/fulfilment/opencompliance/schemas";
import { LEGACY_HEADER_NAMES, signBody } from "../../lib/fulfilment/opencompliance/signature";

export const TEST_CERTIFICATE_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), "test-certificates");

/** The test certificate and key for a test processor domain (`processor-a` or `processor-b`). */
export function testIdentity(name: "processor-a" | "processor-b"): {
  domain: string;
  certificatePath: string;
  certificatePem: string;
  keyPem: string;
} {
  const certificatePath = path.join(TEST_CERTIFICATE_DIR, `${name}.pem`);
  return {
    domain: `${name}.test`,
    certificatePath,
    certificatePem: readFileSync(certificatePath, "utf8"),
    keyPem: readFileSync(path.join(TEST_CERTIFICATE_DIR, `${name}-key.pem`), "utf8"),
  };
}

export type Misbehaviour = "none" | "hang" | "server_error" | "wrong_key" | "unsigned" | "legacy_headers";

export interface ReferenceProcessorOptions {
  port?: number;
  /** Domain it signs for, and the key and certificate it signs with. */
  domain: string;
  keyPem: string;
  certificatePem: string;
  /** Key used instead when misbehaving with "wrong_key". */
  wrongKeyPem?: string;
  /** Pause before each status step (pending → in_progress → completed) and its callbacks. */
  stepDelayMs: number;
  /** Supported types in discovery; default: the three protocol types and the portal's extension types. */
  supportedTypes?: readonly string[];
  misbehave?: Misbehaviour;
  /** Path prefix with the major version (section 3.4). */
  prefix?: string;
}

interface StoredRequest {
  id: string;
  type: string;
  status: RequestStatus;
  callbackUrls: string[];
  expectedCompletion: string;
  timers: NodeJS.Timeout[];
}

export interface ReferenceProcessor {
  url: string;
  /** Changes how it behaves from the next exchange on. */
  setMisbehaviour(misbehave: Misbehaviour): void;
  /** Callbacks posted so far: URL, answer status (or error). */
  callbacksSent: { url: string; status: number | string; body: CallbackBody }[];
  close(): Promise<void>;
}

const CONTROLLER_ID = "dsr-portal";

/** Starts the processor; resolves when it listens. */
export async function startReferenceProcessor(options: ReferenceProcessorOptions): Promise<ReferenceProcessor> {
  const prefix = options.prefix ?? "/v2";
  let misbehave: Misbehaviour = options.misbehave ?? "none";
  const requests = new Map<string, StoredRequest>();
  const callbacksSent: ReferenceProcessor["callbacksSent"] = [];
  const hanging = new Set<http.ServerResponse>();
  let url = "";

  function signedHeaders(body: Buffer): Record<string, string> {
    if (misbehave === "unsigned") return {};
    const key = misbehave === "wrong_key" ? (options.wrongKeyPem ?? options.keyPem) : options.keyPem;
    return misbehave === "legacy_headers"
      ? signBody(body, key, options.domain, LEGACY_HEADER_NAMES)
      : signBody(body, key, options.domain);
  }

  function send(res: http.ServerResponse, status: number, payload: unknown): void {
    const body = Buffer.from(JSON.stringify(payload));
    res.writeHead(status, { "Content-Type": "application/json", ...signedHeaders(body) });
    res.end(body);
  }

  /** Section 7.6 error object. */
  function sendError(res: http.ServerResponse, status: number, message: string): void {
    send(res, status, {
      error: { code: status, message, errors: [{ domain: "Validation", reason: "InvalidRequest", message }] },
    });
  }

  function statusOf(request: StoredRequest) {
    const results =
      request.status === "completed" && (request.type === "access" || request.type === "portability")
        ? { results_url: `${url}/results/${request.id}`, results_count: 3 }
        : {};
    return {
      controller_id: CONTROLLER_ID,
      expected_completion_time: request.expectedCompletion,
      subject_request_id: request.id,
      request_status: request.status,
      api_version: "2.0",
      ...results,
    };
  }

  /** Section 8.5: every callback URL is invoked on each status change, at least once. */
  function changeStatus(request: StoredRequest, status: RequestStatus): void {
    request.status = status;
    const { api_version: _version, ...status_ } = statusOf(request);
    for (const callbackUrl of request.callbackUrls) {
      const body: CallbackBody = { ...status_, status_callback_url: callbackUrl };
      const raw = Buffer.from(JSON.stringify(body));
      fetch(callbackUrl, {
        method: "POST",
        headers: { "Content-Type": "application/json", ...signedHeaders(raw) },
        body: raw,
        signal: AbortSignal.timeout(5000),
      })
        .then((answer) => callbacksSent.push({ url: callbackUrl, status: answer.status, body }))
        .catch((error: unknown) => callbacksSent.push({ url: callbackUrl, status: String(error), body }));
    }
  }

  async function readBody(req: http.IncomingMessage): Promise<Buffer> {
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of req) {
      size += (chunk as Buffer).length;
      if (size > 1_000_000) throw new Error("too large");
      chunks.push(chunk as Buffer);
    }
    return Buffer.concat(chunks);
  }

  async function route(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    if (misbehave === "hang") {
      hanging.add(res);
      return;
    }
    if (misbehave === "server_error") {
      sendError(res, 503, "temporarily unavailable");
      return;
    }
    const pathname = new URL(req.url ?? "/", "http://x").pathname;
    if (req.method === "GET" && pathname === "/cert.pem") {
      res.writeHead(200, { "Content-Type": "application/x-pem-file" }).end(options.certificatePem);
      return;
    }
    if (!pathname.startsWith(`${prefix}/`)) return sendError(res, 404, "not found");
    const rest = pathname.slice(prefix.length);
    if (req.method === "GET" && rest === "/discovery") {
      return send(res, 200, {
        api_version: "2.0",
        supported_identities: [
          { identity_type: "email", identity_format: "raw" },
          { identity_type: "email", identity_format: "sha256" },
          { identity_type: "controller_customer_id", identity_format: "raw" },
        ],
        supported_subject_request_types: options.supportedTypes ?? [
          ...PROTOCOL_REQUEST_TYPES,
          ...EXTENSION_REQUEST_TYPES,
        ],
        processor_certificate: `${url}/cert.pem`,
      });
    }
    // Section 10.1: the OpenGDPR v1 route name is honoured as well.
    const match = /^\/(?:requests|opengdpr_requests)(?:\/([^/]+))?$/.exec(rest);
    if (!match) return sendError(res, 404, "not found");
    const id = match[1] ? decodeURIComponent(match[1]) : undefined;
    if (req.method === "POST" && id === undefined) {
      const raw = await readBody(req);
      let json: unknown;
      try {
        json = JSON.parse(raw.toString("utf8"));
      } catch {
        return sendError(res, 400, "body is not JSON");
      }
      const parsed = createRequestSchema.safeParse(json);
      if (!parsed.success) return sendError(res, 400, parsed.error.issues[0]?.message ?? "invalid request");
      const supported = options.supportedTypes ?? [...PROTOCOL_REQUEST_TYPES, ...EXTENSION_REQUEST_TYPES];
      if (!supported.includes(parsed.data.subject_request_type))
        return sendError(res, 400, "unsupported subject_request_type");
      if (requests.has(parsed.data.subject_request_id)) return sendError(res, 400, "subject_request_id already used");
      const now = new Date();
      const request: StoredRequest = {
        id: parsed.data.subject_request_id,
        type: parsed.data.subject_request_type,
        status: "pending",
        callbackUrls: parsed.data.status_callback_urls ?? [],
        expectedCompletion: new Date(now.getTime() + 30 * 86_400_000).toISOString(),
        timers: [],
      };
      requests.set(request.id, request);
      request.timers.push(
        setTimeout(() => changeStatus(request, "in_progress"), options.stepDelayMs),
        setTimeout(() => changeStatus(request, "completed"), options.stepDelayMs * 2),
      );
      return send(res, 201, {
        controller_id: CONTROLLER_ID,
        expected_completion_time: request.expectedCompletion,
        received_time: now.toISOString(),
        encoded_request: raw.toString("base64"),
        subject_request_id: request.id,
      });
    }
    const request = id === undefined ? undefined : requests.get(id);
    if (!request) return sendError(res, 404, "unknown subject_request_id");
    if (req.method === "GET") return send(res, 200, statusOf(request));
    if (req.method === "DELETE") {
      // Section 9: requests MAY be cancelled while "pending".
      if (request.status !== "pending")
        return sendError(res, 400, `request is ${request.status}; only pending requests can be cancelled`);
      for (const timer of request.timers) clearTimeout(timer);
      changeStatus(request, "cancelled");
      return send(res, 202, {
        controller_id: CONTROLLER_ID,
        subject_request_id: request.id,
        received_time: new Date().toISOString(),
        api_version: "2.0",
      });
    }
    return sendError(res, 405, "method not allowed");
  }

  const server = http.createServer((req, res) => {
    route(req, res).catch(() => sendError(res, 400, "could not read the request"));
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, "127.0.0.1", resolve));
  const address = server.address() as AddressInfo;
  url = `http://127.0.0.1:${address.port}`;

  return {
    url: `${url}${prefix}`,
    setMisbehaviour(next) {
      misbehave = next;
    },
    callbacksSent,
    async close() {
      for (const request of requests.values()) for (const timer of request.timers) clearTimeout(timer);
      for (const res of hanging) res.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

async function main(args: string[]): Promise<void> {
  const value = (flag: string) => {
    const index = args.indexOf(flag);
    return index >= 0 ? args[index + 1] : undefined;
  };
  const port = Number(value("--port") ?? 0);
  const stepDelayMs = Number(value("--delay-ms") ?? 5000);
  const misbehave = (value("--misbehave") ?? "none") as Misbehaviour;
  if (!Number.isInteger(port) || port < 0 || port > 65535 || !Number.isFinite(stepDelayMs)) {
    throw new Error(
      "usage: reference-processor --port N [--delay-ms MS] [--misbehave none|hang|server_error|wrong_key|unsigned|legacy_headers]",
    );
  }
  const a = testIdentity("processor-a");
  const processor = await startReferenceProcessor({
    port,
    domain: a.domain,
    keyPem: a.keyPem,
    certificatePem: a.certificatePem,
    wrongKeyPem: testIdentity("processor-b").keyPem,
    stepDelayMs,
    misbehave,
  });
  process.stdout.write(`reference processor (${a.domain}) at ${processor.url}\ncertificate: ${a.certificatePath}\n`);
  for (const signal of ["SIGINT", "SIGTERM"] as const)
    process.on(signal, () => void processor.close().then(() => process.exit(0)));
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main(process.argv.slice(2)).catch((error: unknown) => {
    process.stderr.write(`error: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 2;
  });
}
