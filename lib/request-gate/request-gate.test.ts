// The gate's decisions: which requests it answers itself, with which status, and why Next.js would
// have answered them with 500.
import { describe, expect, it } from "vitest";
import { mustReadBody, refusalText, refuseBody, refuseHead, type GateRequest } from "./request-gate";

const MB = 1024 * 1024;
const origin = "http://127.0.0.1:3100";

function post(path: string, headers: GateRequest["headers"]): GateRequest {
  return { method: "POST", url: path, headers: { host: "127.0.0.1:3100", ...headers } };
}

/** A multipart body exactly as a browser (undici here) encodes the form. */
async function multipart(fields: [string, string | File][]): Promise<{ contentType: string; body: Buffer }> {
  const form = new FormData();
  for (const [name, value] of fields) form.append(name, value);
  const response = new Response(form);
  return { contentType: response.headers.get("content-type")!, body: Buffer.from(await response.arrayBuffer()) };
}

describe("refuseHead", () => {
  it("answers 400 for a path that does not percent-decode, wherever it points", () => {
    for (const url of [
      "/de/%E0%A4%A",
      "/api/attachments/%zz",
      "/_next/static/%",
      "/de/privacy.segments/%zz.segment.rsc",
    ]) {
      expect(refuseHead({ method: "GET", url, headers: {} }, 25 * MB)).toEqual({ status: 400, reason: "bad_request" });
    }
  });

  it("lets a well-encoded path through, whatever its query says (Next.js reads queries leniently)", () => {
    for (const url of ["/de/%C3%BC", "/de/requests/new/access?x=%zz", "/", "*"]) {
      expect(refuseHead({ method: "GET", url, headers: {} }, 25 * MB)).toBeNull();
    }
  });

  it("answers 413 for a declared body over the limit, and only then", () => {
    expect(refuseHead(post("/de/sign-in", { "content-length": String(26 * MB) }), 25 * MB)?.status).toBe(413);
    expect(refuseHead(post("/de/sign-in", { "content-length": String(25 * MB) }), 25 * MB)).toBeNull();
  });

  it("answers 403 for a server-action post from another origin or Origin: null", () => {
    const action = { "content-type": "multipart/form-data; boundary=x" };
    expect(refuseHead(post("/de/sign-in", { ...action, origin: "null" }), MB)).toEqual({
      status: 403,
      reason: "cross_origin",
    });
    expect(refuseHead(post("/de/sign-in", { "next-action": "x", origin: "http://evil.example" }), MB)?.status).toBe(
      403,
    );
    expect(refuseHead(post("/de/sign-in", { ...action, origin }), MB)).toBeNull();
    // Not an action: next-auth's own endpoints check their CSRF token themselves.
    expect(refuseHead(post("/api/auth/signout", { ...action, origin: "null" }), MB)).toBeNull();
  });
});

describe("mustReadBody", () => {
  it("reads chunked bodies (their size shows only by counting) and every server-action post", () => {
    expect(mustReadBody({ method: "PUT", url: "/api/x", headers: { "transfer-encoding": "chunked" } })).toBe(true);
    expect(mustReadBody(post("/de/sign-in", { "content-type": "multipart/form-data", "content-length": "10" }))).toBe(
      true,
    );
  });

  it("reads an empty server-action post too (Next.js fails to parse an empty multipart body)", () => {
    const empty = { "content-type": "multipart/form-data", "content-length": "0" };
    expect(mustReadBody(post("/de/sign-in", empty))).toBe(true);
    expect(mustReadBody(post("/de/sign-in", { "next-action": "x" }))).toBe(true);
  });

  it("leaves other bodies, and requests without one, to Next.js", () => {
    expect(mustReadBody(post("/api/auth/signin/email", { "content-length": "10" }))).toBe(false);
    expect(mustReadBody({ method: "GET", url: "/de", headers: {} })).toBe(false);
  });
});

