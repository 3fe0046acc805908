import "server-only";
// The client of the current request, for server actions (audit entries, abuse limits). The address
// comes from our own server's header (lib/security/client-address.ts), never from client-written text.
import { headers } from "next/headers";
import { CLIENT_IP_HEADER } from "./client-address";

/** Enough of a user agent to recognise a browser; a longer one is noise an attacker controls. */
const USER_AGENT_MAX = 512;

export interface ClientContext {
  /** null when unknown (the portal served by something other than scripts/server/serve.ts). */
  ip: string | null;
  userAgent: string | null;
}

export async function clientContext(): Promise<ClientContext> {
  const list = await headers();
  return {
    ip: list.get(CLIENT_IP_HEADER) || null,
    userAgent: list.get("user-agent")?.slice(0, USER_AGENT_MAX) || null,
  };
}
