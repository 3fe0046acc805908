// The admin's staff page (issue 13): invite someone (the mail reaches the SMTP sink), change their
// role, deactivate and reactivate them; the last active DPO cannot be demoted; every state axe clean
// in both languages. Other roles do not find the page (404). Only accounts this spec invites are
// changed, so the demo staff other specs sign in as stay as they are.
import { expect, test, type Page } from "@playwright/test";
import { expectAccessible } from "./support/axe";
import { e2eDb } from "./support/database";
import { waitForMail } from "./support/mailbox";
import { signInAsStaff } from "./support/staff-sign-in";

const words = {
  en: {
    title: "Staff accounts",
    invite: "Send invitation",
    email: "Email address",
    role: "Role",
    subject: "back office",
  },
  de: {
    title: "Mitarbeiterkonten",
    invite: "Einladung senden",
    email: "E-Mail-Adresse",
    role: "Rolle",
    subject: "Backoffice",
  },
} as const;

async function openStaffPage(page: Page, locale: "de" | "en") {
  await signInAsStaff(page, "admin@demo.example", `/${locale}/backoffice/staff`);
  await expect(page).toHaveURL(new RegExp(`/${locale}/backoffice/staff$`));
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(words[locale].title);
}

for (const locale of ["en", "de"] as const) {
  test(`an admin invites, changes a role, deactivates and reactivates (${locale})`, async ({ page }) => {
    const w = words[locale];
    await openStaffPage(page, locale);
    await expectAccessible(page);

    // A bad address keeps what was typed and says what is wrong, tied to the field.
    await page.getByLabel(w.email, { exact: true }).fill("not an address");
    await page.getByRole("button", { name: w.invite }).click();
    const emailField = page.getByLabel(w.email, { exact: true });
    await expect(emailField).toHaveAttribute("aria-invalid", "true");
    await expect(emailField).toHaveValue("not an address");
    await expectAccessible(page);

    const invitee = `invited-${locale}-${Date.now()}@demo.example`;
    await emailField.fill(invitee);
    await page.getByLabel(w.role, { exact: true }).selectOption("privacy_team");
    const asked = Date.now();
    await page.getByRole("button", { name: w.invite }).click();
    await expect(page.getByTestId("staff-notice")).toBeVisible();
    const mail = await waitForMail((m) => m.envelope.to.includes(invitee) && Date.parse(m.receivedAt) >= asked, 30_000);
    expect(mail.subject).toContain(w.subject);
    expect(mail.text).toContain(`/${locale}/sign-in?callbackUrl=%2F${locale}%2Fbackoffice`);

    const row = page.locator(`[data-testid="staff-row"][data-email="${invitee}"]`);
    await row.getByRole("combobox").selectOption("auditor");
    await row.getByRole("button", { name: locale === "en" ? "Change role" : "Rolle ändern" }).click();
    await expect(page.getByTestId("staff-notice")).toBeVisible();
    await expect(row.getByRole("combobox")).toHaveValue("auditor");

    await row.getByRole("button", { name: locale === "en" ? "Deactivate" : "Deaktivieren" }).click();
    await expect(page.getByTestId("staff-notice")).toBeVisible();
    await expect(row).toContainText(locale === "en" ? "Deactivated since" : "Deaktiviert seit");
    await expectAccessible(page);
    await row.getByRole("button", { name: locale === "en" ? "Reactivate" : "Wieder aktivieren" }).click();
    await expect(row).toContainText(locale === "en" ? "Active" : "Aktiv");
  });
}

test("the last active DPO cannot be demoted, and the page says why (Art. 37-39)", async ({ page }) => {
  // The demo DPO is the only active one: no spec may make another (they would let this one go).
  expect(await e2eDb().user.count({ where: { role: "dpo", deactivatedAt: null } })).toBe(1);
  await openStaffPage(page, "en");
  const row = page.locator('[data-testid="staff-row"][data-email="dpo@demo.example"]');
  await row.getByRole("combobox").selectOption("privacy_team");
  await row.getByRole("button", { name: "Change role" }).click();
  await expect(page.getByTestId("staff-error")).toContainText("only active data protection officer");
  await expect(row.getByRole("combobox")).toHaveValue("dpo");
  await expectAccessible(page);
});

test("the staff page does not exist for a DPO (404), nor for someone signed out (sign-in)", async ({ page }) => {
  await page.goto("/en/backoffice/staff");
  await expect(page).toHaveURL(/\/en\/sign-in\?callbackUrl=%2Fen%2Fbackoffice%2Fstaff$/);
  await signInAsStaff(page, "dpo@demo.example", "/en/backoffice");
  const answer = await page.goto("/en/backoffice/staff");
  expect(answer?.status()).toBe(404);
});
