// The page cache in front of Next.js (lib/page-cache/): a public page is rendered by Next.js once per
// process, path and statement version in force, then sent from memory. Its content changes only with a
// build or the configuration, both of which mean a new process, or when a version published ahead of
// its date comes into force (the key changes that day). Personal pages never pass through here
// (pageCacheKey says which pages do).
import type http from "node:http";
import { gzipSync } from "node:zlib";
import { cachedPageFrom, type CachedPage } from "../../lib/page-cache/cached-page";
import { pageCacheKey } from "../../lib/page-cache/public-pages";

type Handler = (req: http.IncomingMessage, res: http.ServerResponse) => Promise<void>;

/**
 * Wraps Next.js's handler: answers a public page from memory when it has it, and otherwise lets
 * Next.js answer and keeps a copy of that answer (cachedPageFrom decides whether it may be kept).
 * `policy` gives the Content-Security-Policy options (development, https) the proxy uses.
 */
export function withPageCache(handle: Handler, policy: { development: boolean; https: boolean }): Handler {
  const pages = new Map<string, CachedPage & { gzipped: Buffer }>();
  // Loaded on the first public page, not at start: the statement's content is only needed from then on.
  let statement: Promise<typeof import("../../lib/privacy")> | undefined;
  return async (req, res) => {
    const path = pageCacheKey(req.method, req.url, req.headers);
    if (path === null) return handle(req, res);
    statement ??= import("../../lib/privacy");
    const key = `${(await statement).currentStatementVersion()} ${path}`;
    const page = pages.get(key);
    if (page) {
      const gzip = /\bgzip\b/.test(String(req.headers["accept-encoding"] ?? ""));
      const body = gzip ? page.gzipped : page.body;
      res.writeHead(200, {
        ...page.headers,
        vary: /accept-encoding/i.test(page.headers.vary ?? "")
          ? page.headers.vary!
          : [page.headers.vary, "Accept-Encoding"].filter(Boolean).join(", "),
        ...(gzip ? { "content-encoding": "gzip" } : {}),
        "content-length": body.length,
      });
      res.end(req.method === "HEAD" ? undefined : body);
      return;
    }
    if (req.method === "GET") {
      // Kept as plain HTML (Next.js would gzip it for this client), and compressed once below.
      delete req.headers["accept-encoding"];
      capture(res, (answer) => {
        const kept = cachedPageFrom(answer, policy);
        if (kept) pages.set(key, { ...kept, gzipped: gzipSync(kept.body) });
      });
    }
    return handle(req, res);
  };
}

/** Calls `done` with the status, headers and body `res` sent, once it has sent all of it. */
function capture(
  res: http.ServerResponse,
  done: (answer: { status: number; headers: http.OutgoingHttpHeaders; body: Buffer }) => void,
): void {
  const chunks: Buffer[] = [];
  let given: http.OutgoingHttpHeaders = {};
  const chunk = (data: unknown, encoding?: unknown) => {
    if (typeof data === "string")
      chunks.push(Buffer.from(data, typeof encoding === "string" ? (encoding as BufferEncoding) : "utf8"));
    else if (data instanceof Uint8Array) chunks.push(Buffer.from(data));
  };
  const writeHead = res.writeHead.bind(res) as (...args: unknown[]) => http.ServerResponse;
  res.writeHead = ((...args: unknown[]) => {
    const headers = args.find((a, i) => i > 0 && typeof a === "object" && a !== null && !Array.isArray(a));
    if (headers) given = headers as http.OutgoingHttpHeaders;
    return writeHead(...args);
  }) as typeof res.writeHead;
  const write = res.write.bind(res) as (...args: unknown[]) => boolean;
  res.write = ((...args: unknown[]) => {
    chunk(args[0], args[1]);
    return write(...args);
  }) as typeof res.write;
  const end = res.end.bind(res) as (...args: unknown[]) => http.ServerResponse;
  res.end = ((...args: unknown[]) => {
    if (typeof args[0] !== "function") chunk(args[0], args[1]);
    return end(...args);
  }) as typeof res.end;
  res.once("finish", () => {
    const headers: http.OutgoingHttpHeaders = { ...res.getHeaders() };
    for (const [name, value] of Object.entries(given)) headers[name.toLowerCase()] = value;
    done({ status: res.statusCode, headers, body: Buffer.concat(chunks) });
  });
}
