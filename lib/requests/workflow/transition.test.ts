// The state machine, rule by rule. The expectations below are written out by hand
// from Art. 12 GDPR and the issue, not derived from rules.ts, so that a change to
// the rules table has to change this specification too.
import { describe, expect, it } from "vitest";
import { DEFAULT_DEADLINE_POLICY } from "../../deadlines";
import type { Actor } from "./actor";
import type { Command, CommandName, RefusalInput } from "./commands";
import type { RequestSnapshot, WorkflowContext } from "./snapshot";
import { isClosed, requestStatuses, type RequestStatus } from "./states";
import { transition } from "./transition";

const subject: Actor = { type: "subject", userId: "u-subject" };
const agent: Actor = { type: "agent", userId: "u-agent" };
const system: Actor = { type: "system" };
const dpo: Actor = { type: "staff", userId: "u-dpo", role: "dpo" };
const team: Actor = { type: "staff", userId: "u-team", role: "privacy_team" };
const admin: Actor = { type: "staff", userId: "u-admin", role: "admin" };
const auditor: Actor = { type: "staff", userId: "u-auditor", role: "auditor" };
const actors = { subject, agent, system, dpo, team, admin, auditor } as const;
type ActorName = keyof typeof actors;

const completeRefusal: RefusalInput = {
  grounds: ["manifestly_unfounded"],
  legalBasis: ["Art. 12(5)(b) GDPR"],
  reasons: "This is the fifth identical request this month; see our answer of 3 November.",
  complaintRight: { authority: "LDI NRW, Kavalleriestraße 2-4, 40213 Düsseldorf" },
  judicialRemedy: true,
};

/** A valid input for every command. */
const validCommands: Record<CommandName, Command> = {
  verify: { name: "verify", input: {} },
  expire_unverified: { name: "expire_unverified", input: {} },
  start_work: { name: "start_work", input: {} },
  assign: { name: "assign", input: { assigneeId: "u-team" } },
  request_information: {
    name: "request_information",
    input: { reason: "identity", message: "Please tell us the customer number shown on your invoices." },
  },
  record_subject_response: { name: "record_subject_response", input: { message: "It is 4711." } },
  resume: { name: "resume", input: { note: "Identity confirmed by phone." } },
  send_message: { name: "send_message", input: { message: "Does this include the newsletter data?" } },
  extend: { name: "extend", input: { reason: "Your data are spread over four systems of two processors." } },
  complete: { name: "complete", input: { summary: "Copy of the data sent." } },
  partially_complete: {
    name: "partially_complete",
    input: { summary: "Account data erased.", refusal: completeRefusal },
  },
  refuse: { name: "refuse", input: { refusal: completeRefusal } },
  withdraw: { name: "withdraw", input: { reason: "Resolved by phone." } },
  add_note: { name: "add_note", input: { note: "Called the subject; she confirmed the customer number." } },
  announce_fee: {
    name: "announce_fee",
    input: { amountCents: 2_500, reasons: "The sixth identical request since October, each answered in full." },
  },
  accept_fee: { name: "accept_fee", input: {} },
  reopen: { name: "reopen", input: { reason: "Our copy left out the newsletter data." } },
  mark_spam: { name: "mark_spam", input: { note: "Advertising for a crypto exchange." } },
};

