// The admin's staff steps for the current request: the staff gate first (a data access layer that
// checks itself), then the step. Server-only: server actions call these.
import "server-only";
import { appConfig } from "../../config/app-config";
import { db } from "../../db/client";
import type { Locale } from "../../i18n/locales";
import { requestSettingsFromConfig } from "../../requests/settings-from-config";
import { clientContext } from "../../security/client-context";
import { requireStaff } from "../access/staff-gate";
import type { StaffManagementContext } from "./staff-context";

/** The context of a staff step by the signed-in admin; anyone else never gets here (404 or sign-in). */
export async function staffManagementContext(locale: Locale): Promise<StaffManagementContext> {
  const viewer = await requireStaff(locale, "staff.manage", `/${locale}/backoffice/staff`);
  return {
    db: db(),
    actor: viewer.actor,
    actorEmail: viewer.email,
    client: await clientContext(),
    mail: requestSettingsFromConfig(appConfig()).mail,
    now: new Date(),
  };
}
