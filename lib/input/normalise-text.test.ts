// The text normaliser: what it converts, what it refuses (and says where), and, over arbitrary
// Unicode, that it is idempotent, answers in NFC and never lets a refused character through.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { anyText } from "../../scripts/test/arbitrary-text";
import { normaliseText } from "./normalise-text";

/** What the output may never contain, checked independently of the implementation's scan. */
function refusedLeftIn(text: string, multiline: boolean): string | null {
  for (const [i, char] of Array.from(text).entries()) {
    const cp = char.codePointAt(0)!;
    if (cp >= 0xd800 && cp <= 0xdfff) return `surrogate at ${i}`;
    if (multiline && (char === "\n" || char === "\t")) continue;
    if (/[\p{Cc}\u2028\u2029]/u.test(char)) return `control ${cp.toString(16)} at ${i}`;
    // The only format characters left are joiners and tags inside emoji sequences.
    if (/\p{Cf}/u.test(char) && cp !== 0x200d && !(cp >= 0xe0020 && cp <= 0xe007f)) return `format ${cp.toString(16)}`;
  }
  return null;
}

describe("normaliseText", () => {
  it("turns CRLF and CR into LF, trims, and composes to NFC", () => {
    expect(normaliseText("  Zeile 1\r\nZeile 2\rZeile 3\n ", { multiline: true })).toEqual({
      ok: true,
      text: "Zeile 1\nZeile 2\nZeile 3",
    });
    expect(normaliseText("Mu\u0308ller")).toEqual({ ok: true, text: "M\u00fcller" });
    expect(normaliseText("\ufeffAnna Schmidt\u2028")).toEqual({ ok: true, text: "Anna Schmidt" });
  });

  it("keeps markup-ish text as typed: it is text, escaped wherever it is shown", () => {
    for (const value of ["Max Mustermann <max.alt@example.org>", "<script>alert(1)</script>", "a < b && c > d"]) {
      expect(normaliseText(value)).toEqual({ ok: true, text: value });
    }
  });

  it.each([
    ["Max\u0000Mustermann", "control_character", "U+0000", 4],
    ["Anna\u007f", "control_character", "U+007F", 5],
    ["x\u0085y", "control_character", "U+0085", 2],
    ["x\u2028y", "control_character", "U+2028", 2],
    ["Max \u202eRLO", "invisible_character", "U+202E", 5],
    ["Max\u200bMustermann", "invisible_character", "U+200B", 4],
    ["Ma\u00adx", "invisible_character", "U+00AD", 3],
    ["\u2066x\u2069", "invisible_character", "U+2066", 1],
    ["x\u200dy", "invisible_character", "U+200D", 2],
    ["ab\ud800", "broken_character", "U+D800", 3],
    ["\udc00", "broken_character", "U+DC00", 1],
    ["a\tb", "control_character", "U+0009", 2],
    ["one\ntwo", "line_break", "U+000A", 4],
    // Positions count characters as typed: an emoji is one, a CRLF is one.
    ["👨‍👩‍👧\u0000", "control_character", "U+0000", 6],
  ])("refuses %j in a one-line field: %s %s at %i", (value, code, character, position) => {
    expect(normaliseText(value)).toEqual({ ok: false, error: { code, character, position } });
  });

  it("counts a CRLF as one character when it says where", () => {
    expect(normaliseText("a\r\nb\u0000", { multiline: true })).toEqual({
      ok: false,
      error: { code: "control_character", character: "U+0000", position: 4 },
    });
  });

  it("allows line breaks and tabs in a multi-line field, and emoji ZWJ and flag sequences anywhere", () => {
    for (const value of ["👨‍👩‍👧", "🏳️‍🌈", "👩🏽‍💻", "❤️‍🔥", "🏴\u{e0067}\u{e0062}\u{e0073}\u{e0063}\u{e0074}\u{e007f}"]) {
      expect(normaliseText(`Familie ${value}`), value).toEqual({ ok: true, text: `Familie ${value}` });
    }
    expect(normaliseText("a\n\tb", { multiline: true })).toEqual({ ok: true, text: "a\n\tb" });
    // Tags outside a flag are refused, and a cancel tag alone.
    expect(normaliseText("x\u{e0067}\u{e007f}")).toMatchObject({ ok: false, error: { code: "invisible_character" } });
    expect(normaliseText("🏴\u{e007f}")).toMatchObject({ ok: false, error: { code: "invisible_character" } });
  });

  describe.each([false, true])("over arbitrary Unicode (multiline: %s)", (multiline) => {
    it("is idempotent, answers in NFC, and never lets a refused character through", () => {
      fc.assert(
        fc.property(anyText, (value) => {
          const once = normaliseText(value, { multiline });
          if (!once.ok) {
            expect(once.error.position).toBeGreaterThan(0);
            expect(once.error.character).toMatch(/^U\+[0-9A-F]{4,6}$/);
            return;
          }
          expect(normaliseText(once.text, { multiline })).toEqual(once);
          expect(once.text).toBe(once.text.normalize("NFC"));
          expect(once.text).toBe(once.text.trim());
          expect(refusedLeftIn(once.text, multiline)).toBeNull();
        }),
        { numRuns: 2000 },
      );
    });
  });
});
