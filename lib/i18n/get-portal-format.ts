// For server components that know their language only from next-intl (no locale prop): the page's
// display format, as getFormatter() gives next-intl's. lib/format is the one formatter; next-intl's
// own would write English dates the US way.
import { getLocale } from "next-intl/server";
import type { DisplayFormat } from "../format";
import { portalFormat } from "../format/portal-format";
import { defaultLocale, isLocale } from "./locales";

export async function getPortalFormat(): Promise<DisplayFormat> {
  const locale = await getLocale();
  return portalFormat(isLocale(locale) ? locale : defaultLocale);
}
