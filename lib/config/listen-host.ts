// Where the server listens. The demo has a mailbox page that shows every mail the portal sent, sign-in
// links included (the DPO's too), to whoever opens it: so the demo listens on the loopback interface
// unless HOST says otherwise, and the start banner warns when it does. Production listens on every
// interface by default, as a server behind a reverse proxy or in a container must.
import { BlockList, isIP } from "node:net";
import { normaliseAddress } from "../security/client-address";

export function listenHost(env: { HOST?: string; PORTAL_MODE: "demo" | "production" }): string {
  return env.HOST ?? (env.PORTAL_MODE === "demo" ? "127.0.0.1" : "0.0.0.0");
}

const loopback = new BlockList();
loopback.addSubnet("127.0.0.0", 8, "ipv4");
loopback.addAddress("::1", "ipv6");

/** True for 127.0.0.0/8, ::1 (also IPv4-mapped or bracketed) and "localhost"; any other name may resolve anywhere. */
export function isLoopbackHost(host: string): boolean {
  const plain = host
    .trim()
    .toLowerCase()
    .replace(/^\[(.*)\]$/, "$1");
  if (plain === "localhost" || plain.endsWith(".localhost")) return true;
  const address = isIP(plain) ? normaliseAddress(plain) : null;
  if (!address) return false;
  return loopback.check(address, isIP(address) === 6 ? "ipv6" : "ipv4");
}
