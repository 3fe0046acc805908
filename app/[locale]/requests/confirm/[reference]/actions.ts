"use server";
// The button on the page behind a confirmation mail's link: a plain form post (no JavaScript
// needed). Spends the link, signs in and confirms (lib/requests/confirm-by-link.ts).
import { redirect } from "next/navigation";
import { z } from "zod";
import { confirmByMailedLink } from "@/lib/requests/confirm-by-link";
import { clientContext } from "@/lib/security/client-context";
import { postedForm } from "@/lib/security/posted-form";

const confirmation = z.object({
  locale: z.enum(["de", "en"]).catch("de"),
  reference: z.string().min(1).max(40),
  code: z.string().max(100),
  token: z.string().max(100),
});

export async function confirmWithLink(received: FormData): Promise<void> {
  const form = postedForm(received);
  const parsed = confirmation.safeParse(
    Object.fromEntries(["locale", "reference", "code", "token"].map((k) => [k, form.get(k)])),
  );
  if (!parsed.success) redirect(`/${form.get("locale") === "en" ? "en" : "de"}/requests/new`);
  const { locale, reference } = parsed.data;
  const result = await confirmByMailedLink(parsed.data, await clientContext());
  const casePath = `/${locale}/my/requests/${encodeURIComponent(reference)}`;
  switch (result.kind) {
    case "unusable":
      // The page, opened again without the spent link, says it no longer works and how to go on.
      redirect(`/${locale}/requests/confirm/${encodeURIComponent(reference)}`);
    case "confirmed":
      redirect(`${casePath}?notice=confirmed`);
    case "signed_out":
    case "unchanged":
    case "not_found":
      // The case page says where the request stands (or answers "not found" as for any reference).
      redirect(casePath);
  }
}
