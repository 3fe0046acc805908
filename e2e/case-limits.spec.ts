// The per-account limit on the case page's messages as a person meets it: after too many messages in
// one window the form keeps what they wrote, says how long to wait, and nothing is stored or sent.
import { expect, test } from "@playwright/test";
import { expectAccessible } from "./support/axe";
import { e2eDb } from "./support/database";
import { E2E_RATE_LIMITS } from "./support/environment";
import { signInByMailedLink } from "./support/sign-in";

const perWindow = Number(E2E_RATE_LIMITS.RATE_LIMIT_MESSAGES_PER_USER);

const variants = [
  {
    locale: "de",
    javaScriptEnabled: false,
    words: { file: "Anfrage senden", label: "Ihre Nachricht", send: "Nachricht senden" },
    refusal:
      "Sie haben in kurzer Zeit viele Nachrichten gesendet, und jede benachrichtigt unser Team. Zum Schutz vor Missbrauch warten Sie bitte 60 Minuten, bevor Sie diese senden. Ihre Nachricht steht noch hier; gesendet wurde nichts.",
  },
  {
    locale: "en",
    javaScriptEnabled: true,
    words: { file: "Send request", label: "Your message", send: "Send message" },
    refusal:
      "You have sent many messages in a short time, and each one alerts our team. To protect the portal from misuse, please wait 60 minutes before you send this one. Your message is still here; nothing has been sent.",
  },
] as const;

for (const { locale, javaScriptEnabled, words, refusal } of variants) {
  test.describe(`too many messages (${locale}, ${javaScriptEnabled ? "with" : "without"} JavaScript)`, () => {
    test.use({ locale: locale === "de" ? "de-DE" : "en-GB", javaScriptEnabled });

    test("the next message is refused with the wait, the words stay in the form, nothing is stored", async ({
      page,
    }) => {
      test.setTimeout(120_000);
      // An account of its own, so that no other test's messages count; signed in, it files and confirms at once.
      const email = `writes-a-lot-${locale}-${Date.now()}@example.org`;
      await e2eDb().user.create({ data: { email } });
      await page.goto(`/${locale}/sign-in`);
      await signInByMailedLink(page, email, locale);
      await page.goto(`/${locale}/requests/new/restriction`);
      await page.locator('[name="details.ground"][value="a"]').check();
      await page.getByRole("button", { name: words.file }).click();
      await expect(page).toHaveURL(new RegExp(`/${locale}/my/requests/DSR-\\d{4}-\\d{6}\\?notice=filed$`));
      const reference = /DSR-\d{4}-\d{6}/.exec(page.url())![0];

      const form = page.getByTestId("message-form");
      for (let i = 1; i <= perWindow; i++) {
        await form.getByLabel(words.label).fill(`Message ${i}`);
        await form.getByRole("button", { name: words.send }).click();
        await expect(page).toHaveURL(/\?notice=sent/);
        // With JavaScript the page stays: the thread shows when the message has arrived.
        await expect(page.getByTestId("thread").locator("li")).toHaveCount(i);
      }
      const stored = await e2eDb().requestMessage.count({ where: { request: { reference } } });
      const mails = await e2eDb().outboundMail.count({ where: { request: { reference } } });

      const text = "One more question: when will I get the copy?\nThank you!";
      await form.getByLabel(words.label).fill(text);
      await form.getByRole("button", { name: words.send }).click();
      await expect(form.getByRole("alert")).toHaveText(refusal);
      await expect(form.getByLabel(words.label)).toHaveValue(text);
      // The axe check runs scripts in the page: only where the page has them.
      if (javaScriptEnabled) await expectAccessible(page);
      expect(await e2eDb().requestMessage.count({ where: { request: { reference } } })).toBe(stored);
      expect(await e2eDb().outboundMail.count({ where: { request: { reference } } })).toBe(mails);
    });
  });
}
