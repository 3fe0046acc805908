// The case page's "write to the team" on real SQLite and PostgreSQL: a signed-in subject may send so
// many messages and files per window, and one request's files may take so much space; a refusal says
// when to try again (or that the files are too much) and stores, sends and keeps nothing.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { privateDatabase } from "../../../scripts/test/private-database";
import { testRequestSettings } from "../../../scripts/test/request-settings";
import { verifiedTestRequest } from "../../../scripts/test/requests";
import { checkUploads, type CheckedUpload } from "../../attachments/check-uploads";
import { createDb, type Db } from "../../db/client";
import type { RateLimitContext } from "../../security/rate-limit";
import { limitNames, type LimitName } from "../../security/rate-limit-settings";
import { replyToCase, type ReplyLimits } from "./reply";
import type { SubjectContext } from "./subject-step";

const HOUR = 3600;

async function pdfs(...sizes: number[]): Promise<CheckedUpload[]> {
  const files = sizes.map((size, i) => {
    const head = Buffer.from("%PDF-1.7\n");
    return new File([Buffer.concat([head, Buffer.alloc(Math.max(0, size - head.length), 0x20)])], `scan-${i}.pdf`);
  });
  const checked = await checkUploads(files, { maxBytesPerFile: 1 << 20, maxFiles: 5 });
  if (!checked.ok) throw new Error(checked.error);
  return checked.files;
}

