// The request workflow's settings for this installation: deadline policy and mail
// facts from the configuration, the controller's facts from its privacy statement.
import type { AppConfig } from "../config/app-config";
import type { RequestSettings } from "./request-settings";

/** The demo controller's facts (ilert GmbH, Cologne); replaced by the privacy statement's content model. */
const controller = {
  name: "ilert GmbH",
  dpoEmail: "dsb@secjur.com",
  authority: {
    name: "Landesbeauftragte für Datenschutz und Informationsfreiheit Nordrhein-Westfalen (LDI NRW)",
    address: "Kavalleriestraße 2-4, 40213 Düsseldorf",
  },
};

export function requestSettingsFromConfig(config: AppConfig): RequestSettings {
  return {
    policy: config.deadlinePolicy,
    unverifiedExpiryDays: config.unverifiedExpiryDays,
    mail: {
      publicUrl: config.publicUrl,
      portalName: { de: "Datenschutz-Portal", en: "Privacy Portal" },
      controllerName: controller.name,
      dpoEmail: controller.dpoEmail,
      authority: controller.authority,
    },
  };
}
