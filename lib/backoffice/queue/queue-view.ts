// What the queue shows, read from the URL's search parameters and written back to them: the whole
// view lives in the URL, so a view can be bookmarked and shared. Pure (zod, no Next, no Prisma).
// Every value passes the input normaliser first; a bad value is left out and named in `problems`
// (the page says so), never a failure.
import { emailAddress, text } from "../../input/schemas";
import { requestTypes, type RequestType } from "../../requests/request-types";
import { activeStatuses, requestStatuses, type RequestStatus } from "../../requests/workflow/states";
import { decodeCursor, encodeCursor, type QueueCursor } from "./cursor";

export const QUEUE_PAGE_SIZE = 50;

/** Statuses shown when the URL names none: the open cases, whose legal clock runs. */
export const DEFAULT_STATUSES: readonly RequestStatus[] = activeStatuses;
/**
 * Never confirmed, or found to be spam (minimised, no period to meet): hidden unless asked for ("show
 * hidden" or the status itself).
 */
export const HIDDEN_STATUSES: readonly RequestStatus[] = ["awaiting_verification", "expired_unverified", "spam"];

export type QueueSort = "due" | "received";
export type SortDirection = "asc" | "desc";
export type Assignee = { kind: "me" } | { kind: "nobody" } | { kind: "user"; userId: string };
export type DueWindow = { kind: "overdue" } | { kind: "within"; days: number };
export type QueueSearch = { kind: "reference"; reference: string } | { kind: "email"; email: string };

export interface QueueView {
  /** Empty: the default (DEFAULT_STATUSES, plus the unconfirmed ones when showHidden). */
  statuses: RequestStatus[];
  types: RequestType[];
  assignee: Assignee | null;
  due: DueWindow | null;
  /** Received on or after / on or before these days (YYYY-MM-DD, the controller's calendar). */
  receivedFrom: string | null;
  receivedTo: string | null;
  search: QueueSearch | null;
  sort: QueueSort;
  direction: SortDirection;
  /** Also unconfirmed, expired-unverified, spam and duplicate requests. */
  showHidden: boolean;
  /** Keyset position: rows after `after`, or the rows just before `before`. */
  page: { after: QueueCursor } | { before: QueueCursor } | null;
}

export type QueueViewField = "status" | "type" | "assignee" | "due" | "from" | "to" | "q" | "sort" | "dir" | "page";

/** A value that was left out, and why (the message key's last part). */
export interface QueueViewProblem {
  field: QueueViewField;
  code: "unknown_value" | "not_a_date" | "range_reversed" | "search_unrecognised" | "bad_cursor" | "too_long";
}

export const EMPTY_VIEW: QueueView = {
  statuses: [],
  types: [],
  assignee: null,
  due: null,
  receivedFrom: null,
  receivedTo: null,
  search: null,
  sort: "due",
  direction: "asc",
  showHidden: false,
  page: null,
};

const REFERENCE = /^DSR-\d{4}-\d{6}$/i;
const USER_ID = /^[A-Za-z0-9_-]{1,64}$/;
const DAY = /^\d{4}-\d{2}-\d{2}$/;
const MAX_DUE_DAYS = 366;

const param = text({ max: 320 });

/** A search-parameters source: Next's searchParams object or URLSearchParams. */
export type SearchParamsInput = URLSearchParams | Record<string, string | string[] | undefined>;

function valuesOf(input: SearchParamsInput, name: string): string[] {
  const raw = input instanceof URLSearchParams ? input.getAll(name) : input[name];
  return raw === undefined ? [] : Array.isArray(raw) ? raw : [raw];
}

