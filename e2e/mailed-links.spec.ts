// Mail scanners and link previews open every link in a mail, with and without cookies. A GET or
// HEAD of a confirmation or sign-in link must change nothing; the person's own click, and the
// button on the page it opens, confirms and signs in. The `verified` audit entry then carries the
// person's user agent, not the scanner's (receipt, Art. 12(3)). Sessions end on the server:
// sign-out and "sign out everywhere" leave a copied cookie worth nothing, and using a session never
// moves its end.
import { expect, request as http, test, type APIRequestContext } from "@playwright/test";
import { expectAccessible } from "./support/axe";
import { e2eDb } from "./support/database";
import { waitForMail } from "./support/mailbox";
import { followMailedLink, mailedLink, signInByMailedLink } from "./support/sign-in";

const PERSON = "Mozilla/5.0 (X11; Linux x86_64) PersonsOwnBrowser/1.0";
const SCANNER = "LinkScanner/2.1 (mail security)";
test.use({ userAgent: PERSON, locale: "en-GB" });

/** What a link's click could change: the request, the tokens, the sessions, the users of the address. */
async function footprint(email: string) {
  const db = e2eDb();
  const user = await db.user.findUnique({ where: { email } });
  return {
    requests: await db.request.findMany({
      where: { subjectEmail: email },
      select: { status: true, version: true, auditHeadSeq: true, subjectUserId: true },
    }),
    tokens: await db.verificationToken.count({ where: { identifier: email } }),
    user: user && { id: user.id, emailVerified: user.emailVerified },
    sessions: user ? await db.session.count({ where: { userId: user.id } }) : 0,
  };
}

/** A scanner's visits: GET and HEAD, following redirects, three times, with a cookie jar it keeps. */
async function scan(scanner: APIRequestContext, link: string): Promise<void> {
  for (let i = 0; i < 3; i++) {
    expect((await scanner.get(link)).status()).toBe(200);
    expect((await scanner.head(link)).status()).toBe(200);
  }
}

test("a scanned confirmation link still confirms for the person, whose click is on record", async ({
  page,
  baseURL,
}) => {
  const email = `scanned-${Date.now()}@example.org`;
  await page.goto("/en/requests/new/erasure");
  await page.locator('[name="details.scope"][value="all"]').check();
  await page.locator('[name="details.ground"][value="unsure"]').check();
  await page.locator('[name="email"]').fill(email);
  const sent = Date.now();
  await page.getByRole("button", { name: "Send request" }).click();
  await expect(page).toHaveURL(/\/en\/requests\/check-email$/);
  const mail = await waitForMail(
    (m) => m.envelope.to.includes(email) && Date.parse(m.receivedAt) >= sent - 1000,
    30_000,
  );
  const link = mailedLink(mail.text);

  const before = await footprint(email);
  expect(before.requests).toMatchObject([{ status: "awaiting_verification" }]);
  expect(before.tokens).toBe(1);
  const [fresh, keeper] = await Promise.all([
    http.newContext({ baseURL, userAgent: SCANNER }),
    http.newContext({ baseURL, userAgent: SCANNER }),
  ]);
  await scan(fresh, link);
  await fresh.dispose();
  await scan(keeper, link);
  await keeper.dispose();
  // Also the old way in: next-auth's callback with the same token only leads to the page.
  const token = new URL(link).searchParams.get("token")!;
  const oldStyle = await page.request.get(`/api/auth/callback/email?${new URLSearchParams({ token, email })}`, {
    maxRedirects: 0,
  });
  expect(oldStyle.status()).toBe(303);
  expect(new URL(oldStyle.headers().location!).pathname).toBe("/de/sign-in/link");
  expect(await footprint(email)).toEqual(before);

  // The person's click: a page that says what will happen, and one button.
  await page.goto(link);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(/^Confirm request DSR-\d{4}-\d{6}$/);
  await expect(page.getByText(/sign in as \w\*\*\*@example\.org/)).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("button", { name: "Confirm the request and sign in" }).click();
  await expect(page).toHaveURL(/\/en\/my\/requests\/DSR-\d{4}-\d{6}\?notice=confirmed$/);
  await expect(page.getByTestId("timeline").locator('[data-event="verified"]')).toBeVisible();

  const db = e2eDb();
  const request = await db.request.findFirstOrThrow({ where: { subjectEmail: email } });
  expect(request.status).toBe("received");
  const verified = await db.auditEntry.findFirstOrThrow({ where: { requestId: request.id, event: "verified" } });
  expect(verified.userAgent).toBe(PERSON);
  expect(await db.verificationToken.count({ where: { identifier: email } })).toBe(0);

  // Afterwards the link is spent: a scanner's visit or a second click finds nothing to press.
  await page.goto(link);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("This link no longer works");
  await expect(page.getByRole("button", { name: "Confirm the request and sign in" })).toHaveCount(0);
});