describe.each(inject("testDatabases").map((d) => d.flavor))("writing to the team on %s", (flavor) => {
  let db: Db;
  let drop: () => Promise<void>;
  let dir: string;
  let n = 0;

  beforeAll(async () => {
    const database = await privateDatabase(flavor, "reply");
    ({ drop } = database);
    db = createDb(database.url);
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "dsr-reply-"));
    await db.user.create({ data: { email: "dpo@demo.example", role: "dpo" } });
  });
  afterAll(async () => {
    await db.$disconnect();
    await drop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  /** A subject of their own (limits count per account) with one confirmed request. */
  async function subjectWithRequest() {
    const email = `subject-${++n}@example.org`;
    const user = await db.user.create({ data: { email } });
    const request = await verifiedTestRequest(db, user.id, { subjectEmail: email });
    const context: SubjectContext = {
      db,
      subject: { id: user.id, email },
      client: { ip: "203.0.113.9", userAgent: "vitest" },
      settings: { ...testRequestSettings, attachmentsDir: dir },
    };
    return { context, request };
  }
  const limits = (points: Partial<Record<LimitName, number>>, caseMaxBytes = 1 << 20): ReplyLimits => ({
    rateLimits: {
      secret: "s".repeat(40),
      windowSeconds: HOUR,
      points: { ...Object.fromEntries(limitNames.map((name) => [name, 100])), ...points },
    } as RateLimitContext,
    caseMaxBytes,
  });
  /** Everything a message can leave behind. */
  const footprint = async (requestId: string) => ({
    messages: await db.requestMessage.count({ where: { requestId } }),
    audit: await db.auditEntry.count({ where: { requestId } }),
    mails: await db.outboundMail.count({ where: { requestId } }),
    attachments: await db.attachment.count({ where: { requestId } }),
    files: fs.readdirSync(dir).length,
  });

  it("refuses the message after the limit, with the time to wait, and stores and sends nothing", async () => {
    const { context, request } = await subjectWithRequest();
    const few = limits({ message_user: 3 });
    for (let i = 0; i < 3; i++) {
      expect(await replyToCase(context, few, request.reference, `Message ${i}`, [])).toMatchObject({ ok: true });
    }
    const before = await footprint(request.id);
    expect(before.mails).toBeGreaterThan(0); // each message alerted the staff
    const refused = await replyToCase(context, few, request.reference, "One too many", await pdfs(100));
    expect(refused).toMatchObject({ ok: false, reason: "limited", limit: "message_user" });
    if (refused.ok || refused.reason !== "limited") throw new Error("unreachable");
    expect(refused.retryAfterSeconds).toBeGreaterThan(HOUR - 60);
    expect(refused.retryAfterSeconds).toBeLessThanOrEqual(HOUR);
    expect(await footprint(request.id)).toEqual(before);
    expect(await db.requestMessage.count({ where: { body: "One too many" } })).toBe(0);
  });

  it("counts per account, across the account's requests, and not other people's", async () => {
    const first = await subjectWithRequest();
    const second = await verifiedTestRequest(db, first.context.subject.id, {
      subjectEmail: first.context.subject.email,
    });
    const other = await subjectWithRequest();
    const one = limits({ message_user: 1 });
    expect(await replyToCase(first.context, one, first.request.reference, "Hello", [])).toMatchObject({ ok: true });
    expect(await replyToCase(first.context, one, second.reference, "Hello again", [])).toMatchObject({
      reason: "limited",
    });
    expect(await replyToCase(other.context, one, other.request.reference, "Hi", [])).toMatchObject({ ok: true });
  });

  it("counts every file against the upload limit; over it, the message is refused too and nothing is kept", async () => {
    const { context, request } = await subjectWithRequest();
    const three = limits({ upload_user: 3 });
    expect(await replyToCase(context, three, request.reference, "Two scans", await pdfs(100, 100))).toMatchObject({
      ok: true,
    });
    const before = await footprint(request.id);
    const refused = await replyToCase(context, three, request.reference, "Two more", await pdfs(100, 100));
    expect(refused).toMatchObject({ ok: false, reason: "limited", limit: "upload_user" });
    expect(await footprint(request.id)).toEqual(before);
    // Without files the person can still write.
    expect(await replyToCase(context, three, request.reference, "No files", [])).toMatchObject({ ok: true });
  });

  it("refuses files that would take the request over its total, and keeps neither row nor file nor message", async () => {
    const { context, request } = await subjectWithRequest();
    const small = limits({}, 1_000);
    expect(await replyToCase(context, small, request.reference, "First", await pdfs(400, 400))).toMatchObject({
      ok: true,
    });
    const before = await footprint(request.id);
    const refused = await replyToCase(context, small, request.reference, "Second", await pdfs(300));
    expect(refused).toEqual({ ok: false, reason: "case_total", maxBytes: 1_000 });
    expect(await footprint(request.id)).toEqual(before);
    // What still fits is taken.
    expect(await replyToCase(context, small, request.reference, "Third", await pdfs(200))).toMatchObject({ ok: true });
  });

  it("holds the total when two posts race, each fitting alone", async () => {
    const { context, request } = await subjectWithRequest();
    const small = limits({}, 1_000);
    const results = await Promise.all([
      replyToCase(context, small, request.reference, "Left", await pdfs(600)),
      replyToCase(context, small, request.reference, "Right", await pdfs(600)),
    ]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    // SQLite runs them in turn (the second sees the first's file); PostgreSQL's loser lost the optimistic lock.
    expect(results.find((r) => !r.ok)).toMatchObject({ reason: expect.stringMatching(/^(case_total|conflict)$/) });
    const total = await db.attachment.aggregate({ where: { requestId: request.id }, _sum: { size: true } });
    expect(total._sum.size).toBe(600);
    expect(fs.readdirSync(dir).length).toBe(await db.attachment.count());
  });

  it("answers a reference that is not the subject's as one that does not exist, and counts nothing", async () => {
    const { context } = await subjectWithRequest();
    const other = await subjectWithRequest();
    const one = limits({ message_user: 1 });
    expect(await replyToCase(context, one, other.request.reference, "Let me in", [])).toEqual({
      ok: false,
      reason: "not_found",
    });
    expect(await replyToCase(context, one, "DSR-0000-000000", "Anyone?", [])).toEqual({
      ok: false,
      reason: "not_found",
    });
    expect(await db.requestMessage.count({ where: { body: "Let me in" } })).toBe(0);
  });
});
