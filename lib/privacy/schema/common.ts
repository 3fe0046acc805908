// Building blocks shared by every content file. Objects are strict so that a misspelt
// field ("legalBasis" for "legalBases") is an error naming it, not a silently ignored key.
import { z } from "zod";

export const text = z.string().trim().min(1, "must not be empty");

/** A text in both portal languages; a statement is only complete when neither is missing. */
export const localized = z.strictObject({ de: text, en: text });
export type Localized = z.output<typeof localized>;

/** Ids are stable: requests and access reports store them, so they never depend on a translation. */
export const kebabId = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be a kebab-case id like "app-use" (lower-case letters, digits, hyphens)');

/** ISO 3166-1 alpha-2, upper case ("DE", "US"). */
export const countryCode = z.string().regex(/^[A-Z]{2}$/, 'must be an ISO 3166-1 country code like "DE" or "US"');

export const postalAddress = z.strictObject({
  street: text,
  postalCode: text,
  city: text,
  country: countryCode,
});
export type PostalAddress = z.output<typeof postalAddress>;

export const email = z.email({ error: "must be an email address" });
export const phone = z
  .string()
  .regex(/^\+[0-9][0-9 -]{5,}[0-9]$/, 'must be an international number like "+49 40 1234"');
export const httpsUrl = z.url({ protocol: /^https$/, error: "must be an https:// URL" });

/** A version id is the month its text took effect: "2023-07". */
export const versionId = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'must be a version id like "2023-07"');

/** unique(list, key) for superRefine: reports the second occurrence of a key at its own path. */
export function reportDuplicates<T>(
  ctx: z.RefinementCtx,
  items: readonly T[],
  key: (item: T) => string,
  path: (index: number) => PropertyKey[],
  what: string,
): void {
  const seen = new Map<string, number>();
  items.forEach((item, index) => {
    const k = key(item);
    const first = seen.get(k);
    if (first === undefined) seen.set(k, index);
    else ctx.addIssue({ code: "custom", path: path(index), message: `duplicate ${what} "${k}" (first at [${first}])` });
  });
}
