// The queue views the benchmark measures, shared by its HTTP side (bench/queue.ts) and its query
// side (queue-plans.ts).
import { EMPTY_VIEW, type QueueView } from "../../lib/backoffice/queue/queue-view";

export interface PlanInput {
  flavor: "sqlite" | "postgres";
  url: string;
  now: string;
  staff: { dpo: string; team: string[]; auditor: string };
  sampleEmail: string;
  /** The deep page measured: 500, or fewer when a quick try has too few rows for it. */
  deepPage: number;
}

/** lib/backoffice/queue/read-queue.ts's COUNT_LIMIT (that module needs Next's request scope). */
export const COUNT_LIMIT_FOR_BENCH = 1_000;

/** Every status but the unconfirmed ones: ~970 000 rows, so that page 500 lies deep inside. */
const VISIBLE = [
  "received",
  "in_progress",
  "awaiting_subject",
  "completed",
  "partially_completed",
  "refused",
  "withdrawn",
] as const;

export function queueScenarios(input: Pick<PlanInput, "staff" | "sampleEmail">): { name: string; view: QueueView }[] {
  return [
    { name: "first page", view: EMPTY_VIEW },
    {
      name: "filtered",
      view: {
        ...EMPTY_VIEW,
        statuses: ["in_progress"],
        types: ["erasure"],
        assignee: { kind: "user", userId: input.staff.team[0]! },
      },
    },
    { name: "page 500", view: { ...EMPTY_VIEW, statuses: [...VISIBLE] } },
    { name: "search by e-mail", view: { ...EMPTY_VIEW, search: { kind: "email", email: input.sampleEmail } } },
  ];
}
