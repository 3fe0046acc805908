// A fulfilment task's states (prisma TaskStatus) grouped by what they mean for the request. Pure.

/** Every TaskStatus, in the order the case file lists them. */
export const taskStatuses = [
  "open",
  "running",
  "failed",
  "dead_lettered",
  "done",
  "not_applicable",
  "cancelled",
] as const;
export type TaskStatus = (typeof taskStatuses)[number];

/**
 * States in which a task still has work ahead. A required task in one of them blocks `complete` and
 * `partially_complete` (the request is answered only when every system was acted on, Art. 12(3), 17, 19);
 * a dead-lettered one too, until a person retries it or marks it not applicable with a note.
 */
export const unfinishedTaskStatuses = [
  "open",
  "running",
  "failed",
  "dead_lettered",
] as const satisfies readonly TaskStatus[];

/** Whether a task in `status` still has work ahead (see unfinishedTaskStatuses). */
export function isUnfinished(status: TaskStatus): boolean {
  return (unfinishedTaskStatuses as readonly TaskStatus[]).includes(status);
}
