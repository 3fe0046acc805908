import { expect, test, type Page } from "@playwright/test";

/** Collects the browser's CSP reports from the console. */
function violationsOf(page: Page): string[] {
  const violations: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
  });
  return violations;
}

/**
 * Loads `path` with an inline script slipped into the HTML the portal sent, as a stored injection
 * would put it there (the response's headers, its policy included, stay as sent), and says whether
 * that script ran. The page's own scripts are untouched.
 */
async function injectedScriptRuns(page: Page, path: string): Promise<boolean> {
  await page.route(path, async (route) => {
    const response = await route.fetch();
    const html = (await response.text()).replace(
      "</body>",
      "<script>document.documentElement.dataset.injected = 'ran'</script></body>",
    );
    await route.fulfill({ response, body: html });
  });
  await page.goto(path);
  await page.waitForLoadState("networkidle");
  await page.unroute(path);
  return (await page.locator("html").getAttribute("data-injected")) === "ran";
}

test.describe("operations basics", () => {
  test("a cached public page approves exactly its own inline scripts by hash, and nothing else runs", async ({
    page,
    request,
  }) => {
    // The first answer fills the page cache (and carries a nonce); the ones after come from it.
    await request.get("/en/privacy");
    const violations = violationsOf(page);
    const response = await page.goto("/en/privacy");
    const headers = response!.headers();
    const csp = headers["content-security-policy"]!;
    expect(csp).not.toContain("nonce-");
    expect(csp).not.toContain("unsafe-inline");
    expect(csp).not.toContain("strict-dynamic");
    expect(csp).toContain("frame-ancestors 'none'");
    const hashes = [...csp.matchAll(/'(sha256-[A-Za-z0-9+/=]+)'/g)].map((m) => m[1]);
    // The same for everyone: no personal data, and a browser asks again.
    expect(headers["cache-control"]).toBe("no-cache");
    expect(headers["x-frame-options"]).toBe("DENY");
    expect(headers["x-content-type-options"]).toBe("nosniff");
    expect(headers["referrer-policy"]).toBe("same-origin");
    expect(headers["set-cookie"]).toBeUndefined();
    expect((await request.get("/en/privacy")).headers()["content-security-policy"]).toBe(csp);
    // Every inline script of the page is approved by one of the hashes, and none carries a nonce.
    const inline = await page
      .locator("script:not([src])")
      .evaluateAll((scripts) =>
        scripts.map((s) => ({ text: s.textContent ?? "", nonce: (s as HTMLScriptElement).nonce })),
      );
    expect(inline.length).toBeGreaterThan(0);
    const digests = await page.evaluate(
      async (texts) => {
        const digest = async (text: string) =>
          `sha256-${btoa(String.fromCharCode(...new Uint8Array(await crypto.subtle.digest("SHA-256", new TextEncoder().encode(text)))))}`;
        return Promise.all(texts.map(digest));
      },
      inline.map((s) => s.text),
    );
    expect(digests.every((d) => hashes.includes(d))).toBe(true);
    expect(inline.every((s) => s.nonce === "")).toBe(true);
    await page.waitForLoadState("networkidle");
    expect(violations).toEqual([]);
    // Hydrated (the language switch follows the section the reader is at), so Next.js's scripts all ran.
    await page.evaluate(() => (window.location.hash = "#rights"));
    await expect(page.locator('a[hreflang="de"]')).toHaveAttribute("href", "/de/privacy#rights");

    expect(await injectedScriptRuns(page, "/en/privacy")).toBe(false);
    await expect.poll(() => violations.length).toBeGreaterThan(0);
  });

  test("a page rendered per request carries a fresh nonce that its own scripts satisfy, and nothing else runs", async ({
    page,
  }) => {
    const violations = violationsOf(page);
    const response = await page.goto("/en/sign-in");
    const headers = response!.headers();
    const csp = headers["content-security-policy"]!;
    const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
    expect(nonce).toBeTruthy();
    expect(csp).not.toContain("sha256-");
    expect(csp).not.toContain("unsafe-inline");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(headers["x-powered-by"]).toBeUndefined();
    expect(headers["x-content-type-options"]).toBe("nosniff");
    expect(headers["x-frame-options"]).toBe("DENY");
    expect(headers["referrer-policy"]).toBe("same-origin");
    expect(headers["cache-control"]).toContain("no-store");
    // HSTS is for production deployments behind HTTPS; the e2e portal runs in demo mode on HTTP.
    expect(headers["strict-transport-security"]).toBeUndefined();
    // Every script Next.js rendered carries this response's nonce, and none was blocked.
    const scriptNonces = await page
      .locator("script")
      .evaluateAll((scripts) => scripts.map((s) => (s as HTMLScriptElement).nonce));
    expect(scriptNonces.length).toBeGreaterThan(0);
    expect(scriptNonces.every((n) => n === nonce)).toBe(true);
    await page.waitForLoadState("networkidle");
    expect(violations).toEqual([]);

    expect(await injectedScriptRuns(page, "/en/sign-in")).toBe(false);
    await expect.poll(() => violations.length).toBeGreaterThan(0);
  });

  test("every response of a page rendered per request gets a fresh nonce", async ({ request }) => {
    const a = (await request.get("/en/sign-in")).headers()["content-security-policy"];
    const b = (await request.get("/en/sign-in")).headers()["content-security-policy"];
    expect(a).not.toEqual(b);
  });

  test("personal pages are never stored, and the public ones are the same for a signed-in browser", async ({
    request,
  }) => {
    for (const path of ["/en/requests/check-email", "/en/sign-in", "/en/my/requests"]) {
      const response = await request.get(path, { maxRedirects: 0 });
      expect(response.headers()["cache-control"], path).toContain("no-store");
    }
    // A cookie does not change what a public page is: no one's data is in it (the first answer fills the cache).
    await request.get("/en/requests/new/access");
    const plain = await (await request.get("/en/requests/new/access")).text();
    const withCookie = await (
      await request.get("/en/requests/new/access", { headers: { cookie: "next-auth.session-token=someone" } })
    ).text();
    expect(withCookie).toBe(plain);
  });

  test("/api/health reports the database", async ({ request }) => {
    const response = await request.get("/api/health");
    expect(response.status()).toBe(200);
    expect(response.headers()["cache-control"]).toContain("no-store");
    const body = await response.json();
    expect(body.status).toBe("ok");
    expect(body.database.ok).toBe(true);
    expect(body.database.engine).toBe(process.env.E2E_DATABASE_URL ? "postgres" : "sqlite");
  });
});
