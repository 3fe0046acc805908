// The seven rights a data subject can exercise through the portal. These exact
// strings are the request type everywhere: database, code, URLs and tests.
export const requestTypes = [
  "access", // Art. 15
  "rectification", // Art. 16
  "erasure", // Art. 17
  "restriction", // Art. 18
  "portability", // Art. 20
  "objection", // Art. 21
  "consent_withdrawal", // Art. 7(3)
] as const;

export type RequestType = (typeof requestTypes)[number];

export function isRequestType(value: unknown): value is RequestType {
  return typeof value === "string" && (requestTypes as readonly string[]).includes(value);
}
