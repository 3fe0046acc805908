// Why a text or an address was refused, as a code the forms turn into words (lib/requests/intake/
// field-errors.ts, the messages JSON) and, for a character, which one and where, so the person can find it.

export const inputErrorCodes = [
  /** A C0 or C1 control (NUL, ESC, …), DEL, a tab in a one-line field, or U+2028/U+2029. */
  "control_character",
  /** An invisible format character (Unicode category Cf): bidi controls, zero-width characters, soft hyphen, … */
  "invisible_character",
  /** Half of a UTF-16 surrogate pair without its other half: no character at all. */
  "broken_character",
  /** A line break in a field that holds one line. */
  "line_break",
  /** Not an e-mail address (after the canonical form was tried). */
  "invalid_email",
  /** An address whose part before the @ is not ASCII (most mail servers lack SMTPUTF8). */
  "email_not_ascii",
  /** A web address with a character RFC 3986 does not allow (space, ", <, >, …). */
  "url_character",
  /** A web address with a user name or password in it. */
  "url_credentials",
  /** Neither an https web address nor an e-mail address. */
  "invalid_endpoint",
] as const;
export type InputErrorCode = (typeof inputErrorCodes)[number];

export interface InputError {
  code: InputErrorCode;
  /** The refused character as "U+202E" (four to six hex digits). */
  character?: string;
  /**
   * Where it is: the 1-based count of characters (code points) in the text as typed, with a line
   * break counted as one character however the browser sent it (CRLF, CR or LF).
   */
  position?: number;
}

/** "U+202E" for a code point. */
export function codePointName(codePoint: number): string {
  return `U+${codePoint.toString(16).toUpperCase().padStart(4, "0")}`;
}
