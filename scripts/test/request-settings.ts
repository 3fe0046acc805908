// The request workflow's settings as the tests use them: the demo controller's facts.
import os from "node:os";
import path from "node:path";
import { DEFAULT_DEADLINE_POLICY } from "../../lib/deadlines";
import type { RequestSettings } from "../../lib/requests/request-settings";

export const testRequestSettings: RequestSettings = {
  policy: DEFAULT_DEADLINE_POLICY,
  unverifiedExpiryDays: 7,
  reopenDays: 30,
  // One per test process; tests that look at files use a directory of their own.
  attachmentsDir: path.join(os.tmpdir(), `dsr-test-attachments-${process.pid}`),
  mail: {
    publicUrl: "http://localhost:3000",
    portalName: { de: "Datenschutz-Portal", en: "Privacy Portal" },
    controllerName: "ilert GmbH",
    dpoEmail: "dsb@secjur.example",
    authority: {
      name: {
        de: "Landesbeauftragte für Datenschutz und Informationsfreiheit Nordrhein-Westfalen (LDI NRW)",
        en: "State Commissioner for Data Protection and Freedom of Information of North Rhine-Westphalia (LDI NRW)",
      },
      address: "Kavalleriestraße 2-4, 40213 Düsseldorf",
    },
  },
};