/** The specification: from which statuses, to which status, by whom. */
type Spec = {
  from: RequestStatus[];
  to: RequestStatus | "same";
  by: ActorName[];
  subjectFrom?: RequestStatus[];
  /** Narrower for the privacy team. */
  teamFrom?: RequestStatus[];
};
const open: RequestStatus[] = ["received", "in_progress", "awaiting_subject", "awaiting_fee"];
const spec: Record<CommandName, Spec> = {
  verify: { from: ["awaiting_verification"], to: "received", by: ["subject", "agent", "system"] },
  expire_unverified: { from: ["awaiting_verification"], to: "expired_unverified", by: ["system"] },
  start_work: { from: ["received"], to: "in_progress", by: ["dpo", "team"] },
  // An admin manages staff accounts and sees no subject data, so assigns no case; an auditor changes nothing.
  assign: { from: open, to: "same", by: ["dpo", "team"] },
  request_information: { from: ["received", "in_progress"], to: "awaiting_subject", by: ["dpo", "team"] },
  record_subject_response: { from: ["awaiting_subject"], to: "in_progress", by: ["subject", "agent"] },
  resume: { from: ["awaiting_subject"], to: "in_progress", by: ["dpo", "team"] },
  // The subject's side writes no plain message while an answer is awaited: that is record_subject_response.
  // While a fee awaits their decision the subject may still write (e.g. to dispute it).
  send_message: {
    from: open,
    to: "same",
    by: ["subject", "agent", "dpo", "team"],
    subjectFrom: ["received", "in_progress", "awaiting_fee"],
  },
  extend: { from: open, to: "same", by: ["dpo"] },
  complete: { from: ["in_progress"], to: "completed", by: ["dpo", "team"] },
  partially_complete: { from: ["in_progress"], to: "partially_completed", by: ["dpo"] },
  refuse: { from: open, to: "refused", by: ["dpo"] },
  // Withdrawing is also the subject's answer to an announced fee (Art. 12(5)(a), EDPB 01/2022).
  withdraw: {
    from: ["awaiting_verification", ...open],
    to: "withdrawn",
    by: ["subject", "agent", "dpo", "team"],
  },
  // Internal notes: on open and closed cases, never on an unconfirmed or expired (minimised) one.
  add_note: {
    from: [...open, "completed", "partially_completed", "refused", "withdrawn"],
    to: "same",
    by: ["dpo", "team"],
  },
  // Art. 12(5)(a): a fee is the DPO's decision, like a refusal under 12(5)(b); the subject accepts or withdraws.
  announce_fee: { from: ["received", "in_progress"], to: "awaiting_fee", by: ["dpo"] },
  accept_fee: { from: ["awaiting_fee"], to: "in_progress", by: ["subject", "agent"] },
  // The privacy team reopens what it may close (completed); refusals and partial completions are the DPO's.
  reopen: {
    from: ["completed", "partially_completed", "refused"],
    to: "in_progress",
    by: ["dpo", "team"],
    teamFrom: ["completed"],
  },
  mark_spam: { from: ["awaiting_verification", ...open], to: "spam", by: ["dpo"] },
};

const receivedAt = new Date("2026-11-02T09:00:00Z"); // a Monday
const context = (now: Date, overrides: Partial<WorkflowContext> = {}): WorkflowContext => ({
  now,
  policy: DEFAULT_DEADLINE_POLICY,
  unverifiedExpiryDays: 7,
  reopenDays: 30,
  ...overrides,
});

function snapshot(status: RequestStatus, overrides: Partial<RequestSnapshot> = {}): RequestSnapshot {
  const verified = status !== "awaiting_verification";
  return {
    reference: "DSR-2026-000042",
    type: "access",
    language: "en",
    status,
    submittedAt: new Date("2026-11-01T08:00:00Z"),
    receivedAt: verified ? receivedAt : null,
    extendedAt: null,
    firstDueAt: verified ? new Date("2026-12-02T23:00:00Z") : null,
    dueAt: verified ? new Date("2026-12-02T23:00:00Z") : null,
    assigneeId: null,
    openTaskCount: 0,
    // Closed the day before `now`: well within REOPEN_DAYS.
    closedAt: isClosed(status) ? new Date("2026-11-19T10:00:00Z") : null,
    pauses: status === "awaiting_subject" ? [{ from: new Date("2026-11-05T10:00:00Z"), to: null }] : [],
    announcedFeeCents: status === "awaiting_fee" ? 2_500 : null,
    ...overrides,
  };
}

