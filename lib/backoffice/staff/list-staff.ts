// The staff accounts for the admin's page. Staff only: no data subject appears here.
import type { Db } from "../../db/client";
import type { StaffRole } from "../../requests/workflow/actor";
import { may } from "../access/capabilities";

export interface StaffRow {
  id: string;
  email: string;
  name: string | null;
  role: StaffRole;
  deactivatedAt: Date | null;
  /** Whether a confirmed TOTP enrolment exists. */
  secondFactorEnrolled: boolean;
  /** Live sessions (rows; an ended one has none). */
  sessions: number;
  createdAt: Date;
}

/** Every staff account, active first, then by address; null when `actorRole` may not manage staff. */
export async function listStaff(db: Db, actorRole: StaffRole): Promise<StaffRow[] | null> {
  if (!may(actorRole, "staff.manage")) return null;
  const users = await db.user.findMany({
    where: { role: { not: null } },
    orderBy: [{ email: "asc" }],
    select: {
      id: true,
      email: true,
      name: true,
      role: true,
      deactivatedAt: true,
      createdAt: true,
      staffTotp: { select: { enrolledAt: true } },
      _count: { select: { sessions: true } },
    },
  });
  return users
    .map((u) => ({
      id: u.id,
      email: u.email,
      name: u.name,
      role: u.role!,
      deactivatedAt: u.deactivatedAt,
      secondFactorEnrolled: Boolean(u.staffTotp?.enrolledAt),
      sessions: u._count.sessions,
      createdAt: u.createdAt,
    }))
    .sort((a, b) => Number(a.deactivatedAt !== null) - Number(b.deactivatedAt !== null));
}
