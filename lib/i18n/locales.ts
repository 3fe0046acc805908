// The portal speaks German and English; German first because the reference
// controller is German. The locale is always the first URL segment (/de/..., /en/...).
import { match } from "@formatjs/intl-localematcher";
import Negotiator from "negotiator";

export const locales = ["de", "en"] as const;
export type Locale = (typeof locales)[number];
export const defaultLocale: Locale = "de";

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (locales as readonly string[]).includes(value);
}

/** The best locale for an Accept-Language header, or the default. */
export function negotiateLocale(acceptLanguage: string | null | undefined): Locale {
  const requested = new Negotiator({ headers: { "accept-language": acceptLanguage ?? "" } }).languages();
  try {
    const best = match(
      requested.filter((tag) => tag !== "*"),
      locales,
      defaultLocale,
    );
    return isLocale(best) ? best : defaultLocale;
  } catch {
    // Malformed language tags from a client must not break the page.
    return defaultLocale;
  }
}

/** The same path in another locale: /de/privacy#rights -> /en/privacy#rights. */
export function switchLocalePath(pathname: string, to: Locale): string {
  if (pathname === "/" || pathname === "") return `/${to}`;
  const segments = pathname.split("/");
  if (isLocale(segments[1])) segments[1] = to;
  else segments.splice(1, 0, to);
  return segments.join("/");
}
