// The queue's query on real SQLite and PostgreSQL: filters, what is hidden by default, keyset pages
// forwards and back (stable under ties and rows without a due date), search, assignee me/nobody,
// and who may read it. Each engine gets a database of its own, so the counts are exactly ours.
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { privateDatabase } from "../../../scripts/test/private-database";
import { createDb, type Db } from "../../db/client";
import type { StaffRole } from "../../requests/workflow/actor";
import type { RequestStatus } from "../../requests/workflow/states";
import type { RequestType } from "../../requests/request-types";
import { dashboardFor } from "./dashboard";
import { ON_TIME_REFRESH_MS } from "./on-time-figures";
import { countMatching, QueueNotAllowed, queuePageFor } from "./queue-page";
import { EMPTY_VIEW, type QueueView } from "./queue-view";

const TZ = "Europe/Berlin";
const now = new Date("2026-06-15T10:00:00Z");
const day = 86_400_000;

interface Seed {
  id: string;
  status: RequestStatus;
  type: RequestType;
  dueAt: Date | null;
  receivedAt: Date | null;
  assignee: "dpo" | "team" | null;
  email: string;
  duplicate?: boolean;
  closedAt?: Date;
}

describe.each(inject("testDatabases").map((d) => d.flavor))("queue query on %s", (flavor) => {
  let db: Db;
  let drop: () => Promise<void>;
  const users: Record<StaffRole, string> = {} as never;
  const viewer = (role: StaffRole) => ({ actor: { type: "staff" as const, userId: users[role], role } });
  const seeds: Seed[] = [];

  beforeAll(async () => {
    const database = await privateDatabase(flavor, "queue");
    drop = database.drop;
    db = createDb(database.url);
    for (const role of ["dpo", "privacy_team", "auditor", "admin"] as const)
      users[role] = (await db.user.create({ data: { email: `${role}@demo.example`, role } })).id;
    const types: RequestType[] = ["access", "erasure", "rectification"];
    const open: RequestStatus[] = ["received", "in_progress", "awaiting_subject"];
    // 36 open requests; due dates repeat every 6 rows, so many share one (ties broken by id).
    for (let i = 0; i < 36; i++) {
      const dueAt = new Date(now.getTime() + ((i % 6) - 2) * day);
      seeds.push({
        id: `q${String(i).padStart(3, "0")}x`,
        status: open[i % 3]!,
        type: types[i % 3 === 0 ? 0 : (i % 5) % 3]!,
        dueAt,
        receivedAt: new Date(dueAt.getTime() - 30 * day - (i % 4) * 3_600_000),
        assignee: i % 4 === 0 ? "dpo" : i % 4 === 1 ? "team" : null,
        email: `person${i}@example.org`,
      });
    }
    for (let i = 0; i < 4; i++)
      seeds.push({
        id: `u${i}x`,
        status: "awaiting_verification",
        type: "access",
        dueAt: null,
        receivedAt: null,
        assignee: null,
        email: `new${i}@example.org`,
      });
    seeds.push({
      id: "e0x",
      status: "expired_unverified",
      type: "access",
      dueAt: null,
      receivedAt: null,
      assignee: null,
      email: "gone@example.org",
    });
    // Marked as spam after confirmation: received, closed, minimised, no due date any more.
    seeds.push({
      id: "s0x",
      status: "spam",
      type: "access",
      dueAt: null,
      receivedAt: new Date(now.getTime() - 60 * day),
      assignee: null,
      email: "spam@example.org",
      closedAt: new Date(now.getTime() - 3 * day),
    });
    seeds.push({
      id: "d0x",
      status: "received",
      type: "access",
      dueAt: new Date(now.getTime() + 5 * day),
      receivedAt: new Date(now.getTime() - day),
      assignee: null,
      email: "person0@example.org",
      duplicate: true,
    });
    for (let i = 0; i < 4; i++) {
      const dueAt = new Date(now.getTime() - (20 + i) * day);
      // Two closed in time, two late.
      const closedAt = new Date(dueAt.getTime() + (i < 2 ? -day : day));
      seeds.push({
        id: `c${i}x`,
        status: "completed",
        type: "erasure",
        dueAt,
        receivedAt: new Date(dueAt.getTime() - 30 * day),
        assignee: "team",
        email: `old${i}@example.org`,
        closedAt,
      });
    }
    let n = 0;
    for (const seed of seeds) {
      n++;
      await db.request.create({
        data: {
          id: seed.id,
          reference: `DSR-2026-${String(n).padStart(6, "0")}`,
          type: seed.type,
          details: {},
          subjectEmail: seed.email,
          language: "de",
          status: seed.status,
          submittedAt: seed.receivedAt ?? now,
          receivedAt: seed.receivedAt,
          statementVersion: "2023-07",
          assigneeId: seed.assignee === "dpo" ? users.dpo : seed.assignee === "team" ? users.privacy_team : null,
          dueAt: seed.dueAt,
          firstDueAt: seed.dueAt,
          dueDate: seed.dueAt ? seed.dueAt.toISOString().slice(0, 10) : null,
          closedAt: seed.closedAt ?? null,
          duplicateOfId: seed.duplicate ? "q000x" : null,
        },
      });
    }
  });
  afterAll(async () => {
    await db.$disconnect();
    await drop();
  });

  const page = (view: QueueView, size = 50, role: StaffRole = "dpo") =>
    queuePageFor(db, viewer(role), view, TZ, now, size);
  const ids = async (view: QueueView) => (await page(view, 500)).rows.map((r) => r.id);

  /** The view's whole order, computed here: key (nulls last, both directions), then id. */
  function expected(filter: (s: Seed) => boolean, key: "dueAt" | "receivedAt", direction: "asc" | "desc") {
    const sign = direction === "asc" ? 1 : -1;
    return seeds
      .filter(filter)
      .sort((a, b) => {
        const ka = a[key]?.getTime() ?? null;
        const kb = b[key]?.getTime() ?? null;
        if (ka === null || kb === null) return ka === kb ? sign * a.id.localeCompare(b.id) : ka === null ? 1 : -1;
        return ka !== kb ? sign * (ka - kb) : sign * a.id.localeCompare(b.id);
      })
      .map((s) => s.id);
  }
  const isOpen = (s: Seed) => ["received", "in_progress", "awaiting_subject"].includes(s.status);

  it("shows the open requests by due date, hiding unconfirmed, expired, spam, duplicate and closed ones", async () => {
    expect(await ids(EMPTY_VIEW)).toEqual(expected((s) => isOpen(s) && !s.duplicate, "dueAt", "asc"));
  });

  it("shows the hidden ones on request, those without a due date last", async () => {
    const all = await ids({ ...EMPTY_VIEW, showHidden: true });
    expect(all).toEqual(expected((s) => s.status !== "completed", "dueAt", "asc"));
    expect(all.slice(-6)).toEqual(["e0x", "s0x", "u0x", "u1x", "u2x", "u3x"]);
    expect(await ids({ ...EMPTY_VIEW, statuses: ["expired_unverified", "completed"] })).toEqual([
      "c3x",
      "c2x",
      "c1x",
      "c0x",
      "e0x",
    ]);
  });

  it("filters by status, type and assignee together, and by me and nobody", async () => {
    const view: QueueView = {
      ...EMPTY_VIEW,
      statuses: ["received"],
      types: ["access"],
      assignee: { kind: "user", userId: users.dpo },
    };
    const expectedIds = expected(
      (s) => s.status === "received" && s.type === "access" && s.assignee === "dpo" && !s.duplicate,
      "dueAt",
      "asc",
    );
    expect(expectedIds.length).toBeGreaterThan(0);
    expect(await ids(view)).toEqual(expectedIds);
    expect(await ids({ ...EMPTY_VIEW, assignee: { kind: "me" } })).toEqual(
      expected((s) => isOpen(s) && s.assignee === "dpo", "dueAt", "asc"),
    );
    const team = await queuePageFor(
      db,
      viewer("privacy_team"),
      { ...EMPTY_VIEW, assignee: { kind: "me" } },
      TZ,
      now,
      500,
    );
    expect(team.rows.map((r) => r.id)).toEqual(expected((s) => isOpen(s) && s.assignee === "team", "dueAt", "asc"));
    expect(await ids({ ...EMPTY_VIEW, assignee: { kind: "nobody" } })).toEqual(
      expected((s) => isOpen(s) && !s.assignee && !s.duplicate, "dueAt", "asc"),
    );
  });

  it("filters by due window and received range as the deadline engine counts days", async () => {
    expect(await ids({ ...EMPTY_VIEW, due: { kind: "overdue" } })).toEqual(
      expected((s) => isOpen(s) && !s.duplicate && s.dueAt! <= now, "dueAt", "asc"),
    );
    // Due within 1 day: after now, and the due day at most tomorrow (Berlin): +1 day only, as +2 ends later.
    const soon = await ids({ ...EMPTY_VIEW, due: { kind: "within", days: 1 } });
    expect(soon).toEqual(
      expected(
        (s) => isOpen(s) && !s.duplicate && s.dueAt! > now && s.dueAt!.getTime() <= now.getTime() + day,
        "dueAt",
        "asc",
      ),
    );
    const from = "2026-05-16";
    const ranged = await ids({ ...EMPTY_VIEW, receivedFrom: from, receivedTo: from });
    const start = new Date("2026-05-15T22:00:00Z").getTime();
    expect(ranged).toEqual(
      expected(
        (s) => isOpen(s) && !s.duplicate && s.receivedAt!.getTime() >= start && s.receivedAt!.getTime() < start + day,
        "dueAt",
        "asc",
      ),
    );
    expect(ranged.length).toBeGreaterThan(0);
  });

  it("finds a request by reference and by the stored lower-case address", async () => {
    expect(await ids({ ...EMPTY_VIEW, search: { kind: "reference", reference: "DSR-2026-000005" } })).toEqual([
      "q004x",
    ]);
    expect(await ids({ ...EMPTY_VIEW, search: { kind: "email", email: "person7@example.org" } })).toEqual(["q007x"]);
    // The duplicate shares person0's address: shown only with the hidden ones.
    expect(
      await ids({ ...EMPTY_VIEW, search: { kind: "email", email: "person0@example.org" }, showHidden: true }),
    ).toEqual(["q000x", "d0x"]);
  });

  it("masks the subject", async () => {
    const first = (await page({ ...EMPTY_VIEW, search: { kind: "reference", reference: "DSR-2026-000008" } })).rows[0]!;
    expect(first.maskedSubject).toBe("p***@example.org");
    expect(JSON.stringify(first)).not.toContain("person7");
  });

  for (const [sort, key, direction] of [
    ["due", "dueAt", "asc"],
    ["due", "dueAt", "desc"],
    ["received", "receivedAt", "asc"],
    ["received", "receivedAt", "desc"],
  ] as const) {
    it(`walks keyset pages forwards and back, sorted by ${sort} ${direction}, ties and nulls included`, async () => {
      const base: QueueView = { ...EMPTY_VIEW, sort, direction, showHidden: true };
      const all = expected((s) => s.status !== "completed", key, direction);
      const pages: string[][] = [];
      let view: QueueView = base;
      let current = await page(view, 7);
      expect(current.previous).toBeNull();
      for (;;) {
        pages.push(current.rows.map((r) => r.id));
        if (!current.next) break;
        view = { ...base, page: { after: current.next } };
        current = await page(view, 7);
      }
      expect(pages.flat()).toEqual(all);
      expect(pages.slice(0, -1).every((p) => p.length === 7)).toBe(true);
      // Back from the last page: the same pages in reverse, the first one with no previous link.
      for (let i = pages.length - 2; i >= 0; i--) {
        expect(current.previous).not.toBeNull();
        current = await page({ ...base, page: { before: current.previous! } }, 7);
        expect(current.rows.map((r) => r.id)).toEqual(pages[i]);
        expect(current.next).not.toBeNull();
      }
      expect(current.previous).toBeNull();
    });
  }

  it("counts matching requests up to a bound", async () => {
    const open = seeds.filter((s) => isOpen(s) && !s.duplicate).length;
    expect(await countMatching(db, viewer("dpo"), EMPTY_VIEW, TZ, now, 1_000)).toBe(open);
    expect(await countMatching(db, viewer("dpo"), EMPTY_VIEW, TZ, now, 10)).toBe(10);
  });

  it("gives the dashboard's figures", async () => {
    const dashboard = await dashboardFor(db, viewer("auditor"), { timeZone: TZ, dueSoonDays: 2 }, now);
    const open = seeds.filter(isOpen);
    expect(dashboard.openByStatus).toEqual({
      received: open.filter((s) => s.status === "received").length,
      in_progress: open.filter((s) => s.status === "in_progress").length,
      awaiting_subject: open.filter((s) => s.status === "awaiting_subject").length,
      awaiting_fee: 0,
    });
    expect(dashboard.overdue).toBe(open.filter((s) => s.dueAt! <= now).length);
    expect(dashboard.dueSoon).toBe(
      open.filter((s) => s.dueAt! > now && s.dueAt!.getTime() <= now.getTime() + 2 * day).length,
    );
    // Monday 2026-06-15 00:00 Berlin is 2026-06-14T22:00Z.
    expect(dashboard.receivedThisWeek).toBe(
      seeds.filter((s) => s.receivedAt && s.receivedAt >= new Date("2026-06-14T22:00:00Z")).length,
    );
    // Spam closed in the window has no due date: it counts neither way.
    expect(dashboard.closedInWindow).toBe(4);
    expect(dashboard.onTimeRate).toBe(0.5);
  });

  it("reads the on-time rate at most once a minute, then afresh (Art. 12(3) closures since)", async () => {
    // A clock of its own, past the figures test's: the reading below is the first at this instant.
    const at = new Date(now.getTime() + 3_600_000);
    const policy = { timeZone: TZ, dueSoonDays: 2 };
    expect((await dashboardFor(db, viewer("dpo"), policy, at)).closedInWindow).toBe(4);
    const dueAt = new Date(now.getTime() - 10 * day);
    await db.request.create({
      data: {
        id: "c9x",
        reference: "DSR-2026-009999",
        type: "erasure",
        details: {},
        subjectEmail: "late@example.org",
        language: "en",
        statementVersion: "test",
        status: "completed",
        submittedAt: new Date(dueAt.getTime() - 31 * day),
        receivedAt: new Date(dueAt.getTime() - 30 * day),
        dueAt,
        closedAt: new Date(dueAt.getTime() + day),
      },
    });
    try {
      const soon = await dashboardFor(db, viewer("dpo"), policy, new Date(at.getTime() + ON_TIME_REFRESH_MS - 1));
      expect([soon.closedInWindow, soon.onTimeRate]).toEqual([4, 0.5]);
      const later = await dashboardFor(db, viewer("dpo"), policy, new Date(at.getTime() + ON_TIME_REFRESH_MS));
      expect([later.closedInWindow, later.onTimeRate]).toEqual([5, 0.4]);
      // Every other figure is read each time: the new closure is no open request.
      expect(later.overdue).toBe(soon.overdue);
    } finally {
      await db.request.delete({ where: { id: "c9x" } });
    }
  });

  it("is read by dpo, privacy team and auditor, never by an admin", async () => {
    await expect(page(EMPTY_VIEW, 5, "auditor")).resolves.toMatchObject({ rows: expect.any(Array) });
    await expect(page(EMPTY_VIEW, 5, "admin")).rejects.toBeInstanceOf(QueueNotAllowed);
    await expect(dashboardFor(db, viewer("admin"), { timeZone: TZ, dueSoonDays: 7 }, now)).rejects.toBeInstanceOf(
      QueueNotAllowed,
    );
    await expect(countMatching(db, viewer("admin"), EMPTY_VIEW, TZ, now, 5)).rejects.toBeInstanceOf(QueueNotAllowed);
  });
});