// Late enough that an unverified request may expire, early enough for an extension.
const now = new Date("2026-11-20T10:00:00Z");

describe("every command from every status by every actor (Art. 12 workflow)", () => {
  const cases = Object.entries(spec).flatMap(([command, rule]) =>
    requestStatuses.flatMap((status) =>
      (Object.keys(actors) as ActorName[]).map((actor) => ({ command: command as CommandName, status, actor, rule })),
    ),
  );

  it.each(cases)("$command from $status by $actor", ({ command, status, actor, rule }) => {
    const result = transition(snapshot(status), actors[actor], validCommands[command], context(now));
    const permitted = rule.by.includes(actor);
    const from =
      (actor === "subject" || actor === "agent") && rule.subjectFrom
        ? rule.subjectFrom
        : actor === "team" && rule.teamFrom
          ? rule.teamFrom
          : rule.from;
    const fromOk = from.includes(status);
    if (!permitted) {
      expect(result).toMatchObject({ ok: false, error: { code: "actor_not_permitted", command } });
    } else if (!fromOk) {
      expect(result).toMatchObject({ ok: false, error: { code: "not_allowed_in_status", command, status } });
    } else {
      expect(result).toMatchObject({ ok: true, from: status, to: rule.to === "same" ? status : rule.to });
    }
  });
});

describe("receipt starts the clock (Art. 12(3))", () => {
  it("verification sets receivedAt and the one-month deadline", () => {
    const at = new Date("2026-01-31T10:00:00Z");
    const result = transition(snapshot("awaiting_verification"), subject, validCommands.verify, context(at));
    expect(result).toMatchObject({ ok: true, to: "received", changes: { receivedAt: at, dueDate: "2026-03-02" } });
    // 31 Jan + 1 month = 28 Feb 2026, a Saturday: the period ends on Monday 2 March.
  });

  it("an unverified request expires only after the window", () => {
    const early = transition(
      snapshot("awaiting_verification"),
      system,
      validCommands.expire_unverified,
      context(new Date("2026-11-07T09:00:00Z")),
    );
    expect(early).toMatchObject({
      ok: false,
      error: { code: "verification_window_open", expiresAt: "2026-11-08T08:00:00.000Z" },
    });
    const late = transition(
      snapshot("awaiting_verification"),
      system,
      validCommands.expire_unverified,
      context(new Date("2026-11-08T08:00:00Z")),
    );
    expect(late).toMatchObject({ ok: true, to: "expired_unverified" });
  });
});

describe("extension (Art. 12(3))", () => {
  it("extends to three months with reasons and records the notice in the request's language", () => {
    const result = transition(snapshot("in_progress", { language: "de" }), dpo, validCommands.extend, context(now));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.changes.dueDate).toBe("2027-02-02");
    expect(result.changes.extendedAt).toEqual(now);
    expect(result.event).toMatchObject({ event: "extended", public: true });
    expect(result.event.details.notice).toContain("Art. 12 Abs. 3 DSGVO");
    expect(result.event.details.notice).toContain("2. Februar 2027");
    expect(result.event.details.notice).toContain("four systems");
  });

  it("is refused after the first month has passed", () => {
    const late = transition(
      snapshot("in_progress"),
      dpo,
      validCommands.extend,
      context(new Date("2026-12-03T00:00:00Z")),
    );
    expect(late).toMatchObject({ ok: false, error: { code: "extension_too_late", firstDue: "2026-12-02" } });
  });

  it("is still possible on the last day of the first month", () => {
    const lastDay = transition(
      snapshot("in_progress"),
      dpo,
      validCommands.extend,
      context(new Date("2026-12-02T22:59:59Z")),
    );
    expect(lastDay.ok).toBe(true);
  });

  it("happens at most once", () => {
    const twice = transition(
      snapshot("in_progress", { extendedAt: new Date("2026-11-10T10:00:00Z") }),
      dpo,
      validCommands.extend,
      context(now),
    );
    expect(twice).toMatchObject({ ok: false, error: { code: "already_extended" } });
  });

  it("needs a reason a person can understand", () => {
    const bare = transition(snapshot("in_progress"), dpo, { name: "extend", input: { reason: "busy" } }, context(now));
    expect(bare).toMatchObject({ ok: false, error: { code: "invalid_input", command: "extend" } });
  });
});

