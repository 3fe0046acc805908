// The signed-in data subject's own requests: those naming their verified address, or linked to
// their account. The session is checked here, not only by the page that asks.
import "server-only";
import { currentSession } from "../auth/session";
import { db } from "../db/client";
import { ownedBy } from "./my-request-scope";
import type { RequestStatus } from "./workflow/states";

export interface MyRequest {
  reference: string;
  type: string;
  status: RequestStatus;
  submittedAt: Date;
  dueDate: string | null;
}

/** null when nobody is signed in. */
export async function listMyRequests(): Promise<{ email: string; requests: MyRequest[] } | null> {
  const session = await currentSession();
  if (!session) return null;
  const { id, email } = session.user;
  const requests = await db().request.findMany({
    where: ownedBy({ id, email }),
    orderBy: { submittedAt: "desc" },
    select: { reference: true, type: true, status: true, submittedAt: true, dueDate: true },
  });
  return { email, requests };
}
