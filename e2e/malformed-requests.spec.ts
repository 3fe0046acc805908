// Malformed requests get a 4xx, never a 500 (issue 10, item 4): the examples one by one, then a seeded
// fuzzer sending 1,000 malformed requests of every kind to the real portal, counting the answers by
// status and reading the portal's log for error lines. Replay a failure with MALFORMED_SEED=<seed>.
import fs from "node:fs";
import fc from "fast-check";
import { expect, test } from "@playwright/test";
import { E2E_LOG_FILE } from "./support/environment";
import {
  actionFields,
  actionId,
  multipart,
  portalHost,
  portalOrigin,
  sendRaw,
  type RawAnswer,
  type RawRequest,
} from "./support/raw-request";

const MB = 1024 * 1024;
/** One byte over the portal's limit on a request body (MAX_REQUEST_BODY_BYTES). */
const OVERSIZE = 25 * MB + 1;
const SEED = Number(process.env.MALFORMED_SEED ?? 20261130);
const RUNS = 1_000;

test.describe.configure({ mode: "serial" });

interface Forms {
  signIn: [string, string][];
  signInAction: string;
  request: [string, string][];
  requestAction: string;
}

let forms: Forms;

test.beforeAll(async () => {
  const signIn = await actionFields("/en/sign-in");
  const request = await actionFields("/de/requests/new/access");
  forms = { signIn, signInAction: actionId(signIn), request, requestAction: actionId(request) };
});

let addresses = 0;

/** The sign-in form as a browser without JavaScript posts it, for an address nobody knows (no mail goes out). */
function signInForm(email = `malformed-${SEED}-${++addresses}@example.org`): [string, string][] {
  return [...forms.signIn, ["locale", "en"], ["callbackUrl", "/en/my/requests"], ["email", email], ["website", ""]];
}

async function formPost(path: string, fields: [string, string][], headers: Record<string, string> = {}) {
  const { contentType, body } = await multipart(fields);
  return sendRaw({
    method: "POST",
    path,
    headers: { origin: portalOrigin, "content-type": contentType, ...headers },
    body,
  });
}

function fetchAction(id: string, body: string | Buffer, contentType = "text/plain;charset=UTF-8"): RawRequest {
  return {
    method: "POST",
    path: "/en/sign-in",
    headers: { origin: portalOrigin, "next-action": id, "content-type": contentType, accept: "text/x-component" },
    body,
  };
}

