// Attachment files and rows against a real database and a real directory: stored together
// or not at all, gone with their request's minimisation, orphans swept, downloads only for
// the request's subject and staff.
import { DEFAULT_TASK_RUNNER_SETTINGS } from "../fulfilment/tasks/run-task";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, inject, it } from "vitest";
import { privateDatabase } from "../../scripts/test/private-database";
import { testRequestSettings } from "../../scripts/test/request-settings";
import { submitTestRequest, verifiedTestRequest } from "../../scripts/test/requests";
import { createDb, type Db } from "../db/client";
import type { JobContext } from "../jobs/job";
import { applyRetention } from "../jobs/jobs/apply-retention";
import { expireUnverified } from "../jobs/jobs/expire-unverified";
import { sweepAttachments } from "../jobs/jobs/sweep-attachments";
import { mailboxDelivery } from "../mail/outbox/deliveries";
import { DEFAULT_RETRY_POLICY } from "../mail/outbox/retry-policy";
import { transitionRequest } from "../requests/transition-request";
import { checkUploads, type CheckedUpload } from "./check-uploads";
import { openAttachmentAs, type Viewer } from "./open-attachment";
import { withStagedAttachments } from "./store-attachments";

/** The instant the downloads below happen (the freshness of the second factor is measured to it). */
const NOW = new Date();
const PDF = Buffer.from("%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n");
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]);

async function uploads(...files: Array<[Buffer, string]>): Promise<CheckedUpload[]> {
  const checked = await checkUploads(
    files.map(([bytes, name]) => new File([new Uint8Array(bytes)], name)),
    { maxBytesPerFile: 1024 * 1024, maxFiles: 5 },
  );
  if (!checked.ok) throw new Error(checked.error);
  return checked.files;
}

