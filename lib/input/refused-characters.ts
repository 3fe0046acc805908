// Which characters a text may not contain, and why. Pure and free of Node APIs: the request forms
// run it in the browser too. The policy (ARCHITECTURE.md, "Input normalisation"): these are refused,
// never silently removed, because a person's words are kept as they were typed or not at all.
import { codePointName, type InputError } from "./input-error";

const CONTROL = /\p{Cc}/u;
const FORMAT = /\p{Cf}/u;
const LINE_OR_PARAGRAPH_SEPARATOR = /[\u2028\u2029]/u;
const PICTOGRAPH = /\p{Extended_Pictographic}/u;
/** What may stand between a pictograph and a joiner: emoji presentation selector, skin tone. */
const EMOJI_TAIL = /[\uFE0F\p{Emoji_Modifier}]/u;

const ZWJ = 0x200d;
const BLACK_FLAG = 0x1f3f4;
const TAG_FIRST = 0xe0020;
const TAG_LAST = 0xe007e;
const CANCEL_TAG = 0xe007f;

const isTag = (cp: number | undefined) => cp !== undefined && cp >= TAG_FIRST && cp <= TAG_LAST;
const charOf = (cp: number | undefined) => (cp === undefined ? "" : String.fromCodePoint(cp));

/** A ZERO WIDTH JOINER inside an emoji ZWJ sequence (👨‍👩‍👧, 🏳️‍🌈, 👩🏽‍💻) is text people write. */
function joinsEmoji(codePoints: readonly number[], i: number): boolean {
  const before = charOf(codePoints[i - 1]);
  const beforeThat = charOf(codePoints[i - 2]);
  const pictographBefore = PICTOGRAPH.test(before) || (EMOJI_TAIL.test(before) && PICTOGRAPH.test(beforeThat));
  return pictographBefore && PICTOGRAPH.test(charOf(codePoints[i + 1]));
}

/** Tag characters inside an emoji tag sequence (🏴 + tags + CANCEL TAG: the flags of Scotland, Wales, England). */
function inFlagTagSequence(codePoints: readonly number[], i: number): boolean {
  let start = i;
  while (isTag(codePoints[start - 1])) start--;
  let end = i;
  while (isTag(codePoints[end])) end++;
  return codePoints[start - 1] === BLACK_FLAG && codePoints[end] === CANCEL_TAG && end > start;
}

/**
 * The first refused character in `codePoints[from, to)` (the trimmed part of a text), or null.
 * `codePoints` holds the text's code points after line endings became LF; lone surrogates appear as
 * themselves (0xD800–0xDFFF). Positions in the error are 1-based indices into `codePoints`.
 */
export function firstRefusedCharacter(
  codePoints: readonly number[],
  from: number,
  to: number,
  multiline: boolean,
): InputError | null {
  for (let i = from; i < to; i++) {
    const cp = codePoints[i]!;
    const at = { character: codePointName(cp), position: i + 1 };
    if (cp >= 0xd800 && cp <= 0xdfff) return { code: "broken_character", ...at };
    if (cp === 0x0a) {
      if (!multiline) return { code: "line_break", ...at };
      continue;
    }
    if (cp === 0x09 && multiline) continue;
    const char = String.fromCodePoint(cp);
    if (CONTROL.test(char) || LINE_OR_PARAGRAPH_SEPARATOR.test(char)) return { code: "control_character", ...at };
    if (FORMAT.test(char)) {
      if (cp === ZWJ && joinsEmoji(codePoints, i)) continue;
      if ((isTag(cp) || cp === CANCEL_TAG) && inFlagTagSequence(codePoints, i)) continue;
      return { code: "invisible_character", ...at };
    }
  }
  return null;
}
