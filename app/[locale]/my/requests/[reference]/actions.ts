"use server";
// The case page's forms (plain form posts; they work without JavaScript): write to the
// team or answer its question, and withdraw the request. Parsing here, rules in lib/.
// A reference that is not the subject's answers exactly like one that does not exist.
import { notFound, redirect } from "next/navigation";
import { z } from "zod";
import { checkUploads } from "@/lib/attachments/check-uploads";
import { uploadLimitsFromConfig } from "@/lib/attachments/limits";
import { appConfig } from "@/lib/config/app-config";
import { uploadFieldError, type FieldError } from "@/lib/requests/intake/field-errors";
import { confirmMyRequest } from "@/lib/requests/confirm-my-request";
import { acceptMyFee, replyToMyRequest, withdrawMyRequest } from "@/lib/requests/my-request-actions";
import {
  readMessage,
  readWithdrawalReason,
  type CaseTextError,
  type OptionalTextError,
} from "@/lib/requests/my-request-forms";
import { text } from "@/lib/input/schemas";
import { clientContext } from "@/lib/security/client-context";
import { postedForm } from "@/lib/security/posted-form";

export interface ReplyFormState {
  /** `limited`: too many messages this window; `limited_files`: too many files (both keep the words). */
  error: CaseTextError["code"] | "not_possible" | "conflict" | "limited" | "limited_files" | null;
  /** With a refused character: which (as "U+202E") and where. */
  at?: { character?: string; position?: number };
  /** With `limited…`: whole minutes until the person may send again. */
  retryMinutes?: number;
  /** A problem with the attached files (the words are kept). */
  fileError?: FieldError | null;
  message: string;
}

export interface WithdrawFormState {
  error: OptionalTextError["code"] | "not_possible" | "conflict" | null;
  /** With a refused character: which (as "U+202E") and where. */
  at?: { character?: string; position?: number };
  reason: string;
}

const target = z.object({ locale: z.enum(["de", "en"]), reference: text({ max: 40 }).pipe(z.string().min(1)) });

export async function replyToRequest(_previous: ReplyFormState, received: FormData): Promise<ReplyFormState> {
  const form = postedForm(received);
  const { locale, reference } = parseTarget(form);
  const raw = String(form.get("message") ?? "");
  const message = readMessage(form.get("message"));
  const limits = uploadLimitsFromConfig(appConfig());
  const files = form.getAll("attachments").filter((v): v is File => typeof v !== "string");
  const uploads = await checkUploads(files, limits);
  const fileError = uploads.ok ? null : uploadFieldError(uploads, limits);
  if (!message.ok || !uploads.ok) {
    const error = message.ok ? null : message.error;
    return { error: error?.code ?? null, at: error ?? undefined, fileError, message: raw.slice(0, 20_000) };
  }
  const result = await replyToMyRequest(reference, message.value, uploads.files, await clientContext());
  if (result.ok) {
    const notice = result.answered ? "answered" : "sent";
    redirect(`/${locale}/my/requests/${encodeURIComponent(reference)}?notice=${notice}#messages`);
  }
  if (result.reason === "limited") {
    const error = result.limit === "upload_user" ? "limited_files" : "limited";
    return { error, retryMinutes: Math.ceil(result.retryAfterSeconds / 60), message: raw };
  }
  if (result.reason === "case_total") {
    const max = Math.floor(result.maxBytes / (1024 * 1024));
    return { error: null, fileError: { code: "file_case_total", max }, message: raw };
  }
  return failed(result.reason, locale, reference, { message: raw });
}

export async function withdrawRequest(_previous: WithdrawFormState, received: FormData): Promise<WithdrawFormState> {
  const form = postedForm(received);
  const { locale, reference } = parseTarget(form);
  const raw = String(form.get("reason") ?? "");
  const reason = readWithdrawalReason(form.get("reason"));
  if (!reason.ok)
    return {
      error: reason.error.code as Exclude<CaseTextError["code"], "empty">,
      at: reason.error,
      reason: raw.slice(0, 4_000),
    };
  const result = await withdrawMyRequest(reference, reason.value, await clientContext());
  if (result.ok) {
    // Withdrawn before confirmation, the request is minimised at once: no case page is left to show.
    if (result.from === "awaiting_verification") redirect(`/${locale}/my/requests?notice=withdrawn_unconfirmed`);
    redirect(`/${locale}/my/requests/${encodeURIComponent(reference)}?notice=withdrawn`);
  }
  return failed(result.reason, locale, reference, { reason: raw });
}

/** Confirming from the case page, when the mailed link has run out (receipt, Art. 12(3)). */
export async function confirmRequest(received: FormData): Promise<void> {
  const form = postedForm(received);
  const { locale, reference } = parseTarget(form);
  const result = await confirmMyRequest(reference, await clientContext());
  const back = `/${locale}/my/requests/${encodeURIComponent(reference)}`;
  if (result.kind === "signed_out") redirect(`/${locale}/sign-in?${new URLSearchParams({ callbackUrl: back })}`);
  if (result.kind === "not_found") notFound();
  redirect(result.kind === "confirmed" ? `${back}?notice=confirmed` : back);
}

/** Accepting the announced fee (Art. 12(5)(a)); withdrawing instead goes through the withdrawal page. */
export async function acceptFee(received: FormData): Promise<void> {
  const form = postedForm(received);
  const { locale, reference } = parseTarget(form);
  const result = await acceptMyFee(reference, await clientContext());
  const back = `/${locale}/my/requests/${encodeURIComponent(reference)}`;
  if (result.ok) redirect(`${back}?notice=feeAccepted`);
  failed(result.reason, locale, reference, {});
  // Decided meanwhile (withdrawn, or the team went on): the page shows the status as it is now.
  redirect(`${back}?notice=notPossible`);
}

function parseTarget(form: FormData): z.infer<typeof target> {
  const parsed = target.safeParse({ locale: form.get("locale"), reference: form.get("reference") });
  if (!parsed.success) notFound();
  return parsed.data;
}

function failed<S extends Record<string, string>>(
  reason: "signed_out" | "not_found" | "invalid" | "not_possible" | "conflict",
  locale: "de" | "en",
  reference: string,
  kept: S,
): S & { error: "not_possible" | "conflict" } {
  if (reason === "signed_out") {
    const back = `/${locale}/my/requests/${encodeURIComponent(reference)}`;
    redirect(`/${locale}/sign-in?${new URLSearchParams({ callbackUrl: back })}`);
  }
  // The same 404 as opening a case that does not exist.
  if (reason === "not_found") notFound();
  return { ...kept, error: reason === "conflict" ? "conflict" : "not_possible" };
}
