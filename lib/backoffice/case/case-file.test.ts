// The case file and its steps against real SQLite and PostgreSQL: what staff see (timeline in order
// with actors, thread, notes, mails, deadline reasoning), who may do what (rules.ts through the
// workflow), the Art. 12(3)/12(4) refusals with clear codes, and the optimistic lock.
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { privateDatabase } from "../../../scripts/test/private-database";
import { testRequestSettings as settings } from "../../../scripts/test/request-settings";
import { verifiedTestRequest } from "../../../scripts/test/requests";
import { createDb, type Db } from "../../db/client";
import type { StaffRole } from "../../requests/workflow/actor";
import { commandsFor } from "./case-commands";
import { readCaseForm } from "./case-forms";
import { loadCaseFile, type CaseViewer } from "./load-case-file";
import { previewNotice, runCaseCommand } from "./run-case-command";

const form = (fields: Record<string, string | string[]>) => ({
  getAll: (name: string) => {
    const value = fields[name];
    return value === undefined ? [] : Array.isArray(value) ? value : [value];
  },
});

const refusalFields = {
  grounds: ["excessive"],
  legalBasis: "Art. 12(5)(b) GDPR",
  reasons: "This is the fifth identical request within a month; we answered it on 3 November.",
  complaintAuthority: "LDI NRW, Kavalleriestraße 2-4, 40213 Düsseldorf",
  judicialRemedy: "yes",
};

describe("what the case file offers each role (from rules.ts)", () => {
  it("an auditor and an admin get no command; the privacy team no extension, refusal or partial completion", () => {
    expect(commandsFor("auditor", "in_progress")).toEqual([]);
    expect(commandsFor("admin", "in_progress")).toEqual([]);
    expect(commandsFor("privacy_team", "in_progress")).toEqual([
      "assign",
      "request_information",
      "send_message",
      "complete",
      "withdraw",
      "add_note",
    ]);
    expect(commandsFor("dpo", "in_progress")).toEqual([
      "assign",
      "request_information",
      "send_message",
      "extend",
      "announce_fee",
      "complete",
      "partially_complete",
      "refuse",
      "withdraw",
      "mark_spam",
      "add_note",
    ]);
    expect(commandsFor("dpo", "refused")).toEqual(["reopen", "add_note"]);
    expect(commandsFor("dpo", "expired_unverified")).toEqual([]);
    expect(commandsFor("dpo", "spam")).toEqual([]);
  });

  it("reopening: the privacy team only what it may close (completed); the DPO also refusals (Art. 12(4), 12(5))", () => {
    expect(commandsFor("privacy_team", "completed")).toEqual(["reopen", "add_note"]);
    expect(commandsFor("privacy_team", "refused")).toEqual(["add_note"]);
    expect(commandsFor("privacy_team", "partially_completed")).toEqual(["add_note"]);
    expect(commandsFor("dpo", "partially_completed")).toEqual(["reopen", "add_note"]);
    expect(commandsFor("auditor", "completed")).toEqual([]);
  });

  it("while a fee awaits the subject (Art. 12(5)(a)) staff may write, extend, refuse or record a withdrawal", () => {
    expect(commandsFor("dpo", "awaiting_fee")).toEqual([
      "assign",
      "send_message",
      "extend",
      "refuse",
      "withdraw",
      "mark_spam",
      "add_note",
    ]);
    expect(commandsFor("privacy_team", "awaiting_fee")).toEqual(["assign", "send_message", "withdraw", "add_note"]);
  });

  it("the fee form reads euro as whole cents and refuses what is no amount or out of bounds", () => {
    const reasons = "The sixth identical request since October, each answered in full.";
    for (const [typed, cents] of [
      ["25", 2_500],
      ["25,5", 2_550],
      ["25.50 €", 2_550],
      ["1000", 100_000],
      ["0,01", 1],
    ] as const) {
      expect(readCaseForm("announce_fee", form({ amount: typed, reasons }))).toMatchObject({
        ok: true,
        command: { name: "announce_fee", input: { amountCents: cents, reasons } },
      });
    }
    for (const typed of ["0", "1000,01", "25,505", "1.000,00", "-5", "twenty"]) {
      expect(readCaseForm("announce_fee", form({ amount: typed, reasons }))).toEqual({
        ok: false,
        errors: { amount: "amount_invalid" },
        values: { amount: typed, reasons },
      });
    }
    expect(readCaseForm("announce_fee", form({ amount: "", reasons: "too short" }))).toMatchObject({
      ok: false,
      errors: { amount: "required", reasons: "too_short" },
    });
    expect(readCaseForm("reopen", form({ reason: "" }))).toMatchObject({ ok: false, errors: { reason: "required" } });
    expect(readCaseForm("mark_spam", form({ note: "" }))).toEqual({
      ok: true,
      command: { name: "mark_spam", input: {} },
      values: { note: "" },
    });
  });

  it("a refusal without reasons names the missing Art. 12(4) part and keeps what was typed", () => {
    const read = readCaseForm("refuse", form({ ...refusalFields, reasons: "", judicialRemedy: "" }));
    expect(read).toMatchObject({
      ok: false,
      errors: { reasons: "reasons_required", judicialRemedy: "remedy_required" },
      values: { legalBasis: "Art. 12(5)(b) GDPR", complaintAuthority: refusalFields.complaintAuthority },
    });
    expect(readCaseForm("refuse", form({ ...refusalFields, grounds: [] }))).toMatchObject({
      ok: false,
      errors: { grounds: "required" },
    });
    // One post names every missing part, the grounds and the Art. 12(4) parts together.
    expect(readCaseForm("refuse", form({ judicialRemedy: "yes", complaintAuthority: "LDI NRW" }))).toEqual({
      ok: false,
      errors: { grounds: "required", reasons: "reasons_required" },
      values: { grounds: [], legalBasis: "", reasons: "", complaintAuthority: "LDI NRW", judicialRemedy: "yes" },
    });
    expect(readCaseForm("extend", form({ reason: "busy" }))).toMatchObject({
      ok: false,
      errors: { reason: "too_short" },
      values: { reason: "busy" },
    });
    expect(readCaseForm("request_information", form({ reason: "passport", message: "" }))).toMatchObject({
      ok: false,
      errors: { reason: "invalid", message: "required" },
    });
  });
});

