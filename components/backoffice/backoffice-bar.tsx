import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { signOut } from "@/app/[locale]/sign-in/actions";
import { may, type Capability } from "@/lib/backoffice/access/capabilities";
import type { StaffViewer } from "@/lib/backoffice/access/staff-gate";
import type { Locale } from "@/lib/i18n/locales";

/** The back office's sections a role holds the capability for: the bar shows nothing else. */
const sections: {
  key: "queue" | "metrics" | "templates" | "connectors" | "staff";
  path: string;
  capability: Capability;
}[] = [
  { key: "queue", path: "", capability: "queue.view" },
  { key: "metrics", path: "/metrics", capability: "metrics.view" },
  { key: "templates", path: "/templates", capability: "templates.view" },
  { key: "connectors", path: "/connectors", capability: "connectors.view" },
  { key: "staff", path: "/staff", capability: "staff.manage" },
];

/**
 * The back office's own navigation and who is signed in. Display only: each page checks the
 * viewer's capability itself (lib/backoffice/access/staff-gate.ts).
 */
export async function BackofficeBar({
  locale,
  viewer,
  current,
}: {
  locale: Locale;
  viewer: StaffViewer;
  current?: string;
}) {
  const t = await getTranslations({ locale, namespace: "backoffice" });
  const role = viewer.actor.role;
  return (
    <div className="backoffice-bar">
      <div className="container backoffice-bar__inner">
        <nav aria-label={t("nav.label")} className="backoffice-bar__nav">
          <ul>
            {sections
              .filter((section) => may(role, section.capability))
              .map((section) => (
                <li key={section.key}>
                  <Link
                    href={`/${locale}/backoffice${section.path}`}
                    className="backoffice-bar__link"
                    aria-current={current === section.key ? "page" : undefined}
                  >
                    {t(`nav.${section.key}`)}
                  </Link>
                </li>
              ))}
          </ul>
        </nav>
        <div className="backoffice-bar__who">
          <span>{t("nav.signedInAs", { email: viewer.email, role: t(`roles.${role}`) })}</span>
          <form action={signOut}>
            <input type="hidden" name="locale" value={locale} />
            <button type="submit" className="button button--secondary button--small">
              {t("nav.signOut")}
            </button>
          </form>
        </div>
      </div>
    </div>
  );
}
