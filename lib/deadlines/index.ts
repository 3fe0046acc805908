// The deadline engine's public API: pure functions, no framework, no database, no environment.
export { computeDeadline, type Deadline, type DeadlineInput } from "./compute-deadline";
export { extensionAllowed, type ExtensionCheck } from "./extension";
export type { Pause } from "./pauses";
export { DEFAULT_DEADLINE_POLICY, deadlinePolicySchema, type ClockPolicy, type DeadlinePolicy } from "./policy";
export { parseRegion, regionProblem, type Region } from "./region";
export { deadlineStatus, type DeadlineState, type DeadlineStatus } from "./status";
export { canonicalTimeZone, timeZoneProblem } from "./time-zone";
export type { SkippedDay, SkipReason } from "./working-day";
