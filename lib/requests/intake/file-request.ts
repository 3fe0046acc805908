// Filing a request from a form, as the server action hands it over: check everything, store the
// request awaiting confirmation together with its confirmation mail, or, for a subject already
// signed in with the same address, store and confirm it at once (their session is the proof).
// Never throws for bad input: every outcome is something the form can show.
import type { SignInLinkSettings } from "../../auth/sign-in-link";
import type { Db } from "../../db/client";
import { currentStatementVersion } from "../../privacy";
import type { RequestSettings } from "../request-settings";
import type { RequestType } from "../request-types";
import { submitRequest, type AfterSubmit } from "../submit-request";
import { transitionRequest } from "../transition-request";
import type { FieldErrors } from "./field-errors";
import { queueConfirmationLink } from "./confirmation-link";
import type { FormSource, FormValues } from "./form-fields";
import { validateRequestForm, type FormChoices, type ValidRequestForm } from "./validate-request-form";

export interface FilingContext {
  db: Db;
  settings: RequestSettings;
  link: SignInLinkSettings;
  choices: FormChoices;
  /** The signed-in data subject, if any (staff file nothing here). */
  session: { userId: string; email: string } | null;
  ip: string | null;
  userAgent: string | null;
  now?: Date;
  /**
   * Checks that run once the form is valid and before anything is stored (abuse limits, attachments).
   * An answer other than null stops the filing with that outcome.
   */
  gate?: (input: ValidRequestForm) => Promise<FilingOutcome | null>;
  /** Stores what belongs to the request in its transaction (e.g. attachments). */
  afterSubmit?: AfterSubmit;
}

export type FilingOutcome =
  | { kind: "invalid"; errors: FieldErrors; values: FormValues }
  | { kind: "limited"; retryAfterSeconds: number; values: FormValues }
  /** Stored and a confirmation link sent — or a robot's post, answered the same and stored nowhere. */
  | { kind: "confirm_by_email" }
  /** Filed by a signed-in subject and confirmed at once. */
  | { kind: "filed"; reference: string };

export async function fileRequest(type: RequestType, form: FormSource, context: FilingContext): Promise<FilingOutcome> {
  const now = context.now ?? new Date();
  const signedInEmail = context.session?.email.toLowerCase() ?? null;
  const check = validateRequestForm(type, form, context.choices, signedInEmail);
  // A filled honeypot is a robot: it gets the answer people get, and nothing is stored or sent.
  if (check.honeypot) return { kind: "confirm_by_email" };
  if (!check.ok) return { kind: "invalid", errors: check.errors, values: check.values };

  const stop = await context.gate?.(check.input);
  if (stop) return stop;

  const input = check.input;
  const confirmAtOnce = context.session !== null && signedInEmail === input.email;
  const submitted = await submitRequest(
    context.db,
    {
      type,
      details: input.details,
      subjectEmail: input.email,
      subjectName: input.name,
      language: input.language,
      statementVersion: currentStatementVersion(now),
      subjectUserId: confirmAtOnce ? context.session!.userId : null,
      ip: context.ip,
      userAgent: context.userAgent,
    },
    now,
    async (tx, created) => {
      await context.afterSubmit?.(tx, created);
      if (!confirmAtOnce) {
        await queueConfirmationLink(
          tx,
          { ...created, type, language: input.language },
          { ...context.link, unverifiedExpiryDays: context.settings.unverifiedExpiryDays },
          now,
        );
      }
    },
  );
  // validateRequestForm ran the same schema; a failure here is a bug, not bad input.
  if (!submitted.ok) throw new Error(`submitRequest refused a validated form: ${submitted.issues.join("; ")}`);
  if (!confirmAtOnce) return { kind: "confirm_by_email" };

  const verified = await transitionRequest(
    context.db,
    {
      requestId: submitted.id,
      actor: { type: "subject", userId: context.session!.userId },
      command: { name: "verify", input: {} },
      ip: context.ip,
      userAgent: context.userAgent,
    },
    context.settings,
    now,
  );
  if (!verified.ok) throw new Error(`verifying a signed-in subject's request failed: ${verified.error.code}`);
  return { kind: "filed", reference: submitted.reference };
}
