// Attachment downloads through the whole stack (proxy, route, DAL), and the body limits of
// form posts. The request and its attachment are written into the e2e portal's own database
// and data folder (the attachment by the function the forms use), for addresses of this test alone (the
// demo subjects sign in in other specs at the same time, and a link works once).
import path from "node:path";
import { fileURLToPath } from "node:url";
import { expect, test } from "@playwright/test";
import { checkUploads } from "../lib/attachments/check-uploads";
import { withStagedAttachments } from "../lib/attachments/store-attachments";
import { createDb } from "../lib/db/client";
import { E2E_PORT } from "./support/environment";
import { signInByMailedLink } from "./support/sign-in";

test.use({ locale: "de-DE" });

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const workDir = path.join(root, ".test-artifacts/e2e"); // as scripts/test/e2e-server.ts sets it up
const base = `http://127.0.0.1:${E2E_PORT}`;
const PDF = Buffer.from("%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n");

const run = Date.now();
const owner = `owner-${run}@example.org`;
const stranger = `stranger-${run}@example.org`;

/** A request of `owner` with one attachment; `stranger` has an account (so sign-in sends a link) but no request. */
async function storeAttachment(): Promise<string> {
  const db = createDb(process.env.E2E_DATABASE_URL || `file:${path.join(workDir, "portal.db")}`);
  try {
    await db.user.create({ data: { email: stranger } });
    // A bare row: submitRequest's mail templates do not load under Playwright's module loader.
    const request = await db.request.create({
      data: {
        reference: `DSR-1999-${String(run % 1_000_000).padStart(6, "0")}`,
        type: "access",
        details: {},
        subjectEmail: owner,
        language: "de",
        status: "awaiting_verification",
        submittedAt: new Date(),
        statementVersion: "2023-07",
      },
    });
    const checked = await checkUploads([new File([new Uint8Array(PDF)], "Übersicht (Kopie).pdf")], {
      maxBytesPerFile: 1024 * 1024,
      maxFiles: 5,
    });
    if (!checked.ok) throw new Error(checked.error);
    const [row] = await withStagedAttachments(db, path.join(workDir, "data/attachments"), checked.files, (staged) =>
      db.$transaction((tx) => staged.record(tx, { requestId: request.id, uploadedBy: "subject" })),
    );
    return row!.id;
  } finally {
    await db.$disconnect();
  }
}

/** Posts the sign-in form as a browser without JavaScript does, plus a file part of `mb` megabytes. */
async function postSignInFormWith(mb: number): Promise<Response> {
  const page = await fetch(`${base}/en/sign-in`);
  const html = await page.text();
  const form = new FormData();
  for (const [, name, value] of html.matchAll(/<input type="hidden" name="([^"]+)"(?: value="([^"]*)")?/g)) {
    form.append(name!, (value ?? "").replaceAll("&quot;", '"').replaceAll("&amp;", "&"));
  }
  form.append("email", "nobody@example.org");
  const bytes = new Uint8Array(mb * 1024 * 1024);
  bytes.set(PDF);
  form.append("attachments", new File([bytes], "big.pdf", { type: "application/pdf" }));
  return fetch(`${base}/en/sign-in`, { method: "POST", body: form, redirect: "manual", headers: { Origin: base } });
}

test.describe("attachments", () => {
  test("the subject downloads their attachment with safe headers; another subject gets a plain 404", async ({
    page,
  }) => {
    const id = await storeAttachment();
    const signedOut = await page.request.get(`/api/attachments/${id}`);
    expect(signedOut.status()).toBe(401);

    await page.goto("/de/my/requests");
    await signInByMailedLink(page, owner);
    await expect(page).toHaveURL(/\/de\/my\/requests$/);
    const download = await page.request.get(`/api/attachments/${id}`);
    expect(download.status()).toBe(200);
    expect(Buffer.from(await download.body())).toEqual(PDF);
    expect(download.headers()).toMatchObject({
      "content-type": "application/pdf",
      "content-disposition": `attachment; filename="_bersicht (Kopie).pdf"; filename*=UTF-8''%C3%9Cbersicht%20%28Kopie%29.pdf`,
      "x-content-type-options": "nosniff",
      "cache-control": "private, no-store",
    });
    expect(download.headers()["content-security-policy"]).toMatch(/^sandbox;/);

    await page.context().clearCookies();
    await page.goto("/de/sign-in");
    await signInByMailedLink(page, stranger);
    await expect(page).toHaveURL(/\/de\/my\/requests$/);
    const foreign = await page.request.get(`/api/attachments/${id}`);
    const missing = await page.request.get("/api/attachments/doesnotexist");
    expect(foreign.status()).toBe(404);
    expect(missing.status()).toBe(404);
    expect(await foreign.text()).toBe(await missing.text());
  });

  test("a form post carrying a 20 MB file reaches its server action; a 30 MB body is refused with 413", async () => {
    const twenty = await postSignInFormWith(20);
    // The sign-in action ran: it answers every address with the check-email page.
    expect(twenty.status).toBe(303);
    expect(twenty.headers.get("location")).toBe("/en/sign-in/check-email");
    const thirty = await postSignInFormWith(30);
    expect(thirty.status).toBe(413);
  });
});
