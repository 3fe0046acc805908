// The per-account limit on the case page's messages as a person meets it: after too many messages in
// one window the form keeps what they wrote, says how long to wait, and nothing is stored or sent.
import { expect, test } from "@playwright/test";
import { verifiedTestRequest } from "../scripts/test/requests";
import { expectAccessible } from "./support/axe";
import { e2eDb } from "./support/database";
import { E2E_RATE_LIMITS } from "./support/environment";
import { signInByMailedLink } from "./support/sign-in";

const perWindow = Number(E2E_RATE_LIMITS.RATE_LIMIT_MESSAGES_PER_USER);

test.describe("too many messages, without JavaScript", () => {
  test.use({ locale: "de-DE", javaScriptEnabled: false });

  test("the next message is refused with the wait, the words stay in the form, nothing is stored", async ({ page }) => {
    test.setTimeout(120_000);
    const email = `writes-a-lot-${Date.now()}@example.org`;
    const user = await e2eDb().user.create({ data: { email } });
    const { reference } = await verifiedTestRequest(e2eDb(), user.id, { subjectEmail: email });

    await page.goto(`/de/my/requests/${reference}`);
    await signInByMailedLink(page, email, "de");
    await expect(page).toHaveURL(new RegExp(`/de/my/requests/${reference}$`));
    const form = page.getByTestId("message-form");
    const field = form.getByLabel("Ihre Nachricht");
    for (let i = 1; i <= perWindow; i++) {
      await field.fill(`Nachricht ${i}`);
      await form.getByRole("button", { name: "Nachricht senden" }).click();
      await expect(page).toHaveURL(/\?notice=sent/);
    }
    const stored = await e2eDb().requestMessage.count({ where: { request: { reference } } });
    const mails = await e2eDb().outboundMail.count({ where: { request: { reference } } });

    const words = "Noch eine Frage: Wann bekomme ich die Kopie?\nDanke!";
    await field.fill(words);
    await form.getByRole("button", { name: "Nachricht senden" }).click();
    await expect(form.getByRole("alert")).toHaveText(
      "Sie haben in kurzer Zeit viele Nachrichten gesendet, und jede benachrichtigt unser Team. Zum Schutz vor Missbrauch warten Sie bitte 60 Minuten, bevor Sie diese senden. Ihre Nachricht steht noch hier; gesendet wurde nichts.",
    );
    await expect(form.getByLabel("Ihre Nachricht")).toHaveValue(words);
    await expectAccessible(page);
    expect(await e2eDb().requestMessage.count({ where: { request: { reference } } })).toBe(stored);
    expect(await e2eDb().outboundMail.count({ where: { request: { reference } } })).toBe(mails);
  });
});
