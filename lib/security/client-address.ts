// Who is on the other end of a request, as far as this server can know. Server actions see only
// headers, so the Node server (scripts/server/serve.ts) writes the answer into CLIENT_IP_HEADER on
// every request, replacing whatever the client sent under that name: nobody can choose their own
// address. X-Forwarded-For is client-written text except for the entries our own proxies append at
// its right end, so it is read only with TRUST_PROXY_HOPS > 0, and only that many entries from the right.
import { isIP } from "node:net";

export const CLIENT_IP_HEADER = "x-portal-client-ip";

type Headers = Record<string, string | string[] | undefined>;

/** The client's address: the socket's peer, or with hops > 0 the entry that many hops from the right of X-Forwarded-For. */
export function clientAddress(headers: Headers, socketAddress: string | undefined, hops: number): string | null {
  if (hops > 0) {
    const forwarded = [headers["x-forwarded-for"] ?? []]
      .flat()
      .flatMap((value) => value.split(","))
      .map((entry) => entry.trim())
      .filter(Boolean);
    // Fewer entries than proxies: the request came through fewer of them (or none), and every entry
    // there is was still written by one of ours, so the leftmost is the farthest address we can trust.
    const chosen = forwarded.length > 0 ? normaliseAddress(forwarded[Math.max(0, forwarded.length - hops)]!) : null;
    // Garbage there must not make the address unknown: that would switch the per-IP limits off.
    if (chosen) return chosen;
  }
  return socketAddress ? normaliseAddress(socketAddress) : null;
}

/** Enough of a user agent to recognise a browser; a longer one is noise an attacker controls. */
const USER_AGENT_MAX = 512;

export interface ClientContext {
  /** null when unknown (the portal served by something other than scripts/server/serve.ts). */
  ip: string | null;
  userAgent: string | null;
}

/**
 * The client of a request as audit entries and abuse limits record it, from its headers once
 * stampClientAddress has run (server actions: ./client-context.ts; the intake lane: lib/intake-lane/).
 */
export function clientContextOf(header: (name: string) => string | null | undefined): ClientContext {
  return {
    ip: header(CLIENT_IP_HEADER) || null,
    userAgent: header("user-agent")?.slice(0, USER_AGENT_MAX) || null,
  };
}

/** Overwrites CLIENT_IP_HEADER in a Node request's headers with what clientAddress says (removes it when unknown). */
export function stampClientAddress(headers: Headers, socketAddress: string | undefined, hops: number): void {
  const address = clientAddress(headers, socketAddress, hops);
  delete headers[CLIENT_IP_HEADER];
  if (address) headers[CLIENT_IP_HEADER] = address;
}

/** A plain IPv4 or IPv6 address, or null: IPv4-mapped IPv6 becomes IPv4, a proxy's "[v6]:port" or "v4:port" loses the port. */
export function normaliseAddress(raw: string): string | null {
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(raw);
  const v4WithPort = /^(\d{1,3}(?:\.\d{1,3}){3}):\d+$/.exec(raw);
  const address = (bracketed?.[1] ?? v4WithPort?.[1] ?? raw).toLowerCase();
  if (!isIP(address)) return null;
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/.exec(address);
  return mapped ? mapped[1]! : address;
}

/**
 * What a per-IP limit counts as one client: an IPv4 address itself, an IPv6 address's /64 (written
 * "2001:db8:1:2::/64"). One subscriber usually gets a whole /64 (RFC 6177) and picks addresses in it at
 * will (RFC 4941), so counting single IPv6 addresses would give each of them 2^64 tries. Anything that
 * is no address comes back trimmed, as it was.
 */
export function limitedBlock(address: string): string {
  const plain = normaliseAddress(address.trim());
  if (!plain || isIP(plain) !== 6) return plain ?? address.trim();
  // The URL parser writes IPv6 in its one canonical form (RFC 5952, dotted IPv4 tails as hex).
  const canonical = new URL(`http://[${plain}]/`).hostname.slice(1, -1);
  const [head, tail] = canonical.split("::") as [string, string | undefined];
  const groups = (part: string | undefined) => (part ? part.split(":") : []);
  const missing = 8 - groups(head).length - groups(tail).length;
  const all = [...groups(head), ...Array<string>(tail === undefined ? 0 : missing).fill("0"), ...groups(tail)];
  return `${all.slice(0, 4).join(":")}::/64`;
}