test.describe("the examples of the issue", () => {
  const unparsable = ["http://[", "http://localhost:3000.evil.example/"];

  test("a callbackUrl that does not parse, in either cookie or the query, is treated as absent", async () => {
    for (const value of unparsable) {
      for (const cookie of ["next-auth.callback-url", "__Secure-next-auth.callback-url"]) {
        const headers = { cookie: `${cookie}=${encodeURIComponent(value)}` };
        for (const endpoint of ["session", "csrf", "providers"]) {
          const answer = await sendRaw({ method: "GET", path: `/api/auth/${endpoint}`, headers });
          expect(answer.status, `${cookie} on /api/auth/${endpoint}`).toBe(200);
        }
        const callback = await sendRaw({
          method: "GET",
          path: "/api/auth/callback/email?token=x&email=a%40b.de",
          headers,
        });
        expect(callback.status, `${cookie} on the callback`).toBeLessThan(500);
      }
      const query = `callbackUrl=${encodeURIComponent(value)}`;
      for (const endpoint of ["session", "csrf", "providers", "callback/email", "signin"]) {
        const answer = await sendRaw({ method: "GET", path: `/api/auth/${endpoint}?${query}` });
        expect(answer.status, `${value} in the query of /api/auth/${endpoint}`).toBeLessThan(500);
      }
    }
    // next-auth checks the cookie in getServerSession too: pages that ask for the session ignore it as well.
    for (const path of ["/de/requests/new/access", "/en/sign-in", "/de/my/requests"]) {
      const headers = { cookie: "next-auth.callback-url=http%3A%2F%2F%5B" };
      expect((await sendRaw({ method: "GET", path, headers })).status, path).toBeLessThan(400);
    }
    // The cookie is not just ignored: the browser is told to forget it (next-auth sets its own value).
    const cleared = await sendRaw({
      method: "GET",
      path: "/api/auth/csrf",
      headers: { cookie: "next-auth.callback-url=http%3A%2F%2F%5B" },
    });
    expect(String(cleared.headers["set-cookie"])).toContain(
      `next-auth.callback-url=${encodeURIComponent(portalOrigin)}`,
    );
  });

  test("a callbackUrl posted to /api/auth/signin/email that does not parse is treated as absent; JSON that does not parse is refused", async () => {
    const csrf = await sendRaw({ method: "GET", path: "/api/auth/csrf" });
    const { csrfToken } = JSON.parse(csrf.text) as { csrfToken: string };
    const cookie = String(csrf.headers["set-cookie"]).split(";")[0]!;
    const form = new URLSearchParams({ email: "nobody@example.org", csrfToken, callbackUrl: unparsable[1]! });
    const answer = await sendRaw({
      method: "POST",
      path: "/api/auth/signin/email",
      headers: { cookie, "content-type": "application/x-www-form-urlencoded" },
      body: form.toString(),
    });
    expect(answer.status).toBe(302);
    const json = await sendRaw({
      method: "POST",
      path: "/api/auth/signin/email",
      headers: { "content-type": "application/json" },
      body: '{"callbackUrl":',
    });
    expect(json.status).toBe(400);
  });

  test("a chunked body over 25 MB is refused with 413; a small chunked form post still works", async () => {
    const { contentType, body } = await multipart([...signInForm(), ["pad", "x".repeat(OVERSIZE)]]);
    const big = await sendRaw({
      method: "POST",
      path: "/en/sign-in",
      headers: { origin: portalOrigin, "content-type": contentType },
      body,
      chunked: true,
    });
    expect(big.status).toBe(413);
    expect(big.text).toContain("This request is too large (at most 25 MB)");
    const small = await multipart(signInForm());
    const answer = await sendRaw({
      method: "POST",
      path: "/en/sign-in",
      headers: { origin: portalOrigin, "content-type": small.contentType },
      body: small.body,
      chunked: true,
    });
    expect(answer.status).toBe(303);
    expect(answer.headers.location).toBe("/en/sign-in/check-email");
  });

  test("garbage action fields and broken multipart bodies are refused with 400", async () => {
    const garbage = (name: string, value: string) =>
      signInForm().map(([k, v]): [string, string] => [k, k === name ? value : v]);
    const ref = forms.signIn.find(([name]) => name.endsWith(":1"))![0];
    expect((await formPost("/en/sign-in", garbage(ref, "{garbage"))).status).toBe(400);
    expect((await formPost("/en/sign-in", garbage(ref, '"not the arguments"'))).status).toBe(400);
    expect((await formPost("/en/sign-in", [...signInForm(), ["$ACTION_ID_%%%", ""]])).status).toBe(400);
    const { contentType, body } = await multipart(signInForm());
    for (const [type, bytes] of [
      [contentType, body.subarray(0, body.length / 2)],
      ["multipart/form-data", body],
      ["multipart/form-data; boundary=nothing-like-it", body],
    ] as const) {
      const answer = await sendRaw({
        method: "POST",
        path: "/en/sign-in",
        headers: { origin: portalOrigin, "content-type": type },
        body: bytes,
      });
      expect(answer.status, type).toBe(400);
    }
  });

  test("an unknown action id gets Next.js's 4xx; a non-form argument to the sign-in action gets 400 or 404", async () => {
    expect((await sendRaw(fetchAction("ab".repeat(21), "[]"))).status).toBe(409);
    expect((await sendRaw(fetchAction("garbage!", "[]"))).status).toBe(400);
    // The sign-in action called with a string, with texts, with nothing: no form, no 500.
    expect((await sendRaw(fetchAction(forms.signInAction, '"hello"'))).status).toBe(400);
    expect((await sendRaw(fetchAction(forms.signInAction, '["a","b"]'))).status).toBe(404);
    expect((await sendRaw(fetchAction(forms.signInAction, "[null,null]"))).status).toBe(404);
    expect((await sendRaw(fetchAction(forms.signInAction, "{{{"))).status).toBe(400);
    // The same action with its form (as React sends it) still works.
    const { contentType, body } = await multipart([
      ["_1_email", "nobody@example.org"],
      ["_1_locale", "en"],
      ["0", '[{"error":null,"email":""},"$K1"]'],
    ]);
    const answer = await sendRaw(fetchAction(forms.signInAction, body, contentType));
    expect(answer.status).toBe(200);
    expect(answer.headers["x-action-redirect"]).toContain("/en/sign-in/check-email");
  });

  test("an action post from another origin or with Origin: null is refused with 403, before Next.js", async () => {
    for (const origin of ["null", "http://evil.example", "http://[", `${portalOrigin}.evil.example`]) {
      const answer = await formPost("/en/sign-in", signInForm(), { origin });
      expect(answer.status, origin).toBe(403);
      expect(answer.text).toContain("This form was sent from another website");
      const fetched = await sendRaw({
        ...fetchAction(forms.signInAction, "[]"),
        headers: { origin, "next-action": forms.signInAction },
      });
      expect(fetched.status, `${origin} (fetch)`).toBe(403);
    }
    // Next.js's rule: behind a proxy, the forwarded host is the one to match.
    const forwarded = await formPost("/en/sign-in", signInForm(), {
      origin: "https://portal.example",
      "x-forwarded-host": "portal.example",
    });
    expect(forwarded.status).toBe(303);
  });

  test("a path that does not percent-decode is refused with 400", async () => {
    for (const path of ["/de/%E0%A4%A", "/api/attachments/%zz", "/api/auth/%", "/de/requests/new/%ZZ"]) {
      expect((await sendRaw({ method: "GET", path })).status, path).toBe(400);
    }
  });
});

