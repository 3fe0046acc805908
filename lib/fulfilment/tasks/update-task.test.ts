// The task state machine persisted: real SQLite and (with TEST_POSTGRES_URL) real PostgreSQL.
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { createDb, type Db } from "../../db/client";
import { submitRequest } from "../../requests/submit-request";
import { updateTask, type TaskChange } from "./update-task";

const system = { type: "system" } as const;
const now = new Date("2026-11-10T09:00:00Z");

describe.each(inject("testDatabases"))("updateTask on $flavor", ({ url, flavor }) => {
  let db: Db;
  let requestId = "";
  const tag = `${flavor}-${Date.now()}`;

  beforeAll(async () => {
    db = createDb(url);
    const filed = await submitRequest(
      db,
      {
        type: "erasure",
        details: { scope: "all" },
        subjectEmail: `task-${tag}@example.org`,
        language: "en",
        statementVersion: "2023-07",
      },
      now,
    );
    if (!filed.ok) throw new Error(filed.issues.join("; "));
    requestId = filed.id;
  });
  afterAll(() => db.$disconnect());

  const change = (taskId: string, over: Partial<TaskChange>): TaskChange => ({
    taskId,
    version: 0,
    to: "running",
    actor: system,
    event: "task_started",
    public: true,
    now,
    ...over,
  });

  it("moves a task along its state machine, one audit entry per change, and the chain still verifies", async () => {
    const task = await db.fulfilmentTask.create({ data: { requestId, title: "Erase", step: "erase", system: "demo" } });
    const started = await db.$transaction((tx) => updateTask(tx, change(task.id, {})));
    expect(started).toEqual({ ok: true, version: 1 });
    const done = await db.$transaction((tx) =>
      updateTask(
        tx,
        change(task.id, {
          version: 1,
          to: "done",
          event: "task_done",
          fields: { result: { found: true, records: [] } },
        }),
      ),
    );
    expect(done).toEqual({ ok: true, version: 2 });
    const stored = await db.fulfilmentTask.findUniqueOrThrow({ where: { id: task.id } });
    expect(stored).toMatchObject({ status: "done", version: 2, result: { found: true, records: [] } });
    const events = await db.auditEntry.findMany({ where: { requestId, event: { startsWith: "task_" } } });
    expect(events.map((e) => e.event).sort()).toEqual(["task_done", "task_started"]);
    // The request's head points at the newest entry, which links to the one before (the chain stays whole).
    const head = await db.request.findUniqueOrThrow({ where: { id: requestId } });
    const chain = await db.auditEntry.findMany({ where: { chain: requestId }, orderBy: { seq: "asc" } });
    expect(head.auditHeadSeq).toBe(chain.length);
    expect(head.auditHeadHash).toBe(chain.at(-1)?.hash);
    chain.slice(1).forEach((entry, i) => expect(entry.prevHash).toBe(chain[i]?.hash));
  });

  it("refuses a stale version and a forbidden transition, writing nothing", async () => {
    const task = await db.fulfilmentTask.create({ data: { requestId, title: "Export", step: "export" } });
    const before = await db.auditEntry.count({ where: { requestId } });
    const stale = await db.$transaction((tx) => updateTask(tx, change(task.id, { version: 3 })));
    expect(stale).toEqual({ ok: false, code: "conflict", from: "open" });
    await db.$transaction((tx) => updateTask(tx, change(task.id, { to: "done", event: "task_done" })));
    const reopen = await db.$transaction((tx) => updateTask(tx, change(task.id, { version: 1, to: "open" })));
    expect(reopen).toEqual({ ok: false, code: "not_allowed", from: "done" });
    expect(await db.auditEntry.count({ where: { requestId } })).toBe(before + 1);
    expect(await db.fulfilmentTask.findUniqueOrThrow({ where: { id: task.id } })).toMatchObject({
      status: "done",
      version: 1,
    });
  });

  it("a quiet progress tick changes the progress only and records no entry", async () => {
    const task = await db.fulfilmentTask.create({ data: { requestId, title: "Export", step: "export", system: "x" } });
    const before = await db.auditEntry.count({ where: { requestId } });
    const tick = await db.$transaction((tx) =>
      updateTask(tx, change(task.id, { to: "open", quiet: true, fields: { progressDone: 500, progressTotal: 1000 } })),
    );
    expect(tick).toEqual({ ok: true, version: 1 });
    const moved = await db.$transaction((tx) => updateTask(tx, change(task.id, { version: 1, quiet: true })));
    expect(moved).toEqual({ ok: false, code: "not_allowed", from: "open" });
    expect(await db.auditEntry.count({ where: { requestId } })).toBe(before);
  });
});
