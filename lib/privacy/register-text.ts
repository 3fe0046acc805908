// The register in words, for places that need plain text rather than markup: the version diff
// (and later access reports and mails). The words come from the same messages as the pages'
// ("register" namespace), whose placeholders are plain {name}s so they can be filled here without ICU.
import de from "../i18n/messages/de.json";
import en from "../i18n/messages/en.json";
import type { Locale } from "../i18n/locales";
import type { ControllerFile } from "./schema/controller";
import type { PostalAddress } from "./schema/common";
import type { DataCategory } from "./schema/data-categories";
import type { Recipient } from "./schema/recipients";
import type { RegisterEntry } from "./schema/register";

const messages = { de: de.register, en: en.register };
export type RegisterTerms = typeof de.register;

export function registerTerms(locale: Locale): RegisterTerms {
  return messages[locale];
}

export function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}

export function countryName(code: string, locale: Locale): string {
  return new Intl.DisplayNames([locale], { type: "region" }).of(code) ?? code;
}

export function addressLines(address: PostalAddress, locale: Locale): string[] {
  const lines = [address.street, `${address.postalCode} ${address.city}`];
  return address.country === "DE" && locale === "de" ? lines : [...lines, countryName(address.country, locale)];
}

export interface RegisterLookups {
  category: (id: string) => DataCategory | undefined;
  recipient: (id: string) => Recipient | undefined;
}

/** One line per field, as "Label: value", in the order the page shows them. */
export function describeEntry(entry: RegisterEntry, locale: Locale, lookups: RegisterLookups): string[] {
  const t = registerTerms(locale);
  const name = (id: string) => lookups.recipient(id)?.name[locale] ?? id;
  const lines: [string, string][] = [];
  const independent = entry.independentControllers ?? [];
  if (independent.length) lines.push([t.fields.responsibility, independent.map(name).join(", ")]);
  lines.push([
    t.fields.dataCategories,
    entry.dataCategories.map((id) => lookups.category(id)?.label[locale] ?? id).join(", "),
  ]);
  lines.push([t.fields.purposes, entry.purposes.map((p) => p[locale]).join("; ")]);
  if (entry.legalBases.length)
    lines.push([
      t.fields.legalBases,
      entry.legalBases
        .map((b) =>
          [
            `${t.legalBasis[b.code]} (${fill(t.legalBasisArticle, { code: b.code })})`,
            b.applies?.[locale],
            b.legitimateInterest && fill(t.legitimateInterest, { interest: b.legitimateInterest[locale] }),
          ]
            .filter(Boolean)
            .join(" – "),
        )
        .join("; "),
    ]);
  const backup = entry.retention.backupDays ? ` ${fill(t.backup, { days: entry.retention.backupDays })}` : "";
  lines.push([t.fields.retention, `${entry.retention.rule[locale]}${backup}`]);
  lines.push([t.fields.recipients, entry.recipients.length ? entry.recipients.map(name).join(", ") : t.noRecipients]);
  lines.push([
    t.fields.transfers,
    entry.thirdCountryTransfers.length
      ? entry.thirdCountryTransfers
          .map(
            (x) =>
              `${fill(t.transfer, { country: countryName(x.country, locale), recipient: name(x.recipient) })} – ${t.safeguard[x.safeguard]}`,
          )
          .join("; ")
      : t.noTransfers,
  ]);
  lines.push([t.fields.sources, entry.sources.map((s) => t.source[s]).join(", ")]);
  const adm = entry.automatedDecisionMaking;
  lines.push([
    t.fields.automatedDecisionMaking,
    adm.occurs ? `${adm.logic[locale]} ${adm.consequences[locale]}` : t.noAutomatedDecision,
  ]);
  if (entry.requestTypes.length)
    lines.push([t.fields.requestTypes, entry.requestTypes.map((type) => t.requestTypeName[type]).join(", ")]);
  return lines.map(([label, value]) => `${label}: ${value}`);
}

/** The controller, the DPO or the authority as the lines of an address card. */
export function describeParty(
  party: "controller" | "dpo" | "supervisory-authority",
  controller: ControllerFile,
  locale: Locale,
): string[] {
  const t = registerTerms(locale);
  const p =
    party === "controller"
      ? { ...controller.controller, name: controller.controller.name }
      : party === "dpo"
        ? { ...controller.dpo, website: undefined }
        : {
            ...controller.supervisoryAuthority,
            name: `${controller.supervisoryAuthority.name[locale]} (${controller.supervisoryAuthority.shortName})`,
          };
  return [
    p.name,
    ...addressLines(p.address, locale),
    p.phone ? `${t.contact.phone}: ${p.phone}` : "",
    p.email ? `${t.contact.email}: ${p.email}` : "",
    p.website ? `${t.contact.website}: ${p.website}` : "",
  ].filter(Boolean);
}
