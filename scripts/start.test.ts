// `npm start` as an operator meets it: a real server process on a real database.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, describe, expect, it } from "vitest";
import { createDb } from "../lib/db/client";
import { npmStartCommand } from "./test/npm-start";
import { dropPostgresDatabase, postgresDatabaseUrl } from "./test/postgres";
import { verifiedTestRequest } from "./test/requests";

const root = path.resolve(import.meta.dirname, "..");
/** What `npm start` runs (package.json), with its Node flags. */
const START = npmStartCommand(root);
const work = fs.mkdtempSync(path.join(os.tmpdir(), "dsr-start-"));
/** Portals still running when the file ends (a failed assertion skipped their stop): stopped, so none holds its port. */
const running = new Set<ChildProcess>();
afterAll(async () => {
  await Promise.all(
    [...running].map(
      (child) =>
        new Promise<void>((done) => {
          // SIGTERM first: the portal then stops its jobs child too; SIGKILL if it has not ended in 15 s.
          const force = setTimeout(() => child.kill("SIGKILL"), 15_000);
          child.once("exit", () => {
            clearTimeout(force);
            done();
          });
          child.kill("SIGTERM");
        }),
    ),
  );
  fs.rmSync(work, { recursive: true, force: true });
}, 30_000);

/** Only what the test sets: no SMTP, no leftovers from the caller's environment. */
function envFor(vars: Record<string, string>): NodeJS.ProcessEnv {
  return {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    NODE_ENV: "production",
    LOG_LEVEL: "warn",
    DATA_DIR: path.join(work, "data"),
    ...vars,
  };
}

interface Started {
  output: string;
  stop: () => Promise<number | null>;
}

/** Starts the portal (under `umask`, when given) and resolves once it prints its ready banner. */
function startPortal(vars: Record<string, string>, umask?: string): Promise<Started> {
  const child = umask
    ? spawn("sh", ["-c", `umask ${umask} && exec "$0" "$@"`, ...START], { cwd: root, env: envFor(vars) })
    : spawn(START[0], START.slice(1), { cwd: root, env: envFor(vars) });
  running.add(child);
  child.once("exit", () => running.delete(child));
  let output = "";
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`portal did not start:\n${output}`)), 170_000);
    child.stdout.on("data", (chunk) => {
      output += chunk;
      if (output.includes("Stop with Ctrl+C.")) {
        clearTimeout(timer);
        resolve({
          get output() {
            return output;
          },
          stop: () =>
            new Promise((done) => {
              child.once("exit", (code) => done(code));
              child.kill("SIGTERM");
            }),
        });
      }
    });
    child.stderr.on("data", (chunk) => (output += chunk));
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`portal exited with ${code}:\n${output}`));
    });
  });
}

const mode = (file: string) => fs.statSync(file).mode & 0o777;

/** This machine's first address that is not loopback, if it has one. */
const outsideAddress = Object.values(os.networkInterfaces())
  .flat()
  .find((a) => a && a.family === "IPv4" && !a.internal)?.address;

/** Whether the portal answers on this address (refused: false). */
async function answersOn(address: string, port: number): Promise<boolean> {
  try {
    return (await fetch(`http://${address}:${port}/api/health`)).ok;
  } catch {
    return false;
  }
}

