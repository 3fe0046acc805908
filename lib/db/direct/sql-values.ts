// Values bound to direct statements (direct-transaction.ts), in the form each engine stores as Prisma
// does: SQLite keeps DateTime as ISO text with "+00:00" and Boolean as 0/1; PostgreSQL's TIMESTAMP(3)
// columns hold UTC without a zone, so an instant is sent as its UTC text (a JS Date would be sent in the
// process's local time).

export type SqlValue = string | number | boolean | Date | null;

export function sqlArgs(flavor: "sqlite" | "postgres", args: readonly SqlValue[]): unknown[] {
  return args.map((value) => {
    if (value instanceof Date) {
      const iso = value.toISOString();
      return flavor === "sqlite" ? `${iso.slice(0, -1)}+00:00` : iso;
    }
    if (typeof value === "boolean" && flavor === "sqlite") return value ? 1 : 0;
    return value;
  });
}

/**
 * An instant read back from a DateTime column as text (`CAST(x AS TEXT)`): SQLite's stored ISO text, or
 * PostgreSQL's "2026-11-30 21:56:39.125" (UTC, no zone).
 */
export function instantFromSql(text: string): Date {
  const iso = text.includes("T") ? text : `${text.replace(" ", "T")}Z`;
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) throw new Error(`instantFromSql: not an instant: ${text}`);
  return date;
}
