// hreflang alternates for a page that exists in every language. Relative paths: the root layout's
// metadataBase (PUBLIC_URL) makes them absolute. x-default is the path without a language, which
// proxy.ts sends on by the visitor's Accept-Language.
import type { Metadata } from "next";
import { locales, type Locale } from "./locales";

export function localeAlternates(locale: Locale, path: string): NonNullable<Metadata["alternates"]> {
  return {
    canonical: `/${locale}${path}`,
    languages: { ...Object.fromEntries(locales.map((l) => [l, `/${l}${path}`])), "x-default": path || "/" },
  };
}
