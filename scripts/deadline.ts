// `npm run -s deadline -- --received <ISO-8601 instant> [--region DE-NW] [--tz Europe/Berlin] [--extended]
// [--now <ISO-8601 instant>]`: how the answer deadline for a request received at that instant is counted
// (Art. 12(3) GDPR, Reg. 1182/71 Art. 3), as one JSON object on stdout. With --now it also says where the
// request stands and whether an extension may still be notified.
// Bad input is exactly one line on stderr starting with "error: " and exit code 2; no stack traces.
import { parseArgs } from "node:util";
import { Temporal } from "temporal-polyfill";
import { z } from "zod";
import {
  computeDeadline,
  deadlinePolicySchema,
  deadlineStatus,
  DEFAULT_DEADLINE_POLICY,
  extensionAllowed,
} from "../lib/deadlines";

const USAGE =
  "usage: npm run -s deadline -- --received <ISO-8601 instant> [--region DE-NW] [--tz Europe/Berlin] " +
  "[--extended] [--now <ISO-8601 instant>]";

/** Input the user can fix; exit code 2. */
class UsageError extends Error {}

/** Why `value` is not an instant. A bare date or local time is refused: receipt is a moment, not a day. */
function instantProblem(flag: string, value: string): string {
  try {
    Temporal.PlainDateTime.from(value);
    return (
      `${flag} "${value}" has no time zone offset; an instant needs a time and an offset or Z, ` +
      "e.g. 2026-01-31T10:00:00+01:00 or 2026-01-31T09:00:00Z"
    );
  } catch (error) {
    // Temporal names an impossible field ("Invalid day: 30"); "Cannot parse" would only repeat the value.
    const detail = error instanceof Error && !error.message.startsWith("Cannot parse") ? ` (${error.message})` : "";
    return (
      `${flag} "${value}" is not an ISO-8601 instant${detail}; ` +
      "use a date, time and offset, e.g. 2026-01-31T10:00:00+01:00"
    );
  }
}

const instant = (flag: string) =>
  z
    .string({ error: `${flag} <ISO-8601 instant> is required, e.g. ${flag} 2026-01-31T10:00:00+01:00` })
    .transform((value, ctx) => {
      try {
        return new Date(Temporal.Instant.from(value.trim()).epochMilliseconds);
      } catch {
        ctx.addIssue({ code: "custom", message: instantProblem(flag, value) });
        return z.NEVER;
      }
    });

const argsSchema = z.object({
  received: instant("--received"),
  now: instant("--now").optional(),
  extended: z.boolean().default(false),
  region: z.string().default(DEFAULT_DEADLINE_POLICY.region),
  tz: z.string().default(DEFAULT_DEADLINE_POLICY.timeZone),
});

const FLAG_FOR: Record<string, string> = { timeZone: "--tz", region: "--region" };

function firstIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return "invalid input";
  const flag = FLAG_FOR[String(issue.path[0])];
  return flag ? `${flag}: ${issue.message}` : issue.message;
}

function parse(argv: string[]) {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: false,
      options: {
        received: { type: "string" },
        region: { type: "string" },
        tz: { type: "string" },
        extended: { type: "boolean" },
        now: { type: "string" },
        help: { type: "boolean", short: "h" },
      },
    }));
  } catch (error) {
    const message = error instanceof Error ? error.message.split("\n")[0] : String(error);
    throw new UsageError(`${message}; ${USAGE}`);
  }
  if (values.help) return "help" as const;
  const args = argsSchema.safeParse(values);
  if (!args.success) throw new UsageError(firstIssue(args.error));
  const policy = deadlinePolicySchema.safeParse({
    ...DEFAULT_DEADLINE_POLICY,
    region: args.data.region,
    timeZone: args.data.tz,
  });
  if (!policy.success) throw new UsageError(firstIssue(policy.error));
  return { ...args.data, policy: policy.data };
}

function main(argv: string[]): void {
  const args = parse(argv);
  if (args === "help") {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  const { received, extended, now, policy } = args;
  const deadline = computeDeadline({ receivedAt: received, extended }, policy, now);
  const output = {
    due: deadline.due,
    dueAt: deadline.dueAt.toISOString(),
    dueAtLocal: deadline.dueAtLocal,
    receivedAt: deadline.receivedAt.toISOString(),
    receiptDate: deadline.receiptDate,
    months: deadline.months,
    extended: deadline.extended,
    naiveDue: deadline.naiveDue,
    skipped: deadline.skipped,
    region: deadline.region,
    timeZone: deadline.timeZone,
    clockPolicy: deadline.clockPolicy,
    reasoning: deadline.reasoning,
    ...(now && {
      now: now.toISOString(),
      status: deadlineStatus(deadline, now, policy),
      ...(!extended && { extension: extensionAllowed(received, now, policy) }),
    }),
  };
  process.stdout.write(`${JSON.stringify(output, null, 2)}\n`);
}

try {
  main(process.argv.slice(2));
} catch (error) {
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(`error: ${message.split("\n")[0]}\n`);
  process.exitCode = error instanceof UsageError ? 2 : 1;
}
