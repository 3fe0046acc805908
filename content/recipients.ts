// Everyone who receives personal data from a processing in the register (Art. 13(1)(e) GDPR).
import type { RecipientsFileInput } from "../lib/privacy/schema/recipients";

const recipients: RecipientsFileInput = {
  recipients: [
    {
      id: "ilert-subprocessors",
      kind: "processor",
      name: { de: "Unterauftragsverarbeiter der ilert GmbH", en: "ilert GmbH's sub-processors" },
      role: {
        de: "Betrieb der Plattform (zum Beispiel Hosting); die aktuelle Liste ist veröffentlicht",
        en: "running the platform (for example hosting); the current list is published",
      },
      url: "https://www.ilert.com/de/rechtliches/unterauftragnehmer",
    },
    {
      id: "hubspot",
      kind: "processor",
      name: { de: "HubSpot, Inc.", en: "HubSpot, Inc." },
      role: { de: "Anbieter des Support-Chats", en: "provider of the support chat" },
      address: { street: "25 First Street", postalCode: "MA 02141", city: "Cambridge", country: "US" },
      country: "US",
    },
    {
      id: "apple-app-store",
      kind: "independent-controller",
      name: { de: "Apple (App Store)", en: "Apple (App Store)" },
      role: { de: "Betreiber des App Store", en: "operator of the App Store" },
      url: "https://www.apple.com/legal/privacy/",
    },
    {
      id: "google-play",
      kind: "independent-controller",
      name: { de: "Google (Google Play Store)", en: "Google (Google Play Store)" },
      role: { de: "Betreiber des Google Play Store", en: "operator of the Google Play Store" },
      url: "https://policies.google.com/privacy",
    },
  ],
};

export default recipients;
