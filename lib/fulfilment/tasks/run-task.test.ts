// The task runner against real SQLite and (with TEST_POSTGRES_URL) real PostgreSQL, in a database of its
// own (the runner looks at every due task). The connector here is a real SynchronousConnector over the
// portal's own User table (it finds the subject's account and anonymises its name), so its counts are
// the database's, not a mock's.
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { privateDatabase } from "../../../scripts/test/private-database";
import { verifiedTestRequest } from "../../../scripts/test/requests";
import { testRequestSettings } from "../../../scripts/test/request-settings";
import { createDb, type Db } from "../../db/client";
import { transitionRequest } from "../../requests/transition-request";
import type { RequestType } from "../../requests/request-types";
import type { AsynchronousDriver } from "../connectors/driver";
import type { OperationResult, SubjectIdentity, SynchronousConnector } from "../connectors/types";
import { runDueTasks } from "./run-due-tasks";
import { DEFAULT_TASK_RUNNER_SETTINGS, type RuntimeFactories, type TaskRunnerSettings } from "./run-task";

const MINUTE = 60_000;

/** A connector over the User table: the subject's account is their one record here. */
function userTableConnector(db: Db): SynchronousConnector {
  const count = async (subject: SubjectIdentity, action: "found" | "restricted"): Promise<OperationResult> => {
    const n = await db.user.count({ where: { email: subject.email } });
    return { found: n > 0, records: [{ recordType: "account", action, count: n }] };
  };
  return {
    find: (subject) => count(subject, "found"),
    exportSources: async () => [],
    async erase(subject) {
      const changed = await db.user.updateMany({ where: { email: subject.email }, data: { name: null } });
      return {
        found: changed.count > 0,
        records: [{ recordType: "account", action: "anonymised", count: changed.count, fields: { name: "null" } }],
      };
    },
    restrict: (subject) => count(subject, "restricted"),
    liftRestriction: (subject) => count(subject, "found"),
    rectify: (subject) => count(subject, "found"),
    stopProcessing: (subject) => count(subject, "found"),
  };
}

/** A system that is down: every operation fails the way a refused connection does. */
function downConnector(): SynchronousConnector {
  const fail = async (): Promise<never> => {
    throw new Error("connect ECONNREFUSED 127.0.0.1:9");
  };
  return {
    find: fail,
    exportSources: fail,
    erase: fail,
    restrict: fail,
    liftRestriction: fail,
    rectify: fail,
    stopProcessing: fail,
  };
}

/** A processor-like driver: accepts at start, answers on the first poll. */
const acceptingDriver: AsynchronousDriver = {
  start: async (task) => ({ state: "running", externalId: `ext-${task.id}`, externalStatus: "pending" }),
  poll: async () => ({
    state: "done",
    result: { found: true, records: [{ recordType: "events", action: "deleted", count: 7 }] },
    resultsCount: 7,
  }),
};

