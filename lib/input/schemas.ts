// The input normaliser as zod schemas, so every schema runs it before its other checks: a text is
// normalised (and may be refused) first, then its length is measured. An issue's message is the
// error's code and its params carry the character and position (lib/requests/intake/field-errors.ts
// reads both). Pure: the request forms validate in the browser with the same schemas.
import { z } from "zod";
import { canonicalEmail, MAX_ADDRESS } from "./email-address";
import type { InputError } from "./input-error";
import { normaliseText, type TextOptions } from "./normalise-text";
import { httpsWebAddress } from "./web-address";

type Outcome = { ok: true; value: string } | { ok: false; error: InputError | { code: string; max?: number } };

/** A string schema whose value is `check`'s, or the issue it names. */
function checked(check: (value: string) => Outcome) {
  return z.string().transform((value, ctx) => {
    const outcome = check(value);
    if (outcome.ok) return outcome.value;
    const { code, ...params } = outcome.error;
    ctx.addIssue({ code: "custom", message: code, params });
    return z.NEVER;
  });
}

const normalised =
  (options: TextOptions) =>
  (value: string): Outcome => {
    const result = normaliseText(value, options);
    return result.ok ? { ok: true, value: result.text } : result;
  };

/** Free text, normalised (lib/input/normalise-text.ts), at most `max` UTF-16 units (as a browser's maxlength counts). May be "". */
export function text(options: TextOptions & { max: number }) {
  return checked(normalised(options)).pipe(z.string().max(options.max, { error: "too_long" }));
}

/** Free text that must not be empty once normalised. */
export function requiredText(options: TextOptions & { max: number }) {
  return text(options).pipe(z.string().min(1, { error: "required" }));
}

function email(value: string): Outcome {
  if (value.trim() === "") return { ok: false, error: { code: "required" } };
  if (value.trim().length > MAX_ADDRESS) return { ok: false, error: { code: "too_long", max: MAX_ADDRESS } };
  const result = canonicalEmail(value);
  return result.ok ? { ok: true, value: result.address } : result;
}

/** An e-mail address in its canonical form (lib/input/email-address.ts): required, at most 254 characters. */
export function emailAddress() {
  return checked(email);
}

/**
 * Where another controller takes ported data (Art. 20(2) GDPR): an https web address, stored in
 * its serialized form (lib/input/web-address.ts), or an e-mail address, stored in its canonical form.
 */
export function endpoint(options: { max: number }) {
  return requiredText({ max: options.max }).pipe(
    checked((value) => {
      const isWebAddress = /^[a-z][a-z0-9+.-]*:/i.test(value) || !value.includes("@");
      if (isWebAddress) {
        const url = httpsWebAddress(value);
        return url.ok ? { ok: true, value: url.url } : url;
      }
      const address = canonicalEmail(value);
      if (address.ok) return { ok: true, value: address.address };
      return {
        ok: false,
        error: address.error.code === "invalid_email" ? { code: "invalid_endpoint" } : address.error,
      };
    }),
  );
}
