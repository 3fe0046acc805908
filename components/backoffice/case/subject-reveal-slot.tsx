// The subject's address as the case file shows it: masked, with the audited reveal (lib/backoffice/reveal,
// capability "subject.reveal": a second factor from the last 15 minutes, the TOTP page otherwise).
// After a reveal the whole address stands here for REVEAL_SHOWN_MINUTES, read back from its audit entry.
import { getTranslations } from "next-intl/server";
import { revealSubjectAction } from "@/app/[locale]/backoffice/actions";
import type { Locale } from "@/lib/i18n/locales";

export async function SubjectRevealSlot(props: {
  locale: Locale;
  requestId: string;
  reference: string;
  masked: string;
  /** The whole address, when this viewer revealed it recently. */
  revealed: string | null;
  mayReveal: boolean;
  /** The case file's path, to come back to. */
  returnTo: string;
}) {
  const [t, tQueue] = await Promise.all([
    getTranslations("backofficeCase.summary"),
    getTranslations("backofficeQueue.table"),
  ]);
  if (props.revealed) {
    return (
      <span className="subject-reveal" data-testid="subject-revealed">
        {props.revealed}
      </span>
    );
  }
  return (
    <span className="subject-reveal" data-testid="subject-masked">
      <span>{props.masked}</span> <span className="muted">{t("revealSlot")}</span>
      {props.mayReveal ? (
        <form action={revealSubjectAction} className="subject-reveal__form">
          <input type="hidden" name="locale" value={props.locale} />
          <input type="hidden" name="requestId" value={props.requestId} />
          <input type="hidden" name="returnTo" value={props.returnTo} />
          <button
            type="submit"
            className="button button--secondary button--small"
            aria-label={tQueue("revealLabel", { reference: props.reference })}
          >
            {tQueue("reveal")}
          </button>
        </form>
      ) : null}
    </span>
  );
}
