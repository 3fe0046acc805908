// Filing a request from a form, as the server action hands it over: check everything, store the
// request awaiting confirmation together with its confirmation mail, or, for a subject already
// signed in with the same address, store and confirm it at once (their session is the proof).
// Never throws for bad input: every outcome is something the form can show.
import { checkUploads } from "../../attachments/check-uploads";
import type { UploadLimits } from "../../attachments/limits";
import { withStagedAttachments, type StagedAttachments } from "../../attachments/store-attachments";
import type { SignInLinkSettings } from "../../auth/sign-in-link";
import { flavorOf, type Db } from "../../db/client";
import { directStatements, type DirectTx } from "../../db/direct/direct-transaction";
import { currentStatementVersion } from "../../privacy";
import type { RequestSettings } from "../request-settings";
import type { RequestType } from "../request-types";
import { submitRequest } from "../submit-request";
import { transitionRequest } from "../transition-request";
import { uploadFieldError, type FieldErrors } from "./field-errors";
import { queueConfirmationLinkDirectly } from "./confirmation-link";
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
  uploads: { limits: UploadLimits; dir: string };
  /**
   * Counts the abuse limits (lib/security/rate-limit.ts) once the form is valid, before anything is
   * stored: a refusal stops the filing. Counted in `tx` (the filing's transaction, or statements of
   * their own), with direct statements as the filing is stored.
   */
  limit: (
    input: ValidRequestForm,
    tx: DirectTx,
    now: Date,
  ) => Promise<{ ok: true } | { ok: false; retryAfterSeconds: number }>;
}

/** A refusal of the abuse limits inside the filing's transaction: rolls it back. */
class LimitReached extends Error {}

export type FilingOutcome =
  | { kind: "invalid"; errors: FieldErrors; values: FormValues }
  | { kind: "limited"; retryAfterSeconds: number; values: FormValues }
  /**
   * Stored and a confirmation link sent (`requestId`: which, for the check-email page to name) — or a
   * robot's post, answered the same and stored nowhere (no `requestId`).
   */
  | { kind: "confirm_by_email"; requestId?: string }
  /** Filed by a signed-in subject and confirmed at once. */
  | { kind: "filed"; reference: string };

export async function fileRequest(type: RequestType, form: FormSource, context: FilingContext): Promise<FilingOutcome> {
  const now = context.now ?? new Date();
  // A signed-in subject's form (with JavaScript) has no address field: theirs is used. The page is the same
  // for everyone (cached), so without JavaScript it shows the field: left empty it means theirs too, and an
  // address typed there is the one the request is for (confirmed by mail unless it is theirs).
  const typed = form.get("email");
  const typedNothing = typeof typed !== "string" || typed.trim() === "";
  const signedInEmail = context.session && typedNothing ? context.session.email.toLowerCase() : null;
  const check = validateRequestForm(type, form, context.choices, signedInEmail);
  // A filled honeypot is a robot: it gets the answer people get, and nothing is stored or sent.
  if (check.honeypot) return { kind: "confirm_by_email" };
  // The files are checked even when a field is wrong, so that the person hears of every problem at once.
  const files = form.getAll("attachments").filter((v): v is File => typeof v !== "string");
  const uploads = await checkUploads(files, context.uploads.limits);
  if (!check.ok || !uploads.ok) {
    const errors = check.ok ? {} : { ...check.errors };
    if (!uploads.ok) errors.attachments = uploadFieldError(uploads, context.uploads.limits);
    return { kind: "invalid", errors, values: check.values };
  }
  const limited = (result: { retryAfterSeconds: number }): FilingOutcome => ({
    kind: "limited",
    retryAfterSeconds: result.retryAfterSeconds,
    values: check.values,
  });
  // SQLite writes one transaction at a time, each synced to disk at its commit: there the limits count
  // inside the filing's transaction, one commit instead of three. PostgreSQL counts them first, on their
  // own: inside, the client address's counter row would stay locked until the commit, and every filing
  // from one address (an office behind one NAT) would wait for the one before.
  const countInFiling = flavorOf(context.db) === "sqlite";
  const countAlone = () => directStatements(context.db, (tx) => context.limit(check.input, tx, now));
  if (!countInFiling) {
    const counted = await countAlone();
    if (!counted.ok) return limited(counted);
  }
  const counter = countInFiling
    ? async (tx: DirectTx) => {
        if (!(await context.limit(check.input, tx, now)).ok) throw new LimitReached();
      }
    : undefined;
  try {
    // The files are written first and kept only if the request's transaction records them.
    return await withStagedAttachments(context.db, context.uploads.dir, uploads.files, (staged) =>
      store(type, check.input, context, now, staged, counter),
    );
  } catch (error) {
    if (!(error instanceof LimitReached)) throw error;
    // The refusal rolled its counts back with the filing: counted once more on their own, a refused
    // attempt still counts against every limit, as it does where the limits count first. (Should the
    // window have ended in between, so that this count is allowed, the person is asked to wait a minute.)
    const counted = await countAlone();
    return limited(counted.ok ? { retryAfterSeconds: 60 } : counted);
  }
}

async function store(
  type: RequestType,
  input: ValidRequestForm,
  context: FilingContext,
  now: Date,
  staged: StagedAttachments,
  countLimits: ((tx: DirectTx) => Promise<void>) | undefined,
): Promise<FilingOutcome> {
  const signedInEmail = context.session?.email.toLowerCase() ?? null;
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
      await staged.recordDirectly(tx, { requestId: created.id, uploadedBy: "subject" }, now);
      if (!confirmAtOnce) {
        await queueConfirmationLinkDirectly(
          tx,
          { ...created, type, language: input.language },
          { ...context.link, unverifiedExpiryDays: context.settings.unverifiedExpiryDays },
          now,
        );
      }
    },
    countLimits,
  );
  // validateRequestForm ran the same schema; a failure here is a bug, not bad input.
  if (!submitted.ok) throw new Error(`submitRequest refused a validated form: ${submitted.issues.join("; ")}`);
  if (!confirmAtOnce) return { kind: "confirm_by_email", requestId: submitted.id };

  await transitionRequest(
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
  // Stored either way: if confirming lost a race (e.g. a busy database), the case page offers the
  // confirmation button, so nothing the person sent is lost and they need not file again.
  return { kind: "filed", reference: submitted.reference };
}