describe("refusal (Art. 12(4))", () => {
  it.each([
    [{ reasons: "" }, ["reasons"]],
    [{ complaintRight: null }, ["complaint_right"]],
    [{ judicialRemedy: false }, ["judicial_remedy"]],
    [{ reasons: "", complaintRight: null, judicialRemedy: false }, ["reasons", "complaint_right", "judicial_remedy"]],
  ])("without %o is incomplete", (without, missing) => {
    const refusal = { ...completeRefusal, ...without };
    const result = transition(snapshot("in_progress"), dpo, { name: "refuse", input: { refusal } }, context(now));
    expect(result).toMatchObject({ ok: false, error: { code: "refusal_incomplete", missing } });
    const partial = transition(
      snapshot("in_progress"),
      dpo,
      { name: "partially_complete", input: { summary: "Part done.", refusal } },
      context(now),
    );
    expect(partial).toMatchObject({ ok: false, error: { code: "refusal_incomplete", missing } });
  });

  it("with all three parts closes the request and keeps the refusal in the event", () => {
    const result = transition(snapshot("received"), dpo, validCommands.refuse, context(now));
    expect(result).toMatchObject({
      ok: true,
      to: "refused",
      changes: { closedAt: now },
      event: { public: true, details: { refusal: { judicialRemedy: true }, withinFirstMonth: true } },
    });
    // Art. 12(4): a refusal after the first month (here after an extension) is recorded as late.
    const late = transition(
      snapshot("in_progress", { extendedAt: now }),
      dpo,
      validCommands.refuse,
      context(new Date("2026-12-10T10:00:00Z")),
    );
    expect(late).toMatchObject({ ok: true, event: { details: { withinFirstMonth: false } } });
  });

  it("needs at least one ground", () => {
    const result = transition(
      snapshot("in_progress"),
      dpo,
      { name: "refuse", input: { refusal: { ...completeRefusal, grounds: [] } } },
      context(now),
    );
    expect(result).toMatchObject({ ok: false, error: { code: "invalid_input" } });
  });
});

describe("fulfilment", () => {
  it("an erasure cannot be completed while fulfilment tasks are open (Art. 17, 19)", () => {
    const result = transition(
      snapshot("in_progress", { type: "erasure", openTaskCount: 2 }),
      team,
      validCommands.complete,
      context(now),
    );
    expect(result).toMatchObject({ ok: false, error: { code: "open_fulfilment_tasks", open: 2 } });
    expect(
      transition(
        snapshot("in_progress", { type: "erasure", openTaskCount: 2 }),
        dpo,
        validCommands.partially_complete,
        context(now),
      ),
    ).toMatchObject({
      ok: false,
      error: { code: "open_fulfilment_tasks" },
    });
    expect(
      transition(snapshot("in_progress", { type: "erasure" }), team, validCommands.complete, context(now)),
    ).toMatchObject({ ok: true, to: "completed" });
  });

  it("assignment and starting work are internal events; the rest are public", () => {
    const assigned = transition(snapshot("received"), dpo, validCommands.assign, context(now));
    expect(assigned).toMatchObject({
      ok: true,
      event: { event: "assigned", public: false },
      changes: { assigneeId: "u-team" },
    });
    const started = transition(snapshot("received"), team, validCommands.start_work, context(now));
    expect(started).toMatchObject({ ok: true, event: { event: "work_started", public: false } });
    const asked = transition(snapshot("in_progress"), team, validCommands.request_information, context(now));
    expect(asked).toMatchObject({ ok: true, event: { event: "information_requested", public: true } });
    const noted = transition(snapshot("refused"), team, validCommands.add_note, context(now));
    expect(noted).toMatchObject({
      ok: true,
      event: { event: "note_added", public: false, details: { note: expect.stringContaining("customer number") } },
    });
  });
});

