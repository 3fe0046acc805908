// Sending a request's confirmation mail again from the check-email page, on real SQLite and
// PostgreSQL: a new link for that request only, only while it awaits confirmation, within the abuse
// limits (counted with filing's).
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { privateDatabase } from "../../../scripts/test/private-database";
import { testRequestSettings } from "../../../scripts/test/request-settings";
import { commonFields, formOf, validForms } from "../../../scripts/test/request-forms";
import type { SignInLinkSettings } from "../../auth/sign-in-link";
import { createDb, type Db } from "../../db/client";
import type { Tx } from "../../db/tx";
import { consumeLimits, consumeLimitsDirectly, type RateLimitContext } from "../../security/rate-limit";
import { limitNames, type LimitName } from "../../security/rate-limit-settings";
import { transitionRequest } from "../transition-request";
import { fileRequest, type FilingContext } from "./file-request";
import { formChoices } from "./form-choices";
import { filedRequestView, resendConfirmation, type ResendContext } from "./resend-confirmation";

describe.each(inject("testDatabases").map((d) => d.flavor))("sending a confirmation again on %s", (flavor) => {
  let db: Db;
  let drop: () => Promise<void>;
  let dir: string;
  const link: SignInLinkSettings = {
    publicUrl: "http://localhost:3000",
    secret: "y".repeat(40),
    maxAgeHours: 24,
    timeZone: "Europe/Berlin",
    mail: testRequestSettings.mail,
  };
  // Only the per-address filing limit matters here: three attempts; the others are out of the way.
  const limits: RateLimitContext = {
    windowSeconds: 3600,
    points: {
      ...(Object.fromEntries(limitNames.map((n) => [n, 100_000])) as Record<LimitName, number>),
      submission_email: 3,
    },
    secret: link.secret,
  };
  const limit = (email: string, client: Db | Tx = db) =>
    consumeLimits(client, [{ limit: "submission_email", key: email }], limits);
  const resendContext = (): ResendContext => ({ db, link, unverifiedExpiryDays: 7, limit });
  const filingContext = (): FilingContext => ({
    db,
    settings: { ...testRequestSettings, attachmentsDir: dir },
    link,
    choices: formChoices(),
    session: null,
    ip: null,
    userAgent: null,
    uploads: { limits: { maxBytesPerFile: 1024 * 1024, maxFiles: 5 }, dir },
    // Counted with direct statements as a filing counts, in the same rows the resend counts through Prisma.
    limit: (input, tx, now) =>
      consumeLimitsDirectly(tx, [{ limit: "submission_email", key: input.email }], now, limits),
  });
  const file = async (email: string): Promise<string> => {
    const entries = [...commonFields.filter(([k]) => k !== "email"), ["email", email], ...validForms.access];
    const outcome = await fileRequest("access", formOf(entries as Array<[string, string]>), filingContext());
    if (outcome.kind !== "confirm_by_email" || !outcome.requestId) throw new Error(JSON.stringify(outcome));
    return outcome.requestId;
  };
  const mailsOf = (requestId: string) => db.outboundMail.count({ where: { requestId, template: "confirm_request" } });

  beforeAll(async () => {
    const database = await privateDatabase(flavor, "resend");
    db = createDb(database.url);
    drop = database.drop;
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "dsr-resend-files-"));
  });
  afterAll(async () => {
    await db.$disconnect();
    await drop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it("sends a new link for that request only, and names its address masked", async () => {
    const first = await file("jane.doe@example.org");
    const other = await file("jane.doe@example.org");
    expect(await filedRequestView(db, first)).toEqual({ maskedEmail: "j***@example.org", awaitingConfirmation: true });
    const tokens = await db.verificationToken.count();
    expect(await resendConfirmation(first, resendContext())).toEqual({ kind: "sent", maskedEmail: "j***@example.org" });
    expect(await mailsOf(first)).toBe(2);
    expect(await mailsOf(other)).toBe(1);
    expect(await db.verificationToken.count()).toBe(tokens + 1);
    // The new mail is the same kind of mail, to the request's own address, with a link of its own.
    const mails = await db.outboundMail.findMany({ where: { requestId: first }, orderBy: { createdAt: "asc" } });
    expect(mails.map((m) => m.toAddress)).toEqual(["jane.doe@example.org", "jane.doe@example.org"]);
    expect(mails[0]!.linkTokenHash).not.toBe(mails[1]!.linkTokenHash);
  });

  it("counts against the filing limit of the address, and sends nothing once it is reached", async () => {
    // Two filings and one resend use up the three attempts of this address.
    const id = await file("counted@example.org");
    await file("counted@example.org");
    expect((await resendConfirmation(id, resendContext())).kind).toBe("sent");
    const outcome = await resendConfirmation(id, resendContext());
    expect(outcome).toMatchObject({ kind: "limited", retryAfterSeconds: expect.any(Number) });
    expect(await mailsOf(id)).toBe(2);
  });

  it("sends nothing for a request that no longer awaits confirmation, or none at all", async () => {
    const id = await file("confirmed@example.org");
    const verified = await transitionRequest(
      db,
      { requestId: id, actor: { type: "system" }, command: { name: "verify", input: {} } },
      { ...testRequestSettings, attachmentsDir: dir },
    );
    expect(verified.ok).toBe(true);
    expect(await filedRequestView(db, id)).toMatchObject({ awaitingConfirmation: false });
    expect(await resendConfirmation(id, resendContext())).toEqual({ kind: "not_awaiting" });
    expect(await mailsOf(id)).toBe(1);
    expect(await resendConfirmation("no-such-request", resendContext())).toEqual({ kind: "not_found" });
    expect(await filedRequestView(db, "no-such-request")).toBeNull();
  });
});