describe("npm start", () => {
  it(
    "serves the home page on SQLite, seeds once, keeps the data across restarts and stops cleanly",
    { timeout: 400_000 },
    async () => {
      const dbFile = path.join(work, "portal.db");
      const vars = { DATABASE_URL: `file:${dbFile}`, PORT: "3201" };
      const dataDir = path.join(work, "data");

      // A demo without HOST listens on the loopback interface only, and says so without a warning.
      const first = await startPortal(vars);
      expect(first.output).toContain("Privacy portal ready: http://localhost:3201");
      expect(first.output).toContain("  Listening on 127.0.0.1:3201\n");
      expect(first.output).not.toContain("Warning");
      expect(await answersOn("127.0.0.1", 3201)).toBe(true);
      if (outsideAddress) expect(await answersOn(outsideAddress, 3201)).toBe(false);
      // Personal data at rest are the portal user's alone (the WAL files exist while it runs).
      expect([mode(dbFile), mode(`${dbFile}-wal`), mode(`${dbFile}-shm`)]).toEqual([0o600, 0o600, 0o600]);
      expect(mode(dataDir)).toBe(0o700);
      expect(mode(path.join(dataDir, "secrets.json"))).toBe(0o600);
      expect(first.output).toContain("Demo data seeded now");
      // The staff logins with their roles, and where a newcomer gets the second factor's code.
      expect(first.output).toMatch(/dpo@demo\.example +Data protection officer \(dpo\)/);
      expect(first.output).toMatch(/auditor@demo\.example +Auditor \(auditor\)/);
      expect(first.output).toContain("npm run -s totp -- dpo@demo.example");
      expect(first.output).toContain("anna.schmidt@demo.example");
      const home = await fetch("http://127.0.0.1:3201/de");
      expect(home.status).toBe(200);
      expect(await home.text()).toContain("Datenschutz-Portal");
      expect(first.output).toContain("mails go to the built-in mailbox: http://localhost:3201/de/demo-mailbox");

      // No SMTP configured: what the portal sends lands in the demo mailbox, delivered by the in-process jobs.
      const portalDb = createDb(`file:${dbFile}`);
      const subject = await portalDb.user.create({ data: { email: "anna@example.org" } });
      const submitted = await verifiedTestRequest(portalDb, subject.id);
      let mailbox = "";
      for (let i = 0; i < 40 && !mailbox.includes(submitted.reference); i++) {
        await new Promise((resolve) => setTimeout(resolve, 500));
        mailbox = await (await fetch("http://127.0.0.1:3201/de/demo-mailbox")).text();
      }
      // The subject as text (the reference sits in a span of its own that keeps it on one line).
      expect(mailbox.replace(/<[^>]*>/g, "")).toContain(`Ihre Anfrage ${submitted.reference} ist bei uns eingegangen`);
      const ack = await portalDb.outboundMail.findFirstOrThrow({
        where: { requestId: submitted.id, template: "acknowledgement" },
      });
      const detail = await (await fetch(`http://127.0.0.1:3201/de/demo-mailbox/${ack.id}`)).text();
      expect(detail).toContain(`href="http://localhost:3000/de/my/requests/${submitted.reference}"`);
      const html = await fetch(`http://127.0.0.1:3201/api/demo-mailbox/${ack.id}/html`);
      expect(html.headers.get("content-security-policy")).toMatch(/^sandbox/);
      expect(await html.text()).toContain(submitted.reference);
      await portalDb.$disconnect();

      // Graceful shutdown: SIGTERM ends the process with exit code 0.
      expect(await first.stop()).toBe(0);

      const sqlite = new Database(dbFile);
      sqlite
        .prepare(
          "INSERT INTO User (id, email, locale, createdAt, updatedAt) VALUES ('kept', 'kept@demo.example', 'en', 0, 0)",
        )
        .run();
      expect(sqlite.pragma("journal_mode", { simple: true })).toBe("wal");
      sqlite.close();

      // What an installation from before left readable to everyone is tightened on the next start, which
      // runs under the most permissive umask: nothing may depend on it.
      fs.mkdirSync(path.join(dataDir, "attachments", "old"), { recursive: true });
      fs.writeFileSync(path.join(dataDir, "attachments", "old", "scan"), "");
      const loose: Array<[string, number]> = [
        [dbFile, 0o644],
        [dataDir, 0o755],
        [path.join(dataDir, "secrets.json"), 0o644],
        [path.join(dataDir, "attachments"), 0o755],
        [path.join(dataDir, "attachments", "old"), 0o777],
        [path.join(dataDir, "attachments", "old", "scan"), 0o666],
      ];
      for (const [file, loosened] of loose) fs.chmodSync(file, loosened);

      // With an SMTP server configured the demo mailbox does not exist, so listening everywhere is no warning.
      const second = await startPortal(
        { ...vars, HOST: "0.0.0.0", SMTP_HOST: "127.0.0.1", SMTP_PORT: "2999", SMTP_SECURE: "none" },
        "000",
      );
      expect((await fetch("http://127.0.0.1:3201/de/demo-mailbox")).status).toBe(404);
      expect(second.output).toContain("Demo data already present");
      expect(second.output).not.toContain("Applied migrations");
      expect(second.output).toContain("  Listening on 0.0.0.0:3201\n");
      expect(second.output).not.toContain("Warning");
      if (outsideAddress) expect(await answersOn(outsideAddress, 3201)).toBe(true);
      expect(loose.map(([file]) => [file, mode(file)])).toEqual(
        loose.map(([file]) => [file, fs.statSync(file).isDirectory() ? 0o700 : 0o600]),
      );
      expect([mode(`${dbFile}-wal`), mode(`${dbFile}-shm`)]).toEqual([0o600, 0o600]);
      expect(await second.stop()).toBe(0);

      // The demo mailbox open beyond this machine: one line says what that means.
      const third = await startPortal({ ...vars, HOST: "0.0.0.0" });
      const warnings = third.output.split("\n").filter((line) => line.includes("Warning"));
      expect(warnings).toEqual([
        "  Warning: HOST=0.0.0.0 is not a loopback address: the demo mailbox shows every mail, sign-in links included, to anyone who can reach this server.",
      ]);
      expect(await third.stop()).toBe(0);

      const check = new Database(dbFile, { readonly: true });
      expect(check.prepare("SELECT count(*) AS n FROM User").get()).toEqual({ n: 11 }); // 4 staff, 5 demo subjects, the test's subject, the row added by hand
      check.close();
    },
  );

  it.runIf(process.env.TEST_POSTGRES_URL)(
    "creates a missing PostgreSQL database, migrates it and serves",
    { timeout: 400_000 },
    async () => {
      const url = postgresDatabaseUrl(process.env.TEST_POSTGRES_URL!, `portal_start_${process.pid}_${Date.now()}`);
      try {
        const portal = await startPortal({ DATABASE_URL: url, PORT: "3202", HOST: "127.0.0.1" });
        expect(portal.output).toContain("Preparing the PostgreSQL database");
        expect(portal.output).toMatch(/Applied migrations: \d+_init/);
        const health = await (await fetch("http://127.0.0.1:3202/api/health")).json();
        expect(health).toMatchObject({ status: "ok", database: { engine: "postgres", ok: true } });
        expect(await portal.stop()).toBe(0);
      } finally {
        await dropPostgresDatabase(url);
      }
    },
  );

  it.each([
    [
      { DATABASE_URL: "mysql://root@localhost/portal" },
      /^✖ Invalid configuration: DATABASE_URL must start with "file:"/,
    ],
    [{ PORT: "not-a-port" }, /^✖ Invalid configuration: PORT must be a port number from 1 to 65535$/],
    [{ PORTAL_MODE: "production" }, /^✖ Invalid configuration: PUBLIC_URL is required when PORTAL_MODE=production$/],
    [{ DATABASE_URL: "postgresql://nobody@127.0.0.1:1/portal" }, /^✖ Start failed: .*(ECONNREFUSED|connect)/i],
  ])("stops on bad configuration %o with one clear line and exit code 1", (vars, message) => {
    const result = spawnSync(START[0], START.slice(1), {
      cwd: root,
      env: envFor(vars),
      encoding: "utf8",
      timeout: 120_000,
    });
    expect(result.status).toBe(1);
    const lines = result.stderr.trim().split("\n");
    expect(lines, result.stderr).toHaveLength(1);
    expect(lines[0]).toMatch(message);
    expect(result.stdout).not.toContain("Building");
  });
});
