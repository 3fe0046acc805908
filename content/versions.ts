// Every published version of the privacy statement, oldest first. The text of version <id> lives in
// content/statements/<id>/{de,en}.md; a "Stand: …" / "Last updated …" in it must match `effective`.
import type { VersionsFileInput } from "../lib/privacy/schema/versions";

const versions: VersionsFileInput = {
  versions: [
    {
      id: "2023-06",
      effective: "2023-06-01",
      title: { de: "Datenschutzerklärung für die ilert-App", en: "Privacy statement for the ilert app" },
      summary: {
        de: "Erste Fassung: wie wir Ihre Daten beim Download, bei der Registrierung, bei der Nutzung der App, für ihre Berechtigungen und im Support verarbeiten, und welche Rechte Sie haben.",
        en: "First version: how we process your data when you download, register for and use the app, for its permissions and in support, and which rights you have.",
      },
    },
    {
      id: "2023-07",
      effective: "2023-07-01",
      title: { de: "Datenschutzerklärung für die ilert-App", en: "Privacy statement for the ilert app" },
      summary: {
        de: "Neu: der Support-Chat in der App. Er läuft über HubSpot, Inc. in den USA; wir erklären, welche Daten dabei in die USA gehen und wie sie dort geschützt sind (Standardvertragsklauseln).",
        en: "New: the support chat in the app. It runs on HubSpot, Inc. in the USA; we explain which data go to the USA for it and how they are protected there (standard contractual clauses).",
      },
    },
  ],
};

export default versions;
