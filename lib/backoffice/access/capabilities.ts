// What each staff role may see and do in the back office outside the request workflow. Case
// commands (assign, extend, refuse, ...) are in lib/requests/workflow/rules.ts; this table holds the
// rest. Pure: the data access layer (./staff-gate.ts) and the authorisation matrix test read it, and
// pages only show what it grants.
import type { StaffRole } from "../../requests/workflow/actor";

interface CapabilityRule {
  roles: readonly StaffRole[];
  /**
   * Whether the second factor must have been proven within SECOND_FACTOR_FRESH_MINUTES: opening a
   * subject's files or revealing masked data (issue 13).
   */
  fresh?: true;
}

const readers = ["dpo", "privacy_team", "auditor"] as const;
const caseworkers = ["dpo", "privacy_team"] as const;

export const capabilities = {
  /** The queue and its dashboard strip (subjects masked). */
  "queue.view": { roles: readers },
  /** A case file: details, timeline, thread, notes, mails. */
  "case.view": { roles: readers },
  /** A subject's address unmasked in the queue or case file; each reveal is audited. */
  "subject.reveal": { roles: readers, fresh: true },
  /** A file the subject or the team uploaded (ID scans among them). */
  "attachment.open": { roles: readers, fresh: true },
  /** Internal notes (never shown to the subject). */
  "note.add": { roles: caseworkers },
  "metrics.view": { roles: readers },
  /** The request register as CSV (Art. 5(2) accountability). */
  "register.export": { roles: ["dpo", "auditor"] },
  /** The notice texts and their versions: an auditor checks what subjects are told (Art. 12(1), 5(2)). */
  "templates.view": { roles: readers },
  "templates.edit": { roles: ["dpo"] },
  /** A fulfilment task in the case file: retry a failed or dead-lettered one, or mark it not applicable with a note. */
  "task.act": { roles: caseworkers },
  /** The connectors (systems holding personal data, their owners and register entries): read. */
  "connectors.view": { roles: readers },
  /** Create and change connectors: the DPO decides where a request must be carried out (Art. 5(2), 24). */
  "connectors.edit": { roles: ["dpo"] },
  /** Invite staff, change roles, deactivate, reset a second factor: an admin sees no subject data. */
  "staff.manage": { roles: ["admin"] },
} as const satisfies Record<string, CapabilityRule>;

export type Capability = keyof typeof capabilities;

/** How recent the second factor must be for a `fresh` capability (issue 13). */
export const SECOND_FACTOR_FRESH_MINUTES = 15;

/** Whether `role` holds `capability` (any role not listed does not). */
export function may(role: StaffRole, capability: Capability): boolean {
  return (capabilities[capability].roles as readonly StaffRole[]).includes(role);
}

/** Whether a second factor proven at `provenAt` is recent enough for `capability` at `now`. */
export function secondFactorFreshEnough(capability: Capability, provenAt: Date | null, now: Date): boolean {
  const rule: CapabilityRule = capabilities[capability];
  if (!rule.fresh) return true;
  return provenAt !== null && now.getTime() - provenAt.getTime() <= SECOND_FACTOR_FRESH_MINUTES * 60_000;
}

/**
 * Where a role's back office starts: the queue, or for an admin (who sees no requests) the staff
 * accounts. Sign-in, the TOTP page and invitations lead here when no other page was asked for.
 */
export function backofficeHome(locale: string, role: StaffRole): string {
  return may(role, "queue.view") ? `/${locale}/backoffice` : `/${locale}/backoffice/staff`;
}
