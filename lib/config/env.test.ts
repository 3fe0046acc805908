import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ConfigError, parseEnv } from "./env";
import { loadOrCreateSecrets } from "./secrets";

function errorOf(source: Record<string, string>): string {
  try {
    parseEnv(source);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as Error).message;
  }
  throw new Error("expected a ConfigError");
}

describe("environment", () => {
  it("needs no variables at all: the demo defaults", () => {
    expect(parseEnv({})).toMatchObject({
      DATABASE_URL: "file:./data/portal.db",
      PORT: 3000,
      PORTAL_MODE: "demo",
      DATA_DIR: "./data",
      SMTP_SECURE: "starttls",
      TRUST_PROXY_HOPS: 0,
      RATE_LIMIT_WINDOW_MINUTES: 60,
      RATE_LIMIT_SUBMISSIONS_PER_IP: 10,
      RATE_LIMIT_SUBMISSIONS_PER_EMAIL: 5,
      RATE_LIMIT_SIGN_IN_PER_IP: 10,
      RATE_LIMIT_SIGN_IN_PER_EMAIL: 5,
    });
  });

  it("treats empty strings as unset", () => {
    expect(parseEnv({ PORT: "", DATABASE_URL: "" }).PORT).toBe(3000);
  });

  it.each([
    [{ DATABASE_URL: "mysql://root@localhost/portal" }, /^Invalid configuration: DATABASE_URL must start with "file:"/],
    [{ DATABASE_URL: "postgres://localhost" }, /DATABASE_URL must name a database/],
    [{ DATABASE_URL: "postgres://[bad/x" }, /^Invalid configuration: DATABASE_URL is not a valid PostgreSQL URL$/],
    [{ PORT: "eighty" }, /^Invalid configuration: PORT must be a port number/],
    [{ PORT: "70000" }, /PORT must be a port number/],
    [{ PORTAL_MODE: "prod" }, /PORTAL_MODE must be one of: demo, production/],
    [{ PORTAL_MODE: "production" }, /PUBLIC_URL is required when PORTAL_MODE=production/],
    [{ PUBLIC_URL: "ftp://portal.example" }, /PUBLIC_URL must be an http/],
    [{ NEXTAUTH_SECRET: "too-short" }, /NEXTAUTH_SECRET must be at least 32 characters/],
    [{ LOG_LEVEL: "loud" }, /LOG_LEVEL must be one of/],
    [{ SEED_DEMO_DATA: "maybe" }, /SEED_DEMO_DATA must be one of/],
    [{ TRUST_PROXY_HOPS: "-1" }, /^Invalid configuration: TRUST_PROXY_HOPS /],
    [{ RATE_LIMIT_SIGN_IN_PER_EMAIL: "0" }, /RATE_LIMIT_SIGN_IN_PER_EMAIL must be a whole number of attempts/],
    [{ RATE_LIMIT_WINDOW_MINUTES: "1441" }, /RATE_LIMIT_WINDOW_MINUTES must be at most 1440/],
  ])("rejects %o with one line naming the variable", (source, message) => {
    const text = errorOf(source);
    expect(text).toMatch(message);
    expect(text).not.toContain("\n");
  });

  it("never echoes the offending value (it may be a secret)", () => {
    expect(errorOf({ NEXTAUTH_SECRET: "hunter2-secret" })).not.toContain("hunter2");
  });
});

describe("generated secrets", () => {
  it("two processes starting at once agree on one secret and never read a half-written file", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "secrets-race-"));
    const { spawn } = await import("node:child_process");
    const tsx = path.resolve(import.meta.dirname, "../../node_modules/.bin/tsx");
    const script = `import { loadOrCreateSecrets } from "./lib/config/secrets.ts"; process.stdout.write(loadOrCreateSecrets(${JSON.stringify(dir)}).nextauthSecret);`;
    const run = () =>
      new Promise<string>((resolve, reject) => {
        const child = spawn(tsx, ["-e", script], { cwd: path.resolve(import.meta.dirname, "../..") });
        let out = "";
        child.stdout.on("data", (d) => (out += d));
        child.on("exit", (code) => (code === 0 ? resolve(out) : reject(new Error(`exit ${code}`))));
      });
    const secrets = await Promise.all([run(), run(), run(), run()]);
    expect(new Set(secrets).size).toBe(1);
    expect(fs.readdirSync(dir)).toEqual(["secrets.json"]);
    fs.rmSync(dir, { recursive: true });
  });

  it("are created once with owner-only permissions and reused afterwards", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "secrets-"));
    const first = loadOrCreateSecrets(dir);
    expect(first.nextauthSecret.length).toBeGreaterThanOrEqual(32);
    expect(fs.statSync(path.join(dir, "secrets.json")).mode & 0o777).toBe(0o600);
    expect(loadOrCreateSecrets(dir)).toEqual(first);
    fs.rmSync(dir, { recursive: true });
  });
});
