// The fields of the demo platform a rectification (Art. 16) may correct, each with the check a new value
// must pass. Keys are the connector's field keys (ApprovedCorrection.field). Pure (zod, Intl).
import { z } from "zod";

/** Whether `zone` names an IANA time zone ("Europe/Berlin", "UTC"); offsets such as "+01:00" are not zones. */
export function isIanaTimeZone(zone: string): boolean {
  if (!/^[A-Za-z][A-Za-z_]*(\/[A-Za-z0-9_+-]+)*$/.test(zone)) return false;
  try {
    new Intl.DateTimeFormat("en", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

const phoneDigits = (value: string) => value.replace(/\D/g, "").length;

export const rectifiableFields = {
  "user.name": {
    column: "name",
    label: { de: "Name", en: "Name" },
    schema: z.string().trim().min(1, "must not be empty").max(200, "must be at most 200 characters"),
  },
  "user.phone": {
    column: "phone",
    label: { de: "Telefonnummer", en: "Phone number" },
    schema: z
      .string()
      .trim()
      .regex(/^\+?[0-9][0-9 ()/-]*[0-9]$/, "must be a phone number (digits, spaces, + ( ) / -)")
      .refine((value) => phoneDigits(value) >= 5 && phoneDigits(value) <= 15, "must have 5 to 15 digits"),
  },
  "user.timeZone": {
    column: "timeZone",
    label: { de: "Zeitzone", en: "Time zone" },
    schema: z.string().trim().refine(isIanaTimeZone, "must be an IANA time zone such as Europe/Berlin"),
  },
} as const;

export type RectifiableField = keyof typeof rectifiableFields;

/** A correction the connector cannot apply; nothing was changed. */
export class RectificationError extends Error {
  constructor(
    readonly code: "unknown_field" | "invalid_value",
    readonly field: string,
    detail: string,
  ) {
    super(`${field}: ${detail}`);
    this.name = "RectificationError";
  }
}

/** The approved value of `field` as stored, or a RectificationError (unknown field, or a value failing its check). */
export function checkCorrection(field: string, value: string): { field: RectifiableField; value: string } {
  if (!Object.hasOwn(rectifiableFields, field)) {
    throw new RectificationError(
      "unknown_field",
      field,
      `not a field of the demo platform that can be rectified (${Object.keys(rectifiableFields).join(", ")})`,
    );
  }
  const known = field as RectifiableField;
  const parsed = rectifiableFields[known].schema.safeParse(value);
  if (!parsed.success)
    throw new RectificationError("invalid_value", field, parsed.error.issues[0]?.message ?? "invalid");
  return { field: known, value: parsed.data };
}
