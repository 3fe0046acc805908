// A short-lived, signed value the portal hands a browser to remember one thing across a redirect
// (which request was just filed, which address asked for a link), so that a page can say it
// without putting it in the address bar. `payload.expiry.signature`: the payload base64url-encoded,
// the expiry in seconds since 1970, an HMAC-SHA256 over purpose, payload and expiry. Pure: the
// cookie around it is lib/security/ticket-cookie.ts.
import { createHmac, timingSafeEqual } from "node:crypto";

/** What a ticket is for: a ticket for one purpose is worth nothing for another. */
export type TicketPurpose = "filed-request" | "sign-in-link";

const MAX_TICKET_LENGTH = 2_048;

function signature(secret: string, purpose: TicketPurpose, body: string): string {
  return createHmac("sha256", secret).update(`ticket:${purpose}:${body}`).digest("base64url");
}

/** A ticket for `payload`, valid `maxAgeSeconds` from `now`. */
export function signTicket(
  secret: string,
  purpose: TicketPurpose,
  payload: string,
  maxAgeSeconds: number,
  now: Date,
): string {
  const expiry = Math.floor(now.getTime() / 1000) + maxAgeSeconds;
  const body = `${Buffer.from(payload, "utf8").toString("base64url")}.${expiry}`;
  return `${body}.${signature(secret, purpose, body)}`;
}

/** The payload of a genuine, unexpired ticket for this purpose; null for anything else (never throws). */
export function readTicket(secret: string, purpose: TicketPurpose, ticket: unknown, now: Date): string | null {
  if (typeof ticket !== "string" || ticket.length > MAX_TICKET_LENGTH) return null;
  const match = /^([A-Za-z0-9_-]*)\.(\d{1,12})\.([A-Za-z0-9_-]{43})$/.exec(ticket);
  if (!match) return null;
  const [, payload, expiry, given] = match;
  const expected = signature(secret, purpose, `${payload}.${expiry}`);
  if (!timingSafeEqual(Buffer.from(given!), Buffer.from(expected))) return null;
  if (Number(expiry) * 1000 <= now.getTime()) return null;
  return Buffer.from(payload!, "base64url").toString("utf8");
}
