import "@/components/backoffice/second-factor/second-factor.css";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { signOut } from "@/app/[locale]/sign-in/actions";
import { EnrolmentFlow } from "@/components/backoffice/second-factor/enrolment-flow";
import { VerifyCodeForm } from "@/components/backoffice/second-factor/verify-code-form";
import { backofficeHome } from "@/lib/backoffice/access/capabilities";
import { isBackofficePath, lookupStaff, signInPath } from "@/lib/backoffice/access/staff-gate";
import { enrolmentState } from "@/lib/backoffice/second-factor/enrolment-state";
import { secondFactorContext } from "@/lib/backoffice/second-factor/second-factor-context";
import { appConfig } from "@/lib/config/app-config";
import { db } from "@/lib/db/client";
import { isLocale } from "@/lib/i18n/locales";
import { startSecondFactorEnrolment } from "./actions";

export const dynamic = "force-dynamic";

export async function generateMetadata({ params }: PageProps<"/[locale]/backoffice/second-factor">): Promise<Metadata> {
  const { locale } = await params;
  if (!isLocale(locale)) return {};
  const t = await getTranslations({ locale, namespace: "backofficeSecondFactor" });
  return { title: t("metaTitle") };
}

/**
 * The TOTP page: the one page a staff session without its second factor reaches. Enrols an
 * authenticator app (a POST; a GET never enrols) or asks for a code, then returns to `next` (a
 * back-office path, else the back office's home). `reason=fresh`: asked again before a subject's
 * files or masked data (capabilities.ts: a code from the last 15 minutes).
 */
export default async function SecondFactorPage({
  params,
  searchParams,
}: PageProps<"/[locale]/backoffice/second-factor">) {
  const { locale } = await params;
  if (!isLocale(locale)) notFound();
  setRequestLocale(locale);
  const query = await searchParams;
  const asked = isBackofficePath(query.next, locale) ? query.next : null;
  const fresh = query.reason === "fresh";
  const lookup = await lookupStaff();
  if (lookup.kind === "signed_out") {
    redirect(signInPath(locale, asked ?? `/${locale}/backoffice`));
  }
  if (lookup.kind === "not_staff") notFound();
  const { viewer } = lookup;
  const next = asked ?? backofficeHome(locale, viewer.actor.role);
  const t = await getTranslations({ locale, namespace: "backofficeSecondFactor" });
  const state = await enrolmentState(db(), viewer.actor.userId, secondFactorContext());
  // Proven in this session and not asked for a fresh code: nothing to do but go on.
  const confirmed = lookup.kind === "staff" && !fresh;
  const codeTexts = { label: t("code.label"), hint: t("code.hint"), submit: t("code.submit") };
  const recoveryTexts = {
    label: t("recoveryCode.label"),
    hint: t("recoveryCode.hint"),
    submit: t("recoveryCode.submit"),
  };
  const enrolmentTexts = {
    title: t("enrol.title"),
    scan: t("enrol.scan"),
    qrLabel: t("enrol.qrLabel"),
    keyLabel: t("enrol.keyLabel"),
    confirmStep: t("enrol.confirmStep"),
    startAgain: t("enrol.startAgain"),
    code: codeTexts,
    recoveryTitle: t("recovery.title"),
    recoveryIntro: t("recovery.intro"),
    recoveryOnce: t("recovery.once"),
    recoveryListLabel: t("recovery.listLabel"),
    continue: t("continue"),
  };

  return (
    <div className="container container--narrow section second-factor">
      <h1>{t("title")}</h1>
      {fresh ? (
        <p className="notice" role="status" data-testid="second-factor-fresh">
          {t("fresh")}
        </p>
      ) : null}
      {state.kind === "none" && !confirmed ? (
        <section aria-labelledby="setup-title" data-testid="setup">
          <h2 id="setup-title">{t("setup.title")}</h2>
          <p>{t("setup.intro")}</p>
          <p>{t("setup.steps")}</p>
          <form action={startSecondFactorEnrolment}>
            <input type="hidden" name="locale" value={locale} />
            <input type="hidden" name="next" value={next} />
            <button type="submit" className="button">
              {t("setup.button")}
            </button>
          </form>
        </section>
      ) : null}
      {/* Always here when something was set up, so the recovery codes survive the page around them (see EnrolmentFlow). */}
      {state.kind !== "none" || confirmed ? (
        <EnrolmentFlow
          locale={locale}
          next={next}
          texts={enrolmentTexts}
          pending={state.kind === "pending" && !confirmed ? { qrSvg: state.qrSvg, manualKey: state.manualKey } : null}
        >
          {confirmed ? (
            <section aria-labelledby="confirmed-title" data-testid="second-factor-confirmed">
              <h2 id="confirmed-title">{t("confirmedTitle")}</h2>
              <p>{t("confirmed")}</p>
              <p>
                <Link className="button" href={next}>
                  {t("continue")}
                </Link>
              </p>
            </section>
          ) : (
            <>
              <p>{t("verify.intro")}</p>
              {appConfig().mode === "demo" ? (
                <p className="callout" data-testid="second-factor-demo">
                  {t.rich("demo", { email: viewer.email, command: (chunks) => <code>{chunks}</code> })}
                </p>
              ) : null}
              <VerifyCodeForm locale={locale} next={next} kind="totp" texts={codeTexts} />
              <details className="second-factor__recovery-toggle">
                <summary>{t("verify.recoveryToggle")}</summary>
                <p>{t("verify.recoveryIntro")}</p>
                <VerifyCodeForm locale={locale} next={next} kind="recovery" texts={recoveryTexts} />
              </details>
            </>
          )}
        </EnrolmentFlow>
      ) : null}
      {/* A session that has proven its second factor has the back office's bar (the layout) with its own sign-out. */}
      {lookup.kind === "second_factor_pending" ? (
        <form action={signOut} className="second-factor__sign-out">
          <input type="hidden" name="locale" value={locale} />
          <span>{t("signedInAs", { email: viewer.email })}</span>{" "}
          <button type="submit" className="button button--secondary button--small">
            {t("signOut")}
          </button>
        </form>
      ) : null}
    </div>
  );
}
