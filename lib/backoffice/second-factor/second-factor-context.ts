// What the second factor needs from the configuration: the keys derived from NEXTAUTH_SECRET and the
// name an authenticator app shows for the portal's entry.
import { appConfig, type AppConfig } from "../../config/app-config";
import { requestSettingsFromConfig } from "../../requests/settings-from-config";
import { secondFactorKeys, type SecondFactorKeys } from "./second-factor-keys";

export interface SecondFactorContext {
  keys: SecondFactorKeys;
  /** The issuer of the authenticator app's entry: the portal's name, in the staff member's language. */
  issuer: { de: string; en: string };
}

export function secondFactorContext(config: AppConfig = appConfig()): SecondFactorContext {
  return { keys: secondFactorKeys(config.nextauthSecret), issuer: requestSettingsFromConfig(config).mail.portalName };
}
