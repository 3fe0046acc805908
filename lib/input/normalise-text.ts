// The one normaliser every free text passes before any other check (lib/input/schemas.ts wraps it
// for zod): line endings to LF, white space at both ends trimmed, Unicode NFC; control, invisible
// and broken characters refused with the character and its place (lib/input/refused-characters.ts).
// Pure, and runs in the browser too.
import type { InputError } from "./input-error";
import { firstRefusedCharacter } from "./refused-characters";

export interface TextOptions {
  /** A text area: line breaks and tabs are text. In a one-line field they are refused. */
  multiline?: boolean;
}

export type NormalisedText = { ok: true; text: string } | { ok: false; error: InputError };

/** Code points, with a lone surrogate as itself (String iteration yields it as one unit). */
function codePointsOf(text: string): number[] {
  return Array.from(text, (char) => char.codePointAt(0)!);
}

/**
 * `value` as the portal stores it, or why not.
 *
 * - CRLF and CR become LF (browsers post text areas with CRLF).
 * - White space at both ends is removed (what String.prototype.trim removes, which includes U+FEFF
 *   and U+2028/U+2029 there); inside the text nothing is ever removed.
 * - Refused: C0 and C1 controls and DEL (tab and line feed only in multi-line fields), U+2028/U+2029,
 *   lone surrogates, format characters (Cf: bidi controls, zero-width characters, soft hyphen, …)
 *   except a ZERO WIDTH JOINER inside an emoji sequence and the tags of a flag emoji.
 * - The result is in Unicode Normalization Form C.
 *
 * Idempotent: normalising a normalised text gives it back unchanged.
 */
export function normaliseText(value: string, options: TextOptions = {}): NormalisedText {
  const lines = value.replace(/\r\n?/g, "\n");
  const codePoints = codePointsOf(lines);
  const leading = codePointsOf(lines.slice(0, lines.length - lines.trimStart().length)).length;
  const trailing = codePointsOf(lines.slice(lines.trimEnd().length)).length;
  const to = Math.max(leading, codePoints.length - trailing);
  const refused = firstRefusedCharacter(codePoints, leading, to, options.multiline ?? false);
  if (refused) return { ok: false, error: refused };
  return { ok: true, text: lines.trim().normalize("NFC") };
}
