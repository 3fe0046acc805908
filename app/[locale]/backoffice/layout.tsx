import "./backoffice.css";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { setRequestLocale } from "next-intl/server";
import { BackofficeBar } from "@/components/backoffice/backoffice-bar";
import { lookupStaff } from "@/lib/backoffice/access/staff-gate";
import { isLocale } from "@/lib/i18n/locales";

// Staff pages are never indexed, and never cached: each request reads its viewer.
export const metadata: Metadata = { robots: { index: false, follow: false } };

/**
 * The back office's frame: its navigation for signed-in staff who proved the second factor. Not an
 * access check: every page and action asks lib/backoffice/access/staff-gate.ts itself.
 */
export default async function BackofficeLayout({ children, params }: LayoutProps<"/[locale]/backoffice">) {
  const { locale } = await params;
  if (!isLocale(locale)) notFound();
  setRequestLocale(locale);
  const lookup = await lookupStaff();
  return (
    <div className="backoffice">
      {lookup.kind === "staff" ? <BackofficeBar locale={locale} viewer={lookup.viewer} /> : null}
      {children}
    </div>
  );
}
