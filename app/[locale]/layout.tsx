import "../globals.css";
import type { Metadata, Viewport } from "next";
import { notFound } from "next/navigation";
import { NextIntlClientProvider } from "next-intl";
import { getMessages, getTranslations, setRequestLocale } from "next-intl/server";
import { SiteFooter } from "@/components/layout/site-footer";
import { SiteHeader } from "@/components/layout/site-header";
import { MAIN_CONTENT_ID } from "@/components/layout/main-content";
import { siteFont } from "@/components/layout/site-font";
import { SkipLink } from "@/components/layout/skip-link";
import { appConfig } from "@/lib/config/app-config";
import { clientMessages } from "@/lib/i18n/client-messages";
import { isLocale, locales } from "@/lib/i18n/locales";

export const viewport: Viewport = { width: "device-width", initialScale: 1, themeColor: "#0b3d91" };

export async function generateMetadata({ params }: LayoutProps<"/[locale]">): Promise<Metadata> {
  const { locale } = await params;
  if (!isLocale(locale)) return {};
  const t = await getTranslations({ locale, namespace: "site" });
  return {
    // hreflang alternates and canonical links must be absolute: PUBLIC_URL is where people reach the portal.
    metadataBase: new URL(appConfig().publicUrl),
    title: { default: t("name"), template: `%s · ${t("name")}` },
    alternates: { languages: Object.fromEntries(locales.map((l) => [l, `/${l}`])) },
  };
}

export default async function LocaleLayout({ children, params }: LayoutProps<"/[locale]">) {
  const { locale } = await params;
  if (!isLocale(locale)) notFound();
  setRequestLocale(locale);
  const messages = clientMessages(await getMessages());
  return (
    <html lang={locale} className={siteFont.variable}>
      <body>
        <NextIntlClientProvider messages={messages}>
          <SkipLink />
          <SiteHeader locale={locale} />
          <main id={MAIN_CONTENT_ID} tabIndex={-1} className="site-main">
            {children}
          </main>
          <SiteFooter />
        </NextIntlClientProvider>
      </body>
    </html>
  );
}
