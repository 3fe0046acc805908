// Tamper evidence (Art. 5(2) accountability): edit or delete an audit row by hand
// and `npm run -s audit:verify` must fail, naming the first broken entry. Each test
// database here is private, so the tampering cannot disturb other tests.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { prepareDatabase } from "../../scripts/db/prepare-database";
import { dropPostgresDatabase, postgresDatabaseUrl } from "../../scripts/test/postgres";
import { testRequestSettings } from "../../scripts/test/request-settings";
import { createDb, type Db } from "../db/client";
import { transitionRequest } from "../requests/transition-request";
import type { Command } from "../requests/workflow/commands";
import { verifiedTestRequest } from "../../scripts/test/requests";
import { verifyAuditChains } from "./verify-audit-chains";

const root = path.resolve(import.meta.dirname, "../..");
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "dsr-audit-"));
const settings = testRequestSettings;

function auditVerifyCli(url: string) {
  return spawnSync(path.join(root, "node_modules/.bin/tsx"), ["scripts/audit-verify.ts"], {
    cwd: root,
    env: { PATH: process.env.PATH, NODE_ENV: "production", DATABASE_URL: url, DATA_DIR: path.join(tmp, "data") },
    encoding: "utf8",
  });
}

const flavors = inject("testDatabases").map((d) => d.flavor);

