import { getTranslations } from "next-intl/server";
import type { Locale } from "@/lib/i18n/locales";
import { controllerDetails } from "@/lib/privacy";
import { addressLines } from "@/lib/privacy/register-text";

export type Party = "controller" | "dpo" | "supervisory-authority";

/** The controller, the DPO or the supervisory authority, from content/controller.ts (never typed into the text). */
export async function PartyCard({ party, locale }: { party: Party; locale: Locale }) {
  const t = await getTranslations({ locale, namespace: "register.contact" });
  const details = controllerDetails();
  const p =
    party === "controller"
      ? { ...details.controller, name: details.controller.name, shortName: undefined }
      : party === "dpo"
        ? { ...details.dpo, website: undefined, shortName: undefined }
        : { ...details.supervisoryAuthority, name: details.supervisoryAuthority.name[locale] };
  return (
    <address className="party" data-party={party}>
      <strong className="party__name">
        {p.name}
        {p.shortName ? ` (${p.shortName})` : ""}
      </strong>
      {addressLines(p.address, locale).map((line) => (
        <span key={line}>{line}</span>
      ))}
      <span className="party__contact">
        {p.phone ? (
          <span>
            {t("phone")}: <a href={`tel:${p.phone.replace(/[^+\d]/g, "")}`}>{p.phone}</a>
          </span>
        ) : null}
        {p.email ? (
          <span>
            {t("email")}: <a href={`mailto:${p.email}`}>{p.email}</a>
          </span>
        ) : null}
        {p.website ? (
          <span>
            {t("website")}: <a href={p.website}>{p.website.replace(/^https:\/\//, "")}</a>
          </span>
        ) : null}
      </span>
    </address>
  );
}
