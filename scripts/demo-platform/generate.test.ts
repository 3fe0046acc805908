// `npm run -s demo-platform:generate` as an operator runs it, against the test databases.
import { afterAll, describe, expect, inject, it } from "vitest";
import { createDb, type Db } from "../../lib/db/client";
import { runScript } from "../test/run-script";

const clients: Db[] = [];
afterAll(() => Promise.all(clients.map((client) => client.$disconnect())));

describe.each(inject("testDatabases"))("scripts/demo-platform/generate.ts on $flavor", ({ url, flavor }) => {
  const email = `cli-${flavor}-${Date.now()}@demo.example`;

  it("inserts the usage events asked for and prints what it did as JSON", async () => {
    const run = await runScript("scripts/demo-platform/generate.ts", ["--email", email, "--usage-events", "1234"], {
      DATABASE_URL: url,
    });
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    const out = JSON.parse(run.stdout);
    expect(out).toMatchObject({ email, inserted: 1234, createdUser: true, seconds: expect.any(Number) });
    const db = createDb(url);
    clients.push(db);
    expect(await db.demoUsageEvent.count({ where: { user: { email } } })).toBe(1234);
    expect(out.userId).toBe((await db.demoUser.findUniqueOrThrow({ where: { email } })).id);
  }, 60_000);
});

describe("scripts/demo-platform/generate.ts with bad arguments", () => {
  // Refused before the database is opened: one engine is enough.
  const url = inject("testDatabases")[0]!.url;

  it.each([
    ["a missing count", ["--email", "x@demo.example"], /^error: --usage-events "" is not a whole number/],
    ["a bad address", ["--email", "not-an-address", "--usage-events", "5"], /^error: --email "not-an-address"/],
    ["an unknown option", ["--emails", "x@demo.example"], /^error: .*--emails/],
  ])(
    "exits 2 on %s, naming it",
    async (_label, args, message) => {
      const run = await runScript("scripts/demo-platform/generate.ts", args, { DATABASE_URL: url });
      expect(run.code).toBe(2);
      expect(run.stderr).toMatch(message);
      expect(run.stdout).toBe("");
      // A tsx process each: slow to start on a busy machine, so one after the other with room to spare.
    },
    60_000,
  );
});
