// Staff sign-in: the magic link, then the TOTP second factor, in both languages. The DPO (enrolled
// in demo mode) types the current code and reaches the page asked for; a wrong code is refused on
// the page; until the code, the session counts as signed out everywhere else. A new staff member
// enrols: QR code and typed key, the first code, the recovery codes once. axe checks every state.
import { expect, test, type Page } from "@playwright/test";
import { totpCode } from "../lib/backoffice/second-factor/totp";
import { expectAccessible } from "./support/axe";
import { e2eDb } from "./support/database";
import { E2E_DEMO_PORT } from "./support/environment";
import { confirmDemoStaffCode, pressAndWait, typeCode } from "./support/second-factor";
import { signInByMailedLink } from "./support/sign-in";

// The DPO's codes count once across sessions: the languages take turns rather than race for a time step.
test.describe.configure({ mode: "serial" });

const dpo = "dpo@demo.example";

const words = {
  en: {
    title: "Confirm it's you",
    code: "6-digit code",
    confirm: "Confirm",
    wrong: "That code is not right.",
    demo: `npm run -s totp -- ${dpo}`,
    confirmed: "Your second factor is confirmed for this session.",
    recoveryToggle: "No access to your app? Use a recovery code",
    recoveryCode: "Recovery code",
    useRecovery: "Use recovery code",
    wrongRecovery: "That recovery code is not right.",
    setup: "Set up an authenticator app",
    qr: /^QR code for your authenticator app\. If you cannot scan it, type in the key/,
    codes: "Your recovery codes",
    continue: "Continue",
    fresh: "Confirm it's you again: opening a subject's files or revealing masked data needs a code",
    limited: "Too many wrong codes. To protect your account, no code is accepted for the next 15 minutes.",
  },
  de: {
    title: "Bestätigen Sie, dass Sie es sind",
    code: "6-stelliger Code",
    confirm: "Bestätigen",
    wrong: "Dieser Code stimmt nicht.",
    demo: `npm run -s totp -- ${dpo}`,
    confirmed: "Ihr zweiter Faktor ist für diese Sitzung bestätigt.",
    recoveryToggle: "Kein Zugriff auf Ihre App? Wiederherstellungscode verwenden",
    recoveryCode: "Wiederherstellungscode",
    useRecovery: "Wiederherstellungscode verwenden",
    wrongRecovery: "Dieser Wiederherstellungscode stimmt nicht.",
    setup: "Authenticator-App einrichten",
    qr: /^QR-Code für Ihre Authenticator-App\. Wenn Sie ihn nicht scannen können, geben Sie stattdessen den Schlüssel/,
    codes: "Ihre Wiederherstellungscodes",
    continue: "Weiter",
    fresh: "Bitte bestätigen Sie erneut, dass Sie es sind: Für Dateien einer betroffenen Person",
    limited: "Zu viele falsche Codes. Zum Schutz Ihres Kontos wird in den nächsten 15 Minuten kein Code angenommen.",
  },
} as const;

/** A six-digit code that is none of the three the portal would accept now (this step and one either side). */
async function wrongCode(secret: string | null): Promise<string> {
  const now = Date.now();
  const near = secret
    ? await Promise.all([-30_000, 0, 30_000].map((offset) => totpCode(secret, new Date(now + offset))))
    : [];
  for (let candidate = 0; ; candidate++) {
    const code = String(candidate).padStart(6, "0");
    if (!near.includes(code)) return code;
  }
}

async function totpPage(page: Page, locale: "de" | "en"): Promise<void> {
  await expect(page).toHaveURL(new RegExp(`/${locale}/backoffice/second-factor\\?`));
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(words[locale].title);
}

