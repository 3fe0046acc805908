// Human references, DSR-2026-000123: sequential per year. Guessable on purpose is
// fine: only the request's signed-in subject and staff can open a request.
import type { Tx } from "../db/tx";

export async function nextReference(tx: Tx, at: Date): Promise<string> {
  const year = at.getUTCFullYear();
  const counter = await tx.referenceCounter.upsert({
    where: { year },
    create: { year, last: 1 },
    update: { last: { increment: 1 } },
  });
  return `DSR-${year}-${String(counter.last).padStart(6, "0")}`;
}
