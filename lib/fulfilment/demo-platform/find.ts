// Finding the subject in the demo platform: how many records of each type it holds. Changes nothing.
import type { Db } from "../../db/client";
import type { OperationResult } from "../connectors/types";
import { resultsFor } from "./results";
import { countRecords, findDemoUser } from "./subject";

/** Counts per record type (action "found", or "none" where there are none); `found` when any exist. */
export async function findSubject(db: Db, email: string): Promise<OperationResult> {
  const user = await findDemoUser(db, email);
  const counts = await countRecords(db, user, email);
  return { found: Object.values(counts).some((count) => count > 0), records: resultsFor(counts, "found") };
}
