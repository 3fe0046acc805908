// The controller's time zone and holiday region, for the deadline engine (lib/deadlines). Separate
// from content.ts so that configuration code can read them without loading the whole statement.
import controllerFile from "../../content/controller";
import { controllerFileSchema } from "./schema/controller";

let cached: { timeZone: string; holidayRegion: string } | undefined;

function settings() {
  cached ??= (({ timeZone, holidayRegion }) => ({ timeZone, holidayRegion: holidayRegion.toUpperCase() }))(
    controllerFileSchema.parse(controllerFile),
  );
  return cached;
}

/** The IANA time zone of the controller's seat ("Europe/Berlin"): the day of receipt is counted in it. */
export function controllerTimeZone(): string {
  return settings().timeZone;
}

/** Whose public holidays move a deadline ("DE-NW" for Cologne). */
export function controllerHolidayRegion(): string {
  return settings().holidayRegion;
}
