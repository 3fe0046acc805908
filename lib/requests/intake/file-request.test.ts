// Filing a request from a form on real SQLite and PostgreSQL: a valid form is stored awaiting
// confirmation together with its confirmation mail, link token and files; a signed-in subject's is
// confirmed at once; bad input, robots and abuse store nothing at all; a second open request of the
// same right is linked to the first. And 1,000 random bodies per form never make it throw.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { privateDatabase } from "../../../scripts/test/private-database";
import { testRequestSettings } from "../../../scripts/test/request-settings";
import { commonFields, formOf, validForms } from "../../../scripts/test/request-forms";
import { hashLinkToken, type SignInLinkSettings } from "../../auth/sign-in-link";
import { createDb, type Db } from "../../db/client";
import { consumeLimitsDirectly, limitKey, type RateLimitContext } from "../../security/rate-limit";
import type { LimitName } from "../../security/rate-limit-settings";
import { requestTypes, type RequestType } from "../request-types";
import { confirmationCode } from "./confirmation-link";
import { mailboxDelivery } from "../../mail/outbox/deliveries";
import { deliverDueMails } from "../../mail/outbox/deliver-due-mails";
import { DEFAULT_RETRY_POLICY } from "../../mail/outbox/retry-policy";
import { transitionRequest } from "../transition-request";
import { fileRequest, type FilingContext } from "./file-request";
import { formChoices } from "./form-choices";
import { detailFieldNames } from "./form-fields";

const PDF = new Uint8Array(Buffer.from("%PDF-1.7\n1 0 obj <<>> endobj\n%%EOF\n"));
/** An ELF executable renamed to look like a document. */
const ELF = new Uint8Array([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0]);

