"use server";
// The case page's forms (plain form posts; they work without JavaScript): write to the
// team or answer its question, and withdraw the request. Parsing here, rules in lib/.
// A reference that is not the subject's answers exactly like one that does not exist.
import { notFound, redirect } from "next/navigation";
import { z } from "zod";
import { replyToMyRequest, withdrawMyRequest, type ClientContext } from "@/lib/requests/my-request-actions";

export interface ReplyFormState {
  error: "empty" | "too_long" | "not_possible" | "conflict" | null;
  message: string;
}

export interface WithdrawFormState {
  error: "too_long" | "not_possible" | "conflict" | null;
  reason: string;
}

const target = z.object({ locale: z.enum(["de", "en"]), reference: z.string().min(1).max(40) });

// Where the person acted is not recorded yet: lib/security/client-context.ts (IP and user agent of
// the request) is being written elsewhere; pass its answer here once it is on main.
const client: ClientContext = { ip: null, userAgent: null };

export async function replyToRequest(_previous: ReplyFormState, form: FormData): Promise<ReplyFormState> {
  const { locale, reference } = parseTarget(form);
  const raw = String(form.get("message") ?? "");
  const message = z.string().trim().min(1).max(10_000).safeParse(raw);
  if (!message.success) return { error: raw.trim() ? "too_long" : "empty", message: raw.slice(0, 20_000) };
  const result = await replyToMyRequest(reference, message.data, client);
  if (result.ok) {
    const notice = result.answered ? "answered" : "sent";
    redirect(`/${locale}/my/requests/${encodeURIComponent(reference)}?notice=${notice}#messages`);
  }
  return failed(result.reason, locale, reference, { message: raw });
}

export async function withdrawRequest(_previous: WithdrawFormState, form: FormData): Promise<WithdrawFormState> {
  const { locale, reference } = parseTarget(form);
  const raw = String(form.get("reason") ?? "");
  const reason = z.string().trim().max(2_000).safeParse(raw);
  if (!reason.success) return { error: "too_long", reason: raw.slice(0, 4_000) };
  const result = await withdrawMyRequest(reference, reason.data || null, client);
  if (result.ok) redirect(`/${locale}/my/requests/${encodeURIComponent(reference)}?notice=withdrawn`);
  return failed(result.reason, locale, reference, { reason: raw });
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
