// The subject's address as the case file shows it: masked. THE PLACE FOR THE REVEAL BUTTON: the
// audited unmasking (lib/backoffice/reveal/revealSubject, capability "subject.reveal" with a fresh
// second factor) is built on another branch and plugs in here; until then only the mask is shown.
import { getTranslations } from "next-intl/server";

export async function SubjectRevealSlot({ masked }: { masked: string }) {
  const t = await getTranslations("backofficeCase.summary");
  return (
    <span className="subject-reveal" data-testid="subject-masked">
      <span>{masked}</span> <span className="muted">{t("revealSlot")}</span>
    </span>
  );
}
