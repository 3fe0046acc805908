// The Art. 15(1)(a)-(h) and 15(2) information of one access request, generated from the processing
// register for exactly the data categories that the connectors found: a register entry is included only
// when one of its categories was found, and so is a purpose, a recipient, a transfer or a right only when
// such an entry brings it. Every text is already in the subject's language (Art. 12(1)); the HTML and PDF
// renderers only lay it out. Pure (the content model of lib/privacy; no Next, no Prisma).
import type { Locale } from "../../i18n/locales";
import { controllerTimeZone } from "../../privacy/controller-settings";
import { content } from "../../privacy/content";
import {
  currentStatementVersion,
  dataCategory,
  recipient as registerRecipient,
  registerEntries,
  statementVersion,
  type RegisterEntry,
} from "../../privacy/index";
import { requestTypeRule } from "../../privacy/legal-bases";
import { countryName, describeParty, fill, registerTerms } from "../../privacy/register-text";
import { requestTypes, type RequestType } from "../../requests/request-types";
import { formatDate, formatDay } from "../../format/dates";
import { reportTerms } from "./report-terms";

/** What one connector found: record counts per record type and the data categories in them. */
export interface SystemFindings {
  /** The system's id as in the package's data/<system>/ folder. */
  system: string;
  /** Its name for people, in the subject's language. */
  systemName: string;
  records: readonly { recordType: string; count: number; categories: readonly string[] }[];
}

export interface AccessInformationInput {
  /** Data category ids (content/data-categories.ts) found about the subject; every record's categories must be among them. */
  categoriesFound: readonly string[];
  language: Locale;
  /** The statement version whose register applies (default: the one in force at `now`). */
  statementVersion?: string;
  now: Date;
  /** The request's reference. */
  reference: string;
  foundBySystem: readonly SystemFindings[];
  /** false for a confirmation-only request (Art. 15(1) without the copy of 15(3)): no data files. Default true. */
  copyIncluded?: boolean;
}

/**
 * The rights the report explains (Art. 15(1)(e); Art. 20 and 7(3) where the legal basis gives them): every
 * request type but access itself, in the order of lib/requests/request-types.ts.
 */
export type ReportRight = Exclude<RequestType, "access">;
export const reportRights: readonly ReportRight[] = requestTypes.filter(
  (type): type is ReportRight => type !== "access",
);

export interface CategoryInformation {
  id: string;
  label: string;
  description?: string;
}

export interface RecipientInformation {
  id: string;
  name: string;
  kind: "processor" | "independent-controller";
  /** The kind in words. */
  kindText: string;
  role: string;
  /** Country name where the recipient processes the data, when the register says. */
  country?: string;
  url?: string;
}

export interface TransferInformation {
  recipientId: string;
  recipientName: string;
  /** ISO 3166-1 code and its name. */
  countryCode: string;
  country: string;
  safeguard: string;
  /** The safeguard in words, with its article (Art. 15(2), 46). */
  safeguardText: string;
}

export interface ProcessingInformation {
  id: string;
  name: string;
  /** (b) Only the found categories of this entry. */
  categories: CategoryInformation[];
  /** (a) */
  purposes: string[];
  /** Art. 6(1) bases in words, each with when it applies and the legitimate interest if any. */
  legalBases: string[];
  /** (d) The rule, with the backup period when there is one. */
  retention: string;
  backupDays?: number;
  /** (c) Recipient ids (details in AccessInformation.recipients). */
  recipients: string[];
  transfers: TransferInformation[];
  /** (g) In words, a third party named where the register names one. */
  sources: string[];
  /** (h) */
  automatedDecisionMaking: { occurs: false; text: string } | { occurs: true; text: string };
  /** Names of the controllers responsible for this processing themselves (an app store); empty when it is ours. */
  independentControllers: string[];
  /** (e) The rights against us for this processing; empty when independent controllers are responsible. */
  rights: ReportRight[];
}

export interface RightInformation {
  right: ReportRight;
  name: string;
  article: string;
  explanation: string;
  /** Names of the processing activities it applies to. */
  appliesTo: string[];
}

export interface FoundRecords {
  system: string;
  systemName: string;
  recordType: string;
  count: number;
  /** Category labels. */
  categories: string[];
  /** Paths in the package (data/<system>/<recordType>.json and .csv); empty without a copy. */
  files: string[];
}

