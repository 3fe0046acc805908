// Requests exactly as written, for specs that send what no browser would: any method, header and
// body, a body without Content-Length (Transfer-Encoding: chunked), a multipart body cut short.
import http from "node:http";
import { actionFieldsOf } from "../../scripts/test/hidden-fields";
import { E2E_PORT } from "./environment";

export interface RawRequest {
  method: string;
  /** Sent as is: percent-encoding included, broken or not. */
  path: string;
  headers?: Record<string, string>;
  body?: Buffer | string;
  /** Sent in 64 KiB pieces without Content-Length (Transfer-Encoding: chunked). */
  chunked?: boolean;
}

export interface RawAnswer {
  /** The HTTP status, or 0 when the connection failed without an answer. */
  status: number;
  headers: http.IncomingHttpHeaders;
  /** The first 2,000 characters of the body. */
  text: string;
  /** Set when the connection failed. */
  error?: string;
}

export const portalHost = `127.0.0.1:${E2E_PORT}`;
export const portalOrigin = `http://${portalHost}`;

/** Sends `request` to the e2e portal on a connection of its own (Host: the portal, unless the request names one). */
export function sendRaw(request: RawRequest, port = E2E_PORT): Promise<RawAnswer> {
  return new Promise((resolve) => {
    const body = request.body === undefined ? undefined : Buffer.from(request.body);
    const headers: Record<string, string> = { host: `127.0.0.1:${port}`, ...request.headers };
    if (body && !request.chunked) headers["content-length"] = String(body.length);
    if (request.chunked) headers["transfer-encoding"] = "chunked";
    const outgoing = http.request(
      { host: "127.0.0.1", port, method: request.method, path: request.path, headers, setHost: false, agent: false },
      (response) => {
        let text = "";
        response.setEncoding("utf8");
        response.on("data", (chunk: string) => {
          if (text.length < 2_000) text += chunk;
        });
        response.on("end", () =>
          resolve({ status: response.statusCode ?? 0, headers: response.headers, text: text.slice(0, 2_000) }),
        );
        response.on("error", (error) => resolve({ status: 0, headers: {}, text, error: error.message }));
      },
    );
    outgoing.setTimeout(60_000, () => outgoing.destroy(new Error("no answer within 60 s")));
    outgoing.on("error", (error) => resolve({ status: 0, headers: {}, text: "", error: error.message }));
    if (!body) return void outgoing.end();
    if (!request.chunked) return void outgoing.end(body);
    let offset = 0;
    const writeMore = () => {
      while (offset < body.length) {
        const piece = body.subarray(offset, offset + 65_536);
        offset += piece.length;
        if (!outgoing.write(piece)) return void outgoing.once("drain", writeMore);
      }
      outgoing.end();
    };
    writeMore();
  });
}

/** A multipart/form-data body as a browser encodes these fields (texts, or files as [name, bytes]). */
export async function multipart(
  fields: [string, string | { file: string; bytes: Uint8Array<ArrayBuffer> }][],
): Promise<{ contentType: string; body: Buffer }> {
  const form = new FormData();
  for (const [name, value] of fields) {
    if (typeof value === "string") form.append(name, value);
    else form.append(name, new File([value.bytes], value.file));
  }
  const encoded = new Response(form);
  return { contentType: encoded.headers.get("content-type")!, body: Buffer.from(await encoded.arrayBuffer()) };
}

/** The hidden fields React puts into the server-rendered forms on `path` for their actions (id, bound arguments, key), decoded. */
export async function actionFields(path: string): Promise<[string, string][]> {
  return actionFieldsOf(await (await fetch(`${portalOrigin}${path}`)).text());
}

/** The id of the server action a form's fields name ($ACTION_…:0 is {"id": …, "bound": …}). */
export function actionId(fields: [string, string][]): string {
  const descriptor = fields.find(([name]) => /^\$ACTION_[^:]+:0$/.test(name));
  if (!descriptor) throw new Error("the form has no bound server action");
  return (JSON.parse(descriptor[1]) as { id: string }).id;
}