describe.each(inject("testDatabases").map((d) => d.flavor))("the fulfilment task runner on %s", (flavor) => {
  let db: Db;
  let drop: () => Promise<void>;
  let staffId = "";
  const start = new Date("2026-11-10T09:00:00Z");
  let serial = 0;

  beforeAll(async () => {
    const database = await privateDatabase(flavor, "runner");
    db = createDb(database.url);
    drop = database.drop;
    staffId = (await db.user.create({ data: { email: "dpo@runner.example", role: "dpo" } })).id;
  });
  afterAll(async () => {
    await db.$disconnect();
    await drop();
  });

  const settings = (factories: RuntimeFactories, over: Partial<TaskRunnerSettings> = {}): TaskRunnerSettings => ({
    ...DEFAULT_TASK_RUNNER_SETTINGS,
    // No jitter: the back-off is exactly the policy's delay, so the test can name the instant.
    retry: { ...DEFAULT_TASK_RUNNER_SETTINGS.retry, baseDelayMs: MINUTE, jitter: 0, maxAttempts: 3 },
    random: () => 0,
    factories,
    ...over,
  });

  /** A request of `type` in progress for a fresh subject with an account named "Anna". */
  async function inProgress(type: RequestType, details: object) {
    const email = `subject-${flavor}-${++serial}@example.org`;
    const subject = await db.user.create({ data: { email, name: "Anna" } });
    const request = await verifiedTestRequest(db, subject.id, { type, details, subjectEmail: email }, start);
    const started = await transitionRequest(
      db,
      {
        requestId: request.id,
        actor: { type: "staff", userId: staffId, role: "dpo" },
        command: { name: "start_work", input: {} },
      },
      testRequestSettings,
      start,
    );
    if (!started.ok) throw new Error(JSON.stringify(started.error));
    return { requestId: request.id, email };
  }

  async function connector(key: string, kind: "demo_platform" | "manual", over: { required?: boolean } = {}) {
    const config = kind === "manual" ? { instructions: { de: "Bitte löschen.", en: "Please erase." } } : {};
    return db.connector.create({
      data: { key, kind, name: key, config, registerEntries: ["registration", "app-use"], ...over },
    });
  }

  const tasksOf = (requestId: string) =>
    db.fulfilmentTask.findMany({ where: { requestId }, include: { connector: true }, orderBy: { system: "asc" } });

  it("plans one task per connector, carries the synchronous one out with its counts, and a failing system never blocks the other", async () => {
    await connector("alpha", "demo_platform");
    await connector("beta", "manual", { required: false });
    const { requestId, email } = await inProgress("erasure", { scope: "all" });
    // The manual kind's runtime here is a system that is down (the kinds' own modules are tested with them).
    const factories: RuntimeFactories = {
      demo_platform: () => ({ mode: "synchronous", connector: userTableConnector(db) }),
      manual: () => ({ mode: "synchronous", connector: downConnector() }),
    };
    const report = await runDueTasks(db, settings(factories), start);
    expect(report).toMatchObject({ planned: 2, done: 1, failed: 1, dead_lettered: 0, errors: 0 });

    const [alpha, beta] = await tasksOf(requestId);
    expect(alpha).toMatchObject({ system: "alpha", step: "erase", status: "done", attempts: 1, progressDone: 1 });
    expect(alpha!.result).toEqual({
      found: true,
      records: [{ recordType: "account", action: "anonymised", count: 1, fields: { name: "null" } }],
    });
    expect((await db.user.findUniqueOrThrow({ where: { email } })).name).toBeNull();
    expect(beta).toMatchObject({ system: "beta", status: "failed", attempts: 1, required: false });
    expect(beta!.lastError).toContain("ECONNREFUSED");
    // Back-off: the policy's first delay, no sooner.
    expect(beta!.nextAttemptAt).toEqual(new Date(start.getTime() + MINUTE));

    const events = await db.auditEntry.findMany({
      where: { requestId, event: { in: ["fulfilment_planned", "task_done", "task_failed"] } },
    });
    expect(events.map((e) => e.event).sort()).toEqual(["fulfilment_planned", "task_done", "task_failed"]);
    expect(events.every((e) => !e.public)).toBe(true);

    // Not due before its back-off ends; then retried, and dead-lettered after the last attempt, still there.
    expect((await runDueTasks(db, settings(factories), new Date(start.getTime() + MINUTE - 1))).failed).toBe(0);
    await runDueTasks(db, settings(factories), new Date(start.getTime() + MINUTE));
    expect((await tasksOf(requestId))[1]).toMatchObject({ status: "failed", attempts: 2 });
    const later = new Date(start.getTime() + 60 * MINUTE);
    expect(await runDueTasks(db, settings(factories), later)).toMatchObject({ dead_lettered: 1 });
    const dead = (await tasksOf(requestId))[1]!;
    expect(dead).toMatchObject({ status: "dead_lettered", attempts: 3, nextAttemptAt: null });
    // A dead letter is never picked up again by the runner: it waits for a person.
    expect(await runDueTasks(db, settings(factories), new Date(later.getTime() + 24 * 60 * MINUTE))).toMatchObject({
      failed: 0,
      dead_lettered: 0,
    });
    await db.connector.updateMany({ data: { enabled: false } });
  });

  it("a hanging system times out as a retryable failure; a kind without a runtime waits untouched", async () => {
    await connector("gamma", "demo_platform");
    await connector("delta", "manual");
    const { requestId } = await inProgress("restriction", { ground: "a" });
    const hanging: SynchronousConnector = { ...userTableConnector(db), restrict: () => new Promise(() => {}) };
    const report = await runDueTasks(
      db,
      settings({ demo_platform: () => ({ mode: "synchronous", connector: hanging }) }, { operationTimeoutMs: 20 }),
      start,
    );
    expect(report).toMatchObject({ planned: 2, failed: 1 });
    const [delta, gamma] = await tasksOf(requestId);
    expect(gamma).toMatchObject({ status: "failed", step: "restrict" });
    expect(gamma!.lastError).toContain("no answer within 20 ms");
    expect(delta).toMatchObject({ status: "open", attempts: 0, version: 0 });
    await db.connector.updateMany({ data: { enabled: false } });
  });

  it("starts an asynchronous task and finishes it by a poll once nothing was heard for pollAfterMs", async () => {
    await connector("processor", "manual");
    const { requestId } = await inProgress("erasure", { scope: "all" });
    const async: RuntimeFactories = { manual: () => ({ mode: "asynchronous", driver: acceptingDriver }) };
    expect(await runDueTasks(db, settings(async), start)).toMatchObject({ planned: 1, running: 1 });
    const [running] = await tasksOf(requestId);
    expect(running).toMatchObject({ status: "running", externalId: `ext-${running!.id}`, externalStatus: "pending" });
    expect(running!.lastPolledAt).toEqual(start);

    const pollAfterMs = 15 * MINUTE;
    expect(
      await runDueTasks(db, settings(async, { pollAfterMs }), new Date(start.getTime() + pollAfterMs - 1)),
    ).toMatchObject({
      done: 0,
    });
    expect(
      await runDueTasks(db, settings(async, { pollAfterMs }), new Date(start.getTime() + pollAfterMs)),
    ).toMatchObject({
      done: 1,
    });
    const [done] = await tasksOf(requestId);
    expect(done).toMatchObject({ status: "done", resultsCount: 7, progressDone: 7, attempts: 1 });
    await db.connector.updateMany({ data: { enabled: false } });
  });

  it("an asynchronous kind's not_applicable and a connector with broken settings (dead letter at once) are recorded", async () => {
    await connector("eps", "manual");
    await db.connector.create({
      data: {
        key: "broken",
        kind: "opencompliance",
        name: "broken",
        config: { baseUrl: "http://processor.example" },
        registerEntries: ["registration"],
      },
    });
    const { requestId } = await inProgress("erasure", { scope: "all" });
    const factories: RuntimeFactories = {
      manual: () => ({
        mode: "asynchronous",
        driver: { start: async () => ({ state: "not_applicable", reason: "no such type" }) },
      }),
      opencompliance: () => ({ mode: "asynchronous", driver: acceptingDriver }),
    };
    expect(await runDueTasks(db, settings(factories), start)).toMatchObject({ not_applicable: 1, dead_lettered: 1 });
    const [broken, eps] = await tasksOf(requestId);
    expect(eps).toMatchObject({ status: "not_applicable", note: "no such type" });
    expect(broken).toMatchObject({ status: "dead_lettered", attempts: 1 });
    expect(broken!.lastError).toContain("connector settings invalid");
    await db.connector.updateMany({ data: { enabled: false } });
  });

  it("plans nothing for a request that is not in progress, and a request is planned once", async () => {
    await connector("zeta", "demo_platform");
    const { requestId } = await inProgress("access", { scope: "all", copy: true });
    const waitingEmail = `received-${flavor}@example.org`;
    const waitingSubject = await db.user.create({ data: { email: waitingEmail } });
    const received = await verifiedTestRequest(db, waitingSubject.id, { subjectEmail: waitingEmail }, start);
    const factories: RuntimeFactories = {};
    expect((await runDueTasks(db, settings(factories), start)).planned).toBe(1);
    expect((await runDueTasks(db, settings(factories), start)).planned).toBe(0);
    expect(await db.fulfilmentTask.count({ where: { requestId } })).toBe(1);
    expect(await db.fulfilmentTask.count({ where: { requestId: received.id } })).toBe(0);
    await db.connector.updateMany({ data: { enabled: false } });
  });
});
