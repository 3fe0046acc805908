"use server";
// The admin's staff forms (plain posts; they work without JavaScript). Parsing here, rules and
// authorisation in lib/backoffice/staff/.
import { redirect } from "next/navigation";
import { changeStaffRole } from "@/lib/backoffice/staff/change-staff-role";
import { deactivateStaff, reactivateStaff } from "@/lib/backoffice/staff/deactivate-staff";
import { inviteStaff } from "@/lib/backoffice/staff/invite-staff";
import { resetStaffSecondFactor } from "@/lib/backoffice/staff/reset-staff-second-factor";
import type { StaffStepResult } from "@/lib/backoffice/staff/staff-context";
import { changeRoleForm, inviteStaffForm, staffTargetForm } from "@/lib/backoffice/staff/staff-forms";
import { staffManagementContext } from "@/lib/backoffice/staff/staff-steps";
import { isLocale, type Locale } from "@/lib/i18n/locales";
import { postedForm } from "@/lib/security/posted-form";

export interface InviteFormState {
  /** Per field, the message code (lib/i18n/messages/backoffice/staff.*.json "errors"); `form` for the step's refusal. */
  errors: Partial<Record<"email" | "name" | "role" | "form", string>>;
  values: { email: string; name: string; role: string; locale: string };
}

function localeOf(form: FormData): Locale {
  const value = form.get("locale");
  return isLocale(value) ? value : "de";
}

const field = (form: FormData, name: string) => {
  const value = form.get(name);
  return typeof value === "string" ? value.slice(0, 1_000) : "";
};

export async function inviteStaffMember(_previous: InviteFormState, received: FormData): Promise<InviteFormState> {
  const form = postedForm(received);
  const locale = localeOf(form);
  const context = await staffManagementContext(locale);
  const values = {
    email: field(form, "email"),
    name: field(form, "name"),
    role: field(form, "role"),
    locale: field(form, "inviteLocale"),
  };
  const parsed = inviteStaffForm.safeParse({ ...values, locale: isLocale(values.locale) ? values.locale : locale });
  if (!parsed.success) {
    const errors: InviteFormState["errors"] = {};
    for (const issue of parsed.error.issues) {
      const name = issue.path[0] as keyof InviteFormState["errors"];
      errors[name] ??= issue.message;
    }
    return { errors, values };
  }
  const result = await inviteStaff(context, parsed.data);
  if (!result.ok) return { errors: { form: result.reason }, values };
  redirect(`/${locale}/backoffice/staff?notice=invited`);
}

/** Runs a row's step and goes back to the list with its notice or its refusal. */
async function rowStep(
  received: FormData,
  notice: string,
  step: (form: FormData, locale: Locale) => Promise<StaffStepResult | "invalid">,
): Promise<never> {
  const form = postedForm(received);
  const locale = localeOf(form);
  const result = await step(form, locale);
  const query = result === "invalid" ? "error=invalid" : result.ok ? `notice=${notice}` : `error=${result.reason}`;
  redirect(`/${locale}/backoffice/staff?${query}`);
}

export async function changeStaffMemberRole(received: FormData): Promise<void> {
  await rowStep(received, "role_changed", async (form, locale) => {
    const context = await staffManagementContext(locale);
    const parsed = changeRoleForm.safeParse({ userId: form.get("userId"), role: form.get("role") });
    return parsed.success ? changeStaffRole(context, parsed.data) : "invalid";
  });
}

export async function deactivateStaffMember(received: FormData): Promise<void> {
  await rowStep(received, "deactivated", async (form, locale) => {
    const context = await staffManagementContext(locale);
    const parsed = staffTargetForm.safeParse({ userId: form.get("userId") });
    return parsed.success ? deactivateStaff(context, parsed.data.userId) : "invalid";
  });
}

export async function reactivateStaffMember(received: FormData): Promise<void> {
  await rowStep(received, "reactivated", async (form, locale) => {
    const context = await staffManagementContext(locale);
    const parsed = staffTargetForm.safeParse({ userId: form.get("userId") });
    return parsed.success ? reactivateStaff(context, parsed.data.userId) : "invalid";
  });
}

export async function resetStaffMemberSecondFactor(received: FormData): Promise<void> {
  await rowStep(received, "second_factor_reset", async (form, locale) => {
    const context = await staffManagementContext(locale);
    const parsed = staffTargetForm.safeParse({ userId: form.get("userId") });
    return parsed.success ? resetStaffSecondFactor(context, parsed.data.userId) : "invalid";
  });
}
