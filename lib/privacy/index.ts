// The privacy statement's content model as the rest of the portal uses it: versions, the processing
// register and its data categories, and the controller. Requests store currentStatementVersion() and
// refer to register entries and data categories by id.
import type { RequestType } from "../requests/request-types";
import { content } from "./content";
import { entriesInVersion } from "./validate-content";
import type { ControllerFile } from "./schema/controller";
import type { DataCategory } from "./schema/data-categories";
import type { Recipient } from "./schema/recipients";
import type { RegisterEntry } from "./schema/register";
import type { StatementVersion } from "./schema/versions";

export type { ControllerFile, DataCategory, Recipient, RegisterEntry, StatementVersion };
export type { LegalBasis, ThirdCountryTransfer, TransferSafeguard, DataSource } from "./schema/register";
export type { LegalBasisCode } from "./legal-bases";
export type { Localized, PostalAddress } from "./schema/common";
export { controllerHolidayRegion, controllerTimeZone } from "./controller-settings";

/** Every published version, oldest first. */
export function statementVersions(): readonly StatementVersion[] {
  return content().versions;
}

export function statementVersion(id: string): StatementVersion | undefined {
  return content().versions.find((v) => v.id === id);
}

/**
 * The id ("2023-07") of the version in force at `now`: the latest whose effective date has come in
 * the controller's time zone. A version published ahead of its date is not current yet.
 */
export function currentStatementVersion(now: Date = new Date()): string {
  const { versions, controller } = content();
  const today = isoDateIn(now, controller.timeZone);
  const inForce = versions.filter((v) => v.effective <= today);
  return (inForce.at(-1) ?? versions[0]!).id;
}

/** The register of a version (default: the current one). */
export function registerEntries(versionId: string = currentStatementVersion()): readonly RegisterEntry[] {
  const { entries, versions } = content();
  // The content is fixed for the life of the process (content.ts), so is each version's register;
  // only published versions are kept, so that no caller's id can grow the map.
  let register = registers.get(versionId);
  if (!register) {
    register = entriesInVersion(entries, versions, versionId);
    if (versions.some((v) => v.id === versionId)) registers.set(versionId, register);
  }
  return register;
}

const registers = new Map<string, readonly RegisterEntry[]>();

/** A register entry by id, whichever version introduced it. */
export function registerEntry(id: string): RegisterEntry | undefined {
  return content().entries.find((e) => e.id === id);
}

/** The entries of a version's register (default: current) for which a person can make this request. */
export function entriesForRequestType(type: RequestType, versionId?: string): readonly RegisterEntry[] {
  return registerEntries(versionId).filter((e) => e.requestTypes.includes(type));
}

export function dataCategories(): readonly DataCategory[] {
  return content().dataCategories;
}

export function dataCategory(id: string): DataCategory | undefined {
  return content().dataCategories.find((c) => c.id === id);
}

export function recipient(id: string): Recipient | undefined {
  return content().recipients.find((r) => r.id === id);
}

/** Controller, data protection officer and supervisory authority. */
export function controllerDetails(): Pick<ControllerFile, "controller" | "dpo" | "supervisoryAuthority"> {
  const { controller, dpo, supervisoryAuthority } = content().controller;
  return { controller, dpo, supervisoryAuthority };
}

// Building an Intl.DateTimeFormat costs far more than using one, and a filing asks for the current
// version several times: one formatter per time zone, made on first use.
const dayFormats = new Map<string, Intl.DateTimeFormat>();

function isoDateIn(instant: Date, timeZone: string): string {
  let format = dayFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat("en", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" });
    dayFormats.set(timeZone, format);
  }
  const parts = format
    .formatToParts(instant)
    .reduce<Record<string, string>>((all, part) => ({ ...all, [part.type]: part.value }), {});
  return `${parts.year}-${parts.month}-${parts.day}`;
}