test("a scanned sign-in link still signs the person in", async ({ page, baseURL }) => {
  const email = "lea.fischer@demo.example";
  await page.goto("/en/sign-in");
  await page.getByLabel("Email address").fill(email);
  const asked = Date.now();
  await page.getByRole("button", { name: "Send sign-in link" }).click();
  await expect(page).toHaveURL(/\/en\/sign-in\/check-email$/);
  const mail = await waitForMail(
    (m) => m.envelope.to.includes(email) && /sign-in link/.test(m.subject) && Date.parse(m.receivedAt) >= asked,
    30_000,
  );
  const link = mailedLink(mail.text);
  const before = await footprint(email);
  const scanner = await http.newContext({ baseURL, userAgent: SCANNER });
  await scan(scanner, link);
  await scanner.dispose();
  expect(await footprint(email)).toEqual(before);

  await followMailedLink(page, link);
  await expect(page).toHaveURL(/\/en\/my\/requests$/);
  await expect(page.getByText(`Signed in as ${email}`)).toBeVisible();
});

test("sign-out ends the session on the server: a copy of its cookie opens nothing", async ({ page, browser }) => {
  await page.goto("/en/sign-in");
  await signInByMailedLink(page, "jonas.weber@demo.example", "en");
  await expect(page).toHaveURL(/\/en\/my\/requests$/);
  const copied = await page.context().cookies();
  expect(copied.map((c) => c.name)).toContain("next-auth.session-token");

  // Using the session (next-auth's own endpoint re-sends its cookie) never moves its end.
  const db = e2eDb();
  const user = await db.user.findUniqueOrThrow({ where: { email: "jonas.weber@demo.example" } });
  const row = await db.session.findFirstOrThrow({ where: { userId: user.id }, orderBy: { createdAt: "desc" } });
  expect(row.expires.getTime() - row.createdAt.getTime()).toBe(8 * 3_600_000);
  for (let i = 0; i < 3; i++) expect((await page.request.get("/api/auth/session")).status()).toBe(200);
  expect((await db.session.findUniqueOrThrow({ where: { id: row.id } })).expires).toEqual(row.expires);

  await page.getByRole("button", { name: "Sign out", exact: true }).click();
  await expect(page).toHaveURL(/\/en\/sign-in$/);
  expect(await db.session.count({ where: { id: row.id } })).toBe(0);

  const replay = await browser.newContext();
  await replay.addCookies(copied);
  const stolen = await replay.newPage();
  await stolen.goto("/en/my/requests");
  await expect(stolen).toHaveURL(/\/en\/sign-in\?callbackUrl=/);
  expect(await (await stolen.request.get("/api/auth/session")).json()).toEqual({});
  await replay.close();
});

test("sign out everywhere ends the sessions on every device", async ({ page, browser }) => {
  // An account of its own: ending every session of a shared demo subject would sign other tests out.
  const email = `everywhere-${Date.now()}@example.org`;
  await e2eDb().user.create({ data: { email } });
  const phone = await browser.newContext({ userAgent: PERSON });
  const phonePage = await phone.newPage();
  await phonePage.goto("/en/sign-in");
  await signInByMailedLink(phonePage, email, "en");
  await expect(phonePage).toHaveURL(/\/en\/my\/requests$/);
  await page.goto("/en/sign-in");
  await signInByMailedLink(page, email, "en");
  await expect(page).toHaveURL(/\/en\/my\/requests$/);

  await page.getByRole("button", { name: "Sign out on all devices" }).click();
  await expect(page).toHaveURL(/\/en\/sign-in\?notice=signed_out_everywhere$/);
  await expect(page.getByTestId("sign-in-notice")).toHaveText(/signed out on every device/);
  await expectAccessible(page);
  await phonePage.goto("/en/my/requests");
  await expect(phonePage).toHaveURL(/\/en\/sign-in\?callbackUrl=/);
  const user = await e2eDb().user.findUniqueOrThrow({ where: { email } });
  expect(await e2eDb().session.count({ where: { userId: user.id } })).toBe(0);
  await phone.close();
});
