// Everything that can happen to a request, with the input each command needs,
// validated by zod (the same schemas serve the back-office forms).
import { z } from "zod";
import { requiredText, text as normalised } from "../../input/schemas";

/**
 * Words from staff or the subject: through the input normaliser (lib/input: NFC, LF line breaks,
 * trimmed, controls and invisible characters refused), then `min` to `max` characters.
 */
const text = (min: number, max: number, multiline = true) => normalised({ max, multiline }).pipe(z.string().min(min));

/** Art. 12(4): every refusal (whole or partial) carries these three parts. */
export const refusalSchema = z.object({
  grounds: z
    .array(
      z.enum([
        "manifestly_unfounded", // Art. 12(5)
        "excessive", // Art. 12(5), e.g. repetitive
        "identity_not_confirmed", // Art. 11(2), 12(2), 12(6)
        "legal_exception", // e.g. Art. 17(3), 18(2), 21(1) compelling grounds
        "rights_of_others", // Art. 15(4), 20(4)
      ]),
    )
    .min(1),
  /** The articles relied on, e.g. "Art. 17(3)(b) GDPR". */
  legalBasis: z
    .array(text(3, 120, false))
    .max(10)
    .default([]),
  reasons: normalised({ max: 10_000, multiline: true }).default(""),
  /** Art. 77: the right to complain, naming the supervisory authority. */
  complaintRight: z
    .object({ authority: normalised({ max: 500, multiline: true }) })
    .nullable()
    .default(null),
  /** Art. 79: the right to a judicial remedy. */
  judicialRemedy: z.boolean().default(false),
});
export type Refusal = z.infer<typeof refusalSchema>;

/**
 * The most a fee under Art. 12(5)(a) may be, in euro cents (1 000 €). The fee must be reasonable and
 * take account of the administrative costs; a higher figure is a typing mistake rather than a cost.
 */
export const MAX_FEE_CENTS = 100_000;
export type RefusalInput = z.input<typeof refusalSchema>;

export const commandInputSchemas = {
  verify: z.object({}),
  expire_unverified: z.object({}),
  start_work: z.object({}),
  assign: z.object({ assigneeId: requiredText({ max: 100 }).nullable() }),
  request_information: z.object({
    reason: z.enum(["identity", "clarification"]),
    /** What is asked of the subject: only what is needed (Art. 12(6), data minimisation). */
    message: text(10, 10_000),
  }),
  record_subject_response: z.object({ message: text(1, 10_000) }),
  resume: z.object({ note: text(1, 2_000).optional() }),
  send_message: z.object({ message: text(1, 10_000) }),
  extend: z.object({ reason: text(20, 5_000) }),
  complete: z.object({ summary: text(1, 10_000) }),
  partially_complete: z.object({ summary: text(1, 10_000), refusal: refusalSchema }),
  refuse: z.object({ refusal: refusalSchema }),
  withdraw: z.object({ reason: text(1, 2_000).optional() }),
  /**
   * Art. 12(5)(a): a reasonable fee for a manifestly unfounded or excessive request, announced before it
   * is charged so that the subject may withdraw instead (EDPB Guidelines 01/2022 on the right of access). The
   * controller bears the burden of proof (Art. 12(5), last sentence): the reasons with their evidence
   * are kept in the audit entry.
   */
  announce_fee: z.object({
    /** Whole euro cents, 1 to MAX_FEE_CENTS. */
    amountCents: z.number().int().min(1).max(MAX_FEE_CENTS),
    reasons: text(20, 10_000),
  }),
  /** The subject accepts the announced fee; the team then tells them how to pay (payment is not handled here). */
  accept_fee: z.object({}),
  /** Not a data subject's request at all (advertising, abuse): closed as spam and minimised, nobody told. */
  mark_spam: z.object({ note: text(1, 2_000).optional() }),
  /** A closed case is taken up again (within REOPEN_DAYS of closing), with the reason the subject is told. */
  reopen: z.object({ reason: text(10, 5_000) }),
  /** Staff-only words about the case (never shown to the subject): kept as an InternalNote row. */
  add_note: z.object({ note: text(1, 10_000) }),
} as const;

export type CommandName = keyof typeof commandInputSchemas;
export const commandNames = Object.keys(commandInputSchemas) as CommandName[];

export type CommandInput<C extends CommandName> = z.input<(typeof commandInputSchemas)[C]>;
export type ParsedInput<C extends CommandName> = z.output<(typeof commandInputSchemas)[C]>;

export type Command = { [C in CommandName]: { name: C; input: CommandInput<C> } }[CommandName];
