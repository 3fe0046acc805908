// Which requests are the signed-in subject's: those naming their address, or linked
// to their account. One definition for the list, the case page and the case's actions,
// so that what a subject can see and what they can act on never drift apart.
import type { Prisma } from "../db/generated/sqlite/client";

export function ownedBy(user: { id: string; email: string }): Prisma.RequestWhereInput {
  return { OR: [{ subjectEmail: user.email.toLowerCase() }, { subjectUserId: user.id }] };
}
