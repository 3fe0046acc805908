// Words people wrote (reasons, summaries, notes, notices) are personal data with a
// shorter life than the record of what happened. In hashed audit details they are
// replaced by {text, sha256}: the chain commits to the words through the digest,
// the words live in AuditText and can be erased by the retention job.
import { createHash } from "node:crypto";

/** Detail keys whose string values are free text. */
export const FREE_TEXT_KEYS: ReadonlySet<string> = new Set([
  "message",
  "reason",
  "reasons",
  "summary",
  "note",
  "notice",
]);

export interface TextRef {
  text: string;
  sha256: string;
}

export const sha256Text = (text: string) => createHash("sha256").update(text, "utf8").digest("hex");

export function isTextRef(value: unknown): value is TextRef {
  return (
    typeof value === "object" &&
    value !== null &&
    Object.keys(value).length === 2 &&
    typeof (value as TextRef).text === "string" &&
    typeof (value as TextRef).sha256 === "string"
  );
}

/** Replaces every free-text value with a reference made by `store`; returns the new details. */
export async function extractFreeText(
  value: unknown,
  store: (text: string, sha256: string) => Promise<string>,
): Promise<unknown> {
  if (Array.isArray(value)) return Promise.all(value.map((item) => extractFreeText(item, store)));
  if (typeof value !== "object" || value === null) return value;
  const out: Record<string, unknown> = {};
  for (const [key, inner] of Object.entries(value)) {
    if (FREE_TEXT_KEYS.has(key) && typeof inner === "string" && inner.length > 0) {
      const sha256 = sha256Text(inner);
      out[key] = { text: await store(inner, sha256), sha256 } satisfies TextRef;
    } else {
      out[key] = await extractFreeText(inner, store);
    }
  }
  return out;
}

/** Every text reference in stored details. */
export function textRefs(value: unknown): TextRef[] {
  if (isTextRef(value)) return [value];
  if (Array.isArray(value)) return value.flatMap(textRefs);
  if (typeof value !== "object" || value === null) return [];
  return Object.values(value).flatMap(textRefs);
}