describe.each(inject("testDatabases").map((d) => d.flavor))("the case file on %s", (flavor) => {
  let db: Db;
  let drop: () => Promise<void>;
  const viewers = {} as Record<StaffRole, CaseViewer & { email: string }>;
  let subjectId = "";

  beforeAll(async () => {
    const database = await privateDatabase(flavor, "case-file");
    db = createDb(database.url);
    drop = database.drop;
    for (const role of ["dpo", "privacy_team", "admin", "auditor"] as const) {
      const email = `${role}@demo.example`;
      const user = await db.user.create({ data: { email, role, name: `Demo ${role}` } });
      viewers[role] = { actor: { type: "staff", userId: user.id, role }, email };
    }
    subjectId = (await db.user.create({ data: { email: "anna@example.org" } })).id;
  });
  afterAll(async () => {
    await db.$disconnect();
    await drop();
  });

  const step = async (
    role: StaffRole,
    reference: string,
    command: Parameters<typeof runCaseCommand>[3],
    now: Date,
    expectedVersion?: number,
  ) => {
    const version = expectedVersion ?? (await db.request.findUniqueOrThrow({ where: { reference } })).version;
    return runCaseCommand(db, viewers[role], reference, command, settings, { expectedVersion: version, now });
  };

  it("shows details, timeline in order with each actor, thread, notes, mails and the deadline's reasoning", async () => {
    const received = new Date("2026-11-02T09:00:00Z");
    const { reference } = await verifiedTestRequest(db, subjectId, { subjectEmail: "anna@example.org" }, received);
    const t = (day: number) => new Date(`2026-11-${String(day).padStart(2, "0")}T10:00:00Z`);
    const assign = { name: "assign", input: { assigneeId: viewers.privacy_team.actor.userId } } as const;
    expect(await step("dpo", reference, assign, t(3))).toEqual({ ok: true });
    expect(await step("privacy_team", reference, { name: "start_work", input: {} }, t(4))).toEqual({ ok: true });
    const ask = {
      name: "request_information",
      input: { reason: "identity", message: "Please send your customer number." },
    } as const;
    expect(await step("privacy_team", reference, ask, t(5))).toEqual({ ok: true });
    const note = { name: "add_note", input: { note: "Customer number is on every invoice." } } as const;
    expect(await step("privacy_team", reference, note, t(6))).toEqual({ ok: true });
    const extend = {
      name: "extend",
      input: { reason: "Your data are spread over four systems of two processors." },
    } as const;
    expect(await step("dpo", reference, extend, t(9))).toEqual({ ok: true });

    const file = await loadCaseFile(db, viewers.auditor, reference, settings.policy, t(10));
    expect(file).not.toBeNull();
    expect(file!.subjectMasked).toBe("a***@example.org");
    expect(file!.details).toEqual({ scope: "all", categories: [], copy: true });
    expect(file!.verification).toEqual({ confirmedAt: received, linkedAccount: true, identityRequests: 1 });
    expect(file!.assignee).toMatchObject({ email: "privacy_team@demo.example" });
    expect(file!.timeline.map((e) => [e.seq, e.event, e.actor])).toEqual([
      [1, "submitted", { kind: "subject" }],
      [2, "verified", { kind: "subject" }],
      [3, "assigned", { kind: "staff", name: "Demo dpo", email: "dpo@demo.example", role: "dpo" }],
      [
        4,
        "work_started",
        { kind: "staff", name: "Demo privacy_team", email: "privacy_team@demo.example", role: "privacy_team" },
      ],
      [
        5,
        "information_requested",
        { kind: "staff", name: "Demo privacy_team", email: "privacy_team@demo.example", role: "privacy_team" },
      ],
      [
        6,
        "note_added",
        { kind: "staff", name: "Demo privacy_team", email: "privacy_team@demo.example", role: "privacy_team" },
      ],
      [7, "extended", { kind: "staff", name: "Demo dpo", email: "dpo@demo.example", role: "dpo" }],
    ]);
    // Internal steps are there too, marked as such; the words are put back.
    expect(file!.timeline.find((e) => e.event === "note_added")).toMatchObject({
      public: false,
      details: { note: "Customer number is on every invoice." },
    });
    expect(file!.thread).toMatchObject([{ direction: "outbound", body: "Please send your customer number." }]);
    expect(file!.notes).toMatchObject([
      { body: "Customer number is on every invoice.", author: { email: "privacy_team@demo.example" } },
    ]);
    expect(file!.tasks).toEqual([]);
    const toSubject = file!.mails.filter((m) => m.to === "a***@example.org").map((m) => [m.template, m.status]);
    expect(toSubject).toEqual([
      ["acknowledgement", "pending"],
      ["information_request", "pending"],
      ["extension_notice", "pending"],
    ]);
    // Received Monday 2 Nov, extended: three months to 2 Feb 2027; still awaiting the subject (running clock).
    expect(file!.deadline).toMatchObject({
      receiptDate: "2026-11-02",
      months: 3,
      firstDue: "2026-12-02",
      due: "2027-02-02",
      storedDueDate: "2027-02-02",
    });
    expect(file!.deadline!.reasoning.length).toBeGreaterThan(1);
    // The auditor reads everything and may do nothing; the DPO may resume.
    expect(file!.commands).toEqual([]);
    expect((await loadCaseFile(db, viewers.dpo, reference, settings.policy, t(10)))!.commands).toContain("resume");
    expect(file!.assignees.map((a) => a.role).sort()).toEqual(["dpo", "privacy_team"]);
  });

  it("gives an admin nothing, and an unknown reference nothing", async () => {
    const { reference } = await verifiedTestRequest(db, subjectId, { subjectEmail: "anna@example.org" });
    expect(await loadCaseFile(db, viewers.admin, reference, settings.policy)).toBeNull();
    expect(await loadCaseFile(db, viewers.dpo, "DSR-2026-999999", settings.policy)).toBeNull();
    expect(
      await runCaseCommand(db, viewers.admin, reference, { name: "start_work", input: {} }, settings, {
        expectedVersion: 1,
      }),
    ).toEqual({ ok: false, error: { code: "not_found" } });
  });

  it("the privacy team cannot refuse or extend; an auditor cannot act at all; nothing is written", async () => {
    const { reference, id } = await verifiedTestRequest(db, subjectId, { subjectEmail: "anna@example.org" });
    const before = await db.auditEntry.count({ where: { requestId: id } });
    const refusal = readCaseForm("refuse", form(refusalFields));
    if (!refusal.ok) throw new Error("refusal form should be complete");
    const now = new Date();
    expect(await step("privacy_team", reference, refusal.command, now)).toEqual({
      ok: false,
      error: { code: "not_permitted" },
    });
    const extend = { name: "extend", input: { reason: "Four systems of two processors hold your data." } } as const;
    expect(await step("privacy_team", reference, extend, now)).toEqual({ ok: false, error: { code: "not_permitted" } });
    expect(await step("auditor", reference, { name: "start_work", input: {} }, now)).toEqual({
      ok: false,
      error: { code: "not_permitted" },
    });
    expect(await db.auditEntry.count({ where: { requestId: id } })).toBe(before);
  });

  it("a second extension, and one after the first month, are refused with their Art. 12(3) codes", async () => {
    const received = new Date("2026-11-02T09:00:00Z");
    const a = await verifiedTestRequest(db, subjectId, { subjectEmail: "anna@example.org" }, received);
    const extend = { name: "extend", input: { reason: "Four systems of two processors hold your data." } } as const;
    expect(await step("dpo", a.reference, extend, new Date("2026-11-10T10:00:00Z"))).toEqual({ ok: true });
    expect(await step("dpo", a.reference, extend, new Date("2026-11-11T10:00:00Z"))).toMatchObject({
      ok: false,
      error: { code: "already_extended" },
    });
    const b = await verifiedTestRequest(db, subjectId, { subjectEmail: "anna@example.org" }, received);
    expect(await step("dpo", b.reference, extend, new Date("2026-12-10T10:00:00Z"))).toEqual({
      ok: false,
      error: { code: "extension_too_late", firstDue: "2026-12-02" },
    });
  });

  it("a form rendered before someone else's step fails with conflict; nothing is lost or overwritten", async () => {
    const { reference, id } = await verifiedTestRequest(db, subjectId, { subjectEmail: "anna@example.org" });
    const seen = (await db.request.findUniqueOrThrow({ where: { id } })).version;
    const now = new Date();
    const take = { name: "assign", input: { assigneeId: viewers.privacy_team.actor.userId } } as const;
    expect(await step("privacy_team", reference, take, now, seen)).toEqual({ ok: true });
    const other = { name: "assign", input: { assigneeId: viewers.dpo.actor.userId } } as const;
    expect(await step("dpo", reference, other, now, seen)).toEqual({ ok: false, error: { code: "conflict" } });
    const stored = await db.request.findUniqueOrThrow({ where: { id } });
    expect(stored.assigneeId).toBe(viewers.privacy_team.actor.userId);
  });

  it("previews the refusal notice with its three Art. 12(4) parts, in the subject's language, and sends the same", async () => {
    const { reference, id } = await verifiedTestRequest(db, subjectId, {
      subjectEmail: "anna@example.org",
      language: "en",
    });
    const read = readCaseForm("refuse", form(refusalFields));
    if (!read.ok || read.command.name !== "refuse") throw new Error("refusal form should be complete");
    const preview = await previewNotice(db, viewers.dpo, reference, read.command, settings);
    expect(preview?.language).toBe("en");
    expect(preview?.text).toContain("fifth identical request");
    expect(preview?.text).toContain("LDI NRW");
    expect(preview?.text).toMatch(/court/i);
    expect(await previewNotice(db, viewers.admin, reference, read.command, settings)).toBeNull();
    expect(await db.auditEntry.count({ where: { requestId: id, event: "refused" } })).toBe(0);
    expect(await step("dpo", reference, read.command, new Date())).toEqual({ ok: true });
    const mail = await db.outboundMail.findFirstOrThrow({ where: { requestId: id, template: "refusal" } });
    expect(mail.variables).toMatchObject({ refusal: { reasons: refusalFields.reasons } });
  });
});
