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
  /** Staff-only words about the case (never shown to the subject): kept as an InternalNote row. */
  add_note: z.object({ note: text(1, 10_000) }),
} as const;

export type CommandName = keyof typeof commandInputSchemas;
export const commandNames = Object.keys(commandInputSchemas) as CommandName[];

export type CommandInput<C extends CommandName> = z.input<(typeof commandInputSchemas)[C]>;
export type ParsedInput<C extends CommandName> = z.output<(typeof commandInputSchemas)[C]>;

export type Command = { [C in CommandName]: { name: C; input: CommandInput<C> } }[CommandName];
