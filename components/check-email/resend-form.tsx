"use client";
// "Send it again" on a check-email page: a plain form post (works without JavaScript), useActionState
// with it. The server action says in words what happened; the answer is announced (role="status").
import { useActionState } from "react";

export interface ResendState {
  /** What happened, in the page's language; null before the first press. */
  message: string | null;
  /** A refusal (the abuse limit) reads as a warning, the rest as news. */
  warning: boolean;
  /** The masked address the mail went to, once sent again. */
  maskedEmail?: string;
}

export const initialResendState: ResendState = { message: null, warning: false };

export function ResendForm({
  action,
  locale,
  intro,
  button,
  sending,
}: {
  action: (previous: ResendState, form: FormData) => Promise<ResendState>;
  locale: "de" | "en";
  intro: string;
  button: string;
  sending: string;
}) {
  const [state, formAction, pending] = useActionState(action, initialResendState);
  return (
    <form action={formAction} className="resend-form" data-testid="resend-form">
      <input type="hidden" name="locale" value={locale} />
      <p>{intro}</p>
      <p>
        <button type="submit" className="button button--secondary" aria-disabled={pending || undefined}>
          {pending ? sending : button}
        </button>
      </p>
      <p role="status" className={state.warning ? "callout callout--warning" : undefined} data-testid="resend-status">
        {state.message}
      </p>
    </form>
  );
}
