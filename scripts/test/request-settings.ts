// The request workflow's settings as the tests use them: the demo controller's facts.
import { DEFAULT_DEADLINE_POLICY } from "../../lib/deadlines";
import type { RequestSettings } from "../../lib/requests/request-settings";

export const testRequestSettings: RequestSettings = {
  policy: DEFAULT_DEADLINE_POLICY,
  unverifiedExpiryDays: 7,
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
