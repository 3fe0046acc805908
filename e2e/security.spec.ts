import { expect, test } from "@playwright/test";

test.describe("operations basics", () => {
  test("pages carry a nonce-based CSP that the page's own scripts satisfy", async ({ page }) => {
    const violations: string[] = [];
    page.on("console", (message) => {
      if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
    });
    const response = await page.goto("/en");
    const headers = response!.headers();
    const csp = headers["content-security-policy"]!;
    const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
    expect(nonce).toBeTruthy();
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain("unsafe-inline");
    expect(headers["x-powered-by"]).toBeUndefined();
    expect(headers["x-content-type-options"]).toBe("nosniff");
    expect(headers["x-frame-options"]).toBe("DENY");
    expect(headers["referrer-policy"]).toBe("same-origin");
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
  });

  test("every response gets a fresh nonce", async ({ request }) => {
    const a = (await request.get("/en")).headers()["content-security-policy"];
    const b = (await request.get("/en")).headers()["content-security-policy"];
    expect(a).not.toEqual(b);
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
