// Who is alerted about a request, on SQLite and PostgreSQL: the assignee; the active DPOs while nobody
// is assigned, or while the assignee's account is deactivated; never a deactivated DPO.
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { privateDatabase } from "../../scripts/test/private-database";
import { createDb, type Db } from "../db/client";
import { staffToAlert } from "./staff-to-alert";

const flavors = inject("testDatabases").map((d) => d.flavor);

describe.each(flavors)("staff to alert on %s", (flavor) => {
  let db: Db;
  let drop: () => Promise<void>;
  beforeAll(async () => {
    const database = await privateDatabase(flavor, "alert");
    drop = database.drop;
    db = createDb(database.url);
  });
  afterAll(async () => {
    await db.$disconnect();
    await drop();
  });

  it("the assignee, else the active DPOs", async () => {
    await db.user.create({ data: { email: "dpo@demo.example", role: "dpo", locale: "en" } });
    await db.user.create({ data: { email: "old-dpo@demo.example", role: "dpo", deactivatedAt: new Date() } });
    const paul = await db.user.create({ data: { email: "paul@demo.example", role: "privacy_team" } });
    const gone = await db.user.create({
      data: { email: "gone@demo.example", role: "privacy_team", deactivatedAt: new Date() },
    });
    const subject = await db.user.create({ data: { email: "anna@example.org" } });
    const alert = (assigneeId: string | null) => db.$transaction((tx) => staffToAlert(tx, assigneeId));
    expect(await alert(paul.id)).toEqual([{ email: "paul@demo.example", locale: "de" }]);
    expect(await alert(null)).toEqual([{ email: "dpo@demo.example", locale: "en" }]);
    expect(await alert(gone.id)).toEqual([{ email: "dpo@demo.example", locale: "en" }]);
    // Not staff (a data subject's id can never be an assignee; if it were, the DPOs hear of it).
    expect(await alert(subject.id)).toEqual([{ email: "dpo@demo.example", locale: "en" }]);
  });
});
