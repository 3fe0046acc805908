// The signed-in data subject confirms a request made for their address: the magic link of the
// confirmation mail lands here after signing them in (and the case page offers the same step when
// the link has run out). This is receipt in the sense of Art. 12(3): the deadline starts.
import "server-only";
import { currentSession } from "../auth/session";
import { appConfig } from "../config/app-config";
import { db } from "../db/client";
import { isConfirmationCode } from "./intake/confirmation-link";
import { requestSettingsFromConfig } from "./settings-from-config";
import { transitionRequest } from "./transition-request";

export type ConfirmResult =
  | { kind: "signed_out" }
  /** Not there, or not this person's: the same answer. */
  | { kind: "not_found" }
  | { kind: "confirmed" }
  /** Confirmed before, expired or withdrawn: nothing to do, the case page says where it stands. */
  | { kind: "unchanged" };

export async function confirmMyRequest(
  reference: string,
  where: { ip: string | null; userAgent: string | null },
  /** From the mailed link: "mail" with its code; from the case page's own form (a POST): "page". */
  proof: { via: "mail"; code: unknown } | { via: "page" },
): Promise<ConfirmResult> {
  const session = await currentSession();
  if (!session) return { kind: "signed_out" };
  const request = await db().request.findFirst({
    where: { reference, subjectEmail: session.user.email.toLowerCase() },
    select: { id: true, status: true },
  });
  if (!request) return { kind: "not_found" };
  if (request.status !== "awaiting_verification") return { kind: "unchanged" };
  // A link without the mail's code confirms nothing; the case page then offers the button.
  if (proof.via === "mail" && !isConfirmationCode(appConfig().nextauthSecret, reference, proof.code)) {
    return { kind: "unchanged" };
  }
  // A conflict is another writer holding the database (SQLite) or a second click: try again; after a
  // second click the retry finds the request confirmed and answers "unchanged".
  for (let attempt = 1; ; attempt++) {
    const outcome = await transitionRequest(
      db(),
      {
        requestId: request.id,
        actor: { type: "subject", userId: session.user.id },
        command: { name: "verify", input: {} },
        ...where,
      },
      requestSettingsFromConfig(appConfig()),
    );
    if (outcome.ok) return { kind: "confirmed" };
    if (outcome.error.code !== "conflict" || attempt === 3) return { kind: "unchanged" };
  }
}
