// The context a request form's filing runs in (./file-request.ts), built the same way for the server
// action (app/[locale]/requests/new/[type]/actions.ts) and for the intake lane in front of Next.js
// (lib/intake-lane/): one place decides the settings, the upload folder and which abuse limits count.
import { uploadLimitsFromConfig } from "../../attachments/limits";
import { signInLinkSettings } from "../../auth/auth-options";
import { appConfig } from "../../config/app-config";
import { db } from "../../db/client";
import type { ClientContext } from "../../security/client-address";
import { consumeLimitsDirectly } from "../../security/rate-limit";
import { requestSettingsFromConfig } from "../settings-from-config";
import type { FilingContext } from "./file-request";
import { formChoices } from "./form-choices";

/**
 * `session`: the signed-in data subject filing (null for anyone else: staff are not data subjects
 * here, so a request they type in is confirmed by its subject's email). Limits: per client IP and per
 * address (Art. 12(5): a flood of requests in someone else's name is abuse, not a right exercised).
 */
export function filingContext(session: { userId: string; email: string } | null, client: ClientContext): FilingContext {
  const config = appConfig();
  return {
    db: db(),
    settings: requestSettingsFromConfig(config),
    link: signInLinkSettings(config),
    choices: formChoices(),
    session,
    ip: client.ip,
    userAgent: client.userAgent,
    uploads: { limits: uploadLimitsFromConfig(config), dir: config.attachmentsDir },
    limit: (input, tx, now) =>
      consumeLimitsDirectly(
        tx,
        [
          { limit: "submission_ip", key: client.ip },
          { limit: "submission_email", key: input.email },
        ],
        now,
      ),
  };
}
