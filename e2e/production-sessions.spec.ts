// The portal as deployed: PORTAL_MODE=production with an https PUBLIC_URL, reached by the browser
// over TLS (scripts/test/tls-proxy.ts in front of scripts/test/e2e-server.ts --production). The
// session cookie is then __Secure- and Secure; sign-out must delete it in a way the browser
// accepts, and end the session on the server, so that a replayed copy of the cookie opens nothing.
import { expect, test } from "@playwright/test";
import { CHROMIUM, CHROMIUM_ARGS, E2E_PRODUCTION_HOST, E2E_PRODUCTION_PUBLIC_URL } from "./support/environment";
import { signInByMailedLink } from "./support/sign-in";

test.use({
  baseURL: E2E_PRODUCTION_PUBLIC_URL,
  // The proxy's certificate is self-signed for portal.example, which Chromium is told is this machine.
  ignoreHTTPSErrors: true,
  launchOptions: {
    executablePath: CHROMIUM,
    args: [...CHROMIUM_ARGS, `--host-resolver-rules=MAP ${E2E_PRODUCTION_HOST} 127.0.0.1`],
  },
});

const SESSION_COOKIE = "__Secure-next-auth.session-token";

test("in production, sign-out ends the session for good, and a replayed cookie is refused", async ({
  page,
  browser,
}) => {
  const response = await page.goto("/en/sign-in");
  expect(response?.headers()["strict-transport-security"]).toMatch(/max-age=\d+/);
  await signInByMailedLink(page, "anna.schmidt@demo.example", "en");
  await expect(page).toHaveURL(`${E2E_PRODUCTION_PUBLIC_URL}/en/my/requests`);

  const cookies = await page.context().cookies();
  const session = cookies.find((c) => c.name === SESSION_COOKIE);
  expect(session).toMatchObject({ secure: true, httpOnly: true, sameSite: "Lax", path: "/" });
  expect(cookies.find((c) => c.name === "next-auth.session-token")).toBeUndefined();

  await page.getByRole("button", { name: "Sign out", exact: true }).click();
  await expect(page).toHaveURL(`${E2E_PRODUCTION_PUBLIC_URL}/en/sign-in`);
  // The browser accepted the deletion (a deleting cookie without Secure would have been ignored)…
  expect((await page.context().cookies()).find((c) => c.name === SESSION_COOKIE)).toBeUndefined();
  await page.goto("/en/my/requests");
  await expect(page).toHaveURL(/\/en\/sign-in\?callbackUrl=/);

  // …and the server ended the session: the copy of the cookie opens nothing.
  const replay = await browser.newContext({ ignoreHTTPSErrors: true, baseURL: E2E_PRODUCTION_PUBLIC_URL });
  await replay.addCookies([session!]);
  const stolen = await replay.newPage();
  await stolen.goto("/en/my/requests");
  await expect(stolen).toHaveURL(/\/en\/sign-in\?callbackUrl=/);
  // (Through the browser: only it knows that portal.example is this machine.)
  await stolen.goto("/api/auth/session");
  expect(JSON.parse((await stolen.locator("body").textContent()) ?? "")).toEqual({});
  await replay.close();
});
