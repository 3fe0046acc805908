// What the page behind a magic link may know before anyone presses its button: whether the link
// still works, and for which address. Reading only: mail scanners and link previews open every
// link, and a GET must leave the link as it found it (issue 10).
import type { Db } from "../../db/client";
import { hashLinkToken, isLinkTokenShape } from "./link-token";

export type LinkInspection = { usable: true; email: string; expires: Date } | { usable: false };

export async function inspectLink(
  db: Db,
  token: unknown,
  secret: string,
  now: Date = new Date(),
): Promise<LinkInspection> {
  if (!isLinkTokenShape(token)) return { usable: false };
  const row = await db.verificationToken.findFirst({
    where: { token: hashLinkToken(token, secret) },
    select: { identifier: true, expires: true },
  });
  if (!row || row.expires.getTime() <= now.getTime()) return { usable: false };
  return { usable: true, email: row.identifier, expires: row.expires };
}
