// The acknowledgement mail (Art. 12(3)) as the data subject receives it: read from the
// real SMTP sink, its link followed to the case page, through sign-in by magic link.
// Another subject cannot open that case: same 404 as for a reference that does not exist.
import { expect, test } from "@playwright/test";
import { expectAccessible } from "./support/axe";
import { waitForMail } from "./support/mailbox";
import { signInByMailedLink } from "./support/sign-in";

test.use({ locale: "de-DE" });

test.describe("case page", () => {
  test("the acknowledgement mail's link leads, after sign-in, to the case with its due date and history", async ({
    page,
  }) => {
    const anna = "anna.schmidt@demo.example";
    // The demo's access request was confirmed at seeding; the server's jobs sent its acknowledgement.
    const ack = await waitForMail(
      (m) => m.envelope.to.includes(anna) && /ist bei uns eingegangen$/.test(m.subject),
      30_000,
    );
    const reference = /DSR-\d{4}-\d{6}/.exec(ack.subject)![0];
    const caseUrl = /https?:\/\/\S+\/de\/my\/requests\/DSR-\d{4}-\d{6}/.exec(ack.text)?.[0];
    expect(caseUrl, ack.text).toContain(`/de/my/requests/${reference}`);
    const promisedDue = /spätestens bis zum (\d{1,2}\. \p{L}+ \d{4})/u.exec(ack.text)?.[1];
    expect(promisedDue, ack.text).toBeTruthy();

    await page.goto(caseUrl!);
    await expect(page).toHaveURL(new RegExp(`/de/sign-in\\?callbackUrl=%2Fde%2Fmy%2Frequests%2F${reference}$`));
    await signInByMailedLink(page, anna);

    await expect(page).toHaveURL(new RegExp(`/de/my/requests/${reference}$`));
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Anfrage ${reference}`);
    await expect(page.getByTestId("case-summary")).toContainText("Auskunft (Art. 15 DSGVO)");
    // The page promises the same day as the mail did.
    await expect(page.getByTestId("due-date")).toHaveText(promisedDue!);
    const timeline = page.getByTestId("timeline");
    await expect(timeline.locator("[data-event]")).toHaveCount(2);
    await expect(timeline.locator('[data-event="verified"]')).toContainText("bei uns eingegangen");
    // Internal steps (starting work, assignment) are not shown to the data subject.
    await expect(timeline.locator('[data-event="work_started"]')).toHaveCount(0);
    await expectAccessible(page);
  });

  test("an extension shows its new deadline and its reasons (Art. 12(3))", async ({ page }) => {
    await page.goto("/de/my/requests");
    await signInByMailedLink(page, "jonas.weber@demo.example");
    await expect(page).toHaveURL(/\/de\/my\/requests$/);
    await page.getByTestId("my-requests").getByRole("link", { name: /^DSR-/ }).first().click();
    const extended = page.getByTestId("timeline").locator('[data-event="extended"]');
    await expect(extended).toContainText("Neue Frist:");
    await expect(extended).toContainText("drei Systemen");
    await expectAccessible(page);
  });

  test("another subject's case is not found, exactly like a reference that does not exist", async ({ page }) => {
    const anna = "anna.schmidt@demo.example";
    const ack = await waitForMail(
      (m) => m.envelope.to.includes(anna) && /ist bei uns eingegangen$/.test(m.subject),
      30_000,
    );
    const annasReference = /DSR-\d{4}-\d{6}/.exec(ack.subject)![0];
    await page.goto("/de/my/requests");
    await signInByMailedLink(page, "lea.fischer@demo.example");
    await expect(page).toHaveURL(/\/de\/my\/requests$/);

    const foreign = await page.goto(`/de/my/requests/${annasReference}`);
    const foreignBody = await page.locator("main").innerText();
    const missing = await page.goto("/de/my/requests/DSR-1999-000001");
    const missingBody = await page.locator("main").innerText();
    expect(foreign?.status()).toBe(404);
    expect(missing?.status()).toBe(404);
    expect(foreignBody).toBe(missingBody);
    await expectAccessible(page);
  });
});
