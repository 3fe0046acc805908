// The e2e portal's database, read from the tests to prove that a refused step changed
// nothing (what the pages show could hide a change; the rows cannot).
import { createDb, type Db } from "../../lib/db/client";
import { E2E_DATABASE_URL } from "./environment";

let client: Db | undefined;

export function e2eDb(): Db {
  client ??= createDb(E2E_DATABASE_URL);
  return client;
}
