// The data subject confirms a request made for their address: this is receipt in the sense of
// Art. 12(3), and the deadline starts. Two ways lead here, both a POST: the button on the page
// behind the confirmation mail's link (which signs the person in with the same press), and the
// button on the case page when that link has run out.
import "server-only";
import { currentSession } from "../auth/session";
import { appConfig } from "../config/app-config";
import { db } from "../db/client";
import { requestSettingsFromConfig } from "./settings-from-config";
import { transitionRequest } from "./transition-request";

export type ConfirmResult =
  | { kind: "signed_out" }
  /** Not there, or not this person's: the same answer. */
  | { kind: "not_found" }
  | { kind: "confirmed" }
  /** Confirmed before, expired or withdrawn: nothing to do, the case page says where it stands. */
  | { kind: "unchanged" };

/** The case page's button: the signed-in subject confirms one of their requests. */
export async function confirmMyRequest(
  reference: string,
  where: { ip: string | null; userAgent: string | null },
): Promise<ConfirmResult> {
  const session = await currentSession();
  if (!session) return { kind: "signed_out" };
  return confirmRequestAs(session.user, reference, where);
}

/**
 * Verifies the request `reference` for `user`, who has just proven their address (a session, or
 * the mailed link's token spent in the same POST). Only a request naming that address is found.
 */
export async function confirmRequestAs(
  user: { id: string; email: string },
  reference: string,
  where: { ip: string | null; userAgent: string | null },
): Promise<ConfirmResult> {
  const request = await db().request.findFirst({
    where: { reference, subjectEmail: user.email },
    select: { id: true, status: true },
  });
  if (!request) return { kind: "not_found" };
  if (request.status !== "awaiting_verification") return { kind: "unchanged" };
  // A second press at the same moment loses the optimistic lock: the request is confirmed either way.
  const outcome = await transitionRequest(
    db(),
    {
      requestId: request.id,
      actor: { type: "subject", userId: user.id },
      command: { name: "verify", input: {} },
      ...where,
    },
    requestSettingsFromConfig(appConfig()),
  );
  return outcome.ok ? { kind: "confirmed" } : { kind: "unchanged" };
}
