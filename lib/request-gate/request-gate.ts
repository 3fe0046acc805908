// What the server in front of Next.js refuses, and with which status. Each rule names a request that
// Next.js (16) would answer with 500: it throws while reading the request, before any of our code
// runs. Pure decisions on the request's line, headers and (buffered) body; scripts/server/serve.ts
// applies them through admit-request.ts.
import { createRequire } from "node:module";
import type { Writable } from "node:stream";
import de from "../i18n/messages/de.json";
import en from "../i18n/messages/en.json";
import { isActionPost, isCrossOriginAction, type NodeHeaders } from "./action-origin";
import { isSoundFetchReply, isSoundFormAction } from "./action-reply";

export interface GateRequest {
  method: string;
  /** The request target as sent: "/path?query", or an absolute URL. */
  url: string;
  headers: NodeHeaders;
}

export type RefusalReason = "bad_request" | "cross_origin" | "too_large" | "method";

export interface Refusal {
  status: 400 | 403 | 405 | 413;
  reason: RefusalReason;
}

/** The methods the portal serves (the rest Next.js passes to handlers that were never written for them; TRACE: 500). */
export const ALLOWED_METHODS = ["GET", "HEAD", "POST", "PUT", "DELETE", "PATCH", "OPTIONS"] as const;

const BAD_REQUEST: Refusal = { status: 400, reason: "bad_request" };
export const TOO_LARGE: Refusal = { status: 413, reason: "too_large" };

