// The case page's two texts as the person sent them: the message (or answer) to the team and the
// optional reason for a withdrawal. Parsed here, not in the server action, so tests can post the
// same values through the same code (lib/requests/my-request-forms.test.ts). Pure.
import { text } from "../input/schemas";
import type { InputErrorCode } from "../input/input-error";

/** Longest message or answer, as the text area and send_message / record_subject_response allow. */
export const MAX_MESSAGE = 10_000;
/** Longest withdrawal reason, as the text area and withdraw allow. */
export const MAX_WITHDRAWAL_REASON = 2_000;

/** The normaliser's refusals a text area can get (a line break is text there). */
export type CharacterErrorCode = Extract<
  InputErrorCode,
  "control_character" | "invisible_character" | "broken_character"
>;

export interface CaseTextError<Code extends string = "empty" | "too_long" | CharacterErrorCode> {
  code: Code;
  /** With a character error: which (as "U+202E") and where (the n-th character as typed). */
  character?: string;
  position?: number;
}

/** What an optional text can get wrong: everything but being empty. */
export type OptionalTextError = CaseTextError<"too_long" | CharacterErrorCode>;

export type CaseText<T, E = CaseTextError> = { ok: true; value: T } | { ok: false; error: E };

function read(raw: FormDataEntryValue | null, max: number): CaseText<string, OptionalTextError> {
  const parsed = text({ max, multiline: true }).safeParse(typeof raw === "string" ? raw : "");
  if (parsed.success) return { ok: true, value: parsed.data };
  const issue = parsed.error.issues[0]!;
  if (issue.code === "custom") {
    const { character, position } = (issue.params ?? {}) as { character?: string; position?: number };
    return { ok: false, error: { code: issue.message as CharacterErrorCode, character, position } };
  }
  return { ok: false, error: { code: "too_long" } };
}

/** The subject's message or answer: required, normalised, at most MAX_MESSAGE characters. */
export function readMessage(raw: FormDataEntryValue | null): CaseText<string> {
  const message = read(raw, MAX_MESSAGE);
  if (message.ok && message.value === "") return { ok: false, error: { code: "empty" } };
  return message;
}

/** The optional reason for a withdrawal: null when left empty. */
export function readWithdrawalReason(raw: FormDataEntryValue | null): CaseText<string | null, OptionalTextError> {
  const reason = read(raw, MAX_WITHDRAWAL_REASON);
  return reason.ok ? { ok: true, value: reason.value || null } : reason;
}
