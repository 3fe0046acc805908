// Arbitrary text for property tests of the input normaliser and of every form: any Unicode,
// including lone surrogates and controls, with the characters the normaliser cares about made likely.
import fc from "fast-check";

/** Controls, format characters, surrogate halves, separators, combining marks, emoji parts, markup. */
// prettier-ignore
const interesting = [
  "a", " ", "\n", "\r", "\r\n", "\t", "\u0000", "\u001b", "\u007f", "\u0085", "\u00ad", "\u061c", "\u200b",
  "\u200c", "\u200d", "\u200e", "\u202e", "\u2066", "\u2028", "\u2029", "\ufeff", "\ud800", "\udc00",
  "e\u0301", "👨", "👩", "🏽", "\ufe0f", "🏴", "\u{e0067}", "\u{e007f}", "ｆ", "＠", "@", "<", ">", '"', "&",
];

/** Any code point, lone surrogates (U+D800–U+DFFF) included. */
const anyCodePoint = fc.integer({ min: 0, max: 0x10ffff }).map((c) => String.fromCodePoint(c));

/** Any string: code points as fast-check picks them, any code point at all, or runs of the interesting characters. */
export const anyText: fc.Arbitrary<string> = fc.oneof(
  fc.string({ unit: "binary", maxLength: 40 }),
  fc.string({ unit: anyCodePoint, maxLength: 40 }),
  fc.array(fc.constantFrom(...interesting), { maxLength: 20 }).map((parts) => parts.join("")),
);
