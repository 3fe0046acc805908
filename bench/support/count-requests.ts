// How many requests of a benchmark run really landed in the portal's database (whatever the answers said).
import { createDb } from "../../lib/db/client";

export async function countRequests(databaseUrl: string, prefix: string): Promise<number> {
  const db = createDb(databaseUrl);
  try {
    return await db.request.count({ where: { subjectEmail: { startsWith: prefix } } });
  } finally {
    await db.$disconnect();
  }
}
