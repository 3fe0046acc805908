// Demo mode only (prisma/seed.ts): the demo staff are enrolled already, each with the secret derived
// from NEXTAUTH_SECRET and their address (./demo-secret.ts), so `npm run -s totp -- <address>` gives
// a newcomer the code. No recovery codes: nobody would ever see them.
import type { Db } from "../../db/client";
import { demoTotpSecret } from "./demo-secret";
import { sealSecret } from "./sealed-secret";
import type { SecondFactorKeys } from "./second-factor-keys";

/** Enrols each of `staff` (address in canonical form) with its demo secret, confirmed at `now`; replaces any enrolment. */
export async function enrolDemoStaff(
  db: Db,
  staff: Array<{ id: string; email: string }>,
  keys: SecondFactorKeys,
  now: Date,
): Promise<void> {
  for (const user of staff) {
    const enrolled = {
      sealedSecret: sealSecret(demoTotpSecret(user.email, keys.demoSecrets), keys.seal, user.id),
      enrolledAt: now,
      lastTimeStep: null,
      createdAt: now,
    };
    await db.$transaction(async (tx) => {
      await tx.staffRecoveryCode.deleteMany({ where: { userId: user.id } });
      await tx.staffTotp.upsert({
        where: { userId: user.id },
        create: { userId: user.id, ...enrolled },
        update: enrolled,
      });
    });
  }
}
