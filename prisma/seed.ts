// Demo data for `npm start`: the back-office team of the demo controller. Seeding
// runs once per database (recorded in AppMeta) and is idempotent if run twice at once.
import type { Db } from "../lib/db/client";

export const DEMO_SEEDED_KEY = "demo_data_seeded_at";

export const demoAccounts = [
  { email: "dpo@demo.example", name: "Dana Berger", role: "dpo", label: "Data protection officer" },
  { email: "privacy@demo.example", name: "Paul Neumann", role: "privacy_team", label: "Privacy team" },
  { email: "admin@demo.example", name: "Alex Kaya", role: "admin", label: "Administrator" },
] as const;

/** Seeds the demo data unless this database already has them. Returns whether it seeded. */
export async function seedDemoData(db: Db): Promise<boolean> {
  if (await db.appMeta.findUnique({ where: { key: DEMO_SEEDED_KEY } })) return false;
  await db.$transaction(async (tx) => {
    for (const account of demoAccounts) {
      await tx.user.upsert({
        where: { email: account.email },
        update: {},
        create: { email: account.email, name: account.name, role: account.role, locale: "de" },
      });
    }
    await tx.appMeta.upsert({
      where: { key: DEMO_SEEDED_KEY },
      update: {},
      create: { key: DEMO_SEEDED_KEY, value: new Date().toISOString() },
    });
  });
  return true;
}