function single(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

function pathOf(url: string): string {
  if (url.startsWith("/")) return url.split(/[?#]/, 1)[0]!;
  return URL.canParse(url) ? new URL(url).pathname : url;
}

/**
 * Refusals decided from the request line and headers, before any of the body is read:
 * - 405 for a method outside ALLOWED_METHODS;
 * - 400 for a path that does not percent-decode (Next.js throws a DecodeError, then fails to render its 400 page);
 * - 413 for a declared body over `maxBodyBytes` (Next.js would pass it on cut off, and the form would not parse);
 * - 403 for a server-action post from another origin (Next.js throws "Invalid Server Actions request").
 */
export function refuseHead(request: GateRequest, maxBodyBytes: number): Refusal | null {
  if (!(ALLOWED_METHODS as readonly string[]).includes(request.method)) return { status: 405, reason: "method" };
  const path = pathOf(request.url);
  try {
    decodeURIComponent(path);
  } catch {
    return BAD_REQUEST;
  }
  if (Number(single(request.headers["content-length"]) ?? 0) > maxBodyBytes) return TOO_LARGE;
  if (isActionPost(request.method, path, request.headers) && isCrossOriginAction(request.headers)) {
    return { status: 403, reason: "cross_origin" };
  }
  return null;
}

/**
 * Whether the body must be read before Next.js sees the request: a chunked body (no Content-Length, so
 * its size is known only by counting), and every server-action post, even an empty one (its form is
 * checked first: Next.js fails to parse an empty multipart body too).
 */
export function mustReadBody(request: GateRequest): boolean {
  if (isActionPost(request.method, pathOf(request.url), request.headers)) return true;
  return request.headers["transfer-encoding"] !== undefined;
}

/**
 * 400 for a server-action post whose body Next.js or React could not decode: a multipart body that does
 * not parse (with the parser Next.js uses on that path: undici's for plain form posts, busboy for fetch
 * actions), or action fields and arguments that do not decode (action-reply.ts). Null otherwise.
 */
export async function refuseBody(request: GateRequest, body: Buffer): Promise<Refusal | null> {
  const read = await readActionBody(request, body);
  return "refusal" in read ? read.refusal : null;
}

/**
 * What refuseBody decides, and for a sound multipart post without Next-Action (a plain form post) also its form,
 * parsed once here so that whoever serves the post (lib/intake-lane/) need not parse it again.
 * `form` is null for every other request.
 */
export async function readActionBody(
  request: GateRequest,
  body: Buffer,
): Promise<{ refusal: Refusal } | { form: FormData | null }> {
  const { method, headers } = request;
  if (!isActionPost(method, pathOf(request.url), headers)) return { form: null };
  const contentType = single(headers["content-type"]) ?? "";
  const fetchAction = headers["next-action"] !== undefined;
  if (contentType.startsWith("multipart/form-data")) {
    if (fetchAction) {
      const fields = await busboyFields(contentType, body);
      return fields && isSoundFetchReply(fields) ? { form: null } : { refusal: BAD_REQUEST };
    }
    const form = await parsedForm(contentType, body);
    return form && isSoundFormAction(form.entries()) ? { form } : { refusal: BAD_REQUEST };
  }
  // Next.js answers a URL-encoded fetch action with 404 itself; any other body is the arguments' row 0.
  if (contentType === "application/x-www-form-urlencoded") return { form: null };
  const text = body.toString("utf8");
  return isSoundFetchReply([["0", text]]) ? { form: null } : { refusal: BAD_REQUEST };
}

async function parsedForm(contentType: string, body: Buffer): Promise<FormData | null> {
  try {
    return await new Request("http://gate.invalid/", {
      method: "POST",
      headers: { "content-type": contentType },
      body: new Uint8Array(body),
    }).formData();
  } catch {
    return null;
  }
}

/** The part of busboy's stream the gate uses: it emits "field" and "file" besides a Writable's events. */
type BusboyStream = Pick<Writable, "end" | "destroy"> & {
  on(event: "field", listener: (name: string | undefined, value: string) => void): BusboyStream;
  on(
    event: "file",
    listener: (name: string | undefined, stream: NodeJS.ReadableStream, info: { encoding: string }) => void,
  ): BusboyStream;
  on(event: "error" | "close", listener: () => void): BusboyStream;
};
type Busboy = (options: {
  headers: Record<string, string>;
  defParamCharset: string;
  limits: { fieldSize: number };
}) => BusboyStream;

const require = createRequire(import.meta.url);

/** The fields of a multipart body in order (text, or null for a file), read as Next.js reads a fetch action's (its busboy, its options). */
async function busboyFields(contentType: string, body: Buffer): Promise<[string, string | null][] | null> {
  const busboy = require("next/dist/compiled/busboy") as Busboy;
  return new Promise((resolve) => {
    const fields: [string, string | null][] = [];
    let parser: BusboyStream;
    try {
      parser = busboy({
        headers: { "content-type": contentType },
        defParamCharset: "utf8",
        limits: { fieldSize: body.length + 1 },
      });
    } catch {
      return resolve(null);
    }
    // A part without a name (busboy: undefined) makes React's decoder throw on it (resolveField: key.startsWith).
    const unnamed = () => parser.destroy(new Error("a part without a name"));
    parser.on("field", (name, value) => (typeof name === "string" ? fields.push([name, value]) : unnamed()));
    parser.on("file", (name, stream, info) => {
      // A destroyed parse ends its open file with the error too: heard here, it is already an answer below.
      stream.on("error", () => {});
      if (typeof name === "string") fields.push([name, null]);
      else unnamed();
      // React refuses base64-encoded uploads by destroying the parse.
      if (info.encoding.toLowerCase() === "base64") parser.destroy(new Error("base64 upload"));
      stream.resume();
    });
    parser.on("error", () => resolve(null));
    parser.on("close", () => resolve(fields));
    parser.end(body);
  });
}

/** The refusal's text for a person: German, then English (the gate runs before any page knows the language). */
export function refusalText(reason: RefusalReason, maxBodyBytes: number): string {
  const key = {
    bad_request: "badRequest",
    cross_origin: "crossOrigin",
    too_large: "tooLarge",
    method: "method",
  } as const;
  const megabytes = String(Math.floor(maxBodyBytes / (1024 * 1024)));
  return (
    [de, en].map((messages) => messages.requestGate[key[reason]].replace("{megabytes}", megabytes)).join("\n") + "\n"
  );
}
