// The deadline for answering a data-subject request: one month from receipt, or three when extended
// (Art. 12(3) GDPR), counted as Reg. 1182/71 Art. 3 counts periods, in the controller's time zone and with
// the public holidays of its place. Pure: the same input, policy and `now` always give the same result.
import { dayOf, endOfDay, toInstant, weekdayName } from "./calendar";
import { monthsLater } from "./months";
import { pausedTime, pauseWindows, type Pause, type PausedTime } from "./pauses";
import type { ClockPolicy, DeadlinePolicy } from "./policy";
import { parseRegion } from "./region";
import { canonicalTimeZone, timeZoneProblem } from "./time-zone";
import { describeSkip, onOrAfterWorkingDay, type SkippedDay } from "./working-day";

export interface DeadlineInput {
  /** The instant the request reached the controller. */
  receivedAt: Date;
  /** Whether the period was extended by two further months (Art. 12(3) GDPR). */
  extended: boolean;
  /** Times spent waiting for the data subject; only counted under "paused_while_awaiting_subject". */
  pauses?: readonly Pause[];
}

export interface Deadline {
  receivedAt: Date;
  timeZone: string;
  region: string;
  clockPolicy: ClockPolicy;
  extended: boolean;
  /** "YYYY-MM-DD": the day of receipt in the controller's time zone. */
  receiptDate: string;
  months: 1 | 3;
  /** "YYYY-MM-DD": the same date `months` later, or that month's last day (Reg. 1182/71 Art. 3(2)(c)). */
  naiveDue: string;
  /** Calendar days added for pauses; always 0 under the "running" clock policy. */
  pausedDays: number;
  /** "YYYY-MM-DD": the last day of the period, after pauses and moving off weekends and public holidays. */
  due: string;
  /** The instant the period ends: the start of the day after `due` in the controller's time zone. */
  dueAt: Date;
  /** `dueAt` as wall-clock time with offset in the controller's zone, e.g. "2026-04-07T00:00:00+02:00". */
  dueAtLocal: string;
  /** Every day the end was moved past (Reg. 1182/71 Art. 3(4)). */
  skipped: SkippedDay[];
  /** Short sentences a DPO can read, in order, citing the rules applied. */
  reasoning: string[];
}

function checkedTimeZone(timeZone: string): string {
  const canonical = canonicalTimeZone(timeZone);
  if (!canonical) throw new RangeError(timeZoneProblem(timeZone));
  return canonical;
}

function pauseSentences(paused: PausedTime, timeZone: string, pauseCount: number): string[] {
  const sentences = [
    'Clock policy "paused_while_awaiting_subject": each pause adds the calendar days in ' +
      `${timeZone} from the day it began to the day it ended (an open pause counts to now); ` +
      "overlapping pauses count once, and a pause begun after the period had ended adds nothing.",
  ];
  if (pauseCount === 0) sentences.push("No pauses were recorded.");
  for (const window of paused.counted) {
    const from = dayOf(window.from, timeZone).toString();
    const to = window.open ? `now (${dayOf(window.to, timeZone).toString()})` : dayOf(window.to, timeZone).toString();
    sentences.push(`Paused from ${from} to ${to}: ${window.days} day${window.days === 1 ? "" : "s"}.`);
  }
  for (const window of paused.ignored) {
    sentences.push(`A pause begun ${dayOf(window.from, timeZone).toString()} came after the period had ended.`);
  }
  return sentences;
}

export function computeDeadline(input: DeadlineInput, policy: DeadlinePolicy, now: Date = new Date()): Deadline {
  const timeZone = checkedTimeZone(policy.timeZone);
  const region = parseRegion(policy.region).code;
  const received = toInstant(input.receivedAt, "receivedAt");
  const months = input.extended ? 3 : 1;

  const receipt = dayOf(received, timeZone);
  const naive = monthsLater(receipt, months);
  const periodEnd = (pausedDays: number) =>
    endOfDay(onOrAfterWorkingDay(naive.date.add({ days: pausedDays }), region).date, timeZone).toInstant();

  const reasoning = [
    `Received ${receipt.toString()} (${timeZone}; the instant ${received.toString()}); ` +
      "the period counts from that day (Reg. 1182/71 Art. 3(1)).",
    input.extended
      ? "Period: three months from receipt, the one month extended by two further months (Art. 12(3) GDPR)."
      : "Period: one month from receipt (Art. 12(3) GDPR).",
    naive.sentence,
  ];

  let pausedDays = 0;
  const pauses = input.pauses ?? [];
  if (policy.clockPolicy === "paused_while_awaiting_subject") {
    const paused = pausedTime(pauseWindows(pauses, received, toInstant(now, "now")), timeZone, periodEnd);
    pausedDays = paused.days;
    reasoning.push(...pauseSentences(paused, timeZone, pauses.length));
    if (pausedDays > 0) {
      const moved = naive.date.add({ days: pausedDays });
      reasoning.push(`${naive.date.toString()} + ${pausedDays} paused days = ${moved.toString()}.`);
    }
  } else if (pauses.length > 0) {
    reasoning.push(
      `Clock policy "running": the period keeps running while waiting for the data subject, ` +
        `so ${pauses.length === 1 ? "the recorded pause does" : `the ${pauses.length} recorded pauses do`} ` +
        "not move the deadline.",
    );
  } else {
    reasoning.push('Clock policy "running": the period keeps running while waiting for the data subject.');
  }

  const end = onOrAfterWorkingDay(naive.date.add({ days: pausedDays }), region);
  reasoning.push(...end.skipped.map((skip) => describeSkip(skip, region)));
  const dueAt = endOfDay(end.date, timeZone);
  const dueAtLocal = dueAt.toString({ timeZoneName: "never" });
  reasoning.push(
    `Due ${end.date.toString()} (${weekdayName(end.date)}): the period ends at the end of that day, ` +
      `${dueAtLocal} (${timeZone}).`,
  );

  return {
    receivedAt: new Date(received.epochMilliseconds),
    timeZone,
    region,
    clockPolicy: policy.clockPolicy,
    extended: input.extended,
    receiptDate: receipt.toString(),
    months,
    naiveDue: naive.date.toString(),
    pausedDays,
    due: end.date.toString(),
    dueAt: new Date(dueAt.epochMilliseconds),
    dueAtLocal,
    skipped: end.skipped,
    reasoning,
  };
}