describe.each(inject("testDatabases").map((d) => d.flavor))("filing a request on %s", (flavor) => {
  let db: Db;
  let drop: () => Promise<void>;
  let dir: string;
  let limits: RateLimitContext;
  const link: SignInLinkSettings = {
    publicUrl: "http://localhost:3000",
    secret: "x".repeat(40),
    maxAgeHours: 24,
    timeZone: "Europe/Berlin",
    mail: testRequestSettings.mail,
  };
  const context = (overrides: Partial<FilingContext> = {}): FilingContext => ({
    db,
    settings: testRequestSettings,
    link,
    choices: formChoices(),
    session: null,
    ip: "203.0.113.9",
    userAgent: "vitest",
    uploads: { limits: { maxBytesPerFile: 10 * 1024 * 1024, maxFiles: 5 }, dir },
    limit: (input, tx, now) =>
      consumeLimitsDirectly(
        tx,
        [
          { limit: "submission_ip", key: overrides.ip ?? "203.0.113.9" },
          { limit: "submission_email", key: input.email },
        ],
        now,
        limits,
      ),
    ...overrides,
  });
  /** A valid form of this right from this address; `extra` adds fields or replaces those of the valid form. */
  const form = (type: RequestType, email: string, extra: Array<[string, string | File]> = []) => {
    const replaced = new Set(["email", ...extra.map(([k]) => k)]);
    const kept = (entries: Array<[string, string]>) => entries.filter(([k]) => !replaced.has(k));
    return formOf([...kept(commonFields), ["email", email], ...kept(validForms[type]), ...extra]);
  };
  /** Everything a filing can leave behind. */
  const footprint = async () => ({
    requests: await db.request.count(),
    audit: await db.auditEntry.count(),
    mails: await db.outboundMail.count(),
    tokens: await db.verificationToken.count(),
    attachments: await db.attachment.count(),
    files: fs.existsSync(dir) ? fs.readdirSync(dir).length : 0,
  });

  beforeAll(async () => {
    const database = await privateDatabase(flavor, "intake");
    db = createDb(database.url);
    drop = database.drop;
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "dsr-intake-files-"));
    limits = {
      windowSeconds: 3600,
      points: {
        submission_ip: 100_000,
        submission_email: 3,
        sign_in_ip: 10,
        sign_in_email: 5,
        message_user: 10,
        upload_user: 10,
        second_factor_user: 10,
      },
      secret: link.secret,
    };
  });
  afterAll(async () => {
    await db.$disconnect();
    await drop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it("stores a valid form awaiting confirmation, with its confirmation mail, link token and file", async () => {
    const outcome = await fileRequest(
      "erasure",
      form("erasure", "Erin@Example.org", [["attachments", new File([PDF], "letter.pdf")]]),
      context(),
    );
    expect(outcome).toEqual({ kind: "confirm_by_email", requestId: expect.any(String) });
    const request = await db.request.findFirstOrThrow({
      where: { subjectEmail: "erin@example.org" },
      include: { attachments: true, mails: true },
    });
    expect(request).toMatchObject({
      type: "erasure",
      status: "awaiting_verification",
      receivedAt: null,
      subjectName: "Anna Schmidt",
      language: "en",
      details: { scope: "specific", specificData: "My phone number" },
    });
    expect(request.attachments).toMatchObject([{ fileName: "letter.pdf", contentType: "application/pdf" }]);
    expect(fs.readdirSync(dir)).toEqual([request.attachments[0]!.storageKey]);
    expect(request.mails).toHaveLength(1);
    const mail = request.mails[0]!;
    expect(mail.template).toBe("confirm_request");
    // The link opens the confirmation page (which asks for a click), with the mail's code and token.
    const url = new URL((mail.variables as { url: string }).url);
    expect(url.origin + url.pathname).toBe(`http://localhost:3000/en/requests/confirm/${request.reference}`);
    expect(url.searchParams.get("code")).toBe(confirmationCode(link.secret, request.reference));
    // The token is stored only as its hash, and the mail knows it, to be erased with it.
    const token = await db.verificationToken.findFirstOrThrow({ where: { identifier: "erin@example.org" } });
    expect(token.token).toBe(hashLinkToken(url.searchParams.get("token")!, link.secret));
    expect(mail).toMatchObject({ linkTokenHash: token.token, linkExpiresAt: token.expires });
    const audit = await db.auditEntry.findMany({ where: { requestId: request.id } });
    expect(audit).toMatchObject([{ event: "submitted", ip: "203.0.113.9", userAgent: "vitest" }]);
  });

  it("confirms a signed-in subject's request at once, under their own address, without a mail to confirm", async () => {
    const user = await db.user.create({ data: { email: "sam@example.org", emailVerified: new Date() } });
    // The form with JavaScript has no address field for a signed-in subject; without it the field stays empty.
    const outcome = await fileRequest(
      "restriction",
      form("restriction", ""),
      context({ session: { userId: user.id, email: "sam@example.org" } }),
    );
    expect(outcome).toMatchObject({ kind: "filed", reference: expect.stringMatching(/^DSR-\d{4}-\d{6}$/) });
    const request = await db.request.findFirstOrThrow({ where: { subjectEmail: "sam@example.org" } });
    expect(request).toMatchObject({ status: "received", subjectUserId: user.id });
    expect(request.dueDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const mails = await db.outboundMail.findMany({ where: { requestId: request.id }, select: { template: true } });
    // The acknowledgement (Art. 12(3)); staff alerts go to DPOs, of whom this database has none.
    expect(mails.map((m) => m.template)).toEqual(["acknowledgement"]);
  });

  it("files a signed-in subject's request for another address they typed, to be confirmed by that address", async () => {
    const user = await db.user.create({ data: { email: "sue@example.org", emailVerified: new Date() } });
    const outcome = await fileRequest(
      "restriction",
      form("restriction", "Someone-Else@example.org"),
      context({ session: { userId: user.id, email: "sue@example.org" } }),
    );
    expect(outcome).toMatchObject({ kind: "confirm_by_email", requestId: expect.any(String) });
    const request = await db.request.findFirstOrThrow({ where: { subjectEmail: "someone-else@example.org" } });
    expect(request).toMatchObject({ status: "awaiting_verification", subjectUserId: null });
  });

  it("links a second open request of the same right from the same address, and says so in the acknowledgement", async () => {
    const user = await db.user.create({ data: { email: "dora@example.org", emailVerified: new Date() } });
    const session = { userId: user.id, email: "dora@example.org" };
    const first = await fileRequest("access", form("access", "dora@example.org"), context({ session }));
    const second = await fileRequest("access", form("access", "dora@example.org"), context({ session }));
    const other = await fileRequest("restriction", form("restriction", "dora@example.org"), context({ session }));
    if (first.kind !== "filed" || second.kind !== "filed" || other.kind !== "filed") throw new Error("not filed");
    const rows = await db.request.findMany({
      where: { reference: { in: [first.reference, second.reference, other.reference] } },
      select: { id: true, reference: true, duplicateOfId: true },
    });
    const byRef = new Map(rows.map((r) => [r.reference, r]));
    expect(byRef.get(second.reference)!.duplicateOfId).toBe(byRef.get(first.reference)!.id);
    expect(byRef.get(first.reference)!.duplicateOfId).toBeNull();
    expect(byRef.get(other.reference)!.duplicateOfId).toBeNull();
    const ack = await db.outboundMail.findFirstOrThrow({
      where: { requestId: byRef.get(second.reference)!.id, template: "acknowledgement" },
    });
    expect(ack.variables).toMatchObject({ duplicateOf: first.reference });
  });

  it.each(["expiry", "withdrawal"] as const)(
    "leaves no address in the outbox or the link tokens once an unconfirmed request is minimised (%s)",
    async (how) => {
      const email = `gone-${how}@example.org`;
      await fileRequest("access", form("access", email), context());
      const request = await db.request.findFirstOrThrow({ where: { subjectEmail: email } });
      const later = new Date(Date.now() + 8 * 24 * 60 * 60 * 1000);
      const user = how === "withdrawal" ? await db.user.create({ data: { email } }) : null;
      const outcome = await transitionRequest(
        db,
        {
          requestId: request.id,
          actor: user ? { type: "subject", userId: user.id } : { type: "system" },
          command: user ? { name: "withdraw", input: {} } : { name: "expire_unverified", input: {} },
        },
        { ...testRequestSettings, attachmentsDir: dir },
        later,
      );
      expect(outcome.ok).toBe(true);
      // The confirmation mail was never sent and never will be; a withdrawal is still confirmed by mail,
      // and the outbox forgets that mail's address once it is sent.
      await deliverDueMails(db, mailboxDelivery, { retry: DEFAULT_RETRY_POLICY, clock: () => later });
      const mails = await db.outboundMail.findMany({ where: { requestId: request.id }, orderBy: { createdAt: "asc" } });
      expect(mails.map((m) => [m.template, m.status])).toEqual([
        ["confirm_request", "failed"],
        ...(how === "withdrawal" ? [["withdrawal_confirmation", "sent"]] : []),
      ]);
      expect(JSON.stringify(mails)).not.toContain(email);
      expect(await db.verificationToken.count({ where: { identifier: email } })).toBe(0);
    },
  );

  it("stores markup-ish but harmless text as typed (it is text, escaped wherever it is shown)", async () => {
    const outcome = await fileRequest(
      "rectification",
      formOf([
        ...commonFields.filter(([k]) => k !== "email" && k !== "name"),
        ["email", "markup@example.org"],
        ["name", "Max <b>Mustermann</b>"],
        ["details.items.0.data", "E-Mail-Adresse"],
        ["details.items.0.correctValue", "Max Mustermann <max.alt@example.org>"],
        ["details.supplementaryStatement", '<script>alert(1)</script>\r\n"><img src=x onerror=alert(1)>'],
      ]),
      context(),
    );
    expect(outcome).toEqual({ kind: "confirm_by_email", requestId: expect.any(String) });
    const request = await db.request.findFirstOrThrow({ where: { subjectEmail: "markup@example.org" } });
    expect(request.subjectName).toBe("Max <b>Mustermann</b>");
    expect(request.details).toEqual({
      items: [{ data: "E-Mail-Adresse", correctValue: "Max Mustermann <max.alt@example.org>" }],
      supplementaryStatement: '<script>alert(1)</script>\n"><img src=x onerror=alert(1)>',
    });
  });

  it("stores an address on an internationalised domain in its canonical form, and counts both spellings as one subject", async () => {
    expect(await fileRequest("access", form("access", "Joerg@Müller-Beispiel.de"), context())).toEqual({
      kind: "confirm_by_email",
      requestId: expect.any(String),
    });
    expect(await fileRequest("access", form("access", "joerg@xn--mller-beispiel-gsb.de"), context())).toEqual({
      kind: "confirm_by_email",
      requestId: expect.any(String),
    });
    const requests = await db.request.findMany({
      where: { subjectEmail: "joerg@xn--mller-beispiel-gsb.de" },
      orderBy: { submittedAt: "asc" },
    });
    expect(requests).toHaveLength(2);
    // The link and its token are for the canonical address too.
    expect(await db.verificationToken.count({ where: { identifier: "joerg@xn--mller-beispiel-gsb.de" } })).toBe(2);
    // Confirmed by the one account of that mailbox, the second is a duplicate of the first.
    const user = await db.user.create({ data: { email: "joerg@xn--mller-beispiel-gsb.de" } });
    for (const request of requests) {
      const verified = await transitionRequest(
        db,
        { requestId: request.id, actor: { type: "subject", userId: user.id }, command: { name: "verify", input: {} } },
        testRequestSettings,
      );
      expect(verified.ok).toBe(true);
    }
    const [first, second] = await db.request.findMany({
      where: { id: { in: requests.map((r) => r.id) } },
      orderBy: { submittedAt: "asc" },
    });
    expect(second!.duplicateOfId).toBe(first!.id);
  });

  it("counts +tags, case and full-width spellings of one mailbox against one per-address limit", async () => {
    for (const email of ["victim+0@example.org", "Victim+1@EXAMPLE.org", "victim@ｅｘａｍｐｌｅ.org"]) {
      expect(await fileRequest("restriction", form("restriction", email), context()), email).toEqual({
        kind: "confirm_by_email",
        requestId: expect.any(String),
      });
    }
    const before = await footprint();
    const outcome = await fileRequest("restriction", form("restriction", "victim+3@example.org"), context());
    expect(outcome).toMatchObject({ kind: "limited" });
    expect(await footprint()).toEqual(before);
    // The requests keep the address as given (canonical): the +tag is dropped for the limit only.
    const stored = await db.request.findMany({
      where: { subjectEmail: { startsWith: "victim" } },
      select: { subjectEmail: true },
      orderBy: { submittedAt: "asc" },
    });
    expect(stored.map((r) => r.subjectEmail)).toEqual([
      "victim+0@example.org",
      "victim+1@example.org",
      "victim@example.org",
    ]);
  });

  it("counts a refused filing against every limit, the address's and the client's, and stores nothing else", async () => {
    // One address's limit used up from its own client address, so the client's counter is this test's alone.
    const ip = "198.51.100.77";
    const filing = () => fileRequest("erasure", form("erasure", "counted@example.org"), context({ ip }));
    for (let i = 0; i < limits.points.submission_email; i++) expect((await filing()).kind).toBe("confirm_by_email");
    const before = await footprint();
    expect(await filing()).toMatchObject({ kind: "limited", retryAfterSeconds: expect.any(Number) });
    expect(await filing()).toMatchObject({ kind: "limited" });
    expect(await footprint()).toEqual(before);
    // On SQLite the counts commit with the filing (and a refusal's roll back with it, then count on their own).
    const counter = (limit: LimitName, key: string) =>
      db.rateLimit.findUniqueOrThrow({ where: { key: `${limit}:${limitKey(limit, key, limits.secret)}` } });
    expect((await counter("submission_ip", ip)).points).toBe(limits.points.submission_email + 2);
    expect((await counter("submission_email", "counted@example.org")).points).toBe(limits.points.submission_email + 2);
  });

  it("stores nothing for a robot (honeypot), and answers it like a person", async () => {
    const before = await footprint();
    const outcome = await fileRequest("access", form("access", "bot@example.org", [["website", "x"]]), context());
    expect(outcome).toEqual({ kind: "confirm_by_email" });
    // No request id: the check-email page it is sent to is the generic one.
    expect(await footprint()).toEqual(before);
  });

  const twentyMegabytes = () => {
    const bytes = new Uint8Array(20 * 1024 * 1024);
    bytes.set(PDF);
    return new File([bytes], "huge.pdf");
  };
  /** [what, the form, its errors, its right (access unless named)] */
  const bad: Array<[string, () => FormData, Record<string, unknown>, RequestType?]> = [
    ["an empty address", () => form("access", ""), { email: { code: "required" } }],
    // Issue 10: NUL was stored on SQLite and a 500 on PostgreSQL (22021); RLO and zero-width were stored.
    [
      "a NUL in the name",
      () => form("access", "x@example.org", [["name", "Anna\u0000Schmidt"]]),
      { name: { code: "control_character", character: "U+0000", position: 5 } },
    ],
    [
      "a NUL in the details",
      () => form("erasure", "x@example.org", [["details.specificData", "My phone\u0000number"]]),
      { "details.specificData": { code: "control_character", character: "U+0000", position: 9 } },
      "erasure",
    ],
    [
      "a right-to-left override in the name",
      () => form("access", "x@example.org", [["name", "Anna \u202eSchmidt"]]),
      { name: { code: "invisible_character", character: "U+202E", position: 6 } },
    ],
    [
      "a zero-width space in the name",
      () => form("access", "x@example.org", [["name", "Anna\u200bSchmidt"]]),
      { name: { code: "invisible_character", character: "U+200B", position: 5 } },
    ],
    [
      "markup in the endpoint URL",
      () =>
        form("portability", "x@example.org", [
          ["details.transmitTo.endpoint", 'https://other.example/import?q="><script>alert(1)</script>'],
        ]),
      { "details.transmitTo.endpoint": { code: "url_character", character: "U+0022", position: 32 } },
      "portability",
    ],
    [
      "an address with a non-ASCII part before the @",
      () => form("access", "jörg@müller-beispiel.de"),
      { email: { code: "email_not_ascii" } },
    ],
    [
      "a 20 MB file",
      () => form("access", "x@example.org", [["attachments", twentyMegabytes()]]),
      { attachments: { code: "file_too_large", max: 10, fileName: "huge.pdf" } },
    ],
    [
      "a renamed executable",
      () => form("access", "x@example.org", [["attachments", new File([ELF], "invoice.pdf")]]),
      { attachments: { code: "file_wrong_type", fileName: "invoice.pdf" } },
    ],
    [
      "six files",
      () =>
        form(
          "access",
          "x@example.org",
          Array.from({ length: 6 }, (_, i) => ["attachments", new File([PDF], `${i}.pdf`)] as [string, File]),
        ),
      { attachments: { code: "file_too_many", max: 5 } },
    ],
    [
      "a bad field and a bad file at once",
      () => form("access", "nope", [["attachments", new File([ELF], "a.pdf")]]),
      { email: { code: "invalid_email" }, attachments: { code: "file_wrong_type" } },
    ],
  ];
  it.each(bad)("answers %s with a field error and stores nothing", async (_label, make, errors, type = "access") => {
    const before = await footprint();
    const outcome = await fileRequest(type, make(), context());
    expect(outcome.kind).toBe("invalid");
    if (outcome.kind === "invalid") expect(outcome.errors).toMatchObject(errors);
    expect(await footprint()).toEqual(before);
  });

  it("refuses the fourth request from one address within the window, storing nothing", async () => {
    for (let i = 0; i < 3; i++) {
      expect(await fileRequest("portability", form("portability", "many@example.org"), context())).toEqual({
        kind: "confirm_by_email",
        requestId: expect.any(String),
      });
    }
    const before = await footprint();
    const outcome = await fileRequest("portability", form("portability", "many@example.org"), context());
    expect(outcome).toMatchObject({ kind: "limited", retryAfterSeconds: expect.any(Number) });
    expect(await footprint()).toEqual(before);
  });

  describe("1,000 random bodies per form", () => {
    /** Random values for a form's own fields, other names, files and junk, in any mix. */
    const body = (type: RequestType) => {
      const names = detailFieldNames(type);
      const known = [...names.single, ...names.multiple, "email", "name", "language", "website", "attachments"];
      const value = fc.oneof(
        fc.string(),
        fc.string({ unit: "binary", maxLength: 300 }),
        fc.constantFrom("", "yes", "no", "all", "categories", "specific", "a", "f", "json", "csv", "processing"),
        fc.constantFrom("direct_marketing", "app-use", "email-address", "app-permissions", "x@example.org"),
        fc.constantFrom("<script>alert(1)</script>", "x".repeat(6000), "\u0000", "../../etc/passwd"),
        fc.uint8Array({ maxLength: 64 }).map((bytes) => new File([bytes], "f.pdf")),
      );
      const name = fc.oneof(fc.constantFrom(...known), fc.string({ maxLength: 20 }));
      return fc.array(fc.tuple(name, value), { maxLength: 25 });
    };

    it.each(requestTypes)(
      "%s: every body gets an answer, none throws, and refusals store nothing",
      async (type) => {
        const kinds = new Map<string, number>();
        await fc.assert(
          fc.asyncProperty(body(type), async (entries) => {
            const before = await footprint();
            const outcome = await fileRequest(type, formOf(entries as Array<[string, string | File]>), context());
            kinds.set(outcome.kind, (kinds.get(outcome.kind) ?? 0) + 1);
            expect(["invalid", "limited", "confirm_by_email"]).toContain(outcome.kind);
            // Refused: not a row, mail, token or file more (a robot's honeypot post is answered like a person's).
            if (outcome.kind !== "confirm_by_email") expect(await footprint()).toEqual(before);
          }),
          { numRuns: 1000 },
        );
        expect([...kinds.values()].reduce((a, b) => a + b, 0)).toBe(1000);
      },
      120_000,
    );
  });
});
