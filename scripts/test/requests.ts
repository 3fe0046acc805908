// Requests as tests need them: submitted (and, usually, confirmed by their subject)
// through the real domain functions, so every row and audit entry is genuine.
import type { Db } from "../../lib/db/client";
import { submitRequest, type SubmitInput } from "../../lib/requests/submit-request";
import { transitionRequest } from "../../lib/requests/transition-request";
import { testRequestSettings } from "./request-settings";

export async function submitTestRequest(db: Db, input: Partial<SubmitInput> = {}, at = new Date()) {
  const submitted = await submitRequest(
    db,
    {
      type: "access",
      details: { scope: "all", copy: true },
      subjectEmail: "anna@example.org",
      language: "de",
      statementVersion: "2023-07",
      ...input,
    },
    at,
  );
  if (!submitted.ok) throw new Error(`submit failed: ${submitted.issues.join("; ")}`);
  return submitted;
}

/** Submitted and confirmed by the account `subjectUserId` (whose address must be the request's). */
export async function verifiedTestRequest(
  db: Db,
  subjectUserId: string,
  input: Partial<SubmitInput> = {},
  at = new Date(),
  where: { ip?: string; userAgent?: string } = {},
) {
  const submitted = await submitTestRequest(db, input, at);
  const verified = await transitionRequest(
    db,
    {
      requestId: submitted.id,
      actor: { type: "subject", userId: subjectUserId },
      command: { name: "verify", input: {} },
      ...where,
    },
    testRequestSettings,
    at,
  );
  if (!verified.ok) throw new Error(`verify failed: ${JSON.stringify(verified.error)}`);
  return submitted;
}
