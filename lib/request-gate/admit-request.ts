// The gate in front of Next.js (scripts/server/serve.ts calls it for every request): malformed requests
// get their 4xx here (request-gate.ts says which), everything else goes on to Next.js unchanged. A body
// the gate had to read (chunked, or a server-action post) is handed on as a request of its own carrying
// the same bytes with a Content-Length. Bodies are held in memory up to the limit, as Next.js's proxy
// holds them anyway (experimental.proxyClientMaxBodySize).
import { IncomingMessage, type ServerResponse } from "node:http";
import { securityHeaders } from "../security/csp";
import { withoutUnparsableCallbackCookies } from "./auth-cookies";
import {
  ALLOWED_METHODS,
  mustReadBody,
  refusalText,
  readActionBody,
  refuseHead,
  TOO_LARGE,
  type Refusal,
} from "./request-gate";

/** A refused upload is read on and dropped up to this many times the limit (so the client reads the answer), then cut. */
const DRAIN_FACTOR = 2;

type Body = { kind: "read"; bytes: Buffer } | { kind: "too_large" } | { kind: "gone" };

/** A request the gate let through, and the form of a plain form post (no Next-Action header) it parsed on the way. */
export interface Admitted {
  request: IncomingMessage;
  /** Null unless the request is a sound multipart form post to a page's server action (request-gate.ts). */
  form: FormData | null;
}

/**
 * Checks a request before Next.js: answers a malformed one itself (400, 403, 405, 413; plain text in
 * German and English) and returns null, or returns the request to hand on (the original, or a copy
 * holding the body the gate read; callback-url cookies next-auth cannot parse are removed from either)
 * with the form the gate parsed, if any. Never throws for anything the client sent.
 */
export async function admitRequest(
  request: IncomingMessage,
  response: ServerResponse,
  maxBodyBytes: number,
): Promise<Admitted | null> {
  const cookie = request.headers.cookie && withoutUnparsableCallbackCookies(request.headers.cookie);
  if (typeof cookie === "string") request.headers.cookie = cookie;
  const head = { method: request.method ?? "GET", url: request.url ?? "/", headers: request.headers };
  const early = refuseHead(head, maxBodyBytes);
  if (early) return refuse(request, response, early, maxBodyBytes);
  if (!mustReadBody(head)) return { request, form: null };
  const body = await readBody(request, maxBodyBytes);
  if (body.kind === "gone") {
    response.destroy();
    return null;
  }
  if (body.kind === "too_large") return refuse(request, response, TOO_LARGE, maxBodyBytes);
  const read = await readActionBody(head, body.bytes);
  if ("refusal" in read) return refuse(request, response, read.refusal, maxBodyBytes);
  return { request: withBody(request, body.bytes), form: read.form };
}

/** Reads the body up to `limit` bytes; past it, stops keeping bytes (the rest is drained by refuse). */
function readBody(request: IncomingMessage, limit: number): Promise<Body> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limit) return void chunks.push(chunk);
      request.off("data", onData).off("end", onEnd);
      request.pause();
      resolve({ kind: "too_large" });
    };
    const onEnd = () => resolve({ kind: "read", bytes: Buffer.concat(chunks, size) });
    request.on("data", onData).on("end", onEnd);
    // A client that goes away mid-body gets no answer: there is nobody to send it to. (After "end" or
    // "too_large" the promise is settled, and these change nothing.)
    request.once("error", () => resolve({ kind: "gone" }));
    request.once("close", () => resolve({ kind: "gone" }));
  });
}

/**
 * Answers `refusal` once the rest of the body has arrived (read and dropped): a client still sending
 * when the answer comes may have its connection closed under it (it asked for "Connection: close") and
 * never read the answer. One that keeps sending past DRAIN_FACTOR times the limit is answered and cut off.
 */
function refuse(request: IncomingMessage, response: ServerResponse, refusal: Refusal, maxBodyBytes: number): null {
  const answer = () => {
    if (response.headersSent) return;
    const text = refusalText(refusal.reason, maxBodyBytes);
    response.writeHead(refusal.status, {
      ...securityHeaders({ hsts: false }),
      "Content-Type": "text/plain; charset=utf-8",
      "Content-Length": Buffer.byteLength(text),
      "Content-Security-Policy": "default-src 'none'; frame-ancestors 'none'",
      "Cache-Control": "no-store",
      ...(refusal.status === 405 ? { Allow: ALLOWED_METHODS.join(", ") } : {}),
    });
    response.end(text);
  };
  if (request.readableEnded) {
    answer();
    return null;
  }
  let drained = 0;
  request.on("data", (chunk: Buffer) => {
    drained += chunk.length;
    if (drained <= DRAIN_FACTOR * maxBodyBytes) return;
    request.pause();
    response.setHeader("Connection", "close");
    answer();
  });
  request.once("end", answer);
  request.resume();
  return null;
}

/** A copy of the request for Next.js that yields `body` (already read from the original) with its length. */
function withBody(original: IncomingMessage, body: Buffer): IncomingMessage {
  const copy = new IncomingMessage(original.socket);
  const headers = { ...original.headers, "content-length": String(body.length) };
  delete headers["transfer-encoding"];
  Object.assign(copy, {
    method: original.method,
    url: original.url,
    httpVersion: original.httpVersion,
    httpVersionMajor: original.httpVersionMajor,
    httpVersionMinor: original.httpVersionMinor,
    headers,
    rawHeaders: Object.entries(headers).flatMap(([name, value]) => [value ?? []].flat().flatMap((one) => [name, one])),
    // Complete: destroying the copy later must not count as the client aborting (that closes the socket).
    complete: true,
    // The bytes are all here; reading must not resume the socket, which belongs to the original.
    _read: () => {},
  });
  copy.push(body);
  copy.push(null);
  return copy;
}