function isDay(value: string): boolean {
  if (!DAY.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

/** The view the URL describes, and what in it was left out. */
export function parseQueueView(input: SearchParamsInput): { view: QueueView; problems: QueueViewProblem[] } {
  const problems: QueueViewProblem[] = [];
  const view: QueueView = { ...EMPTY_VIEW, statuses: [], types: [] };
  // Every value through the normaliser; "" (an empty form field) means "not given".
  const read = (name: string, field: QueueViewField): string[] =>
    valuesOf(input, name).flatMap((value) => {
      const result = param.safeParse(value);
      if (!result.success) {
        problems.push({ field, code: "too_long" });
        return [];
      }
      return result.data === "" ? [] : [result.data];
    });
  const one = (name: string, field: QueueViewField) => read(name, field)[0] ?? null;

  for (const value of read("status", "status")) {
    if ((requestStatuses as readonly string[]).includes(value)) {
      if (!view.statuses.includes(value as RequestStatus)) view.statuses.push(value as RequestStatus);
    } else problems.push({ field: "status", code: "unknown_value" });
  }
  for (const value of read("type", "type")) {
    if ((requestTypes as readonly string[]).includes(value)) {
      if (!view.types.includes(value as RequestType)) view.types.push(value as RequestType);
    } else problems.push({ field: "type", code: "unknown_value" });
  }

  const assignee = one("assignee", "assignee");
  if (assignee === "me" || assignee === "nobody") view.assignee = { kind: assignee };
  else if (assignee !== null && USER_ID.test(assignee)) view.assignee = { kind: "user", userId: assignee };
  else if (assignee !== null) problems.push({ field: "assignee", code: "unknown_value" });

  const due = one("due", "due");
  if (due === "overdue") view.due = { kind: "overdue" };
  else if (due !== null && /^\d{1,3}$/.test(due) && Number(due) <= MAX_DUE_DAYS)
    view.due = { kind: "within", days: Number(due) };
  else if (due !== null) problems.push({ field: "due", code: "unknown_value" });

  for (const [name, key] of [
    ["from", "receivedFrom"],
    ["to", "receivedTo"],
  ] as const) {
    const value = one(name, name);
    if (value !== null && isDay(value)) view[key] = value;
    else if (value !== null) problems.push({ field: name, code: "not_a_date" });
  }
  if (view.receivedFrom && view.receivedTo && view.receivedFrom > view.receivedTo) {
    problems.push({ field: "to", code: "range_reversed" });
    view.receivedTo = null;
  }

  const q = one("q", "q");
  if (q !== null) {
    view.search = parseSearch(q);
    if (!view.search) problems.push({ field: "q", code: "search_unrecognised" });
  }

  const sort = one("sort", "sort");
  if (sort === "due" || sort === "received") view.sort = sort;
  else if (sort !== null) problems.push({ field: "sort", code: "unknown_value" });
  const dir = one("dir", "dir");
  if (dir === "asc" || dir === "desc") view.direction = dir;
  else if (dir !== null) problems.push({ field: "dir", code: "unknown_value" });

  view.showHidden = one("hidden", "status") === "1";

  const after = one("after", "page");
  const before = one("before", "page");
  const cursorText = after ?? before;
  if (cursorText !== null) {
    const cursor = decodeCursor(cursorText);
    if (!cursor) problems.push({ field: "page", code: "bad_cursor" });
    else view.page = after !== null ? { after: cursor } : { before: cursor };
  }
  return { view, problems };
}

/** A reference (upper-cased) or an exact e-mail address (canonical, as subjectEmail is stored), else null. */
export function parseSearch(value: string): QueueSearch | null {
  const trimmed = value.trim();
  if (REFERENCE.test(trimmed)) return { kind: "reference", reference: trimmed.toUpperCase() };
  if (!trimmed.includes("@")) return null;
  const email = emailAddress().safeParse(trimmed);
  return email.success ? { kind: "email", email: email.data.toLowerCase() } : null;
}

/** The search parameters that describe `view` (defaults left out), so parseQueueView(toSearchParams(v)) is v. */
export function queueViewToSearchParams(view: QueueView): URLSearchParams {
  const params = new URLSearchParams();
  for (const status of view.statuses) params.append("status", status);
  for (const type of view.types) params.append("type", type);
  if (view.assignee) params.set("assignee", view.assignee.kind === "user" ? view.assignee.userId : view.assignee.kind);
  if (view.due) params.set("due", view.due.kind === "overdue" ? "overdue" : String(view.due.days));
  if (view.receivedFrom) params.set("from", view.receivedFrom);
  if (view.receivedTo) params.set("to", view.receivedTo);
  if (view.search) params.set("q", view.search.kind === "reference" ? view.search.reference : view.search.email);
  if (view.sort !== "due") params.set("sort", view.sort);
  if (view.direction !== "asc") params.set("dir", view.direction);
  if (view.showHidden) params.set("hidden", "1");
  if (view.page && "after" in view.page) params.set("after", encodeCursor(view.page.after));
  if (view.page && "before" in view.page) params.set("before", encodeCursor(view.page.before));
  return params;
}

/** The queue's path for `view` in `locale`, e.g. `/en/backoffice?type=access`. */
export function queueHref(locale: string, view: QueueView): string {
  const query = queueViewToSearchParams(view).toString();
  return `/${locale}/backoffice${query ? `?${query}` : ""}`;
}

/** The statuses a view asks for, defaults resolved. */
export function effectiveStatuses(view: QueueView): RequestStatus[] {
  if (view.statuses.length) return view.statuses;
  return view.showHidden ? [...DEFAULT_STATUSES, ...HIDDEN_STATUSES] : [...DEFAULT_STATUSES];
}
