// Following a magic link, for real: the one step that spends its token. Only a POST from the page
// behind the link calls this (the person pressed its button), never the GET a mail scanner makes.
// In one transaction: the token is claimed by deleting it (of two presses, one wins), the address's
// account is found or made and marked verified, a session is started, and the mails that carried
// the link are erased from the outbox (lib/mail/outbox/erase-link-mails.ts).
import type { Db } from "../../db/client";
import { eraseMailsOfLink } from "../../mail/outbox/erase-link-mails";
import { createSession, type NewSession } from "../sessions/create-session";
import type { SessionPolicy } from "../sessions/session-policy";
import { hashLinkToken, isLinkTokenShape } from "./link-token";
import type { StaffRole } from "../../requests/workflow/actor";

export interface RedeemedLink {
  ok: true;
  user: { id: string; email: string; role: StaffRole | null; locale: "de" | "en" };
  session: NewSession;
}

/**
 * `used_or_expired`: unknown, already used, or past its time; the page offers a new link.
 * `deactivated`: a staff account an admin deactivated (the link is spent, no session is made).
 */
export type RedeemResult = RedeemedLink | { ok: false; reason: "used_or_expired" | "deactivated" };

export async function redeemLink(
  db: Db,
  token: unknown,
  settings: { secret: string; sessionPolicy: SessionPolicy },
  now: Date = new Date(),
): Promise<RedeemResult> {
  if (!isLinkTokenShape(token)) return { ok: false, reason: "used_or_expired" };
  const tokenHash = hashLinkToken(token, settings.secret);
  return db.$transaction(async (tx) => {
    const row = await tx.verificationToken.findFirst({ where: { token: tokenHash } });
    if (!row) return { ok: false, reason: "used_or_expired" } as const;
    // Deleting is the claim: a second press (or a race) finds nothing to delete.
    const claimed = await tx.verificationToken.deleteMany({
      where: { identifier: row.identifier, token: tokenHash },
    });
    await eraseMailsOfLink(tx, tokenHash);
    if (claimed.count !== 1 || row.expires.getTime() <= now.getTime()) {
      return { ok: false, reason: "used_or_expired" } as const;
    }
    // Following the link proves the address: its account is made on first use.
    const user = await tx.user.upsert({
      where: { email: row.identifier },
      create: { email: row.identifier, emailVerified: now },
      update: { emailVerified: now },
      select: { id: true, email: true, role: true, locale: true, deactivatedAt: true },
    });
    if (user.deactivatedAt) return { ok: false, reason: "deactivated" } as const;
    const session = await createSession(tx, user, settings.sessionPolicy, now);
    return {
      ok: true,
      user: { id: user.id, email: user.email, role: user.role, locale: user.locale === "en" ? "en" : "de" },
      session,
    } as const;
  });
}
