// The deadline policy the e2e portal runs with, for specs that ask the portal's own engine
// (lib/deadlines) which day a page or a mail must name: the controller's time zone and holiday region
// from its privacy statement, as lib/config/app-config.ts reads them, and the default clock policy
// (scripts/test/e2e-server.ts sets no DEADLINE_CLOCK_POLICY).
import { DEFAULT_DEADLINE_POLICY, type DeadlinePolicy } from "../../lib/deadlines";
import { controllerHolidayRegion, controllerTimeZone } from "../../lib/privacy";

export const portalDeadlinePolicy: DeadlinePolicy = {
  ...DEFAULT_DEADLINE_POLICY,
  timeZone: controllerTimeZone(),
  region: controllerHolidayRegion(),
};
