// Typing a code into the back office's TOTP page the way a person does, and a demo staff member's
// right code sent without racing another worker: a code counts once per person across all of their
// sessions (RFC 6238 §5.2, lib/backoffice/second-factor/verify-second-factor.ts), and a reused one
// counts as wrong against the person's limit, so two specs signing in the same DPO at once must not
// both send the same time step.
import fs from "node:fs";
import path from "node:path";
import { expect, type Locator, type Page } from "@playwright/test";
import { E2E_WORK_DIR } from "./environment";
import { demoStaffCode } from "./sign-in";

/** The TOTP page's code field and button (backofficeSecondFactor messages). */
export const codeFormWords = {
  en: { code: "6-digit code", confirm: "Confirm" },
  de: { code: "6-stelliger Code", confirm: "Bestätigen" },
} as const;

/**
 * Presses a code form's button and waits for the server's answer: the error it brings may read like the
 * last one, so waiting for the text alone would let the next code be typed into a form still sending.
 */
export async function pressAndWait(page: Page, button: Locator): Promise<void> {
  await Promise.all([
    page.waitForResponse((r) => r.request().method() === "POST" && r.url().includes("/backoffice/second-factor")),
    button.click(),
  ]);
}

/**
 * Types `code` into the field labelled `label` once it is empty: a refused code is cleared when its
 * answer has been applied, and a code typed before that would be cleared with it and sent empty.
 */
export async function typeCode(page: Page, label: string, code: string): Promise<void> {
  const field = page.getByLabel(label);
  await expect(field).toHaveValue("");
  await field.fill(code);
}

const STALE_LOCK_MS = 120_000;

/**
 * Runs `send` with the demo staff member's next code while holding a lock (a directory beside the
 * portal's database, which scripts/test/e2e-server.ts clears every run) from reading the last
 * accepted time step until `send` has had the portal's answer. Without it two workers could read the
 * same step, and the portal would refuse the second as reused (and count it as a wrong code).
 */
export async function withDemoStaffCode<T>(
  email: string,
  send: (code: string) => Promise<T>,
  portal: "main" | "demo" = "main",
): Promise<T> {
  const locks = path.join(E2E_WORK_DIR, "locks");
  fs.mkdirSync(locks, { recursive: true });
  const lock = path.join(locks, `totp-${portal}-${email}`);
  for (;;) {
    try {
      fs.mkdirSync(lock);
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      // A worker that died holding it (its test timed out) must not stop the others for good.
      const age = Date.now() - (fs.statSync(lock, { throwIfNoEntry: false })?.mtimeMs ?? Date.now());
      if (age > STALE_LOCK_MS) fs.rmSync(lock, { recursive: true, force: true });
      else await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
  try {
    return await send(await demoStaffCode(email, portal));
  } finally {
    fs.rmSync(lock, { recursive: true, force: true });
  }
}

/** On the TOTP page in `locale`: sends the demo staff member's right code and waits for the portal's answer. */
export async function confirmDemoStaffCode(
  page: Page,
  email: string,
  locale: "de" | "en",
  portal: "main" | "demo" = "main",
): Promise<void> {
  const w = codeFormWords[locale];
  await withDemoStaffCode(
    email,
    async (code) => {
      await typeCode(page, w.code, code);
      await pressAndWait(page, page.getByRole("button", { name: w.confirm, exact: true }));
    },
    portal,
  );
}
