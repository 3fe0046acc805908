// The queue's keyset cursor: the sort key of a page's edge row and its id, as an opaque base64url
// string. Pure. Opaque to people, not a secret: a forged cursor only moves where a page starts.

export interface QueueCursor {
  /** The edge row's sort key (dueAt or receivedAt) as an ISO instant, or null when it has none. */
  key: string | null;
  id: string;
}

const ID = /^[A-Za-z0-9_-]{1,64}$/;

/** The cursor as base64url of `[key, id]`. */
export function encodeCursor(cursor: QueueCursor): string {
  return Buffer.from(JSON.stringify([cursor.key, cursor.id]), "utf8").toString("base64url");
}

/** The cursor `value` encodes, or null when it is not one (altered, truncated, from elsewhere). */
export function decodeCursor(value: string): QueueCursor | null {
  if (value.length > 200 || !/^[A-Za-z0-9_-]+$/.test(value)) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(value, "base64url").toString("utf8"));
  } catch {
    return null;
  }
  if (!Array.isArray(parsed) || parsed.length !== 2) return null;
  const [key, id] = parsed as unknown[];
  if (typeof id !== "string" || !ID.test(id)) return null;
  if (key === null) return { key: null, id };
  if (typeof key !== "string" || Number.isNaN(Date.parse(key)) || new Date(key).toISOString() !== key) return null;
  return { key, id };
}
