// The gate on a real Node HTTP server: what it refuses is answered before the handler behind it runs
// (and the client, still sending, reads the answer); what it read is handed on with the same bytes.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { admitRequest } from "./admit-request";

const LIMIT = 64 * 1024;
let server: http.Server;
let port: number;
let handled = 0;

beforeAll(async () => {
  server = http.createServer((req, res) => {
    void admitRequest(req, res, LIMIT).then((gate) => {
      if (!gate) return;
      handled++;
      const admitted = gate.request;
      const chunks: Buffer[] = [];
      admitted.on("data", (chunk: Buffer) => chunks.push(chunk));
      admitted.on("end", () => {
        const body = Buffer.concat(chunks);
        res.setHeader("content-type", "application/json");
        res.end(
          JSON.stringify({
            length: body.length,
            text: body.toString("utf8").slice(0, 200),
            contentLength: admitted.headers["content-length"] ?? null,
            transferEncoding: admitted.headers["transfer-encoding"] ?? null,
            cookie: admitted.headers.cookie ?? null,
            formFields: gate.form ? [...gate.form.keys()] : null,
          }),
        );
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  port = (server.address() as AddressInfo).port;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

interface Sent {
  method?: string;
  path: string;
  headers?: Record<string, string>;
  /** Written in pieces without Content-Length (Transfer-Encoding: chunked) when chunked is set. */
  body?: Buffer;
  chunked?: boolean;
  agent?: http.Agent;
}

function send({ method = "POST", path, headers = {}, body, chunked = false, agent }: Sent) {
  return new Promise<{ status: number; text: string }>((resolve, reject) => {
    const request = http.request({ host: "127.0.0.1", port, method, path, headers, agent }, (response) => {
      let text = "";
      response.setEncoding("utf8").on("data", (chunk: string) => (text += chunk));
      response.on("end", () => resolve({ status: response.statusCode!, text }));
    });
    request.on("error", reject);
    if (body && chunked) {
      for (let i = 0; i < body.length; i += 4096) request.write(body.subarray(i, i + 4096));
      request.end();
    } else request.end(body);
  });
}

const host = () => `127.0.0.1:${port}`;

describe("admitRequest", () => {
  it("hands a small chunked body on whole, as a body with a Content-Length", async () => {
    const body = Buffer.from("x".repeat(10_000));
    const answer = await send({ method: "PUT", path: "/api/upload", body, chunked: true });
    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.text)).toMatchObject({
      length: 10_000,
      contentLength: "10000",
      transferEncoding: null,
      formFields: null,
    });
  });

  it("answers 413 to a chunked body over the limit, before the handler runs, and the connection stays usable", async () => {
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    const before = handled;
    const answer = await send({ path: "/de/sign-in", body: Buffer.alloc(3 * LIMIT, 120), chunked: true, agent });
    expect(answer.status).toBe(413);
    expect(answer.text).toContain("This request is too large");
    expect(handled).toBe(before);
    expect((await send({ method: "GET", path: "/de", agent })).status).toBe(200);
    agent.destroy();
  });

  it("answers 413 to a declared body over the limit, once the rest has arrived (read and dropped)", async () => {
    const answer = await send({ path: "/de/sign-in", body: Buffer.alloc(LIMIT + 1, 120) });
    expect(answer.status).toBe(413);
  });

  it("answers a refused upload only once the client has sent all of it (else a client asking for Connection: close may be cut off mid-send and never read the 413)", async () => {
    const events: string[] = [];
    const answered = new Promise<number>((resolve, reject) => {
      const request = http.request(
        {
          host: "127.0.0.1",
          port,
          method: "POST",
          path: "/api/health",
          headers: { "transfer-encoding": "chunked" },
          agent: false,
        },
        (response) => {
          events.push("answer");
          response.resume().on("end", () => resolve(response.statusCode!));
        },
      );
      request.on("error", reject);
      request.write(Buffer.alloc(LIMIT + 1, 120));
      setTimeout(() => {
        events.push("rest sent");
        request.end(Buffer.alloc(1024, 120));
      }, 500);
    });
    expect(await answered).toBe(413);
    expect(events).toEqual(["rest sent", "answer"]);
  });

  it("answers 400 to a path that does not percent-decode and to a broken form post; 403 to a cross-origin one", async () => {
    expect((await send({ method: "GET", path: "/de/%E0%A4%A" })).status).toBe(400);
    const form = { "content-type": "multipart/form-data; boundary=x", host: host() };
    expect((await send({ path: "/de/sign-in", headers: form, body: Buffer.from("garbage") })).status).toBe(400);
    const crossOrigin = { ...form, origin: "http://evil.example" };
    const refused = await send({ path: "/de/sign-in", headers: crossOrigin, body: Buffer.from("--x--\r\n") });
    expect(refused.status).toBe(403);
    expect(refused.text).toContain("another website");
  });

  it("removes a callback-url cookie next-auth cannot parse, and keeps the others", async () => {
    const headers = { cookie: "a=1; next-auth.callback-url=http%3A%2F%2F%5B; b=2" };
    const answer = await send({ method: "GET", path: "/de", headers });
    expect(JSON.parse(answer.text)).toMatchObject({ cookie: "a=1; b=2" });
  });

  it("answers 405 to a method the portal does not serve, naming those it does", async () => {
    const answer = await send({ method: "TRACE", path: "/de" });
    expect(answer.status).toBe(405);
  });

  it("hands a sound form post on with its bytes unchanged, and the form it parsed (for lib/intake-lane/)", async () => {
    const form = new FormData();
    form.append("email", "a@b.de");
    const encoded = new Response(form);
    const body = Buffer.from(await encoded.arrayBuffer());
    const headers = { "content-type": encoded.headers.get("content-type")!, origin: `http://${host()}` };
    const answer = await send({ path: "/de/sign-in", headers, body, chunked: true });
    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.text)).toMatchObject({
      length: body.length,
      text: body.toString("utf8").slice(0, 200),
      formFields: ["email"],
    });
  });
});
