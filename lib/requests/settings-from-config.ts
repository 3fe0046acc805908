// The request workflow's settings for this installation: deadline policy and the
// portal's address from the configuration, the controller's facts from its privacy
// statement (content/controller.ts).
import type { AppConfig } from "../config/app-config";
import { controllerDetails } from "../privacy";
import type { RequestSettings } from "./request-settings";

export function requestSettingsFromConfig(config: AppConfig): RequestSettings {
  const { controller, dpo, supervisoryAuthority: authority } = controllerDetails();
  return {
    policy: config.deadlinePolicy,
    unverifiedExpiryDays: config.unverifiedExpiryDays,
    reopenDays: config.reopenDays,
    attachmentsDir: config.attachmentsDir,
    mail: {
      publicUrl: config.publicUrl,
      portalName: { de: "Datenschutz-Portal", en: "Privacy Portal" },
      controllerName: controller.name,
      dpoEmail: dpo.email,
      authority: {
        name: {
          de: `${authority.name.de} (${authority.shortName})`,
          en: `${authority.name.en} (${authority.shortName})`,
        },
        address: `${authority.address.street}, ${authority.address.postalCode} ${authority.address.city}`,
      },
    },
  };
}
