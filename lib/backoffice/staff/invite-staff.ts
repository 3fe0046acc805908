// An admin invites someone to the back office: the account is made (or a data subject's account
// given a role), and the invitation mail is queued in the same transaction. The invitee signs in by
// magic link and enrols the second factor at first sign-in (lib/backoffice/second-factor/).
import { enqueueMail } from "../../mail/outbox/enqueue-mail";
import { mailSender } from "../../requests/request-settings";
import { backofficeHome } from "../access/capabilities";
import type { StaffManagementContext, StaffStepResult } from "./staff-context";
import type { InviteStaffInput } from "./staff-forms";
import { StaffStepAbort } from "./staff-guards";
import { runStaffStep } from "./run-staff-step";

/**
 * Invites `input.email` as `input.role`. Refuses "already_staff" for an address that is staff
 * (active or deactivated: reactivate that one instead), "forbidden" for a non-admin.
 * Audit: "staff_invited" {userId, role} on the system chain.
 */
export async function inviteStaff(context: StaffManagementContext, input: InviteStaffInput): Promise<StaffStepResult> {
  return runStaffStep(context, async (tx) => {
    const existing = await tx.user.findUnique({ where: { email: input.email }, select: { id: true, role: true } });
    if (existing?.role) throw new StaffStepAbort("already_staff");
    const name = input.name || null;
    const user = existing
      ? await tx.user.update({ where: { id: existing.id }, data: { role: input.role, name }, select: { id: true } })
      : await tx.user.create({
          data: { email: input.email, name, role: input.role, locale: input.locale },
          select: { id: true },
        });
    const url = new URL(`/${input.locale}/sign-in`, context.mail.publicUrl);
    url.searchParams.set("callbackUrl", backofficeHome(input.locale, input.role));
    await enqueueMail(
      tx,
      {
        template: "staff_invitation",
        language: input.locale,
        to: input.email,
        variables: {
          sender: mailSender(context.mail, input.locale),
          url: url.href,
          role: input.role,
          invitedBy: context.actorEmail,
        },
      },
      context.now,
    );
    return { event: "staff_invited", details: { userId: user.id, role: input.role, hadAccount: Boolean(existing) } };
  });
}
