// What the data subject asked for, in the words of the form they filled in: so they see exactly
// what they confirmed and what the team is answering. Nothing once the request is minimised.
import { getTranslations } from "next-intl/server";
import { Fragment, type ReactNode } from "react";
import type { Locale } from "@/lib/i18n/locales";
import { detailsSchemas } from "@/lib/requests/details/schemas";
import { labelledFormChoices } from "@/lib/requests/intake/form-choices";
import type { RequestType } from "@/lib/requests/request-types";

export async function RequestDetails({
  type,
  details,
  locale,
}: {
  type: RequestType;
  details: unknown;
  locale: Locale;
}) {
  const parsed = detailsSchemas[type].safeParse(details);
  if (!parsed.success) return null;
  const [t, tf] = await Promise.all([getTranslations("requests"), getTranslations("requests.fields")]);
  const choices = labelledFormChoices(locale);
  const names = (ids: string[], list: { id: string; label: string }[]) =>
    ids.map((id) => list.find((c) => c.id === id)?.label ?? id).join(", ");
  const rows: Array<[string, ReactNode]> = [];
  const d = parsed.data as Record<string, unknown>;
  switch (type) {
    case "access": {
      const v = d as { scope: "all" | "categories"; categories: string[]; copy: boolean };
      rows.push([t("detailsScope"), tf(`access.scopes.${v.scope}`)]);
      if (v.scope === "categories") rows.push([t("detailsCategories"), names(v.categories, choices.categories)]);
      rows.push([t("detailsCopy"), tf(`access.copies.${v.copy ? "yes" : "no"}`)]);
      break;
    }
    case "rectification": {
      const v = d as {
        items: Array<{ data: string; currentValue?: string; correctValue: string }>;
        supplementaryStatement?: string;
      };
      v.items.forEach((item, i) =>
        rows.push([
          `${t("detailsItem")} ${i + 1}: ${item.data}`,
          item.currentValue ? `${item.currentValue} → ${item.correctValue}` : item.correctValue,
        ]),
      );
      if (v.supplementaryStatement) rows.push([t("detailsStatement"), v.supplementaryStatement]);
      break;
    }
    case "erasure": {
      const v = d as { scope: "all" | "specific"; specificData?: string; ground?: string };
      rows.push([t("detailsScope"), tf(`erasure.scopes.${v.scope}`)]);
      if (v.specificData) rows.push([t("detailsSpecific"), v.specificData]);
      rows.push([t("detailsGround"), v.ground ? tf(`erasure.grounds.${v.ground as "a"}`) : t("detailsGroundNone")]);
      break;
    }
    case "restriction": {
      const v = d as { ground: "a" | "b" | "c" | "d"; explanation?: string };
      rows.push([t("detailsGround"), tf(`restriction.grounds.${v.ground}`)]);
      if (v.explanation) rows.push([t("detailsExplanation"), v.explanation]);
      break;
    }
    case "portability": {
      const v = d as { format: "json" | "csv"; transmitTo?: { controllerName: string; endpoint: string } };
      rows.push([t("detailsFormat"), tf(`portability.formats.${v.format}`)]);
      if (v.transmitTo) rows.push([t("detailsTransmit"), `${v.transmitTo.controllerName} (${v.transmitTo.endpoint})`]);
      break;
    }
    case "objection": {
      const v = d as { target: "direct_marketing" | "processing"; processingIds?: string[]; grounds?: string };
      rows.push([t("detailsTarget"), tf(`objection.targets.${v.target}`)]);
      if (v.processingIds) rows.push([t("detailsProcessing"), names(v.processingIds, choices.processing)]);
      if (v.grounds) rows.push([t("detailsGrounds"), v.grounds]);
      break;
    }
    case "consent_withdrawal": {
      const v = d as { consentIds: string[] };
      rows.push([t("detailsConsents"), names(v.consentIds, choices.consents)]);
      break;
    }
  }
  return (
    <section aria-labelledby="details-title" data-testid="request-details">
      <h2 id="details-title">{t("detailsTitle")}</h2>
      <dl className="meta-list">
        {rows.map(([label, value]) => (
          <Fragment key={label}>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </Fragment>
        ))}
      </dl>
    </section>
  );
}