for (const locale of ["en", "de"] as const) {
  const w = words[locale];

  test(`${locale}: the DPO signs in with the link and the current code, and reaches the page asked for`, async ({
    page,
  }) => {
    const next = `/${locale}/backoffice/metrics`;
    await page.goto(`/${locale}/sign-in?callbackUrl=${encodeURIComponent(next)}`);
    await signInByMailedLink(page, dpo, locale);
    await totpPage(page, locale);
    expect(new URL(page.url()).searchParams.get("next")).toBe(next);
    const totpUrl = page.url();

    // Without the second factor the session is nobody's elsewhere: a signed-in page asks to sign in.
    await page.goto(`/${locale}/my/requests`);
    await expect(page).toHaveURL(new RegExp(`/${locale}/sign-in\\?callbackUrl=`));
    await page.goto(totpUrl);

    const field = page.getByLabel(w.code);
    await expect(field).toHaveAttribute("autocomplete", "one-time-code");
    await expect(field).toHaveAttribute("inputmode", "numeric");
    await expect(page.getByTestId("second-factor-demo")).toContainText(w.demo);
    await expectAccessible(page);

    // A wrong code: said on the page, tied to the field, nothing else changed.
    await field.fill(await wrongCode(null));
    await pressAndWait(page, page.getByRole("button", { name: w.confirm, exact: true }));
    const error = page.locator("#second-factor-totp-error");
    await expect(error).toContainText(w.wrong);
    await expect(page.getByLabel(w.code)).toHaveAttribute("aria-invalid", "true");
    await expect(page.getByLabel(w.code)).toHaveAttribute("aria-describedby", /second-factor-totp-error/);
    await expect(page.getByLabel(w.code)).toHaveValue("");
    await expectAccessible(page);

    // Wrong codes count against the DPO's limit in every spec of the run: this one spends one per language.
    await confirmDemoStaffCode(page, dpo, locale);
    await expect(page).toHaveURL(new RegExp(`${next}$`));

    // The session counts now: the TOTP page says so, and the signed-in pages see the DPO.
    await page.goto(totpUrl);
    await expect(page.getByTestId("second-factor-confirmed")).toContainText(w.confirmed);
    await expectAccessible(page);
    await page.goto(`/${locale}/my/requests`);
    await expect(page).toHaveURL(new RegExp(`/${locale}/my/requests$`));
  });

  test(`${locale}: a new staff member sets up an authenticator app and keeps the recovery codes`, async ({ page }) => {
    const email = `enrol-${locale}-${Date.now()}@example.org`;
    const user = await e2eDb().user.create({ data: { email, role: "privacy_team", locale } });
    await page.goto(`/${locale}/sign-in`);
    await signInByMailedLink(page, email, locale);
    await totpPage(page, locale);
    expect(new URL(page.url()).searchParams.get("next")).toBe(`/${locale}/backoffice`);
    await expect(page.getByTestId("setup")).toBeVisible();
    await expectAccessible(page);

    await page.getByRole("button", { name: w.setup }).click();
    await expect(page.getByRole("img", { name: w.qr })).toBeVisible();
    const key = ((await page.getByTestId("manual-key").textContent()) ?? "").replace(/\s/g, "");
    expect(key).toMatch(/^[A-Z2-7]{32}$/);
    await expectAccessible(page);

    // A mistyped first code is refused; the key and the QR code stay.
    await typeCode(page, w.code, await wrongCode(key));
    await pressAndWait(page, page.getByRole("button", { name: w.confirm, exact: true }));
    await expect(page.locator("#second-factor-first-code-error")).toContainText(w.wrong);
    await expect(page.getByRole("img", { name: w.qr })).toBeVisible();
    await expectAccessible(page);

    await typeCode(page, w.code, await totpCode(key, new Date()));
    await pressAndWait(page, page.getByRole("button", { name: w.confirm, exact: true }));
    await expect(page.getByRole("heading", { name: w.codes })).toBeVisible();
    const codes = page.getByTestId("recovery-codes").getByRole("listitem");
    await expect(codes).toHaveCount(10);
    await expect(codes.first()).toHaveText(/^[a-z2-7]{4}-[a-z2-7]{4}-[a-z2-7]{4}$/);
    await expectAccessible(page);
    expect(
      await e2eDb().auditEntry.count({ where: { chain: "system", event: "second_factor_enrolled", actorId: user.id } }),
    ).toBe(1);

    await page.getByRole("link", { name: w.continue }).click();
    await expect(page).toHaveURL(new RegExp(`/${locale}/backoffice$`));

    // Asked again before a subject's files: the reason on the page. The mistyped first code above was
    // the first of five wrong ones (a recovery code the second); the fifth uses the limit up, and then
    // even the right code is refused.
    await page.goto(`/${locale}/backoffice/second-factor?next=%2F${locale}%2Fbackoffice&reason=fresh`);
    await expect(page.getByTestId("second-factor-fresh")).toContainText(w.fresh);
    await expectAccessible(page);
    // The recovery code form works without script (a <details>); a wrong one is refused there, and counts.
    await page.getByText(w.recoveryToggle).click();
    await page.getByLabel(w.recoveryCode, { exact: true }).fill("aaaa-bbbb-cccc");
    await pressAndWait(page, page.getByRole("button", { name: w.useRecovery }));
    await expect(page.locator("#second-factor-recovery-error")).toContainText(w.wrongRecovery);
    await expectAccessible(page);
    for (let attempt = 3; attempt <= 4; attempt++) {
      await typeCode(page, w.code, await wrongCode(key));
      await pressAndWait(page, page.getByRole("button", { name: w.confirm, exact: true }));
      await expect(page.locator("#second-factor-totp-error")).toContainText(w.wrong);
    }
    await typeCode(page, w.code, await wrongCode(key));
    await pressAndWait(page, page.getByRole("button", { name: w.confirm, exact: true }));
    await expect(page.locator("#second-factor-totp-error")).toContainText(w.limited);
    await expectAccessible(page);
    await typeCode(page, w.code, await totpCode(key, new Date(Date.now() + 30_000)));
    await pressAndWait(page, page.getByRole("button", { name: w.confirm, exact: true }));
    await expect(page.locator("#second-factor-totp-error")).toContainText(w.limited);
    await expect(page).toHaveURL(/reason=fresh$/);
    expect(
      await e2eDb().auditEntry.count({
        where: { chain: "system", event: "second_factor_limit_reached", actorId: user.id },
      }),
    ).toBe(1);
  });
}

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("a new staff member enrols, and the recovery codes arrive with the page", async ({ page }) => {
    const w = words.en;
    const email = `enrol-nojs-${Date.now()}@example.org`;
    await e2eDb().user.create({ data: { email, role: "auditor", locale: "en" } });
    await page.goto("/en/sign-in?callbackUrl=%2Fen%2Fbackoffice%2Fmetrics");
    await signInByMailedLink(page, email, "en");
    await totpPage(page, "en");
    await page.getByRole("button", { name: w.setup }).click();
    const key = ((await page.getByTestId("manual-key").textContent()) ?? "").replace(/\s/g, "");
    await typeCode(page, w.code, await totpCode(key, new Date()));
    await pressAndWait(page, page.getByRole("button", { name: w.confirm, exact: true }));
    await expect(page.getByTestId("recovery-codes").getByRole("listitem")).toHaveCount(10);
    await page.getByRole("link", { name: w.continue }).click();
    await expect(page).toHaveURL(/\/en\/backoffice\/metrics$/);
  });
});

