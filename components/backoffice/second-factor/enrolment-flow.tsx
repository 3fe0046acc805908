"use client";
// The enrolment's second half and what follows it: the QR code and typed key of a pending secret
// with the field for the first code, then the ten recovery codes, shown this once, with the way on.
// The page renders this in the same place whatever the state, with the other states as children, so
// that the recovery codes (the confirming action's answer, never stored in the clear) are shown even
// when the page around them is rendered again for the enrolled session (without JavaScript it is).
import Link from "next/link";
import type { ReactNode } from "react";
import { useActionState } from "react";
import {
  confirmSecondFactorEnrolment,
  startSecondFactorEnrolment,
  type CodeFormState,
} from "@/app/[locale]/backoffice/second-factor/actions";
import type { EnrolmentKey } from "@/lib/backoffice/second-factor/enrolment-key";
import { CodeField, type CodeFieldTexts } from "./code-field";

const initial: CodeFormState = { error: null };

/** The texts, translated on the server (the browser gets no back-office message files). */
export interface EnrolmentTexts {
  title: string;
  scan: string;
  qrLabel: string;
  keyLabel: string;
  confirmStep: string;
  startAgain: string;
  code: CodeFieldTexts;
  recoveryTitle: string;
  recoveryIntro: string;
  recoveryOnce: string;
  recoveryListLabel: string;
  continue: string;
}

interface Props {
  locale: "de" | "en";
  next: string;
  /** The pending enrolment's key; null when none is pending (the children are shown then). */
  pending: Pick<EnrolmentKey, "qrSvg" | "manualKey"> | null;
  texts: EnrolmentTexts;
  children?: ReactNode;
}

export function EnrolmentFlow({ locale, next, pending, texts, children }: Props) {
  const [state, action, busy] = useActionState(confirmSecondFactorEnrolment, initial);
  if (state.recoveryCodes) {
    return (
      <section className="second-factor__recovery" aria-labelledby="recovery-title" data-testid="recovery-codes">
        <h2 id="recovery-title">{texts.recoveryTitle}</h2>
        <p>{texts.recoveryIntro}</p>
        <ol className="second-factor__codes" aria-label={texts.recoveryListLabel}>
          {state.recoveryCodes.map((code) => (
            <li key={code}>
              <code>{code}</code>
            </li>
          ))}
        </ol>
        <p>{texts.recoveryOnce}</p>
        <p>
          <Link className="button" href={next}>
            {texts.continue}
          </Link>
        </p>
      </section>
    );
  }
  if (!pending) return <>{children}</>;
  return (
    <section aria-labelledby="enrol-title" data-testid="enrolment">
      <h2 id="enrol-title">{texts.title}</h2>
      <p>{texts.scan}</p>
      <div
        className="second-factor__qr"
        role="img"
        aria-label={texts.qrLabel}
        // The SVG comes from the qrcode package on our server (no script, no reference outside it).
        dangerouslySetInnerHTML={{ __html: pending.qrSvg }}
      />
      <p>{texts.keyLabel}</p>
      <p className="second-factor__key" data-testid="manual-key">
        <code>{pending.manualKey}</code>
      </p>
      <form action={action} noValidate className="form-card second-factor__form">
        <input type="hidden" name="locale" value={locale} />
        <input type="hidden" name="next" value={next} />
        <p>{texts.confirmStep}</p>
        <CodeField id="second-factor-first-code" kind="totp" state={state} texts={texts.code} />
        <button type="submit" className="button" aria-disabled={busy || undefined}>
          {texts.code.submit}
        </button>
      </form>
      <form action={startSecondFactorEnrolment} className="second-factor__again">
        <input type="hidden" name="locale" value={locale} />
        <input type="hidden" name="next" value={next} />
        <button type="submit" className="button button--secondary">
          {texts.startAgain}
        </button>
      </form>
    </section>
  );
}