describe.each(inject("testDatabases").map((d) => d.flavor))("attachments on %s", (flavor) => {
  let db: Db;
  let drop: () => Promise<void>;
  let dir: string;
  let anna: Viewer;
  let lea: Viewer;
  let dpo: Viewer;
  const settings = () => ({ ...testRequestSettings, attachmentsDir: dir });
  const context = (now: Date): JobContext => ({
    db,
    clock: () => now,
    settings: settings(),
    delivery: mailboxDelivery,
    retry: DEFAULT_RETRY_POLICY,
    reminderDays: [7, 2],
    retentionYears: 3,
    auditClientRetentionDays: 30,
    fulfilment: { ...DEFAULT_TASK_RUNNER_SETTINGS, factories: {} },
  });
  const filesOnDisk = () => (fs.existsSync(dir) ? fs.readdirSync(dir) : []);

  beforeAll(async () => {
    const database = await privateDatabase(flavor, "attachments");
    db = createDb(database.url);
    drop = database.drop;
    const user = async (email: string, role?: "dpo"): Promise<Viewer> => {
      const row = await db.user.create({ data: { email, role: role ?? null } });
      // Staff proved the second factor a minute before the downloads below (NOW).
      return {
        userId: row.id,
        email,
        role: role ?? null,
        secondFactorAt: role ? new Date(NOW.getTime() - 60_000) : null,
      };
    };
    anna = await user("anna@example.org");
    lea = await user("lea@example.org");
    dpo = await user("dpo@demo.example", "dpo");
  });
  afterAll(async () => {
    await db.$disconnect();
    await drop();
  });
  beforeEach(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "dsr-attachments-"));
    await db.attachment.deleteMany({});
  });

  /** A request with attachments stored the way the forms store them. */
  async function withAttachments(request: { id: string }, ...files: Array<[Buffer, string]>) {
    return withStagedAttachments(db, dir, await uploads(...files), (staged) =>
      db.$transaction((tx) => staged.record(tx, { requestId: request.id, uploadedBy: "subject" })),
    );
  }

  it("stores each file under a random key, readable only by the portal, with its row", async () => {
    const request = await verifiedTestRequest(db, anna.userId, { subjectEmail: anna.email });
    const rows = await withAttachments(request, [PDF, "../Ausweis.pdf"], [PNG, "scan.png"]);
    expect(rows.map((r) => [r.fileName, r.contentType, r.size])).toEqual([
      ["Ausweis.pdf", "application/pdf", PDF.length],
      ["scan.png", "image/png", PNG.length],
    ]);
    const stored = await db.attachment.findMany({ where: { requestId: request.id }, orderBy: { fileName: "asc" } });
    expect(filesOnDisk().sort()).toEqual(stored.map((a) => a.storageKey).sort());
    for (const row of stored) {
      expect(row.storageKey).not.toContain(row.fileName.split(".")[0]);
      const file = path.join(dir, row.storageKey);
      expect(fs.statSync(file).mode & 0o777).toBe(0o600);
      expect(row.uploadedBy).toBe("subject");
    }
    expect(fs.readFileSync(path.join(dir, stored[0]!.storageKey))).toEqual(PDF);
  });

  it("leaves no file when the transaction fails after creating the rows", async () => {
    const request = await verifiedTestRequest(db, anna.userId, { subjectEmail: anna.email });
    const failing = withStagedAttachments(db, dir, await uploads([PDF, "a.pdf"], [PNG, "b.png"]), (staged) =>
      db.$transaction(async (tx) => {
        await staged.record(tx, { requestId: request.id, uploadedBy: "subject" });
        throw new Error("the message could not be saved");
      }),
    );
    await expect(failing).rejects.toThrow("the message could not be saved");
    expect(await db.attachment.count()).toBe(0);
    expect(filesOnDisk()).toEqual([]);
  });

  it("leaves no file when the work ends without recording (a refused step is a result, not an error)", async () => {
    const outcome = await withStagedAttachments(db, dir, await uploads([PDF, "a.pdf"]), async (staged) => {
      expect(filesOnDisk()).toHaveLength(staged.count);
      return { ok: false };
    });
    expect(outcome).toEqual({ ok: false });
    expect(filesOnDisk()).toEqual([]);
  });

  it("an unconfirmed request that expires loses its attachments, rows and files", async () => {
    const request = await submitTestRequest(db, { subjectEmail: "x@example.org" }, new Date("2026-11-01T00:00:00Z"));
    await withAttachments(request, [PDF, "a.pdf"], [PNG, "b.png"]);
    expect(filesOnDisk()).toHaveLength(2);
    expect((await expireUnverified.run(context(new Date("2026-11-20T00:00:00Z")))).expired).toBe(1);
    expect(await db.attachment.count({ where: { requestId: request.id } })).toBe(0);
    expect(filesOnDisk()).toEqual([]);
  });

  it("a request withdrawn before confirmation loses its attachments; after confirmation they stay", async () => {
    const unconfirmed = await submitTestRequest(db, { subjectEmail: "y@example.org" });
    const confirmed = await verifiedTestRequest(db, anna.userId, { subjectEmail: anna.email });
    await withAttachments(unconfirmed, [PDF, "a.pdf"]);
    const [kept] = await withAttachments(confirmed, [PNG, "b.png"]);
    const staff = { type: "staff", userId: dpo.userId, role: "dpo" } as const;
    for (const request of [unconfirmed, confirmed]) {
      const withdrawn = await transitionRequest(
        db,
        { requestId: request.id, actor: staff, command: { name: "withdraw", input: {} } },
        settings(),
      );
      expect(withdrawn.ok).toBe(true);
    }
    const left = await db.attachment.findMany();
    expect(left.map((a) => a.id)).toEqual([kept!.id]);
    expect(filesOnDisk()).toEqual([left[0]!.storageKey]);
  });

  it("retention deletes the files of the requests it minimises, and only those", async () => {
    const old = await verifiedTestRequest(
      db,
      anna.userId,
      { subjectEmail: anna.email },
      new Date("2022-01-10T09:00:00Z"),
    );
    const recent = await verifiedTestRequest(db, anna.userId, { subjectEmail: anna.email });
    await withAttachments(old, [PDF, "a.pdf"], [PNG, "b.png"]);
    await withAttachments(recent, [PDF, "c.pdf"]);
    const staff = { type: "staff", userId: dpo.userId, role: "dpo" } as const;
    const closed = await transitionRequest(
      db,
      { requestId: old.id, actor: staff, command: { name: "withdraw", input: {} } },
      settings(),
      new Date("2022-01-11T09:00:00Z"),
    );
    expect(closed.ok).toBe(true);
    expect(filesOnDisk()).toHaveLength(3);

    const result = await applyRetention.run(context(new Date("2026-11-20T00:00:00Z")));
    expect(result).toMatchObject({ minimised: 1, files: 2 });
    expect(await db.attachment.count({ where: { requestId: old.id } })).toBe(0);
    const left = await db.attachment.findMany();
    expect(left.map((a) => a.requestId)).toEqual([recent.id]);
    expect(filesOnDisk()).toEqual([left[0]!.storageKey]);
  });

  it("the sweep deletes files without a row once they are an hour old, and nothing else", async () => {
    const request = await verifiedTestRequest(db, anna.userId, { subjectEmail: anna.email });
    const [row] = await withAttachments(request, [PDF, "a.pdf"]);
    const { storageKey } = await db.attachment.findUniqueOrThrow({ where: { id: row!.id } });
    // What a crash between writing and committing leaves: a complete file and a half-written one.
    const orphan = "o".repeat(32);
    const fresh = "f".repeat(32);
    const temp = `.tmp-${"t".repeat(32)}`;
    for (const name of [orphan, fresh, temp]) fs.writeFileSync(path.join(dir, name), PDF);
    const now = new Date();
    const twoHoursAgo = new Date(now.getTime() - 2 * 60 * 60 * 1000);
    for (const name of [orphan, temp, storageKey]) fs.utimesSync(path.join(dir, name), twoHoursAgo, twoHoursAgo);

    expect(await sweepAttachments.run(context(now))).toEqual({ deleted: 2, kept: 1 });
    expect(filesOnDisk().sort()).toEqual([fresh, storageKey].sort());
    expect(await db.attachment.count()).toBe(1);
  });

  describe("download", () => {
    it("the request's subject (by account or by address) and staff get the bytes; others get what a missing id gets", async () => {
      const linked = await verifiedTestRequest(db, anna.userId, { subjectEmail: anna.email });
      const byAddress = await submitTestRequest(db, { subjectEmail: "Anna@Example.org" });
      const [onLinked] = await withAttachments(linked, [PDF, "Ausweis.pdf"]);
      const [onAddress] = await withAttachments(byAddress, [PNG, "scan.png"]);

      expect(await openAttachmentAs(db, anna, onLinked!.id, dir)).toEqual({
        status: "ok",
        fileName: "Ausweis.pdf",
        contentType: "application/pdf",
        bytes: PDF,
      });
      expect(await openAttachmentAs(db, { ...anna, email: "ANNA@example.org" }, onAddress!.id, dir)).toMatchObject({
        status: "ok",
        contentType: "image/png",
      });
      expect(await openAttachmentAs(db, dpo, onAddress!.id, dir, NOW)).toMatchObject({ status: "ok", bytes: PNG });

      const missing = await openAttachmentAs(db, anna, "doesnotexist", dir);
      expect(missing).toEqual({ status: "not_found" });
      expect(await openAttachmentAs(db, lea, onLinked!.id, dir)).toEqual(missing);
      // A session claiming a staff role the database does not (or no longer) grant counts for nothing.
      expect(await openAttachmentAs(db, { ...lea, role: "dpo" }, onLinked!.id, dir)).toEqual(missing);
      expect(await openAttachmentAs(db, { ...dpo, role: "admin" }, onLinked!.id, dir)).toEqual(missing);
    });

    it("staff need 'attachment.open' (dpo, privacy team, auditor) and a second factor proven within 15 minutes", async () => {
      const request = await verifiedTestRequest(db, anna.userId, { subjectEmail: anna.email });
      const [scan] = await withAttachments(request, [PDF, "Ausweis.pdf"]);
      const missing = { status: "not_found" };
      const proven = (minutesAgo: number) => new Date(NOW.getTime() - minutesAgo * 60_000);
      const staff = async (email: string, role: "dpo" | "privacy_team" | "auditor" | "admin", deactivated = false) => {
        const row = await db.user.create({
          data: { email, role, deactivatedAt: deactivated ? proven(5) : null },
        });
        return { userId: row.id, email, role, secondFactorAt: proven(1) };
      };
      for (const role of ["privacy_team", "auditor"] as const) {
        const viewer = await staff(`${role}-${flavor}@demo.example`, role);
        expect(await openAttachmentAs(db, viewer, scan!.id, dir, NOW)).toMatchObject({ status: "ok", bytes: PDF });
      }
      // An admin manages accounts and sees no subject data, however fresh the second factor.
      const admin = await staff(`admin-${flavor}@demo.example`, "admin");
      expect(await openAttachmentAs(db, admin, scan!.id, dir, NOW)).toEqual(missing);
      // Exactly 15 minutes is still fresh; a minute more is not, nor never proven: the TOTP page first.
      expect(await openAttachmentAs(db, { ...dpo, secondFactorAt: proven(15) }, scan!.id, dir, NOW)).toMatchObject({
        status: "ok",
      });
      const again = { status: "second_factor", reference: request.reference };
      expect(await openAttachmentAs(db, { ...dpo, secondFactorAt: proven(16) }, scan!.id, dir, NOW)).toMatchObject(
        again,
      );
      expect(await openAttachmentAs(db, { ...dpo, secondFactorAt: null }, scan!.id, dir, NOW)).toMatchObject(again);
      // Only those who may open it are sent there: an admin with a stale factor still meets a missing file.
      expect(await openAttachmentAs(db, { ...admin, secondFactorAt: null }, scan!.id, dir, NOW)).toEqual(missing);
      // A deactivated account counts for nothing even with a session left over.
      const gone = await staff(`gone-${flavor}@demo.example`, "dpo", true);
      expect(await openAttachmentAs(db, gone, scan!.id, dir, NOW)).toEqual(missing);
      // The subject needs no second factor for their own files.
      expect(await openAttachmentAs(db, anna, scan!.id, dir, NOW)).toMatchObject({ status: "ok" });
    });

    it("a file changed on disk, or missing, is not served", async () => {
      const request = await verifiedTestRequest(db, anna.userId, { subjectEmail: anna.email });
      const [a, b] = await withAttachments(request, [PDF, "a.pdf"], [PDF, "b.pdf"]);
      const rows = await db.attachment.findMany({ where: { id: { in: [a!.id, b!.id] } } });
      const key = (id: string) => rows.find((r) => r.id === id)!.storageKey;
      fs.appendFileSync(path.join(dir, key(a!.id)), "<script>alert(1)</script>");
      fs.unlinkSync(path.join(dir, key(b!.id)));
      expect(await openAttachmentAs(db, anna, a!.id, dir)).toEqual({ status: "unavailable" });
      expect(await openAttachmentAs(db, dpo, b!.id, dir, NOW)).toEqual({ status: "unavailable" });
    });
  });
});
