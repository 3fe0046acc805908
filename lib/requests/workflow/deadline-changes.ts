// The due dates a request carries, recomputed whenever receipt, extension or a
// pause changes them, so that the stored values always match the engine's answer.
import { computeDeadline, type DeadlinePolicy, type Pause } from "../../deadlines";

export function deadlineChanges(
  receivedAt: Date,
  extended: boolean,
  pauses: Pause[],
  policy: DeadlinePolicy,
  now: Date,
): { firstDueAt: Date; dueAt: Date; dueDate: string; receiptDate: string; reasoning: string[] } {
  const first = computeDeadline({ receivedAt, extended: false, pauses }, policy, now);
  const current = extended ? computeDeadline({ receivedAt, extended: true, pauses }, policy, now) : first;
  return {
    firstDueAt: first.dueAt,
    dueAt: current.dueAt,
    dueDate: current.due,
    receiptDate: current.receiptDate,
    reasoning: current.reasoning,
  };
}

/** The pauses with an open one closed at `now` (the subject answered, or staff resumed). */
export function closeOpenPause(pauses: Pause[], now: Date): Pause[] {
  return pauses.map((pause) => (pause.to === null ? { from: pause.from, to: now } : pause));
}
