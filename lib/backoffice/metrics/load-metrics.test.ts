// The metrics page's figures read from real SQLite and PostgreSQL: requests taken through the
// workflow (confirmed, extended, completed, refused with grounds) and read back as the page shows them.
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { privateDatabase } from "../../../scripts/test/private-database";
import { testRequestSettings } from "../../../scripts/test/request-settings";
import { verifiedTestRequest } from "../../../scripts/test/requests";
import { createDb, type Db } from "../../db/client";
import { transitionRequest } from "../../requests/transition-request";
import type { Command, RefusalInput } from "../../requests/workflow/commands";
import type { StaffViewer } from "../access/staff-gate";
import { loadMetrics } from "./load-metrics";

const flavors = inject("testDatabases").map((d) => d.flavor);
const refusal: RefusalInput = {
  grounds: ["legal_exception"],
  legalBasis: ["Art. 17(3)(b) GDPR"],
  reasons: "We must keep invoices for ten years under German tax law.",
  complaintRight: { authority: "LDI NRW, Kavalleriestraße 2-4, 40213 Düsseldorf" },
  judicialRemedy: true,
};

describe.each(flavors)("metrics on %s", (flavor) => {
  let db: Db;
  let drop: () => Promise<void>;
  let viewer: StaffViewer;
  const now = new Date("2026-11-20T10:00:00Z");

  beforeAll(async () => {
    const database = await privateDatabase(flavor, "metrics");
    drop = database.drop;
    db = createDb(database.url);
    const subject = await db.user.create({ data: { email: "anna@example.org" } });
    const dpo = await db.user.create({ data: { email: "dpo@demo.example", role: "dpo" } });
    const actor = { type: "staff", userId: dpo.id, role: "dpo" } as const;
    viewer = { actor, email: dpo.email, name: null, locale: "en", sessionId: "s", secondFactorAt: now };
    const step = async (id: string, command: Command, at: Date) => {
      const done = await transitionRequest(db, { requestId: id, actor, command }, testRequestSettings, at);
      if (!done.ok) throw new Error(JSON.stringify(done.error));
    };
    // Received 1 October, completed 11 October: 10 days, on time.
    const a = await verifiedTestRequest(db, subject.id, {}, new Date("2026-10-01T08:00:00Z"));
    await step(a.id, { name: "start_work", input: {} }, new Date("2026-10-02T08:00:00Z"));
    await step(a.id, { name: "complete", input: { summary: "Copy sent." } }, new Date("2026-10-11T08:00:00Z"));
    // Received 1 October, extended, refused 20 November: 50 days, on time thanks to the extension.
    const b = await verifiedTestRequest(
      db,
      subject.id,
      { type: "erasure", details: { scope: "all", reason: "no_longer_needed" } },
      new Date("2026-10-01T08:00:00Z"),
    );
    await step(
      b.id,
      { name: "extend", input: { reason: "Four systems of two processors hold your data." } },
      new Date("2026-10-10T08:00:00Z"),
    );
    await step(b.id, { name: "refuse", input: { refusal } }, new Date("2026-11-20T08:00:00Z"));
    // Open, due in the first month from its receipt on 10 November.
    await verifiedTestRequest(db, subject.id, {}, new Date("2026-11-10T08:00:00Z"));
    // Confirmed, then found to be spam: no request the team answered, so in no figure.
    const spam = await verifiedTestRequest(db, subject.id, {}, new Date("2026-10-05T08:00:00Z"));
    await step(spam.id, { name: "mark_spam", input: {} }, new Date("2026-10-06T08:00:00Z"));
  });
  afterAll(async () => {
    await db.$disconnect();
    await drop();
  });

  it("closing times, on-time rate, extensions, refusal grounds and due weeks", async () => {
    const metrics = await loadMetrics(db, viewer, "Europe/Berlin", now);
    expect(metrics).not.toBeNull();
    expect(metrics!.today).toBe("2026-11-20");
    expect(metrics!.closing).toMatchObject({ closed: 2, onTime: 2, onTimeRate: 1, extensions: 1 });
    expect(metrics!.closing.rows).toEqual([
      { type: "erasure", month: "2026-11", count: 1, medianDays: 50, p90Days: 50 },
      { type: "access", month: "2026-10", count: 1, medianDays: 10, p90Days: 10 },
    ]);
    expect(metrics!.refusals).toEqual([{ ground: "legal_exception", count: 1 }]);
    // Received 10 November: due 10 December, in the week of Monday 7 December (the 4th listed week).
    const open = metrics!.dueWeeks.filter((w) => w.count > 0);
    expect(open).toEqual([{ key: "2026-12-07", count: 1 }]);
  });

  it("only roles holding metrics.view get figures: an admin gets none", async () => {
    expect(
      await loadMetrics(db, { ...viewer, actor: { ...viewer.actor, role: "admin" } }, "Europe/Berlin", now),
    ).toBeNull();
    expect(
      await loadMetrics(db, { ...viewer, actor: { ...viewer.actor, role: "auditor" } }, "Europe/Berlin", now),
    ).not.toBeNull();
  });
});
