// The ticket cookie's name, attributes and value (./ticket-cookie.ts), decided once for the server
// actions, which set it through next/headers, and for the intake lane in front of Next.js
// (lib/intake-lane/), which writes its Set-Cookie header itself.
import { serialize } from "cookie";
import { signTicket, type TicketPurpose } from "./signed-ticket";

/** How long a check-email page remembers what was just sent (and may send it again). */
export const TICKET_MAX_AGE_SECONDS = 60 * 60;

export interface TicketCookieShape {
  name: string;
  options: { httpOnly: true; sameSite: "lax"; path: "/"; secure: boolean; maxAge: number };
}

export function ticketCookieShape(purpose: TicketPurpose, publicUrl: string): TicketCookieShape {
  const secure = publicUrl.startsWith("https://");
  // __Host-: on https only this origin, over https, with path "/" can set it.
  return {
    name: `${secure ? "__Host-" : ""}portal.${purpose}`,
    options: { httpOnly: true, sameSite: "lax", path: "/", secure, maxAge: TICKET_MAX_AGE_SECONDS },
  };
}

/**
 * The Set-Cookie header value carrying a ticket for `payload` (valid TICKET_MAX_AGE_SECONDS from `now`),
 * with the attributes Next.js's cookies().set writes for the same shape.
 */
export function ticketSetCookie(
  purpose: TicketPurpose,
  payload: string,
  settings: { publicUrl: string; secret: string },
  now: Date,
): string {
  const { name, options } = ticketCookieShape(purpose, settings.publicUrl);
  const ticket = signTicket(settings.secret, purpose, payload, TICKET_MAX_AGE_SECONDS, now);
  return serialize(name, ticket, { ...options, expires: new Date(now.getTime() + options.maxAge * 1000) });
}