// ---- the fuzzer -------------------------------------------------------------------------------------

interface Fuzzed extends RawRequest {
  kind: string;
}

const garbageText = fc.oneof(
  fc.constantFrom(
    "http://[",
    "http://localhost:3000.evil.example/",
    "https://evil.example/",
    "//evil.example",
    "/\\evil.example",
    "javascript:alert(1)",
    "%",
    "%E0%A4%A",
    "http://127.0.0.1:%zz/",
    "",
    " ",
    "\u0000",
    "/en/my/requests",
    `${portalOrigin}/de`,
    "{",
    '{"a":',
    "[",
    "$",
    "$@1",
    "$Q1",
    "$n1x",
    "x".repeat(5_000),
  ),
  fc.string({ maxLength: 40 }),
  fc.string({ unit: "binary", maxLength: 20 }),
  fc.webUrl(),
);

/** `text` with the characters outside `keep` percent-encoded as UTF-8 (lone surrogates as U+FFFD, never a throw). */
function percentEncode(text: string, keep: RegExp): string {
  return [...text]
    .map((c) =>
      keep.test(c) ? c : [...Buffer.from(c, "utf8")].map((b) => `%${b.toString(16).padStart(2, "0")}`).join(""),
    )
    .join("");
}

/** What may stand in a header: printable ASCII (Node refuses control bytes), garbage percent signs included. */
const headerText = garbageText.map((text) => percentEncode(text, /^[\x20-\x7e]$/));
/** What may stand in a path: no spaces, quotes, brackets or ? and # (they would end or change the path). */
const pathText = garbageText.map((text) =>
  percentEncode(text, /^[\x21-\x7e]$/).replace(/["<>\\^`{|}#?]/g, (c) => `%${c.charCodeAt(0).toString(16)}`),
);

const authEndpoints = [
  "session",
  "csrf",
  "providers",
  "callback/email?token=x&email=a%40b.de",
  "signin",
  "signin/email",
  "signout",
  "error",
  "verify-request",
];
const pages = [
  "/de/sign-in",
  "/en/sign-in",
  "/de/requests/new/access",
  "/de/my/requests",
  "/de/my/requests/DSR-2026-000001",
  "/en",
];
const anyPath = fc.constantFrom(
  ...pages,
  ...authEndpoints.map((e) => `/api/auth/${e}`),
  "/api/attachments/x",
  "/api/health",
);

/** The generators of one kind of malformed request each, with how often each is drawn. */
function kinds(): { name: string; weight: number; arbitrary: fc.Arbitrary<RawRequest | Promise<RawRequest>> }[] {
  const replyText = fc.oneof(
    garbageText,
    fc.json(),
    fc
      .array(fc.oneof(garbageText, fc.constantFrom("$K1", "$@1", "$1", "$1:a", "$T", "$h1", "$undefined", "$n12")), {
        maxLength: 4,
      })
      .map((items) => JSON.stringify(items)),
  );
  return [
    {
      name: "bad cookies",
      weight: 5,
      arbitrary: fc
        .record({
          path: fc.oneof(anyPath, fc.constantFrom(...authEndpoints.map((e) => `/api/auth/${e}`))),
          cookies: fc.array(
            fc.oneof(
              fc.tuple(
                fc.constantFrom(
                  "next-auth.session-token",
                  "__Secure-next-auth.session-token",
                  "next-auth.callback-url",
                  "__Secure-next-auth.callback-url",
                  "next-auth.csrf-token",
                  "__Host-next-auth.csrf-token",
                  "NEXT_LOCALE",
                ),
                headerText,
              ),
              fc.tuple(headerText, headerText),
            ),
            { minLength: 1, maxLength: 4 },
          ),
        })
        .map(({ path, cookies }) => ({
          method: "GET",
          path,
          headers: {
            cookie: cookies
              .map(([name, value]) => `${name.replace(/[=;]/g, "")}=${value.replace(/;/g, "%3B")}`)
              .join("; "),
          },
        })),
    },
    {
      name: "bad callbackUrl in the query",
      weight: 5,
      arbitrary: fc
        .record({
          endpoint: fc.constantFrom(...authEndpoints),
          value: garbageText,
          extra: fc.constantFrom("", "&error=%", "&callbackUrl=%2Fde"),
        })
        .map(({ endpoint, value, extra }) => ({
          method: "GET",
          path: `/api/auth/${endpoint}${endpoint.includes("?") ? "&" : "?"}callbackUrl=${percentEncode(value, /^[A-Za-z0-9._~-]$/)}${extra}`,
        })),
    },
    {
      name: "bad callbackUrl in the body",
      weight: 5,
      arbitrary: fc
        .record({
          endpoint: fc.constantFrom("signin/email", "signout", "callback/email", "session", "csrf"),
          json: fc.boolean(),
          fields: fc.dictionary(
            fc.constantFrom("callbackUrl", "csrfToken", "email", "json", "token"),
            fc.oneof(garbageText, fc.integer(), fc.constant(null)),
            { minKeys: 1 },
          ),
          raw: fc.option(garbageText, { freq: 4 }),
        })
        .map(({ endpoint, json, fields, raw }) => ({
          method: "POST",
          path: `/api/auth/${endpoint}`,
          headers: { "content-type": json ? "application/json" : "application/x-www-form-urlencoded" },
          body:
            raw ??
            (json
              ? JSON.stringify(fields)
              : new URLSearchParams(
                  Object.entries(fields).map(([k, v]) => [k, String(v).replace(/[\ud800-\udfff]/g, "")]),
                ).toString()),
        })),
    },
    {
      name: "chunked body over the limit",
      weight: 1,
      arbitrary: fc.record({ path: anyPath, extra: fc.nat(MB), form: fc.boolean() }).map(({ path, extra, form }) => ({
        method: "POST",
        path,
        headers: {
          origin: portalOrigin,
          "content-type": form ? "multipart/form-data; boundary=x" : "application/octet-stream",
        },
        body: Buffer.alloc(OVERSIZE + extra, 120),
        chunked: true,
      })),
    },
    {
      name: "chunked small body",
      weight: 4,
      arbitrary: fc
        .record({ path: anyPath, form: fc.boolean(), bytes: fc.uint8Array({ maxLength: 2_000 }) })
        .map(async ({ path, form, bytes }): Promise<RawRequest> => {
          if (!form)
            return { method: "POST", path, headers: { origin: portalOrigin }, body: Buffer.from(bytes), chunked: true };
          const encoded = await multipart(signInForm());
          return {
            method: "POST",
            path: "/en/sign-in",
            headers: { origin: portalOrigin, "content-type": encoded.contentType },
            body: encoded.body,
            chunked: true,
          };
        }),
    },
    {
      name: "broken multipart",
      weight: 5,
      arbitrary: fc
        .record({
          path: fc.constantFrom(...pages),
          cut: fc.double({ min: 0, max: 1, noNaN: true }),
          boundary: fc.constantFrom("ok", "missing", "wrong", "empty"),
          garbage: fc.option(fc.uint8Array({ maxLength: 300 })),
          base64: fc.boolean(),
          fetch: fc.boolean(),
        })
        .map(async ({ path, cut, boundary, garbage, base64, fetch }) => {
          const encoded = await multipart([
            ...signInForm(),
            ["attachments", { file: "x.pdf", bytes: new Uint8Array([37, 80, 68, 70]) }],
          ]);
          let body = garbage
            ? Buffer.concat([encoded.body.subarray(0, 60), Buffer.from(garbage)])
            : encoded.body.subarray(0, Math.floor(encoded.body.length * cut));
          if (base64)
            body = Buffer.from(
              body
                .toString("latin1")
                .replace("Content-Type: application/octet-stream", "Content-Transfer-Encoding: base64"),
              "latin1",
            );
          const contentType = {
            ok: encoded.contentType,
            missing: "multipart/form-data",
            wrong: "multipart/form-data; boundary=elsewhere",
            empty: "multipart/form-data; boundary=",
          }[boundary];
          const headers: Record<string, string> = { origin: portalOrigin, "content-type": contentType };
          if (fetch) headers["next-action"] = forms.signInAction;
          return { method: "POST", path, headers, body };
        }),
    },
    {
      name: "garbage action fields",
      weight: 6,
      arbitrary: fc
        .record({
          page: fc.constantFrom("sign-in", "request"),
          changes: fc.array(
            fc.tuple(
              fc.oneof(
                fc.constantFrom("$ACTION_REF_1", "$ACTION_1:0", "$ACTION_1:1", "$ACTION_KEY", "$ACTION_ID_"),
                fc.string({ maxLength: 12 }).map((s) => `$ACTION_${s}`),
              ),
              replyText,
            ),
            { minLength: 1, maxLength: 3 },
          ),
          replace: fc.boolean(),
        })
        .map(async ({ page, changes, replace }) => {
          const [path, base] =
            page === "sign-in"
              ? ["/en/sign-in", signInForm()]
              : [
                  "/de/requests/new/access",
                  [...forms.request, ["type", "access"], ["locale", "de"]] as [string, string][],
                ];
          let fields = base;
          for (const [name, value] of changes) {
            const target = name === "$ACTION_ID_" ? `$ACTION_ID_${value.slice(0, 50)}` : name;
            fields =
              replace && fields.some(([k]) => k === target)
                ? fields.map(([k, v]): [string, string] => [k, k === target ? value : v])
                : [...fields, [target, value]];
          }
          const encoded = await multipart(fields);
          return {
            method: "POST",
            path,
            headers: { origin: portalOrigin, "content-type": encoded.contentType },
            body: encoded.body,
          };
        }),
    },
    {
      name: "garbage action ids",
      weight: 4,
      arbitrary: fc
        .record({
          id: fc.oneof(headerText, fc.stringMatching(/^[0-9a-f]{40,44}$/), fc.constant("VALID")),
          body: replyText,
          multipartBody: fc.boolean(),
          // Fields React reads as rows though they are none: an empty name, "00", "S1", a second "0".
          extra: fc.option(fc.tuple(fc.constantFrom("", "00", "S1", "0", "1", " "), replyText)),
        })
        .map(async ({ id, body, multipartBody, extra }) => {
          const action = id === "VALID" ? forms.signInAction : id;
          if (!multipartBody) return fetchAction(action, body);
          const encoded = await multipart([...(extra ? [extra] : []), ["0", body], ["_1_email", "nobody@example.org"]]);
          return fetchAction(action, encoded.body, encoded.contentType);
        }),
    },
    {
      name: "wrong origin",
      weight: 4,
      arbitrary: fc
        .record({
          origin: fc.oneof(
            fc.constantFrom("null", "http://evil.example", "http://[", "", `${portalOrigin}, http://evil.example`),
            headerText,
          ),
          forwardedHost: fc.option(fc.oneof(fc.constant(portalHost), headerText)),
          fetch: fc.boolean(),
        })
        .map(async ({ origin, forwardedHost, fetch }) => {
          const encoded = await multipart(signInForm());
          const headers: Record<string, string> = { origin, "content-type": encoded.contentType };
          if (forwardedHost !== null) headers["x-forwarded-host"] = forwardedHost;
          if (fetch) headers["next-action"] = forms.signInAction;
          return { method: "POST", path: "/en/sign-in", headers, body: encoded.body };
        }),
    },
    {
      name: "non-form body with an action header",
      weight: 4,
      arbitrary: fc
        .record({
          body: fc.oneof(
            replyText,
            fc.json().map((json) => `[${json}]`),
            fc.constantFrom('"hello"', "[]", "[null]", '["a","b"]', "[1,2,3]", '[{"attempt":1},"x"]'),
          ),
          contentType: fc.constantFrom(
            "text/plain;charset=UTF-8",
            "application/json",
            "application/octet-stream",
            "application/x-www-form-urlencoded",
            "",
          ),
          action: fc.constantFrom("signIn", "request"),
        })
        .map(({ body, contentType, action }) => {
          const request = fetchAction(
            action === "signIn" ? forms.signInAction : forms.requestAction,
            body,
            contentType,
          );
          return action === "signIn" ? request : { ...request, path: "/de/requests/new/access" };
        }),
    },
    {
      name: "bad method, path or percent-encoding",
      weight: 5,
      arbitrary: fc
        .record({
          method: fc.constantFrom(
            "GET",
            "HEAD",
            "POST",
            "PUT",
            "DELETE",
            "PATCH",
            "OPTIONS",
            "TRACE",
            "PROPFIND",
            "FOO",
          ),
          prefix: fc.constantFrom(
            "/api/auth/",
            "/api/attachments/",
            "/de/requests/new/",
            "/de/sign-in/",
            "/de/my/requests/",
            "/api/demo-mailbox/",
            "/_next/static/",
            "/de/privacy/versions/",
            "/",
          ),
          segment: fc.oneof(
            pathText,
            fc.constantFrom(
              "%",
              "%zz",
              "%E0%A4%A",
              "%C0%AF",
              "..%2F..%2Fetc%2Fpasswd",
              "%00",
              "access",
              "session",
              "x.segments/%zz.segment.rsc",
            ),
          ),
          query: fc.option(pathText),
        })
        .map(({ method, prefix, segment, query }) => ({
          method,
          path: `${prefix}${segment}${query === null ? "" : `?${query}`}`,
        })),
    },
    {
      name: "bad framework headers",
      weight: 3,
      arbitrary: fc
        .record({
          path: anyPath,
          headers: fc.dictionary(
            fc.constantFrom(
              "rsc",
              "next-router-state-tree",
              "next-router-prefetch",
              "next-router-segment-prefetch",
              "next-url",
              "accept-language",
              "x-forwarded-proto",
              "x-forwarded-host",
              "content-type",
              "next-action",
            ),
            headerText,
            { minKeys: 1 },
          ),
        })
        .map(({ path, headers }) => ({ method: "GET", path, headers })),
    },
  ];
}

/** Lines of the portal's log at error level: our JSON lines ("level":"error"/"fatal") and Next.js's "⨯" lines. */
function errorLines(log: string): string[] {
  return log.split("\n").filter((line) => /"level":"(error|fatal)"/.test(line) || line.includes("⨯"));
}

test(`1,000 malformed requests of every kind get no answer >= 500, and no error line in the log (seed ${SEED})`, async () => {
  test.setTimeout(600_000);
  const all = kinds();
  const arbitrary = fc.oneof(
    ...all.map(({ name, weight, arbitrary }) => ({
      weight,
      arbitrary: arbitrary.map((request) => ({ name, request })),
    })),
  );
  const drawn = fc.sample(arbitrary, { seed: SEED, numRuns: RUNS });
  const logStart = fs.existsSync(E2E_LOG_FILE) ? fs.statSync(E2E_LOG_FILE).size : 0;

  const byKind = new Map<string, Map<number, number>>();
  const failures: { index: number; request: Fuzzed; answer: RawAnswer }[] = [];
  for (const [index, { name, request: pending }] of drawn.entries()) {
    const request: Fuzzed = { kind: name, ...(await pending) };
    const answer = await sendRaw(request);
    const counts = byKind.get(name) ?? new Map<number, number>();
    counts.set(answer.status, (counts.get(answer.status) ?? 0) + 1);
    byKind.set(name, counts);
    if (answer.status >= 500 || answer.status === 0) failures.push({ index, request, answer });
  }

  // Let the last lines reach the log.
  await new Promise((resolve) => setTimeout(resolve, 1_000));
  const log = fs.existsSync(E2E_LOG_FILE) ? fs.readFileSync(E2E_LOG_FILE).subarray(logStart).toString("utf8") : "";

  const statuses = new Map<number, number>();
  const table = [...byKind.entries()].map(([kind, counts]) => {
    for (const [status, n] of counts) statuses.set(status, (statuses.get(status) ?? 0) + n);
    const total = [...counts.values()].reduce((a, b) => a + b, 0);
    const spread = [...counts.entries()].sort(([a], [b]) => a - b).map(([status, n]) => `${status}×${n}`);
    return `  ${kind.padEnd(38)} ${String(total).padStart(4)}  ${spread.join(" ")}`;
  });
  const overall = [...statuses.entries()].sort(([a], [b]) => a - b).map(([status, n]) => `${status}×${n}`);
  console.log(`malformed requests (seed ${SEED}):\n${table.join("\n")}\n  all: ${RUNS}  ${overall.join(" ")}`);
  for (const { index, request, answer } of failures.slice(0, 10)) {
    const body = request.body === undefined ? "" : Buffer.from(request.body).subarray(0, 300).toString("utf8");
    console.log(
      `#${index} ${request.kind}: ${request.method} ${request.path} ${JSON.stringify(request.headers)} ${JSON.stringify(body)} -> ${answer.status} ${answer.error ?? answer.text.slice(0, 200)}`,
    );
  }

  expect([...statuses.values()].reduce((a, b) => a + b, 0)).toBe(RUNS);
  expect(byKind.size).toBe(all.length);
  expect(failures.map(({ index, request }) => `#${index} ${request.kind}`)).toEqual([]);
  expect(errorLines(log)).toEqual([]);
});
