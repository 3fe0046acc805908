// The web server and the jobs worker are two processes writing one database. While the real worker
// (`scripts/worker.ts --once`, its own process and connection) delivers the outbox, 20 filings and 20
// confirmations run at once in this process: every one must succeed, and none may be reported as a
// conflict. On SQLite this failed before write transactions began IMMEDIATE (lib/db/sqlite-adapter.ts):
// a deferred transaction that had read and then wanted to write got SQLITE_BUSY at once whenever the
// worker held or had just taken the write lock, without waiting for the busy timeout.
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { commonFields, formOf, validForms } from "../../scripts/test/request-forms";
import { privateDatabase } from "../../scripts/test/private-database";
import { testRequestSettings } from "../../scripts/test/request-settings";
import { fileRequest, type FilingContext } from "../requests/intake/file-request";
import { formChoices } from "../requests/intake/form-choices";
import { transitionRequest } from "../requests/transition-request";
import { createDb, type Db } from "./client";

const root = path.resolve(import.meta.dirname, "../..");
const FILINGS = 20;
const CONFIRMATIONS = 20;
/** Enough mail that the worker is still delivering when the burst is over (checked below). */
const BACKLOG = 600;

describe.each(inject("testDatabases").map((d) => d.flavor))(
  "the worker and the web server writing at once on %s",
  (flavor) => {
    let db: Db;
    let url = "";
    let drop: () => Promise<void>;
    let subjectId = "";
    let dpoId = "";
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "dsr-writers-"));
    const toConfirm: string[] = [];

    const context = (): FilingContext => ({
      db,
      settings: { ...testRequestSettings, attachmentsDir: path.join(dataDir, "attachments") },
      link: {
        publicUrl: "http://localhost:3000",
        secret: "x".repeat(40),
        maxAgeHours: 24,
        timeZone: "Europe/Berlin",
        mail: testRequestSettings.mail,
      },
      choices: formChoices(),
      session: null,
      ip: "203.0.113.9",
      userAgent: "vitest",
      uploads: { limits: { maxBytesPerFile: 1024 * 1024, maxFiles: 5 }, dir: path.join(dataDir, "attachments") },
      limit: async () => ({ ok: true }),
    });
    const form = (email: string) =>
      formOf([...commonFields.filter(([k]) => k !== "email"), ["email", email], ...validForms.access]);

    beforeAll(async () => {
      ({ url, drop } = await privateDatabase(flavor, "writers"));
      db = createDb(url);
      dpoId = (await db.user.create({ data: { email: "dpo@demo.example", role: "dpo" } })).id;
      subjectId = (await db.user.create({ data: { email: "anna@example.org" } })).id;
      for (let i = 0; i < CONFIRMATIONS; i++) {
        const outcome = await fileRequest("access", form("anna@example.org"), context());
        expect(outcome.kind).toBe("confirm_by_email");
      }
      toConfirm.push(...(await db.request.findMany({ select: { id: true } })).map((r) => r.id));
      // The worker's backlog: copies of a real confirmation mail, all due now.
      const mail = await db.outboundMail.findFirstOrThrow();
      const copy = { template: mail.template, variables: mail.variables as object, language: mail.language };
      await db.outboundMail.createMany({
        data: Array.from({ length: BACKLOG }, () => ({
          ...copy,
          toAddress: mail.toAddress,
          nextAttemptAt: new Date(),
        })),
      });
    });
    afterAll(async () => {
      await db.$disconnect();
      await drop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    });

    it(
      `${FILINGS} filings and ${CONFIRMATIONS} confirmations while the worker delivers: all succeed`,
      { timeout: 180_000 },
      async () => {
        const worker = spawn(path.join(root, "node_modules/.bin/tsx"), ["scripts/worker.ts", "--once"], {
          cwd: root,
          env: {
            PATH: process.env.PATH,
            NODE_ENV: "production",
            DATABASE_URL: url,
            DATA_DIR: dataDir,
            LOG_LEVEL: "warn",
          },
        });
        let output = "";
        worker.stdout.on("data", (chunk) => (output += chunk));
        worker.stderr.on("data", (chunk) => (output += chunk));
        const exited = new Promise<number | null>((resolve) => worker.on("exit", resolve));
        const sent = () => db.outboundMail.count({ where: { status: "sent" } });
        // Start once the worker is writing.
        const deadline = Date.now() + 90_000;
        while ((await sent()) < 5) {
          if (Date.now() > deadline) throw new Error(`the worker never delivered: ${output}`);
          await new Promise((resolve) => setTimeout(resolve, 20));
        }

        const filings = Array.from({ length: FILINGS }, (_, i) =>
          fileRequest("access", form(`filer-${i}@example.org`), context()),
        );
        const confirmations = toConfirm.map((requestId) =>
          transitionRequest(
            db,
            { requestId, actor: { type: "subject", userId: subjectId }, command: { name: "verify", input: {} } },
            testRequestSettings,
          ),
        );
        const [filed, confirmed] = await Promise.all([Promise.allSettled(filings), Promise.allSettled(confirmations)]);
        const stillToSend = await db.outboundMail.count({ where: { status: "pending" } });

        const failures = [...filed, ...confirmed].flatMap((r) =>
          r.status === "rejected" ? [String(r.reason).slice(0, 200)] : [],
        );
        const conflicts = confirmed.filter((r) => r.status === "fulfilled" && !r.value.ok);
        process.stdout.write(
          `[${flavor}] ${FILINGS} filings, ${CONFIRMATIONS} confirmations: ${failures.length} errors, ` +
            `${conflicts.length} refused (${conflicts.map((r) => r.status === "fulfilled" && !r.value.ok && r.value.error.code).join(", ")})\n`,
        );
        expect(failures).toEqual([]);
        expect(conflicts).toEqual([]);
        expect(filed.map((r) => r.status === "fulfilled" && r.value.kind)).toEqual(
          Array(FILINGS).fill("confirm_by_email"),
        );
        // The worker was still at work when the burst ended, so the two really overlapped.
        expect(stillToSend).toBeGreaterThan(0);

        expect(await exited, output).toBe(0);
        expect(await db.request.count({ where: { status: "received" } })).toBe(CONFIRMATIONS);
        // Filings at once never share a reference (PostgreSQL takes them outside the filing's transaction).
        const references = (await db.request.findMany({ select: { reference: true } })).map((r) => r.reference);
        expect(references).toHaveLength(CONFIRMATIONS + FILINGS);
        expect(new Set(references).size).toBe(references.length);
        expect(references.every((reference) => /^DSR-\d{4}-\d{6}$/.test(reference))).toBe(true);
        expect(await db.request.count({ where: { status: "awaiting_verification" } })).toBe(FILINGS);
      },
    );

    it("two people writing on one request at once: PostgreSQL still tells the second of the conflict, SQLite runs them in turn", async () => {
      const request = toConfirm[0]!;
      let inside!: () => void;
      const first = new Promise<void>((resolve) => (inside = resolve));
      const team = transitionRequest(
        db,
        {
          requestId: request,
          actor: { type: "staff", userId: dpoId, role: "dpo" },
          command: { name: "send_message", input: { message: "We are on it." } },
          // Held open until the subject's step has begun.
          withinStep: async () => {
            inside();
            await new Promise((resolve) => setTimeout(resolve, 300));
          },
        },
        testRequestSettings,
      );
      await first;
      const subject = transitionRequest(
        db,
        {
          requestId: request,
          actor: { type: "subject", userId: subjectId },
          command: { name: "send_message", input: { message: "Thank you." } },
        },
        testRequestSettings,
      );
      const [a, b] = await Promise.all([team, subject]);
      expect(a).toMatchObject({ ok: true });
      const messages = await db.requestMessage.count({ where: { requestId: request } });
      if (flavor === "postgres") {
        // It read the request before the team's step committed: it must not overwrite it.
        expect(b).toEqual({ ok: false, error: { code: "conflict" } });
        expect(messages).toBe(1);
      } else {
        expect(b).toMatchObject({ ok: true });
        expect(messages).toBe(2);
      }
    });
  },
);