describe("refuseBody", () => {
  const id = "603b3f93f11064601457e877df54a40d124f390f9b";
  const signIn: [string, string][] = [
    ["$ACTION_REF_1", ""],
    ["$ACTION_1:0", JSON.stringify({ id, bound: "$@1" })],
    ["$ACTION_1:1", '[{"error":null,"email":""}]'],
    ["email", "a@b.de"],
  ];

  it("lets the sign-in form through as a plain post and as React's fetch", async () => {
    const plain = await multipart(signIn);
    expect(await refuseBody(post("/en/sign-in", { "content-type": plain.contentType }), plain.body)).toBeNull();
    const fetched = await multipart([
      ["_1_email", "a@b.de"],
      ["0", '[{"error":null,"email":""},"$K1"]'],
    ]);
    const headers = { "content-type": fetched.contentType, "next-action": id };
    expect(await refuseBody(post("/en/sign-in", headers), fetched.body)).toBeNull();
  });

  it("answers 400 for multipart bodies that do not parse", async () => {
    const { contentType, body } = await multipart(signIn);
    for (const [type, bytes] of [
      [contentType, Buffer.alloc(0)],
      [contentType, body.subarray(0, 100)],
      ["multipart/form-data", body],
      ["multipart/form-data; boundary=zzz", body],
      [contentType, Buffer.from("\u0000garbage")],
    ] as const) {
      expect(await refuseBody(post("/en/sign-in", { "content-type": type }), bytes)).toEqual({
        status: 400,
        reason: "bad_request",
      });
      expect((await refuseBody(post("/en/sign-in", { "content-type": type, "next-action": id }), bytes))?.status).toBe(
        400,
      );
    }
  });

  it("answers 400 for garbage action fields, and for fetch arguments that do not decode", async () => {
    const garbage = await multipart(
      signIn.map(([k, v]): [string, string] => [k, k === "$ACTION_1:1" ? "{garbage" : v]),
    );
    expect((await refuseBody(post("/en/sign-in", { "content-type": garbage.contentType }), garbage.body))?.status).toBe(
      400,
    );
    for (const text of ['"hello"', "{{{", '["$@1"]']) {
      const request = post("/en/sign-in", { "content-type": "text/plain;charset=UTF-8", "next-action": id });
      expect((await refuseBody(request, Buffer.from(text)))?.status).toBe(400);
    }
    const forward = await multipart([
      ["0", '["$1"]'],
      ["1", '"x"'],
    ]);
    const forwardRequest = post("/en/sign-in", { "content-type": forward.contentType, "next-action": id });
    expect((await refuseBody(forwardRequest, forward.body))?.status).toBe(400);
    const unnamed = await multipart([
      ["", "[]"],
      ["0", "[]"],
    ]);
    const unnamedRequest = post("/en/sign-in", { "content-type": unnamed.contentType, "next-action": id });
    expect((await refuseBody(unnamedRequest, unnamed.body))?.status).toBe(400);
    const noRoot = await multipart([["_1_email", "a@b.de"]]);
    const request = post("/en/sign-in", { "content-type": noRoot.contentType, "next-action": id });
    expect((await refuseBody(request, noRoot.body))?.status).toBe(400);
  });

  it("answers 400 for a base64-encoded upload in a fetch action (React refuses it mid-parse)", async () => {
    const body = Buffer.from(
      '--x\r\nContent-Disposition: form-data; name="0"\r\n\r\n["$K1"]\r\n' +
        '--x\r\nContent-Disposition: form-data; name="_1_f"; filename="a.pdf"\r\nContent-Transfer-Encoding: base64\r\n\r\nQQ==\r\n--x--\r\n',
    );
    const headers = { "content-type": "multipart/form-data; boundary=x", "next-action": id };
    expect((await refuseBody(post("/en/sign-in", headers), body))?.status).toBe(400);
  });

  it("leaves what is no server action alone: URL-encoded fetch posts (Next.js: 404) and route handlers", async () => {
    const urlEncoded = post("/en/sign-in", { "content-type": "application/x-www-form-urlencoded", "next-action": id });
    expect(await refuseBody(urlEncoded, Buffer.from("{{{"))).toBeNull();
    expect(
      await refuseBody(post("/api/auth/signin/email", { "content-type": "multipart/form-data" }), Buffer.from("x")),
    ).toBeNull();
  });
});

describe("refusalText", () => {
  it("says it in German and English, with the limit in megabytes", () => {
    expect(refusalText("too_large", 25 * MB)).toBe(
      "Diese Anfrage ist zu groß (höchstens 25 MB) und wurde nicht bearbeitet. Bitte senden Sie kleinere Dateien.\n" +
        "This request is too large (at most 25 MB) and was not processed. Please send smaller files.\n",
    );
  });
});

describe("methods", () => {
  it("answers 405 to a method the portal does not serve (TRACE gave Next.js's 500)", () => {
    for (const method of ["TRACE", "PROPFIND", "FOO"]) {
      expect(refuseHead({ method, url: "/de", headers: {} }, MB)).toEqual({ status: 405, reason: "method" });
    }
    for (const method of ["GET", "HEAD", "POST", "PUT", "DELETE", "PATCH", "OPTIONS"]) {
      expect(refuseHead({ method, url: "/de", headers: {} }, MB)).toBeNull();
    }
  });
});
