// Which mails an event causes. The law asks for some (acknowledgement and the
// answer, Art. 12(3); extension with reasons, 12(3); request for information,
// 12(6); refusal with its three parts, 12(4); a planned fee before it is charged, 12(5)(a)); the team
// wants alerts for the rest.
import type { MailToQueue } from "../mail/outbox/enqueue-mail";
import type { Refusal } from "./workflow/commands";
import type { WorkflowEvent } from "./workflow/events";
import { mailSender, type MailSettings } from "./request-settings";
import type { RequestType } from "./request-types";

export interface EventMailInput {
  request: {
    id: string;
    reference: string;
    type: RequestType;
    language: "de" | "en";
    subjectEmail: string;
    /** Fills a notice's {{subjectName}} (lib/mail/templates/define-notice.tsx). */
    subjectName?: string | null;
  };
  event: WorkflowEvent;
  /** The due day after the event (YYYY-MM-DD). */
  dueDate: string | null;
  /** The receipt day in the controller's time zone (YYYY-MM-DD), once verified. */
  receivedDate: string | null;
  /** Staff who should hear about it: the assignee, else the DPOs. */
  staff: Array<{ email: string; locale: "de" | "en" }>;
  settings: MailSettings;
}

export function mailsForEvent(input: EventMailInput): MailToQueue[] {
  const { request, event, settings } = input;
  const language = request.language;
  const sender = (l: "de" | "en") => mailSender(settings, l);
  const caseUrl = `${settings.publicUrl}/${language}/my/requests/${request.reference}`;
  // A notice names the request's type: it picks the type's own text, if the DPO wrote one (issue 13).
  const named = request.subjectName ? { subjectName: request.subjectName } : {};
  const toSubject = <M extends MailToQueue>(mail: Omit<M, "language" | "to" | "requestId">): MailToQueue =>
    ({
      ...mail,
      variables: { ...mail.variables, type: request.type, ...named },
      language,
      to: request.subjectEmail,
      requestId: request.id,
    }) as MailToQueue;
  const toStaff = (
    alert:
      { kind: "new_request" } | { kind: "subject_responded" } | { kind: "subject_message" } | { kind: "fee_accepted" },
  ): MailToQueue[] =>
    input.staff.map((person) => ({
      template: "staff_alert",
      language: person.locale,
      to: person.email,
      requestId: request.id,
      variables: {
        sender: sender(person.locale),
        reference: request.reference,
        type: request.type,
        dueDate: input.dueDate ?? "",
        url: `${settings.publicUrl}/${person.locale}/backoffice/requests/${request.reference}`,
        alert,
      },
    }));
  const details = event.details;
  const refusalVars = (refusal: Refusal) => ({
    grounds: refusal.grounds,
    legalBasis: refusal.legalBasis,
    reasons: refusal.reasons,
    authority: complaintAuthority(refusal, settings, language),
  });

  switch (event.event) {
    case "verified":
      return [
        toSubject({
          template: "acknowledgement",
          variables: {
            sender: sender(language),
            reference: request.reference,
            type: request.type,
            receivedDate: input.receivedDate ?? "",
            dueDate: input.dueDate ?? "",
            caseUrl,
            ...(typeof details.duplicateOf === "string" ? { duplicateOf: details.duplicateOf } : {}),
          },
        }),
        ...toStaff({ kind: "new_request" }),
      ];
    case "extended":
      return [
        toSubject({
          template: "extension_notice",
          variables: {
            sender: sender(language),
            reference: request.reference,
            dueDate: input.dueDate ?? "",
            reason: String(details.reason),
            caseUrl,
          },
        }),
      ];
    case "information_requested":
      return [
        toSubject({
          template: "information_request",
          variables: {
            sender: sender(language),
            reference: request.reference,
            reason: details.reason as "identity" | "clarification",
            message: String(details.message),
            caseUrl,
          },
        }),
      ];
    case "subject_responded":
      return toStaff({ kind: "subject_responded" });
    case "message_sent":
      // Never the words: the case page, behind sign-in, holds them.
      return details.sentBy === "staff"
        ? [
            toSubject({
              template: "message_notice",
              variables: { sender: sender(language), reference: request.reference, caseUrl },
            }),
          ]
        : toStaff({ kind: "subject_message" });
    case "refused":
      return [
        toSubject({
          template: "refusal",
          variables: {
            sender: sender(language),
            reference: request.reference,
            refusal: refusalVars(details.refusal as Refusal),
            caseUrl,
          },
        }),
      ];
    case "partially_completed":
      return [
        toSubject({
          template: "partial_completion",
          variables: {
            sender: sender(language),
            reference: request.reference,
            summary: String(details.summary),
            refusal: refusalVars(details.refusal as Refusal),
            caseUrl,
          },
        }),
      ];
    case "completed":
      return [
        toSubject({
          template: "completion",
          variables: {
            sender: sender(language),
            reference: request.reference,
            summary: String(details.summary),
            caseUrl,
          },
        }),
      ];
    case "withdrawn":
      return [
        toSubject({
          template: "withdrawal_confirmation",
          variables: { sender: sender(language), reference: request.reference },
        }),
      ];
    case "fee_announced":
      return [
        toSubject({
          template: "fee_notice",
          variables: {
            sender: sender(language),
            reference: request.reference,
            amountCents: Number(details.amountCents),
            reasons: String(details.reasons),
            caseUrl,
          },
        }),
      ];
    case "fee_accepted":
      return toStaff({ kind: "fee_accepted" });
    case "reopened":
      return [
        toSubject({
          template: "reopen_notice",
          variables: {
            sender: sender(language),
            reference: request.reference,
            reason: String(details.reason),
            caseUrl,
          },
        }),
      ];
    case "submitted":
    case "marked_spam": // not a data subject's request: nobody is written to, and the address is gone
    case "expired_unverified": // nobody confirmed the address: nothing is sent to it
    case "work_started":
    case "assigned":
    case "resumed":
    case "note_added": // staff-only
      return [];
  }
}

/**
 * The authority the refusal names for a complaint (Art. 77, 12(4)): the controller's own (the form's
 * pre-filled "name, address"), unless the DPO wrote another one into the refusal, e.g. the authority
 * where the subject lives (Art. 77(1) lets them complain there): then the words as written, on one line.
 */
function complaintAuthority(
  refusal: Refusal,
  settings: MailSettings,
  language: "de" | "en",
): { name: string; address: string } {
  const own = { name: settings.authority.name[language], address: settings.authority.address };
  const written = (refusal.complaintRight?.authority ?? "")
    .split("\n")
    .map((line) => line.trim())
    .filter(Boolean)
    .join(", ");
  // The words the form was pre-filled with, in either language (a German page may refuse an English request).
  const prefilled = (["de", "en"] as const).map((l) => authorityPrefill(settings.authority, l));
  return written === "" || prefilled.includes(written) ? own : { name: written, address: "" };
}

/**
 * The refusal form's pre-filled complaint authority in `language`: "name, address" of the controller's
 * own (Art. 77). One function for the form and for complaintAuthority, which must recognise it.
 */
export function authorityPrefill(authority: MailSettings["authority"], language: "de" | "en"): string {
  return `${authority.name[language]}, ${authority.address}`;
}
