// Ids of rows written with direct statements. Prisma's `cuid()` default is Prisma's own code, not
// exported; these are random UUIDs (122 random bits) as 32 lower-case hex digits, in the alphabet
// Prisma's cuids use ([a-z0-9]), which routes that take an id check (app/api/attachments/[id]).
import { randomUUID } from "node:crypto";

export function newId(): string {
  return randomUUID().replaceAll("-", "");
}
