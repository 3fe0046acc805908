// A person's steps on fulfilment tasks and on connectors, with who may take them: real SQLite and (with
// TEST_POSTGRES_URL) real PostgreSQL.
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { submitTestRequest } from "../../../scripts/test/requests";
import { createDb, type Db } from "../../db/client";
import type { StaffRole } from "../../requests/workflow/actor";
import { readConnectorForm, newConnectorValues } from "../connectors/connector-form";
import { saveConnector } from "../connectors/connectors";
import { markTaskNotApplicable, retryTask } from "./task-steps";

const now = new Date("2026-11-10T09:00:00Z");

describe.each(inject("testDatabases"))("task and connector steps on $flavor", ({ url, flavor }) => {
  let db: Db;
  const tag = `${flavor}-${Date.now()}`;
  const viewers = {} as Record<StaffRole, { actor: { type: "staff"; userId: string; role: StaffRole } }>;
  let reference = "";
  let requestId = "";

  beforeAll(async () => {
    db = createDb(url);
    for (const role of ["dpo", "privacy_team", "auditor", "admin"] as const) {
      const user = await db.user.create({ data: { email: `${role}-${tag}@steps.example`, role } });
      viewers[role] = { actor: { type: "staff", userId: user.id, role } };
    }
    const request = await submitTestRequest(db, { subjectEmail: `subject-${tag}@example.org` }, now);
    await db.request.update({ where: { id: request.id }, data: { status: "in_progress" } });
    requestId = request.id;
    reference = request.reference;
  });
  afterAll(() => db.$disconnect());

  const deadTask = () =>
    db.fulfilmentTask.create({
      data: { requestId, title: "export", step: "export", status: "dead_lettered", attempts: 8, lastError: "timeout" },
    });

  it("the DPO and the privacy team retry a dead letter (due now, attempts from 0); auditor and admin cannot", async () => {
    const task = await deadTask();
    for (const role of ["auditor", "admin"] as const) {
      expect(await retryTask(db, viewers[role], { reference, taskId: task.id, version: 0 }, now)).toEqual({
        ok: false,
        code: "not_found",
      });
    }
    expect(await retryTask(db, viewers.privacy_team, { reference, taskId: task.id, version: 0 }, now)).toEqual({
      ok: true,
    });
    expect(await db.fulfilmentTask.findUniqueOrThrow({ where: { id: task.id } })).toMatchObject({
      status: "open",
      attempts: 0,
      nextAttemptAt: now,
      lastError: null,
    });
    // An open task is not retried; a stale version is a conflict.
    expect(await retryTask(db, viewers.dpo, { reference, taskId: task.id, version: 1 }, now)).toEqual({
      ok: false,
      code: "not_possible_now",
    });
    expect(await retryTask(db, viewers.dpo, { reference, taskId: task.id, version: 0 }, now)).toEqual({
      ok: false,
      code: "conflict",
    });
    const retried = await db.auditEntry.findFirst({ where: { requestId, event: "task_retried" } });
    expect(retried).toMatchObject({ actorId: viewers.privacy_team.actor.userId, public: false });
  });

  it("not applicable needs a note and the task of this request; the auditor only reads", async () => {
    const task = await deadTask();
    const target = { reference, taskId: task.id, version: 0 };
    expect(await markTaskNotApplicable(db, viewers.auditor, { ...target, note: "x" }, now)).toEqual({
      ok: false,
      code: "not_found",
    });
    expect(await markTaskNotApplicable(db, viewers.dpo, { ...target, note: "  " }, now)).toEqual({
      ok: false,
      code: "note_required",
    });
    expect(await markTaskNotApplicable(db, viewers.dpo, { ...target, reference: "NOPE", note: "x" }, now)).toEqual({
      ok: false,
      code: "not_found",
    });
    expect(await markTaskNotApplicable(db, viewers.dpo, { ...target, note: "System retired in 2025." }, now)).toEqual({
      ok: true,
    });
    expect(await db.fulfilmentTask.findUniqueOrThrow({ where: { id: task.id } })).toMatchObject({
      status: "not_applicable",
      note: "System retired in 2025.",
      completedAt: now,
    });
  });

  it("only the DPO saves a connector, audited on the system chain without the outside owner's name", async () => {
    const read = readConnectorForm({
      ...newConnectorValues,
      key: `archive-${tag}`.toLowerCase().slice(0, 40),
      name: "Archive",
      kind: "manual",
      registerEntries: ["registration"],
      ownerName: "Archiv Service GmbH",
      ownerEmail: "Archive@Demo.Example",
      instructionsDe: "Prüfen.",
      instructionsEn: "Check.",
    });
    if (!read.ok) throw new Error(JSON.stringify(read.errors));
    expect(read.input).toMatchObject({ ownerName: "Archiv Service GmbH", ownerEmail: "archive@demo.example" });
    for (const role of ["privacy_team", "auditor", "admin"] as const) {
      expect(await saveConnector(db, viewers[role], null, read.input, {}, now)).toEqual({
        ok: false,
        code: "not_permitted",
      });
    }
    const saved = await saveConnector(db, viewers.dpo, null, read.input, {}, now);
    expect(saved.ok).toBe(true);
    expect(await saveConnector(db, viewers.dpo, null, read.input, {}, now)).toEqual({ ok: false, code: "key_taken" });
    const entry = await db.auditEntry.findFirst({
      where: { chain: "system", event: "connector_created", actorId: viewers.dpo.actor.userId },
      orderBy: { seq: "desc" },
    });
    expect(entry?.details).toContain(`archive-${tag}`.toLowerCase().slice(0, 40));
    expect(entry?.details).not.toContain("Archiv Service GmbH");
  });

  it("the form refuses an owner given twice, an incomplete outside owner and a plain-http processor", () => {
    const base = { ...newConnectorValues, key: "proc", name: "Proc", registerEntries: ["app-use"] };
    expect(
      readConnectorForm({
        ...base,
        ownerUserId: "u1",
        ownerName: "X",
        ownerEmail: "x@example.org",
        instructionsDe: "a",
        instructionsEn: "b",
      }),
    ).toMatchObject({
      ok: false,
      errors: { owner: "owner_conflict" },
    });
    expect(readConnectorForm({ ...base, ownerName: "X", instructionsDe: "a", instructionsEn: "b" })).toMatchObject({
      ok: false,
      errors: { owner: "outside_owner_incomplete" },
    });
    expect(
      readConnectorForm({
        ...base,
        kind: "opencompliance",
        baseUrl: "http://p.example",
        domain: "p.example",
        certificatePem: "x",
      }),
    ).toMatchObject({ ok: false, errors: { baseUrl: "https_required", certificatePem: "invalid_certificate" } });
  });
});
