// Makes a confirmed access request through the domain functions in the given database and prints its
// reference: for e2e specs, whose loader cannot import the workflow (it reaches the JSON message files).
// Usage: tsx scripts/test/confirmed-request.ts <database-url> <subject-email> <de|en>
import { createDb } from "../../lib/db/client";
import { verifiedTestRequest } from "./requests";

const [url, email, language] = process.argv.slice(2);
if (!url || !email || (language !== "de" && language !== "en")) {
  process.stderr.write("usage: confirmed-request.ts <database-url> <subject-email> <de|en>\n");
  process.exit(2);
}
const db = createDb(url);
const subject = await db.user.create({ data: { email, locale: language } });
const request = await verifiedTestRequest(db, subject.id, { subjectEmail: email, language });
process.stdout.write(`${request.reference}\n`);
await db.$disconnect();
