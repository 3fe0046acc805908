import "server-only";
// A signed ticket (./signed-ticket.ts) kept in an httpOnly cookie: the browser that filed a request or
// asked for a link carries it to the next page, nobody else sees it (not in the address, not in a
// Referer, not in a shared link), and scripts cannot read it. Short-lived, for one purpose each.
import { cookies } from "next/headers";
import { appConfig } from "../config/app-config";
import { readTicket, signTicket, type TicketPurpose } from "./signed-ticket";
import { TICKET_MAX_AGE_SECONDS, ticketCookieShape } from "./ticket-cookie-shape";

function cookieOf(purpose: TicketPurpose) {
  return ticketCookieShape(purpose, appConfig().publicUrl);
}

/** Remembers `payload` for `purpose` in this browser (server actions only: pages cannot set cookies). */
export async function setTicketCookie(purpose: TicketPurpose, payload: string, now = new Date()): Promise<void> {
  const { name, options } = cookieOf(purpose);
  const ticket = signTicket(appConfig().nextauthSecret, purpose, payload, TICKET_MAX_AGE_SECONDS, now);
  (await cookies()).set(name, ticket, options);
}

/** The payload this browser carries for `purpose`, or null when it carries none, a forged or an expired one. */
export async function readTicketCookie(purpose: TicketPurpose, now = new Date()): Promise<string | null> {
  const { name } = cookieOf(purpose);
  return readTicket(appConfig().nextauthSecret, purpose, (await cookies()).get(name)?.value, now);
}