describe.each(flavors)("audit chains on %s", (flavor) => {
  const url =
    flavor === "sqlite"
      ? `file:${path.join(tmp, "audit.db")}`
      : postgresDatabaseUrl(process.env.TEST_POSTGRES_URL!, `portal_audit_${process.pid}_${Date.now()}`);
  let db: Db;
  const ids: string[] = [];

  beforeAll(async () => {
    await prepareDatabase(url);
    db = createDb(url);
    const subjectUserId = (await db.user.create({ data: { email: "anna@example.org" } })).id;
    const team = await db.user.create({ data: { email: "team@demo.example", role: "privacy_team" } });
    for (let i = 0; i < 3; i++) {
      const submitted = await verifiedTestRequest(db, subjectUserId, { language: "en" }, new Date(), {
        ip: "203.0.113.7",
        userAgent: "Firefox/140",
      });
      ids.push(submitted.id);
      const staff = { type: "staff", userId: team.id, role: "privacy_team" } as const;
      await transitionRequest(
        db,
        { requestId: submitted.id, actor: staff, command: { name: "start_work", input: {} } },
        settings,
      );
    }
  });

  afterAll(async () => {
    await db.$disconnect();
    if (flavor === "postgres") await dropPostgresDatabase(url);
  });

  it("an untouched log verifies, in the library and through npm run audit:verify", async () => {
    expect(await verifyAuditChains(db)).toEqual({ chains: 3, entries: 9, broken: null });
    const cli = auditVerifyCli(url);
    expect(cli.stdout.trim()).toBe("audit log intact: 9 entries in 3 chains verified");
    expect(cli.status).toBe(0);
  });

  it("an edited field is found and named, then the repaired log verifies again", async () => {
    const entry = await db.auditEntry.findFirstOrThrow({ where: { requestId: ids[1], seq: 2 } });
    await db.$executeRaw`UPDATE "AuditEntry" SET "event" = ${"refused"} WHERE "id" = ${entry.id}`;
    const report = await verifyAuditChains(db);
    expect(report.broken).toMatchObject({
      chain: ids[1],
      seq: 2,
      entryId: entry.id,
      reason: expect.stringMatching(/edited/),
    });
    const cli = auditVerifyCli(url);
    expect(cli.status).toBe(1);
    expect(cli.stderr.trim()).toBe(
      `audit chain broken: chain ${ids[1]}, entry #2 (id ${entry.id}): ${report.broken!.reason}`,
    );

    await db.$executeRaw`UPDATE "AuditEntry" SET "event" = ${entry.event} WHERE "id" = ${entry.id}`;
    expect((await verifyAuditChains(db)).broken).toBeNull();
  });

  it("erasing the IP address and user agent (retention) keeps the chain valid; changing them does not", async () => {
    const entry = await db.auditEntry.findFirstOrThrow({ where: { requestId: ids[0], seq: 2 } });
    expect(entry.ip).toBe("203.0.113.7");
    await db.$executeRaw`UPDATE "AuditEntry" SET "ip" = ${"198.51.100.1"} WHERE "id" = ${entry.id}`;
    expect((await verifyAuditChains(db)).broken).toMatchObject({
      entryId: entry.id,
      reason: expect.stringMatching(/IP address or user agent was changed/),
    });
    // Erasing is what retention does; on a request that was never minimised it is tampering too.
    await db.$executeRaw`UPDATE "AuditEntry" SET "ip" = NULL, "userAgent" = NULL WHERE "id" = ${entry.id}`;
    expect((await verifyAuditChains(db)).broken).toMatchObject({
      entryId: entry.id,
      reason: expect.stringMatching(/never minimised/),
    });
    await db.$executeRaw`UPDATE "AuditEntry" SET "ip" = ${entry.ip}, "userAgent" = ${entry.userAgent} WHERE "id" = ${entry.id}`;
    expect((await verifyAuditChains(db)).broken).toBeNull();
  });

  it("free text lives outside the hashed details: erasing it is fine, changing it is found", async () => {
    const staff = await db.user.findFirstOrThrow({ where: { role: "privacy_team" } });
    const done = await transitionRequest(
      db,
      {
        requestId: ids[1]!,
        actor: { type: "staff", userId: staff.id, role: "privacy_team" },
        command: { name: "complete", input: { summary: "Copy sent to Anna." } },
      },
      settings,
    );
    expect(done.ok).toBe(true);
    const entry = await db.auditEntry.findFirstOrThrow({ where: { requestId: ids[1], event: "completed" } });
    expect(entry.details).not.toContain("Anna");
    const text = await db.auditText.findFirstOrThrow({ where: { chain: ids[1], seq: entry.seq } });
    expect(text.text).toBe("Copy sent to Anna.");
    await db.auditText.update({ where: { id: text.id }, data: { text: "Nothing was sent." } });
    expect((await verifyAuditChains(db)).broken).toMatchObject({
      entryId: entry.id,
      reason: expect.stringMatching(/text it refers to/),
    });
    await db.auditText.update({ where: { id: text.id }, data: { text: null } });
    expect((await verifyAuditChains(db)).broken).toMatchObject({
      entryId: entry.id,
      reason: expect.stringMatching(/never minimised/),
    });
    await db.auditText.delete({ where: { id: text.id } });
    expect((await verifyAuditChains(db)).broken).toMatchObject({
      entryId: entry.id,
      reason: expect.stringMatching(/was deleted/),
    });
    await db.auditText.create({ data: { ...text, text: "Copy sent to Anna." } });
    expect((await verifyAuditChains(db)).broken).toBeNull();
  });

  it("a request row that says something its chain does not is found", async () => {
    const row = await db.request.findUniqueOrThrow({ where: { id: ids[0] } });
    await db.$executeRaw`UPDATE "Request" SET "status" = ${"completed"} WHERE "id" = ${row.id}`;
    expect((await verifyAuditChains(db)).broken).toMatchObject({
      chain: row.id,
      reason: expect.stringMatching(/audit log ends in "in_progress"/),
    });
    await db.$executeRaw`UPDATE "Request" SET "status" = ${row.status}, "dueDate" = ${"2099-01-01"} WHERE "id" = ${row.id}`;
    expect((await verifyAuditChains(db)).broken).toMatchObject({
      chain: row.id,
      reason: expect.stringMatching(/due date/),
    });
    await db.$executeRaw`UPDATE "Request" SET "dueDate" = ${row.dueDate}, "auditHeadSeq" = ${0} WHERE "id" = ${row.id}`;
    expect((await verifyAuditChains(db)).broken).toMatchObject({ chain: row.id });
    await db.$executeRaw`UPDATE "Request" SET "auditHeadSeq" = ${row.auditHeadSeq} WHERE "id" = ${row.id}`;
    expect((await verifyAuditChains(db)).broken).toBeNull();
  });

  it("a changed status or detail is found", async () => {
    const entry = await db.auditEntry.findFirstOrThrow({ where: { requestId: ids[0], seq: 3 } });
    await db.$executeRaw`UPDATE "AuditEntry" SET "details" = ${'{"note":"nothing happened"}'} WHERE "id" = ${entry.id}`;
    expect((await verifyAuditChains(db)).broken).toMatchObject({ chain: ids[0], seq: 3 });
    await db.$executeRaw`UPDATE "AuditEntry" SET "details" = ${entry.details} WHERE "id" = ${entry.id}`;
  });

  it("a deleted middle entry and a deleted newest entry are both found", async () => {
    const middle = await db.auditEntry.findFirstOrThrow({ where: { requestId: ids[2], seq: 2 } });
    await db.auditEntry.delete({ where: { id: middle.id } });
    expect((await verifyAuditChains(db)).broken).toMatchObject({
      chain: ids[2],
      seq: 3,
      reason: expect.stringMatching(/jumps from #1 to #3/),
    });
    await db.auditEntry.create({ data: middle });

    const newest = await db.auditEntry.findFirstOrThrow({ where: { requestId: ids[2], seq: 3 } });
    await db.auditEntry.delete({ where: { id: newest.id } });
    const report = await verifyAuditChains(db);
    expect(report.broken).toMatchObject({
      chain: ids[2],
      seq: 3,
      entryId: null,
      reason: expect.stringMatching(/newest audit entry #3 is missing/),
    });
    expect(auditVerifyCli(url).status).toBe(1);
    await db.auditEntry.create({ data: newest });
    expect((await verifyAuditChains(db)).broken).toBeNull();
  });

  it("a reopened case and a request marked as spam verify; their rows changed behind the log's back do not", async () => {
    const subjectUserId = (await db.user.findUniqueOrThrow({ where: { email: "anna@example.org" } })).id;
    const dpoUser = await db.user.create({ data: { email: "dpo@demo.example", role: "dpo" } });
    const dpo = { type: "staff", userId: dpoUser.id, role: "dpo" } as const;
    const step = async (requestId: string, command: Command) => {
      const result = await transitionRequest(db, { requestId, actor: dpo, command }, settings);
      expect(result).toMatchObject({ ok: true });
    };
    const reopened = (await verifiedTestRequest(db, subjectUserId, { language: "en" })).id;
    await step(reopened, { name: "start_work", input: {} });
    await step(reopened, { name: "complete", input: { summary: "Copy sent." } });
    await step(reopened, { name: "reopen", input: { reason: "Our copy left out the newsletter data." } });
    const spam = (await verifiedTestRequest(db, subjectUserId, { language: "en" })).id;
    await step(spam, { name: "mark_spam", input: {} });
    expect((await verifyAuditChains(db)).broken).toBeNull();

    // A reopened case with a closing time, or spam with a due date, says what its log does not.
    await db.request.update({ where: { id: reopened }, data: { closedAt: new Date() } });
    expect((await verifyAuditChains(db)).broken).toMatchObject({ chain: reopened, reason: /closing time/ });
    await db.request.update({ where: { id: reopened }, data: { closedAt: null } });
    await db.request.update({ where: { id: spam }, data: { dueDate: "2027-01-04" } });
    expect((await verifyAuditChains(db)).broken).toMatchObject({ chain: spam, reason: /due date/ });
    await db.request.update({ where: { id: spam }, data: { dueDate: null } });
    expect((await verifyAuditChains(db)).broken).toBeNull();
  });

  it("cannot check an unreachable database and says so with exit code 2", () => {
    const cli = auditVerifyCli("postgresql://nobody@127.0.0.1:1/portal");
    expect(cli.status).toBe(2);
    expect(cli.stderr.trim().split("\n")).toHaveLength(1);
    expect(cli.stderr).toMatch(/^error: /);
  });
});

afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));
