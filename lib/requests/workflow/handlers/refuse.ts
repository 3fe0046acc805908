// Art. 12(4) GDPR: not acting on a request (wholly or in part) must come with the
// reasons, the right to complain to a supervisory authority and the right to a
// judicial remedy. A refusal missing any of the three is not recorded.
import type { Refusal } from "../commands";
import type { WorkflowError } from "../errors";

export function missingRefusalParts(refusal: Refusal): WorkflowError | null {
  const missing: Array<"reasons" | "complaint_right" | "judicial_remedy"> = [];
  if (refusal.reasons.trim().length < 20) missing.push("reasons");
  if (!refusal.complaintRight || refusal.complaintRight.authority.trim().length < 3) missing.push("complaint_right");
  if (!refusal.judicialRemedy) missing.push("judicial_remedy");
  return missing.length ? { code: "refusal_incomplete", missing } : null;
}