describe("messages between the subject and the team", () => {
  it("are public events that record who wrote them and change neither status nor deadline", () => {
    const fromSubject = transition(snapshot("in_progress"), subject, validCommands.send_message, context(now));
    expect(fromSubject).toEqual({
      ok: true,
      from: "in_progress",
      to: "in_progress",
      changes: {},
      event: {
        event: "message_sent",
        public: true,
        details: { message: "Does this include the newsletter data?", sentBy: "subject" },
      },
    });
    const fromTeam = transition(snapshot("awaiting_subject"), team, validCommands.send_message, context(now));
    expect(fromTeam).toMatchObject({ ok: true, event: { details: { sentBy: "staff" } } });
  });

  it("must have words, at most 10,000 characters", () => {
    for (const message of ["   ", "x".repeat(10_001)]) {
      const result = transition(
        snapshot("in_progress"),
        subject,
        { name: "send_message", input: { message } },
        context(now),
      );
      expect(result).toMatchObject({ ok: false, error: { code: "invalid_input", command: "send_message" } });
    }
  });
});

describe("clock policy while awaiting the subject (Art. 12(6))", () => {
  const paused = snapshot("awaiting_subject", { pauses: [{ from: new Date("2026-11-05T10:00:00Z"), to: null }] });
  const answeredAt = new Date("2026-11-09T10:00:00Z");

  it("running: the answer does not move the deadline", () => {
    const result = transition(paused, subject, validCommands.record_subject_response, context(answeredAt));
    expect(result).toMatchObject({ ok: true, to: "in_progress", changes: { dueDate: "2026-12-02" } });
  });

  it("paused_while_awaiting_subject: the days spent waiting are added back", () => {
    const policy = { ...DEFAULT_DEADLINE_POLICY, clockPolicy: "paused_while_awaiting_subject" as const };
    const result = transition(paused, subject, validCommands.record_subject_response, context(answeredAt, { policy }));
    expect(result.ok).toBe(true);
    // Paused 5 Nov 10:00 to 9 Nov 10:00: four days, 2 Dec + 4 = Sunday 6 Dec, so Monday 7 Dec.
    if (result.ok) expect(result.changes.dueDate).toBe("2026-12-07");
  });
});

describe("a fee for a manifestly unfounded or excessive request (Art. 12(5)(a))", () => {
  it("is announced with amount and reasons in a public event, and the clock keeps running", () => {
    const result = transition(snapshot("in_progress"), dpo, validCommands.announce_fee, context(now));
    expect(result).toEqual({
      ok: true,
      from: "in_progress",
      to: "awaiting_fee",
      // No due-date change: nothing in Art. 12 pauses the period for a fee.
      changes: {},
      event: {
        event: "fee_announced",
        public: true,
        details: { amountCents: 2_500, reasons: "The sixth identical request since October, each answered in full." },
      },
    });
  });

  it.each([
    [{ amountCents: 0, reasons: "The sixth identical request since October." }],
    [{ amountCents: 12.5, reasons: "The sixth identical request since October." }],
    [{ amountCents: 100_001, reasons: "The sixth identical request since October." }],
    [{ amountCents: 2_500, reasons: "repetitive" }],
    [{ amountCents: 2_500 }],
  ])("needs a whole amount of 1 cent to 1 000 € and reasons of 20 characters: %o", (input) => {
    const result = transition(snapshot("received"), dpo, { name: "announce_fee", input } as Command, context(now));
    expect(result).toMatchObject({ ok: false, error: { code: "invalid_input", command: "announce_fee" } });
  });

  it("accepting records the announced amount and goes back to work", () => {
    const result = transition(snapshot("awaiting_fee"), subject, validCommands.accept_fee, context(now));
    expect(result).toMatchObject({
      ok: true,
      to: "in_progress",
      changes: {},
      event: { event: "fee_accepted", public: true, details: { amountCents: 2_500, recordedBy: "subject" } },
    });
  });

  it("withdrawing instead closes the request without minimising it", () => {
    const result = transition(snapshot("awaiting_fee"), subject, validCommands.withdraw, context(now));
    expect(result).toMatchObject({ ok: true, to: "withdrawn", changes: { closedAt: now } });
    if (result.ok) expect(result.changes.minimise).toBeUndefined();
  });
});

