// The admin's staff forms, one schema each for the page and the server action. Pure.
import { z } from "zod";
import { emailAddress, requiredText, text } from "../../input/schemas";
import { staffRoles } from "../../requests/workflow/actor";

const staffRole = z.enum(staffRoles, { error: "role" });
const userId = requiredText({ max: 64 });

/** Invite someone to the back office: their address, an optional name, the role, the mail's language. */
export const inviteStaffForm = z.object({
  email: emailAddress(),
  name: text({ max: 200 }),
  role: staffRole,
  locale: z.enum(["de", "en"]),
});
export type InviteStaffInput = z.output<typeof inviteStaffForm>;

export const changeRoleForm = z.object({ userId, role: staffRole });
export type ChangeRoleInput = z.output<typeof changeRoleForm>;

/** Deactivate, reactivate, reset the second factor: which staff account. */
export const staffTargetForm = z.object({ userId });
