// Who the demo data are about, apart from the data themselves (prisma/seed.ts): what `npm start`
// prints. A module of its own so that a start which does not seed loads none of the workflow.

/** The AppMeta key prisma/seed.ts claims first; its presence means the demo data are in. */
export const DEMO_SEEDED_KEY = "demo_data_seeded_at";

export const demoAccounts = [
  { email: "dpo@demo.example", name: "Dana Berger", role: "dpo", label: "Data protection officer" },
  { email: "privacy@demo.example", name: "Paul Neumann", role: "privacy_team", label: "Privacy team" },
  { email: "admin@demo.example", name: "Alex Kaya", role: "admin", label: "Administrator" },
  { email: "auditor@demo.example", name: "Ilka Brandt", role: "auditor", label: "Auditor" },
] as const;

export const demoSubjects = [
  { email: "anna.schmidt@demo.example", name: "Anna Schmidt", locale: "de" },
  { email: "jonas.weber@demo.example", name: "Jonas Weber", locale: "de" },
  { email: "lea.fischer@demo.example", name: "Lea Fischer", locale: "en" },
  { email: "max.mueller@demo.example", name: "Max Müller", locale: "de" },
  { email: "sophie.wagner@demo.example", name: "Sophie Wagner", locale: "en" },
] as const;
