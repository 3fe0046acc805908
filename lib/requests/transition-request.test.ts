// The workflow persisted: real SQLite and (with TEST_POSTGRES_URL) real PostgreSQL.
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { DEFAULT_DEADLINE_POLICY } from "../deadlines";
import { testRequestSettings } from "../../scripts/test/request-settings";
import { createDb, type Db } from "../db/client";
import { submitRequest } from "./submit-request";
import { transitionRequest } from "./transition-request";
import type { Actor } from "./workflow/actor";
import type { Command, RefusalInput } from "./workflow/commands";

const settings = testRequestSettings;
const refusal: RefusalInput = {
  grounds: ["legal_exception"],
  legalBasis: ["Art. 17(3)(b) GDPR"],
  reasons: "Invoices must be kept for ten years under § 147 AO; we erased everything else.",
  complaintRight: { authority: "LDI NRW, Düsseldorf" },
  judicialRemedy: true,
};

describe.each(inject("testDatabases"))("request workflow on $flavor", ({ url, flavor }) => {
  let db: Db;
  const tag = `${flavor}-${Date.now()}`;
  const staff: Record<"dpo" | "team", Actor & { type: "staff" }> = {} as never;
  let subjectUserId = "";
  let otherUserId = "";

  beforeAll(async () => {
    db = createDb(url);
    const dpo = await db.user.create({ data: { email: `dpo-${tag}@demo.example`, role: "dpo" } });
    const team = await db.user.create({ data: { email: `team-${tag}@demo.example`, role: "privacy_team" } });
    subjectUserId = (await db.user.create({ data: { email: `anna-${tag}@example.org` } })).id;
    otherUserId = (await db.user.create({ data: { email: `bob-${tag}@example.org` } })).id;
    staff.dpo = { type: "staff", userId: dpo.id, role: "dpo" };
    staff.team = { type: "staff", userId: team.id, role: "privacy_team" };
  });
  afterAll(() => db.$disconnect());

  async function submit(type: "access" | "erasure" = "access", at = new Date("2026-11-02T08:00:00Z")) {
    const details = type === "access" ? { scope: "all", copy: true } : { scope: "all" };
    const result = await submitRequest(
      db,
      { type, details, subjectEmail: ` Anna-${tag}@Example.org `, language: "de", statementVersion: "2023-07" },
      at,
    );
    if (!result.ok) throw new Error(result.issues.join("; "));
    return result;
  }

  const subject = (): Actor => ({ type: "subject", userId: subjectUserId });

  it("submission stores awaiting_verification with a sequential reference and its first audit entry", async () => {
    const a = await submit();
    const b = await submit();
    expect(a.reference).toMatch(/^DSR-2026-\d{6}$/);
    expect(Number(b.reference.slice(-6))).toBe(Number(a.reference.slice(-6)) + 1);
    const stored = await db.request.findUniqueOrThrow({ where: { id: a.id }, include: { auditEntries: true } });
    expect(stored).toMatchObject({
      status: "awaiting_verification",
      subjectEmail: `anna-${tag}@example.org`,
      receivedAt: null,
      auditHeadSeq: 1,
    });
    expect(stored.auditEntries).toHaveLength(1);
    expect(stored.auditEntries[0]).toMatchObject({
      event: "submitted",
      seq: 1,
      prevHash: null,
      toStatus: "awaiting_verification",
    });
  });

  it("rejects details that do not fit the type and stores nothing", async () => {
    const before = await db.request.count();
    const result = await submitRequest(db, {
      type: "portability",
      details: { format: "xml" },
      subjectEmail: "x@example.org",
      language: "en",
      statementVersion: "2023-07",
    });
    expect(result).toMatchObject({ ok: false });
    expect(await db.request.count()).toBe(before);
  });

  it("walks a request from verification to completion, each step with its audit entry", async () => {
    const { id } = await submit("erasure");
    const verifiedAt = new Date("2026-11-02T09:30:00Z");
    const verified = await transitionRequest(
      db,
      {
        requestId: id,
        actor: subject(),
        command: { name: "verify", input: {} },
        ip: "203.0.113.7",
        userAgent: "Firefox",
      },
      settings,
      verifiedAt,
    );
    expect(verified).toMatchObject({ ok: true, status: "received", dueDate: "2026-12-02" });
    // Art. 12(3): the acknowledgement to the subject and an alert to the DPO, queued with the event.
    const queued = await db.outboundMail.findMany({ where: { requestId: id } });
    const ack = queued.filter((m) => m.template === "acknowledgement");
    expect(ack).toHaveLength(1);
    expect(ack[0]).toMatchObject({ toAddress: `anna-${tag}@example.org`, language: "de", status: "pending" });
    expect(ack[0]!.variables).toMatchObject({ receivedDate: "2026-11-02", dueDate: "2026-12-02" });
    expect(queued.some((m) => m.template === "staff_alert" && m.toAddress === `dpo-${tag}@demo.example`)).toBe(true);

    const t = new Date("2026-11-03T10:00:00Z");
    const steps = [
      { actor: staff.dpo, command: { name: "assign", input: { assigneeId: staff.team.userId } } },
      { actor: staff.team, command: { name: "start_work", input: {} } },
      {
        actor: staff.dpo,
        command: {
          name: "extend",
          input: { reason: "Data are held by three processors who must each confirm erasure." },
        },
      },
    ] as const;
    for (const step of steps) {
      const result = await transitionRequest(
        db,
        { requestId: id, actor: step.actor, command: step.command },
        settings,
        t,
      );
      expect(result.ok, JSON.stringify(result)).toBe(true);
    }

    // Erasure cannot be completed while a fulfilment task is open (Art. 17, 19).
    const task = await db.fulfilmentTask.create({ data: { requestId: id, title: "Erase from billing" } });
    const blocked = await transitionRequest(
      db,
      { requestId: id, actor: staff.team, command: { name: "complete", input: { summary: "Erased." } } },
      settings,
      t,
    );
    expect(blocked).toEqual({ ok: false, error: { code: "open_fulfilment_tasks", open: 1 } });
    // Out of retries is still unfinished; an optional task never blocks (lib/fulfilment/tasks/task-states.ts).
    await db.fulfilmentTask.update({ where: { id: task.id }, data: { status: "dead_lettered" } });
    await db.fulfilmentTask.create({ data: { requestId: id, title: "Tell the newsletter tool", required: false } });
    const stillBlocked = await transitionRequest(
      db,
      { requestId: id, actor: staff.team, command: { name: "complete", input: { summary: "Erased." } } },
      settings,
      t,
    );
    expect(stillBlocked).toEqual({ ok: false, error: { code: "open_fulfilment_tasks", open: 1 } });
    await db.fulfilmentTask.update({ where: { id: task.id }, data: { status: "done", completedAt: t } });
    const done = await transitionRequest(
      db,
      { requestId: id, actor: staff.team, command: { name: "complete", input: { summary: "Erased." } } },
      settings,
      t,
    );
    expect(done).toMatchObject({ ok: true, status: "completed" });
    const subjectMails = await db.outboundMail.findMany({
      where: { requestId: id, toAddress: `anna-${tag}@example.org` },
      orderBy: { createdAt: "asc" },
    });
    expect(subjectMails.map((m) => m.template)).toEqual(["acknowledgement", "extension_notice", "completion"]);

    const stored = await db.request.findUniqueOrThrow({
      where: { id },
      include: { auditEntries: { orderBy: { seq: "asc" } } },
    });
    expect(stored).toMatchObject({
      status: "completed",
      receivedAt: verifiedAt,
      subjectUserId,
      assigneeId: staff.team.userId,
      dueDate: "2027-02-02",
      extendedAt: t,
      closedAt: t,
      version: 5,
      auditHeadSeq: 6,
    });
    expect(stored.auditEntries.map((e) => [e.seq, e.event, e.fromStatus, e.toStatus])).toEqual([
      [1, "submitted", null, "awaiting_verification"],
      [2, "verified", "awaiting_verification", "received"],
      [3, "assigned", "received", "received"],
      [4, "work_started", "received", "in_progress"],
      [5, "extended", "in_progress", "in_progress"],
      [6, "completed", "in_progress", "completed"],
    ]);
    expect(stored.auditEntries[1]).toMatchObject({
      actorType: "subject",
      actorId: subjectUserId,
      ip: "203.0.113.7",
      userAgent: "Firefox",
      public: true,
    });
    expect(stored.auditEntries[2]).toMatchObject({ actorType: "staff", actorRole: "dpo", public: false });
    // The extension's notice text is kept beside the chain, which commits to it by digest.
    const extension = JSON.parse(stored.auditEntries[4]!.details);
    expect(extension).toMatchObject({
      due: "2027-02-02",
      notice: { text: expect.any(String), sha256: expect.stringMatching(/^[0-9a-f]{64}$/) },
    });
    const notice = await db.auditText.findUniqueOrThrow({ where: { id: extension.notice.text } });
    expect(notice.text).toContain("Art. 12 Abs. 3 DSGVO");
    for (let i = 1; i < stored.auditEntries.length; i++)
      expect(stored.auditEntries[i]!.prevHash).toBe(stored.auditEntries[i - 1]!.hash);
  });

  it("a forbidden step changes nothing and writes no audit entry", async () => {
    const { id } = await submit();
    await transitionRequest(db, { requestId: id, actor: subject(), command: { name: "verify", input: {} } }, settings);
    const before = await db.request.findUniqueOrThrow({ where: { id } });
    const refused = await transitionRequest(
      db,
      {
        requestId: id,
        actor: staff.dpo,
        command: { name: "refuse", input: { refusal: { ...refusal, judicialRemedy: false } } },
      },
      settings,
    );
    expect(refused).toEqual({ ok: false, error: { code: "refusal_incomplete", missing: ["judicial_remedy"] } });
    const byTeam = await transitionRequest(
      db,
      { requestId: id, actor: staff.team, command: { name: "refuse", input: { refusal } } },
      settings,
    );
    expect(byTeam).toMatchObject({ ok: false, error: { code: "actor_not_permitted" } });
    const after = await db.request.findUniqueOrThrow({ where: { id } });
    expect(after).toEqual(before);
    expect(await db.auditEntry.count({ where: { requestId: id } })).toBe(2);
    expect(await db.outboundMail.count({ where: { requestId: id, template: "refusal" } })).toBe(0);
  });

  it("a refusal's notice names the authority the DPO wrote, else the controller's own (Art. 12(4), 77)", async () => {
    const own = settings.mail.authority;
    const cases = [
      // The form's pre-filled words (here those of an English page, for a German subject): the
      // controller's authority as configured, named in the subject's language.
      [`${own.name.en}, ${own.address}`, { name: own.name.de, address: own.address }],
      // Another authority (where the subject lives, Art. 77(1)), written over two lines: as written.
      [
        "Der Hessische Beauftragte für Datenschutz\nGustav-Stresemann-Ring 1, 65189 Wiesbaden",
        { name: "Der Hessische Beauftragte für Datenschutz, Gustav-Stresemann-Ring 1, 65189 Wiesbaden", address: "" },
      ],
    ] as const;
    for (const [written, authority] of cases) {
      const { id } = await submit();
      await transitionRequest(
        db,
        { requestId: id, actor: subject(), command: { name: "verify", input: {} } },
        settings,
      );
      const refused = await transitionRequest(
        db,
        {
          requestId: id,
          actor: staff.dpo,
          command: { name: "refuse", input: { refusal: { ...refusal, complaintRight: { authority: written } } } },
        },
        settings,
      );
      expect(refused).toMatchObject({ ok: true, status: "refused" });
      const mail = await db.outboundMail.findFirstOrThrow({ where: { requestId: id, template: "refusal" } });
      expect((mail.variables as { refusal: { authority: unknown } }).refusal.authority).toEqual(authority);
    }
  });

  it("another subject cannot act on the request: it looks like no request at all", async () => {
    const { id } = await submit();
    await transitionRequest(db, { requestId: id, actor: subject(), command: { name: "verify", input: {} } }, settings);
    const other = await transitionRequest(
      db,
      { requestId: id, actor: { type: "subject", userId: otherUserId }, command: { name: "withdraw", input: {} } },
      settings,
    );
    const missing = await transitionRequest(
      db,
      { requestId: "no-such-request", actor: subject(), command: { name: "withdraw", input: {} } },
      settings,
    );
    expect(other).toEqual({ ok: false, error: { code: "not_found" } });
    expect(missing).toEqual(other);
    expect(
      await transitionRequest(
        db,
        { requestId: id, actor: subject(), command: { name: "withdraw", input: {} } },
        settings,
      ),
    ).toMatchObject({ ok: true, status: "withdrawn" });
  });

  it("a request is never linked to an account whose address it does not name", async () => {
    // Bob, signed in, files for Anna's address; Anna confirms it. Bob must not be able to act on it.
    const filed = await submitRequest(db, {
      type: "access",
      details: { scope: "all", copy: true },
      subjectEmail: `anna-${tag}@example.org`,
      subjectUserId: otherUserId,
      language: "en",
      statementVersion: "2023-07",
    });
    if (!filed.ok) throw new Error("submit failed");
    expect((await db.request.findUniqueOrThrow({ where: { id: filed.id } })).subjectUserId).toBeNull();
    const bobVerifies = await transitionRequest(
      db,
      { requestId: filed.id, actor: { type: "subject", userId: otherUserId }, command: { name: "verify", input: {} } },
      settings,
    );
    expect(bobVerifies.ok).toBe(true);
    expect((await db.request.findUniqueOrThrow({ where: { id: filed.id } })).subjectUserId).toBeNull();
    const bobWithdraws = await transitionRequest(
      db,
      {
        requestId: filed.id,
        actor: { type: "subject", userId: otherUserId },
        command: { name: "withdraw", input: {} },
      },
      settings,
    );
    expect(bobWithdraws).toEqual({ ok: false, error: { code: "not_found" } });
  });

  it("a subject may act on a request linked to nobody that names their address, which links it", async () => {
    // Confirmed without an account (e.g. seeded, or by the system): subjectUserId stays empty.
    const { id } = await submit();
    await transitionRequest(
      db,
      { requestId: id, actor: { type: "system" }, command: { name: "verify", input: {} } },
      settings,
    );
    expect((await db.request.findUniqueOrThrow({ where: { id } })).subjectUserId).toBeNull();
    const message = { name: "send_message", input: { message: "Is my newsletter data included?" } } as const;
    // Someone else's account, or an agent's, gets the answer of a missing request.
    for (const actor of [
      { type: "subject", userId: otherUserId },
      { type: "agent", userId: otherUserId },
      { type: "subject", userId: null },
    ] as const) {
      expect(await transitionRequest(db, { requestId: id, actor, command: message }, settings)).toEqual({
        ok: false,
        error: { code: "not_found" },
      });
    }
    expect(await db.requestMessage.count({ where: { requestId: id } })).toBe(0);

    expect(await transitionRequest(db, { requestId: id, actor: subject(), command: message }, settings)).toMatchObject({
      ok: true,
      status: "received",
    });
    expect((await db.request.findUniqueOrThrow({ where: { id } })).subjectUserId).toBe(subjectUserId);
  });

  it("a withdrawal before confirmation by the address's account minimises and links nobody", async () => {
    const { id } = await submit();
    const withdrawn = await transitionRequest(
      db,
      { requestId: id, actor: subject(), command: { name: "withdraw", input: {} } },
      settings,
    );
    expect(withdrawn).toMatchObject({ ok: true, status: "withdrawn" });
    const stored = await db.request.findUniqueOrThrow({ where: { id } });
    expect(stored.subjectUserId).toBeNull();
    expect(stored.subjectEmail).toMatch(/^minimised:/);
  });

  it("messages go to the thread both ways; mails say where to read them, never what they say", async () => {
    const { id } = await submit();
    await transitionRequest(db, { requestId: id, actor: subject(), command: { name: "verify", input: {} } }, settings);
    await transitionRequest(
      db,
      { requestId: id, actor: staff.dpo, command: { name: "assign", input: { assigneeId: staff.team.userId } } },
      settings,
    );
    const t = new Date("2026-11-05T10:00:00Z");
    const earlier = (await db.outboundMail.findMany({ where: { requestId: id }, select: { id: true } })).map(
      (m) => m.id,
    );
    const asked = "Does this include the data of my newsletter subscription?";
    const fromSubject = await transitionRequest(
      db,
      { requestId: id, actor: subject(), command: { name: "send_message", input: { message: asked } } },
      settings,
      t,
    );
    expect(fromSubject).toMatchObject({ ok: true, status: "received" });
    const answer = "Yes: the subscription and its consent records.";
    const fromTeam = await transitionRequest(
      db,
      { requestId: id, actor: staff.team, command: { name: "send_message", input: { message: answer } } },
      settings,
      new Date("2026-11-06T10:00:00Z"),
    );
    expect(fromTeam).toMatchObject({ ok: true, status: "received" });

    const thread = await db.requestMessage.findMany({ where: { requestId: id }, orderBy: { createdAt: "asc" } });
    expect(thread.map((m) => [m.direction, m.authorUserId, m.body])).toEqual([
      ["inbound", subjectUserId, asked],
      ["outbound", staff.team.userId, answer],
    ]);
    const entries = await db.auditEntry.findMany({
      where: { requestId: id, event: "message_sent" },
      orderBy: { seq: "asc" },
    });
    expect(entries.map((e) => [e.public, e.fromStatus, e.toStatus])).toEqual([
      [true, "received", "received"],
      [true, "received", "received"],
    ]);
    // The chain commits to the words by digest; the words live beside it (lib/audit/free-text.ts).
    const details = JSON.parse(entries[0]!.details);
    expect(details).toMatchObject({
      sentBy: "subject",
      messageId: thread[0]!.id,
      message: { sha256: expect.any(String) },
    });
    expect(entries[0]!.details).not.toContain("newsletter");
    expect((await db.auditText.findUniqueOrThrow({ where: { id: details.message.text } })).text).toBe(asked);

    const mails = await db.outboundMail.findMany({ where: { requestId: id, id: { notIn: earlier } } });
    expect(mails.map((m) => [m.template, m.toAddress]).sort()).toEqual([
      ["message_notice", `anna-${tag}@example.org`],
      ["staff_alert", `team-${tag}@demo.example`],
    ]);
    expect(mails.find((m) => m.template === "staff_alert")!.variables).toMatchObject({
      alert: { kind: "subject_message" },
    });
    for (const mail of mails) {
      expect(JSON.stringify(mail.variables)).not.toContain("newsletter");
      expect(JSON.stringify(mail.variables)).not.toContain("consent records");
    }

    // While the team waits for an answer, the subject's words are that answer, not a message.
    await transitionRequest(
      db,
      {
        requestId: id,
        actor: staff.team,
        command: {
          name: "request_information",
          input: { reason: "identity", message: "Your customer number, please." },
        },
      },
      settings,
    );
    const plain = await transitionRequest(
      db,
      { requestId: id, actor: subject(), command: { name: "send_message", input: { message: "4711" } } },
      settings,
    );
    expect(plain).toEqual({
      ok: false,
      error: { code: "not_allowed_in_status", command: "send_message", status: "awaiting_subject" },
    });
  });

  it("a session claiming a role the user does not hold is refused", async () => {
    const { id } = await submit();
    const fake: Actor = { type: "staff", userId: staff.team.userId, role: "dpo" };
    expect(
      await transitionRequest(db, { requestId: id, actor: fake, command: { name: "withdraw", input: {} } }, settings),
    ).toMatchObject({
      ok: false,
      error: { code: "actor_not_permitted" },
    });
  });

  it("assigning to someone who is not staff is refused", async () => {
    const { id } = await submit();
    await transitionRequest(db, { requestId: id, actor: subject(), command: { name: "verify", input: {} } }, settings);
    const result = await transitionRequest(
      db,
      { requestId: id, actor: staff.dpo, command: { name: "assign", input: { assigneeId: otherUserId } } },
      settings,
    );
    expect(result).toMatchObject({ ok: false, error: { code: "invalid_input", command: "assign" } });
  });

  it("only an active DPO or privacy-team member can be given a case", async () => {
    const { id } = await submit();
    await transitionRequest(db, { requestId: id, actor: subject(), command: { name: "verify", input: {} } }, settings);
    const people = [
      { email: `admin-${tag}@demo.example`, role: "admin" as const },
      { email: `auditor-${tag}@demo.example`, role: "auditor" as const },
      { email: `gone-${tag}@demo.example`, role: "privacy_team" as const, deactivatedAt: new Date() },
    ];
    for (const data of people) {
      const assigneeId = (await db.user.create({ data })).id;
      const result = await transitionRequest(
        db,
        { requestId: id, actor: staff.dpo, command: { name: "assign", input: { assigneeId } } },
        settings,
      );
      expect(result).toMatchObject({ ok: false, error: { code: "invalid_input", command: "assign" } });
    }
    expect((await db.request.findUniqueOrThrow({ where: { id } })).assigneeId).toBeNull();
  });

  it("a form rendered with an older version fails with conflict and changes nothing", async () => {
    const { id } = await submit();
    await transitionRequest(db, { requestId: id, actor: subject(), command: { name: "verify", input: {} } }, settings);
    const seen = (await db.request.findUniqueOrThrow({ where: { id } })).version;
    const first = await transitionRequest(
      db,
      { requestId: id, actor: staff.dpo, command: { name: "start_work", input: {} }, expectedVersion: seen },
      settings,
    );
    expect(first).toMatchObject({ ok: true, status: "in_progress" });
    const second = await transitionRequest(
      db,
      {
        requestId: id,
        actor: staff.team,
        command: { name: "send_message", input: { message: "We are on it." } },
        expectedVersion: seen,
      },
      settings,
    );
    expect(second).toEqual({ ok: false, error: { code: "conflict" } });
    expect(await db.requestMessage.count({ where: { requestId: id } })).toBe(0);
    expect(await db.auditEntry.count({ where: { requestId: id } })).toBe(3);
  });

  it("an internal note is kept as a note row with its internal audit entry, on a closed case too", async () => {
    const { id } = await submit();
    await transitionRequest(db, { requestId: id, actor: subject(), command: { name: "verify", input: {} } }, settings);
    await transitionRequest(
      db,
      { requestId: id, actor: staff.dpo, command: { name: "refuse", input: { refusal } } },
      settings,
    );
    const mailsBefore = await db.outboundMail.count({ where: { requestId: id } });
    const noted = await transitionRequest(
      db,
      {
        requestId: id,
        actor: staff.team,
        command: { name: "add_note", input: { note: "Subject phoned; told her about the LDI." } },
      },
      settings,
    );
    expect(noted).toMatchObject({ ok: true, status: "refused" });
    const notes = await db.internalNote.findMany({ where: { requestId: id } });
    expect(notes).toMatchObject([{ authorId: staff.team.userId, body: "Subject phoned; told her about the LDI." }]);
    const entry = await db.auditEntry.findFirstOrThrow({ where: { requestId: id, event: "note_added" } });
    expect(entry).toMatchObject({ public: false, actorId: staff.team.userId, actorRole: "privacy_team" });
    expect(await db.outboundMail.count({ where: { requestId: id } })).toBe(mailsBefore);
  });

  it("staff members acting at once on the same step: exactly one change wins", async () => {
    const { id } = await submit();
    await transitionRequest(db, { requestId: id, actor: subject(), command: { name: "verify", input: {} } }, settings);
    const start = { name: "start_work", input: {} } as const;
    const results = await Promise.all(
      [staff.team, staff.dpo, staff.team, staff.dpo].map((actor) =>
        transitionRequest(db, { requestId: id, actor, command: start }, settings),
      ),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    // The losers either saw the new status or lost the optimistic lock; none overwrote the winner.
    for (const r of results.filter((r) => !r.ok))
      expect(["not_allowed_in_status", "conflict"]).toContain(!r.ok && r.error.code);
    const stored = await db.request.findUniqueOrThrow({ where: { id } });
    expect(stored.version).toBe(2);
    expect(await db.auditEntry.count({ where: { requestId: id } })).toBe(3);
  });

  it("an unconfirmed request expires after the window and is minimised", async () => {
    const submittedAt = new Date("2026-11-02T08:00:00Z");
    const { id } = await submit("access", submittedAt);
    const expire = { name: "expire_unverified", input: {} } as const;
    const early = await transitionRequest(
      db,
      { requestId: id, actor: { type: "system" }, command: expire },
      settings,
      new Date("2026-11-08T08:00:00Z"),
    );
    expect(early).toMatchObject({ ok: false, error: { code: "verification_window_open" } });
    const late = await transitionRequest(
      db,
      { requestId: id, actor: { type: "system" }, command: expire },
      settings,
      new Date("2026-11-09T08:00:00Z"),
    );
    expect(late).toMatchObject({ ok: true, status: "expired_unverified" });
    const stored = await db.request.findUniqueOrThrow({ where: { id } });
    expect(stored).toMatchObject({
      status: "expired_unverified",
      subjectName: null,
      details: {},
      closedAt: new Date("2026-11-09T08:00:00Z"),
    });
    expect(stored.subjectEmail).toMatch(/^minimised:[0-9a-f]{64}$/);
    expect(JSON.stringify(stored)).not.toContain(`anna-${tag}`);
  });

  it("paused clock policy: days waiting for the subject move the deadline (Art. 12(6))", async () => {
    const { id } = await submit();
    const paused = {
      ...settings,
      policy: { ...DEFAULT_DEADLINE_POLICY, clockPolicy: "paused_while_awaiting_subject" as const },
    };
    await transitionRequest(
      db,
      { requestId: id, actor: subject(), command: { name: "verify", input: {} } },
      paused,
      new Date("2026-11-02T09:00:00Z"),
    );
    const ask = {
      name: "request_information",
      input: { reason: "identity", message: "Please confirm your customer number." },
    } as const;
    await transitionRequest(
      db,
      { requestId: id, actor: staff.team, command: ask },
      paused,
      new Date("2026-11-04T09:00:00Z"),
    );
    const answered = await transitionRequest(
      db,
      { requestId: id, actor: subject(), command: { name: "record_subject_response", input: { message: "4711" } } },
      paused,
      new Date("2026-11-09T09:00:00Z"),
    );
    expect(answered).toMatchObject({ ok: true, status: "in_progress" });
    const stored = await db.request.findUniqueOrThrow({ where: { id } });
    // Paused 4 Nov 09:00 to 9 Nov 09:00: five days added, 2 Dec + 5 = Monday 7 Dec.
    expect(stored.dueDate).toBe("2026-12-07");
  });

  /** Runs `command` as `actor` at `at`, expecting it to succeed. */
  async function step(id: string, actor: Actor, command: Command, at: Date) {
    const result = await transitionRequest(db, { requestId: id, actor, command }, settings, at);
    if (!result.ok) throw new Error(`${command.name}: ${JSON.stringify(result.error)}`);
    return result;
  }

  it("a fee (Art. 12(5)(a)): announced with its reasons and mailed, accepted by the subject, staff alerted", async () => {
    const { id } = await submit();
    await step(id, subject(), { name: "verify", input: {} }, new Date("2026-11-02T09:00:00Z"));
    const due = (await db.request.findUniqueOrThrow({ where: { id } })).dueDate;
    const reasons = "The sixth identical request since October, each answered in full.";
    const announced = await step(
      id,
      staff.dpo,
      { name: "announce_fee", input: { amountCents: 2_500, reasons } },
      new Date("2026-11-03T09:00:00Z"),
    );
    expect(announced).toMatchObject({ status: "awaiting_fee", dueDate: due });
    const notice = await db.outboundMail.findFirstOrThrow({ where: { requestId: id, template: "fee_notice" } });
    expect(notice).toMatchObject({ toAddress: `anna-${tag}@example.org`, language: "de" });
    expect(notice.variables).toMatchObject({ amountCents: 2_500, reasons });

    const accepted = await step(id, subject(), { name: "accept_fee", input: {} }, new Date("2026-11-05T09:00:00Z"));
    // The period kept running through awaiting_fee: nothing moved the due date.
    expect(accepted).toMatchObject({ status: "in_progress", dueDate: due });
    const entry = await db.auditEntry.findFirstOrThrow({ where: { requestId: id, event: "fee_accepted" } });
    expect(entry).toMatchObject({ fromStatus: "awaiting_fee", toStatus: "in_progress", public: true });
    expect(JSON.parse(entry.details)).toMatchObject({ amountCents: 2_500, recordedBy: "subject" });
    const alerts = await db.outboundMail.findMany({ where: { requestId: id, template: "staff_alert" } });
    const feeAlert = alerts.find((m) => (m.variables as { alert: { kind: string } }).alert.kind === "fee_accepted");
    expect(feeAlert).toBeDefined();
    // Accepting twice is not a step: the fee is no longer awaiting a decision.
    const again = await transitionRequest(
      db,
      { requestId: id, actor: subject(), command: { name: "accept_fee", input: {} } },
      settings,
    );
    expect(again).toMatchObject({ ok: false, error: { code: "not_allowed_in_status" } });
  });

  it("reopening: within REOPEN_DAYS, due date kept, subject told; later refused with the window", async () => {
    const { id } = await submit();
    await step(id, subject(), { name: "verify", input: {} }, new Date("2026-11-02T09:00:00Z"));
    await step(id, staff.team, { name: "start_work", input: {} }, new Date("2026-11-03T09:00:00Z"));
    const complete = { name: "complete", input: { summary: "Copy sent." } } as const;
    await step(id, staff.team, complete, new Date("2026-11-10T09:00:00Z"));
    const closed = await db.request.findUniqueOrThrow({ where: { id } });
    const reason = "Our copy left out the newsletter data.";
    const reopened = await step(
      id,
      staff.team,
      { name: "reopen", input: { reason } },
      new Date("2026-11-20T09:00:00Z"),
    );
    expect(reopened).toMatchObject({ status: "in_progress", dueDate: closed.dueDate });
    const stored = await db.request.findUniqueOrThrow({ where: { id } });
    expect(stored).toMatchObject({ closedAt: null, dueAt: closed.dueAt, firstDueAt: closed.firstDueAt });
    const notice = await db.outboundMail.findFirstOrThrow({ where: { requestId: id, template: "reopen_notice" } });
    expect(notice).toMatchObject({ toAddress: `anna-${tag}@example.org` });
    expect(notice.variables).toMatchObject({ reason });

    await step(id, staff.team, complete, new Date("2026-11-25T09:00:00Z"));
    const late = await transitionRequest(
      db,
      { requestId: id, actor: staff.dpo, command: { name: "reopen", input: { reason } } },
      settings,
      new Date("2026-12-25T09:00:01Z"),
    );
    expect(late).toEqual({
      ok: false,
      error: {
        code: "reopen_window_closed",
        closedAt: "2026-11-25T09:00:00.000Z",
        until: "2026-12-25T09:00:00.000Z",
        days: 30,
      },
    });
    expect((await db.request.findUniqueOrThrow({ where: { id } })).status).toBe("completed");
  });

  it("the privacy team does not reopen a refusal: that is the DPO's decision", async () => {
    const { id } = await submit();
    await step(id, subject(), { name: "verify", input: {} }, new Date("2026-11-02T09:00:00Z"));
    await step(id, staff.dpo, { name: "refuse", input: { refusal } }, new Date("2026-11-04T09:00:00Z"));
    const reopen = { name: "reopen", input: { reason: "The subject sent the missing proof." } } as const;
    const byTeam = await transitionRequest(
      db,
      { requestId: id, actor: staff.team, command: reopen },
      settings,
      new Date("2026-11-05T09:00:00Z"),
    );
    expect(byTeam).toMatchObject({ ok: false, error: { code: "not_allowed_in_status", status: "refused" } });
    await step(id, staff.dpo, reopen, new Date("2026-11-05T09:00:00Z"));
  });

  it("spam is minimised exactly like an expired unconfirmed request, loses its due date and mails nobody", async () => {
    const { id } = await submit();
    await step(id, subject(), { name: "verify", input: {} }, new Date("2026-11-02T09:00:00Z"));
    await step(
      id,
      subject(),
      { name: "send_message", input: { message: "Buy cheap coins now!" } },
      new Date("2026-11-02T10:00:00Z"),
    );
    const mailsBefore = await db.outboundMail.count({ where: { requestId: id } });
    const at = new Date("2026-11-03T09:00:00Z");
    await step(id, staff.dpo, { name: "mark_spam", input: { note: "Advertising." } }, at);
    const stored = await db.request.findUniqueOrThrow({ where: { id } });
    expect(stored).toMatchObject({
      status: "spam",
      subjectName: null,
      subjectUserId: null,
      details: {},
      closedAt: at,
      minimisedAt: at,
      dueAt: null,
      firstDueAt: null,
      dueDate: null,
    });
    expect(stored.subjectEmail).toMatch(/^minimised:[0-9a-f]{64}$/);
    expect(JSON.stringify(stored)).not.toContain(`anna-${tag}`);
    // The words said in the audit entries are erased; the chain keeps their digests.
    const texts = await db.auditText.findMany({ where: { requestId: id } });
    expect(texts.length).toBeGreaterThan(0);
    expect(texts.every((t) => t.text === null)).toBe(true);
    expect(await db.outboundMail.count({ where: { requestId: id } })).toBe(mailsBefore);
    const entry = await db.auditEntry.findFirstOrThrow({ where: { requestId: id, event: "marked_spam" } });
    expect(entry).toMatchObject({ public: false, toStatus: "spam" });
  });
});
