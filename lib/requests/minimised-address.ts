// What is kept of an email address once a request is minimised: a digest, so that
// repeated abuse from one address stays recognisable, but not the address. Applying
// it twice changes nothing.
import { createHash } from "node:crypto";

const PREFIX = "minimised:";

export function minimisedAddress(address: string): string {
  if (address.startsWith(PREFIX)) return address;
  return `${PREFIX}${createHash("sha256").update(address).digest("hex")}`;
}

/** Whether an address is already only a digest (a minimised request, an erased link mail). */
export function isMinimisedAddress(address: string): boolean {
  return address.startsWith(PREFIX);
}