export interface AccessInformation {
  language: Locale;
  reference: string;
  /** When the report was made, in words (controller's time zone), and as ISO 8601. */
  createdAt: string;
  createdAtIso: string;
  statement: { id: string; title: string; effective: string };
  /** Art. 15(1): whether personal data about the subject are processed. */
  processed: boolean;
  copyIncluded: boolean;
  records: FoundRecords[];
  categories: CategoryInformation[];
  processing: ProcessingInformation[];
  recipients: RecipientInformation[];
  transfers: TransferInformation[];
  rights: RightInformation[];
  /** Notes on processing for which independent controllers are responsible. */
  independentNotes: string[];
  /** (f) The explanation and the authority's address lines. */
  complaint: { text: string; authority: string[] };
  controller: string[];
  dpo: string[];
}

/** An input the report cannot be made from; the message names it (an unknown category, a stray record). */
export class AccessReportInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "AccessReportInputError";
  }
}

/**
 * The Art. 15(1)(a)-(h) and 15(2) GDPR information for the categories found, from the register of
 * `statementVersion` (default: the version in force at `now`): purposes, the found categories,
 * recipients (processor or independent controller), third-country transfers with their safeguards,
 * retention (with backup days), the rights (16, 17, 18 always; 21 where the basis is (e)/(f); 20 where
 * (a)/(b); 7(3) where (a)), the complaint right with the authority, the source and automated decisions,
 * plus controller and DPO. A register entry none of whose categories was found contributes nothing.
 *
 * @throws AccessReportInputError for an unknown category id or statement version, a record naming a
 *   category that is not in `categoriesFound`, or a negative or fractional count.
 */
export function accessInformation(input: AccessInformationInput): AccessInformation {
  const locale = input.language;
  const t = reportTerms(locale);
  const rt = registerTerms(locale);
  const versionId = input.statementVersion ?? currentStatementVersion(input.now);
  const version = statementVersion(versionId);
  if (!version) throw new AccessReportInputError(`unknown statement version "${versionId}"`);

  const found = new Set(input.categoriesFound);
  for (const id of found) {
    if (!dataCategory(id)) throw new AccessReportInputError(`unknown data category "${id}"`);
  }
  const category = (id: string): CategoryInformation => {
    const c = dataCategory(id)!;
    return { id, label: c.label[locale], ...(c.description ? { description: c.description[locale] } : {}) };
  };
  const recipientName = (id: string) => registerRecipient(id)?.name[locale] ?? id;

  const copyIncluded = input.copyIncluded ?? true;
  const records: FoundRecords[] = input.foundBySystem.flatMap((system) =>
    system.records.map((record) => {
      const where = `${system.system}/${record.recordType}`;
      if (!Number.isInteger(record.count) || record.count < 0)
        throw new AccessReportInputError(`${where}: count must be a whole number ≥ 0, is ${record.count}`);
      for (const id of record.categories) {
        if (!found.has(id))
          throw new AccessReportInputError(`${where}: category "${id}" is not among the categories found`);
      }
      return {
        system: system.system,
        systemName: system.systemName,
        recordType: record.recordType,
        count: record.count,
        categories: record.categories.map((id) => category(id).label),
        files: copyIncluded ? [`data/${where}.json`, `data/${where}.csv`] : [],
      };
    }),
  );

  // The entries that hold a found category: the only source of every purpose, recipient and right below.
  const entries = registerEntries(versionId).filter((e) => e.dataCategories.some((id) => found.has(id)));
  const processing = entries.map((entry) => processingInformation(entry, found, locale, category, recipientName));

  const recipientIds = unique(processing.flatMap((p) => p.recipients));
  const recipients = recipientIds.map((id): RecipientInformation => {
    const r = registerRecipient(id);
    if (!r) throw new AccessReportInputError(`register names unknown recipient "${id}"`);
    return {
      id,
      name: r.name[locale],
      kind: r.kind,
      kindText: r.kind === "processor" ? t.recipients.kindProcessor : t.recipients.kindIndependent,
      role: r.role[locale],
      ...(r.country ? { country: countryName(r.country, locale) } : {}),
      ...(r.url ? { url: r.url } : {}),
    };
  });
  const transfers = uniqueBy(
    processing.flatMap((p) => p.transfers),
    (x) => `${x.recipientId}|${x.countryCode}|${x.safeguard}`,
  );

  const rights = reportRights
    .map((right): RightInformation => {
      const appliesTo = processing.filter((p) => p.rights.includes(right)).map((p) => p.name);
      return {
        right,
        name: rt.requestTypeName[right],
        article: t.rights.article[right],
        explanation: t.rights.explanation[right],
        appliesTo,
      };
    })
    .filter((r) => r.appliesTo.length > 0);
  const independentNotes = processing
    .filter((p) => p.independentControllers.length > 0)
    .map((p) => fill(t.rights.independent, { activity: p.name, controllers: p.independentControllers.join(", ") }));

  const controllerFile = content().controller;
  return {
    language: locale,
    reference: input.reference,
    createdAt: formatDate(input.now, locale, controllerTimeZone()),
    createdAtIso: input.now.toISOString(),
    statement: { id: version.id, title: version.title[locale], effective: formatDay(version.effective, locale) },
    processed: found.size > 0,
    copyIncluded,
    records,
    // The order of the category list (content/data-categories.ts), so that two reports read alike.
    categories: content()
      .dataCategories.filter((c) => found.has(c.id))
      .map((c) => category(c.id)),
    processing,
    recipients,
    transfers,
    rights,
    independentNotes,
    complaint: { text: t.complaint.text, authority: describeParty("supervisory-authority", controllerFile, locale) },
    controller: describeParty("controller", controllerFile, locale),
    dpo: describeParty("dpo", controllerFile, locale),
  };
}

