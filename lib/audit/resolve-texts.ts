// Audit details as people read them: every free-text reference ({text, sha256}, see ./free-text.ts)
// replaced by its words from AuditText, or null once the retention job erased them.
import type { Db } from "../db/client";
import { isTextRef } from "./free-text";

/** Each entry's parsed details with the words put back (nested objects too, e.g. a refusal's reasons). */
export async function resolveAuditTexts(
  db: Db,
  entries: ReadonlyArray<{ details: string }>,
): Promise<Array<Record<string, unknown>>> {
  const parsed = entries.map((entry) => JSON.parse(entry.details) as Record<string, unknown>);
  const ids: string[] = [];
  const collect = (value: unknown): void => {
    if (isTextRef(value)) ids.push(value.text);
    else if (value && typeof value === "object" && !Array.isArray(value)) Object.values(value).forEach(collect);
  };
  parsed.forEach(collect);
  const texts = new Map(
    ids.length === 0
      ? []
      : (await db.auditText.findMany({ where: { id: { in: ids } }, select: { id: true, text: true } })).map((t) => [
          t.id,
          t.text,
        ]),
  );
  const resolve = (value: unknown): unknown => {
    if (isTextRef(value)) return texts.get(value.text) ?? null;
    if (value && typeof value === "object" && !Array.isArray(value)) {
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, resolve(v)]));
    }
    return value;
  };
  return parsed.map((details) => resolve(details) as Record<string, unknown>);
}
