import "server-only";
// The client of the current request, for server actions (audit entries, abuse limits). The address
// comes from our own server's header (lib/security/client-address.ts), never from client-written text.
import { headers } from "next/headers";
import { clientContextOf, type ClientContext } from "./client-address";

export type { ClientContext };

export async function clientContext(): Promise<ClientContext> {
  const list = await headers();
  return clientContextOf((name) => list.get(name));
}