test("the demo as npm start gives it: a newcomer signs in as the DPO by clicks and the totp command", async ({
  page,
}) => {
  test.setTimeout(90_000);
  const demo = `http://127.0.0.1:${E2E_DEMO_PORT}`;
  await page.goto(`${demo}/en/sign-in`);
  await page.getByLabel("Email address").fill(dpo);
  await page.getByRole("button", { name: "Send sign-in link" }).click();
  // The check-email page says where the link is, and where the code comes from.
  await expect(page.getByTestId("demo-staff-hint")).toContainText(`npm run -s totp -- ${dpo}`);
  await expectAccessible(page);
  await page.getByRole("link", { name: "Open the demo mailbox" }).click();
  await expect(page).toHaveURL(`${demo}/en/demo-mailbox`);
  const mail = page
    .getByRole("row")
    .filter({ hasText: dpo })
    .getByRole("link", { name: /sign-in link/ });
  await expect(async () => {
    await page.reload();
    await expect(mail.first()).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 30_000 });
  await mail.first().click();
  await page.getByRole("link", { name: /\/sign-in\/link\?/ }).click();
  await page.getByTestId("link-form").getByRole("button").click();
  await totpPage(page, "en");
  await confirmDemoStaffCode(page, dpo, "en", "demo");
  await expect(page).toHaveURL(`${demo}/en/backoffice`);
});
