// The case file's forms, read: the posted fields of one command turned into the workflow's input and
// checked with the workflow's own schemas (lib/requests/workflow/commands.ts), so form and server share
// one rule set. Every error is a code per field, and every field's words come back as typed. Pure.
import type { z } from "zod";
import { commandInputSchemas, type Command, type Refusal } from "../../requests/workflow/commands";
import { missingRefusalParts } from "../../requests/workflow/handlers/refuse";
import type { CaseCommand } from "./case-commands";

/** What the person typed or chose, by field name, to show again after an error. */
export type FormValues = Record<string, string | string[]>;

export type FieldErrorCode =
  | "required"
  | "too_short"
  | "too_long"
  | "invalid"
  | "invalid_character"
  /** Art. 12(4): a refusal states its reasons (20 characters at least). */
  | "reasons_required"
  /** Art. 12(4), 77: a refusal names the supervisory authority the subject may complain to. */
  | "complaint_required"
  /** Art. 12(4), 79: a refusal tells of the judicial remedy. */
  | "remedy_required"
  /** Art. 12(5)(a): a fee is an amount in euro, above 0 and at most MAX_FEE_CENTS. */
  | "amount_invalid";

export type CaseFormResult =
  | { ok: true; command: Command; values: FormValues }
  | { ok: false; errors: Record<string, FieldErrorCode>; values: FormValues };

/** The fields each command's form posts (the refusal parts for refuse and partially_complete). */
const refusalFields = ["grounds", "legalBasis", "reasons", "complaintAuthority", "judicialRemedy"];
export const formFields: Record<CaseCommand, string[]> = {
  assign: ["assigneeId"],
  start_work: [],
  request_information: ["reason", "message"],
  resume: ["note"],
  send_message: ["message"],
  extend: ["reason"],
  complete: ["summary"],
  partially_complete: ["summary", ...refusalFields],
  refuse: refusalFields,
  withdraw: ["reason"],
  announce_fee: ["amount", "reasons"],
  reopen: ["reason"],
  mark_spam: ["note"],
  add_note: ["note"],
};

/** Reads `command`'s fields from `form` (anything with FormData's getAll). */
export function readCaseForm(command: CaseCommand, form: { getAll(name: string): unknown[] }): CaseFormResult {
  const values: FormValues = {};
  for (const name of formFields[command]) {
    const all = form.getAll(name).filter((v): v is string => typeof v === "string");
    values[name] = name === "grounds" ? all.slice(0, 10) : (all[0] ?? "").slice(0, 20_000);
  }
  const one = (name: string) => values[name] as string;
  const optional = (name: string) => (one(name).trim() === "" ? undefined : one(name));
  const input = inputOf(command, one, optional, values);
  const parsed = (commandInputSchemas[command] as z.ZodType).safeParse(input);
  const errors: Record<string, FieldErrorCode> = {};
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = fieldOf(issue.path.map(String));
      const code = codeOf(issue, values[field]);
      errors[field] ??= field === "amount" && code !== "required" ? "amount_invalid" : code;
    }
  }
  // The Art. 12(4) parts are checked on what was typed, so that one post names every missing part.
  if (command === "refuse" || command === "partially_complete") {
    const missing = missingRefusalParts((input as { refusal: Refusal }).refusal);
    for (const part of missing?.code === "refusal_incomplete" ? missing.missing : []) {
      if (part === "reasons") errors.reasons ??= "reasons_required";
      if (part === "complaint_right") errors.complaintAuthority ??= "complaint_required";
      if (part === "judicial_remedy") errors.judicialRemedy ??= "remedy_required";
    }
  }
  if (Object.keys(errors).length > 0) return { ok: false, errors, values };
  return { ok: true, command: { name: command, input } as Command, values };
}

function inputOf(
  command: CaseCommand,
  one: (name: string) => string,
  optional: (name: string) => string | undefined,
  values: FormValues,
): unknown {
  const refusal = () => ({
    grounds: values.grounds,
    legalBasis: one("legalBasis")
      .split("\n")
      .map((line) => line.trim())
      .filter(Boolean),
    reasons: one("reasons"),
    complaintRight: one("complaintAuthority").trim() ? { authority: one("complaintAuthority") } : null,
    judicialRemedy: one("judicialRemedy") === "yes",
  });
  switch (command) {
    case "assign":
      return { assigneeId: optional("assigneeId") ?? null };
    case "start_work":
      return {};
    case "request_information":
      return { reason: one("reason"), message: one("message") };
    case "resume":
      return optional("note") ? { note: one("note") } : {};
    case "send_message":
      return { message: one("message") };
    case "extend":
      return { reason: one("reason") };
    case "complete":
      return { summary: one("summary") };
    case "partially_complete":
      return { summary: one("summary"), refusal: refusal() };
    case "refuse":
      return { refusal: refusal() };
    case "withdraw":
      return optional("reason") ? { reason: one("reason") } : {};
    case "add_note":
      return { note: one("note") };
    case "announce_fee":
      return { amountCents: euroCents(one("amount")), reasons: one("reasons") };
    case "reopen":
      return { reason: one("reason") };
    case "mark_spam":
      return optional("note") ? { note: one("note") } : {};
  }
}

/**
 * An amount typed in euro ("25", "25,50", "25.5", "1.000,00" is not accepted: no grouping) as whole cents;
 * NaN when it is no such amount, which the schema reports as "invalid" (never a silent rounding).
 */
export function euroCents(typed: string): number {
  const match = /^\s*(\d{1,7})(?:[.,](\d{1,2}))?\s*(?:€|EUR)?\s*$/i.exec(typed);
  if (!match) return Number.NaN;
  return Number(match[1]) * 100 + Number((match[2] ?? "0").padEnd(2, "0"));
}

/** The form field an input path belongs to ("refusal.complaintRight.authority" → "complaintAuthority"). */
function fieldOf(path: string[]): string {
  if (path[0] === "amountCents") return "amount";
  if (path[0] !== "refusal") return path[0] ?? "form";
  if (path[1] === "complaintRight") return "complaintAuthority";
  return path[1] ?? "reasons";
}

function codeOf(issue: z.core.$ZodIssue, value: FormValues[string] | undefined): FieldErrorCode {
  const empty = value === undefined || (Array.isArray(value) ? value.length === 0 : value.trim() === "");
  if (issue.code === "too_small") return empty ? "required" : "too_short";
  if (issue.code === "too_big") return "too_long";
  if (issue.code === "custom") {
    if (issue.message === "too_long" || issue.message === "required") return issue.message;
    return "invalid_character";
  }
  return empty ? "required" : "invalid";
}