describe("reopening within REOPEN_DAYS", () => {
  const closedAt = new Date("2026-11-10T12:00:00Z");
  const closed = snapshot("completed", { closedAt });

  it("clears closedAt and keeps the due date (Art. 12(3) counts from receipt)", () => {
    const result = transition(closed, team, validCommands.reopen, context(new Date("2026-12-10T12:00:00Z")));
    expect(result).toEqual({
      ok: true,
      from: "completed",
      to: "in_progress",
      changes: { closedAt: null },
      event: {
        event: "reopened",
        public: true,
        details: { reason: "Our copy left out the newsletter data.", closedAt: closedAt.toISOString() },
      },
    });
  });

  it("is refused once REOPEN_DAYS have passed since closing, naming the window", () => {
    const late = transition(closed, dpo, validCommands.reopen, context(new Date("2026-12-10T12:00:01Z")));
    expect(late).toEqual({
      ok: false,
      error: {
        code: "reopen_window_closed",
        closedAt: "2026-11-10T12:00:00.000Z",
        until: "2026-12-10T12:00:00.000Z",
        days: 30,
      },
    });
    const shorter = transition(closed, dpo, validCommands.reopen, context(now, { reopenDays: 5 }));
    expect(shorter).toMatchObject({ ok: false, error: { code: "reopen_window_closed", days: 5 } });
  });

  it("is refused for a case without a recorded closing", () => {
    const result = transition(snapshot("refused", { closedAt: null }), dpo, validCommands.reopen, context(now));
    expect(result).toMatchObject({ ok: false, error: { code: "reopen_window_closed" } });
  });

  it("needs a reason the subject can read", () => {
    const result = transition(closed, dpo, { name: "reopen", input: { reason: "oops" } }, context(now));
    expect(result).toMatchObject({ ok: false, error: { code: "invalid_input", command: "reopen" } });
  });
});

describe("marking as spam", () => {
  it.each(["awaiting_verification", "received", "awaiting_subject"] as const)(
    "from %s minimises the record, drops the due dates and is internal",
    (status) => {
      const result = transition(snapshot(status), dpo, { name: "mark_spam", input: {} }, context(now));
      expect(result).toEqual({
        ok: true,
        from: status,
        to: "spam",
        changes: { closedAt: now, minimise: true, firstDueAt: null, dueAt: null, dueDate: null },
        event: { event: "marked_spam", public: false, details: { due: null } },
      });
    },
  );
});

describe("bad input never passes", () => {
  it.each([
    ["request_information", { reason: "identity", message: "short" }],
    ["request_information", { reason: "passport", message: "Please send us a copy of your passport." }],
    ["assign", {}],
    ["complete", { summary: "" }],
    ["record_subject_response", { message: "x".repeat(10_001) }],
    ["add_note", { note: "  " }],
  ] as const)("%s with %o", (name, input) => {
    const status =
      name === "record_subject_response" ? "awaiting_subject" : name === "complete" ? "in_progress" : "received";
    const actor = name === "record_subject_response" ? subject : dpo;
    const result = transition(snapshot(status), actor, { name, input } as Command, context(now));
    expect(result).toMatchObject({ ok: false, error: { code: "invalid_input", command: name } });
  });
});
