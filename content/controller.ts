// The controller, its data protection officer and the supervisory authority for complaints.
// Plain data: this file imports types only, so the content check can load a copy of it anywhere.
import type { ControllerFileInput } from "../lib/privacy/schema/controller";

const controller: ControllerFileInput = {
  controller: {
    name: "ilert GmbH",
    address: { street: "Bayenstraße 65", postalCode: "50678", city: "Köln", country: "DE" },
    email: "support@ilert.com",
    website: "https://www.ilert.com",
  },
  dpo: {
    name: "secjur GmbH",
    address: { street: "Steinhöft 9", postalCode: "20459", city: "Hamburg", country: "DE" },
    phone: "+49 40 228 599 52",
    email: "dsb@secjur.com",
  },
  // The controller sits in Cologne, so the authority is North Rhine-Westphalia's (Art. 55, 56, 77 GDPR).
  supervisoryAuthority: {
    name: {
      de: "Landesbeauftragte für Datenschutz und Informationsfreiheit Nordrhein-Westfalen",
      en: "State Commissioner for Data Protection and Freedom of Information of North Rhine-Westphalia",
    },
    shortName: "LDI NRW",
    address: { street: "Kavalleriestraße 2-4", postalCode: "40213", city: "Düsseldorf", country: "DE" },
    phone: "+49 211 38424-0",
    email: "poststelle@ldi.nrw.de",
    website: "https://www.ldi.nrw.de",
  },
  timeZone: "Europe/Berlin",
  holidayRegion: "DE-NW",
};

export default controller;
