// Who did something, as staff read it: a colleague by name (or address) and role, else the subject's side or the portal.
import { getTranslations } from "next-intl/server";
import type { CaseActor } from "@/lib/backoffice/case/load-case-file";

export async function actorWords(actor: CaseActor): Promise<string> {
  const [t, tRoles] = await Promise.all([
    getTranslations("backofficeCase.timeline"),
    getTranslations("backoffice.roles"),
  ]);
  if (actor.kind !== "staff") return t(actor.kind);
  const who = actor.name ?? actor.email ?? t("unknown");
  const email = actor.name && actor.email ? ` <${actor.email}>` : "";
  return `${who}${email}${actor.role ? ` (${tRoles(actor.role)})` : ""}`;
}