function processingInformation(
  entry: RegisterEntry,
  found: ReadonlySet<string>,
  locale: Locale,
  category: (id: string) => CategoryInformation,
  recipientName: (id: string) => string,
): ProcessingInformation {
  const t = reportTerms(locale);
  const rt = registerTerms(locale);
  const independentControllers = (entry.independentControllers ?? []).map(recipientName);
  const codes = entry.legalBases.map((b) => b.code);
  // Rectification, erasure and restriction (Art. 16-18) hold for every processing of ours; portability (20),
  // objection (21) and withdrawal (7(3)) only where the basis gives them (lib/privacy/legal-bases.ts).
  // For an independent controller's processing the rights are exercised with it, not with us.
  const rights = independentControllers.length
    ? []
    : reportRights.filter((right) => requestTypeRule(right, codes).allowed);
  const adm = entry.automatedDecisionMaking;
  return {
    id: entry.id,
    name: entry.name[locale],
    categories: entry.dataCategories.filter((id) => found.has(id)).map(category),
    purposes: entry.purposes.map((p) => p[locale]),
    legalBases: entry.legalBases.map((b) =>
      [
        `${rt.legalBasis[b.code]} (${fill(rt.legalBasisArticle, { code: b.code })})`,
        b.applies?.[locale],
        b.legitimateInterest && fill(rt.legitimateInterest, { interest: b.legitimateInterest[locale] }),
      ]
        .filter(Boolean)
        .join(" – "),
    ),
    retention: [
      entry.retention.rule[locale],
      entry.retention.backupDays ? fill(rt.backup, { days: entry.retention.backupDays }) : "",
    ]
      .filter(Boolean)
      .join(" "),
    ...(entry.retention.backupDays ? { backupDays: entry.retention.backupDays } : {}),
    recipients: [...entry.recipients],
    transfers: entry.thirdCountryTransfers.map((x) => ({
      recipientId: x.recipient,
      recipientName: recipientName(x.recipient),
      countryCode: x.country,
      country: countryName(x.country, locale),
      safeguard: x.safeguard,
      safeguardText: rt.safeguard[x.safeguard],
    })),
    sources: entry.sources.map((s) =>
      s === "third-party" && independentControllers.length
        ? fill(t.source.thirdPartyNamed, { parties: independentControllers.join(", ") })
        : t.source[s],
    ),
    automatedDecisionMaking: adm.occurs
      ? { occurs: true, text: fill(t.adm.occurs, { logic: adm.logic[locale], consequences: adm.consequences[locale] }) }
      : { occurs: false, text: t.adm.none },
    independentControllers,
    rights,
  };
}

function unique<T>(items: readonly T[]): T[] {
  return [...new Set(items)];
}

function uniqueBy<T>(items: readonly T[], key: (item: T) => string): T[] {
  const seen = new Map<string, T>();
  for (const item of items) if (!seen.has(key(item))) seen.set(key(item), item);
  return [...seen.values()];
}
