// Art. 16 in the demo platform: applies the corrections the team approved, recording each field's value
// before and after, and keeps the subject's supplementary statement with the data.
import type { Db } from "../../db/client";
import type { ApprovedCorrection, OperationResult } from "../connectors/types";
import { checkCorrection, rectifiableFields } from "./rectifiable-fields";
import { recordResult } from "./results";
import { findDemoUser } from "./subject";

/**
 * Applies `corrections` to the subject's DemoUser in one transaction. Every correction is checked first: an
 * unknown field or a bad value throws RectificationError and nothing is changed. `changes` lists the fields
 * whose value changed now (before → after); a second run changes nothing and lists none, while the user
 * record is still reported as "rectified" (it holds the corrected values). A non-empty
 * `supplementaryStatement` replaces the stored one. `found` false (nothing changed) when the user is unknown.
 */
export async function rectifySubject(
  db: Db,
  email: string,
  corrections: readonly ApprovedCorrection[],
  supplementaryStatement?: string | null,
): Promise<OperationResult> {
  const checked = corrections.map((correction) => checkCorrection(correction.field, correction.value));
  const statement = supplementaryStatement?.trim() || null;
  return db.$transaction(async (tx) => {
    const found = await findDemoUser(tx, email);
    if (!found) return { found: false, records: [], changes: [] };
    const user = await tx.demoUser.findUniqueOrThrow({ where: { id: found.id } });
    const data: Record<string, string> = {};
    const changes: NonNullable<OperationResult["changes"]> = [];
    for (const { field, value } of checked) {
      const column = rectifiableFields[field].column;
      const before = user[column];
      // The last correction of a field wins, and its "before" is the stored value, not an earlier correction's.
      data[column] = value;
      const existing = changes.findIndex((change) => change.field === field);
      if (existing >= 0) changes.splice(existing, 1);
      if (before !== value) changes.push({ recordType: "user", recordId: user.id, field, before, after: value });
    }
    if (statement !== null && statement !== user.supplementaryStatement) data.supplementaryStatement = statement;
    if (Object.keys(data).length > 0) await tx.demoUser.update({ where: { id: user.id }, data });
    return { found: true, records: [recordResult("user", "rectified", 1)], changes };
  });
}
