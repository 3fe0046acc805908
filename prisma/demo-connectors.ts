// The demo's connectors (issue 14): the built-in platform holding every register entry it runs, a processor
// speaking OpenCompliance v1 (the reference processor, `npm run -s opencompliance:processor -- --port 4790`;
// disabled until it is started, so the demo's requests never wait on a processor that is not there), and a
// paper archive looked after by an outside owner (not required: it never blocks completing a request).
import fs from "node:fs";
import path from "node:path";
import type { Db } from "../lib/db/client";
import { registerEntries } from "../lib/privacy";

const certificates = path.resolve(import.meta.dirname, "../scripts/opencompliance/test-certificates");

/** Creates the demo connectors that are not there yet (by key). */
export async function seedDemoConnectors(db: Db, now: Date): Promise<void> {
  // Every entry a data subject can make a request about: the platform runs them all.
  const platformEntries = registerEntries()
    .filter((e) => e.requestTypes.length > 0)
    .map((e) => e.id);
  const connectors = [
    {
      key: "ilert-platform",
      kind: "demo_platform" as const,
      name: "ilert platform",
      config: {},
      registerEntries: platformEntries,
      // Not required until its runtime is wired into the runner (lib/jobs/job-context.ts,
      // connectorRuntimeFactories): a required task nobody runs would block every demo request's completion.
      required: false,
      enabled: true,
    },
    {
      key: "analytics-processor",
      kind: "opencompliance" as const,
      name: "Analytics processor",
      config: {
        baseUrl: "http://127.0.0.1:4790",
        domain: "analytics.demo.example",
        certificatePem: fs.readFileSync(path.join(certificates, "processor-a.pem"), "utf8").trim(),
        timeoutMs: 10_000,
      },
      registerEntries: ["app-use"],
      required: true,
      enabled: false,
    },
    {
      key: "paper-archive",
      kind: "manual" as const,
      name: "Paper archive",
      config: {
        instructions: {
          de: "Suchen Sie im Papierarchiv nach Unterlagen zur betroffenen Person und bestätigen Sie, was Sie getan haben.",
          en: "Search the paper archive for documents about the data subject and confirm what you did.",
        },
      },
      registerEntries: ["support-contact"],
      ownerName: "Archiv Service GmbH",
      ownerEmail: "archive@demo.example",
      required: false,
      enabled: true,
    },
  ];
  for (const connector of connectors) {
    await db.connector.upsert({
      where: { key: connector.key },
      update: {},
      create: { ...connector, createdAt: now, updatedAt: now },
    });
  }
}
