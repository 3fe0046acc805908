// The queue's view in the URL: read, written back, and bad values named instead of failing.
import { describe, expect, it } from "vitest";
import { decodeCursor, encodeCursor } from "./cursor";
import { EMPTY_VIEW, parseQueueView, queueHref, queueViewToSearchParams, type QueueView } from "./queue-view";

const full: QueueView = {
  statuses: ["received", "awaiting_subject"],
  types: ["erasure", "consent_withdrawal"],
  assignee: { kind: "user", userId: "cku1abc" },
  due: { kind: "within", days: 7 },
  receivedFrom: "2026-01-01",
  receivedTo: "2026-03-31",
  search: { kind: "email", email: "anna@example.org" },
  sort: "received",
  direction: "desc",
  showHidden: true,
  page: { after: { key: "2026-02-03T23:00:00.000Z", id: "ckrow1" } },
};

describe("queue view", () => {
  it("an empty URL is the default view, and the default view writes an empty URL", () => {
    expect(parseQueueView(new URLSearchParams())).toEqual({ view: EMPTY_VIEW, problems: [] });
    expect(queueViewToSearchParams(EMPTY_VIEW).toString()).toBe("");
    expect(queueHref("en", EMPTY_VIEW)).toBe("/en/backoffice");
  });

  it("round-trips every field through the URL", () => {
    const url = queueViewToSearchParams(full);
    expect(parseQueueView(new URLSearchParams(url.toString()))).toEqual({ view: full, problems: [] });
    const before: QueueView = {
      ...full,
      assignee: { kind: "nobody" },
      due: { kind: "overdue" },
      page: { before: { key: null, id: "x1" } },
    };
    expect(parseQueueView(queueViewToSearchParams(before)).view).toEqual(before);
    const me: QueueView = {
      ...EMPTY_VIEW,
      assignee: { kind: "me" },
      search: { kind: "reference", reference: "DSR-2026-000123" },
    };
    expect(parseQueueView(queueViewToSearchParams(me)).view).toEqual(me);
  });

  it("reads Next's searchParams object (repeated values as arrays) like URLSearchParams", () => {
    const { view } = parseQueueView({ status: ["received", "in_progress"], type: "access", q: "dsr-2026-000007" });
    expect(view.statuses).toEqual(["received", "in_progress"]);
    expect(view.types).toEqual(["access"]);
    expect(view.search).toEqual({ kind: "reference", reference: "DSR-2026-000007" });
  });

  it("normalises the search: an address lower-cased and trimmed as subjectEmail is stored", () => {
    expect(parseQueueView({ q: "  Anna@Example.ORG " }).view.search).toEqual({
      kind: "email",
      email: "anna@example.org",
    });
  });

  it("treats empty form fields as not given", () => {
    const result = parseQueueView({ assignee: "", due: "", from: "", to: "", q: "", sort: "", dir: "" });
    expect(result).toEqual({ view: EMPTY_VIEW, problems: [] });
  });

  it("leaves bad values out and names each, keeping the good ones", () => {
    const { view, problems } = parseQueueView({
      status: ["received", "lost"],
      type: ["erasure", "deletion"],
      assignee: "me; drop table",
      due: "999",
      from: "2026-02-30",
      to: "yesterday",
      q: "anna",
      sort: "price",
      dir: "up",
      after: "not-a-cursor!",
    });
    expect(view).toEqual({ ...EMPTY_VIEW, statuses: ["received"], types: ["erasure"] });
    expect(problems).toEqual([
      { field: "status", code: "unknown_value" },
      { field: "type", code: "unknown_value" },
      { field: "assignee", code: "unknown_value" },
      { field: "due", code: "unknown_value" },
      { field: "from", code: "not_a_date" },
      { field: "to", code: "not_a_date" },
      { field: "q", code: "search_unrecognised" },
      { field: "sort", code: "unknown_value" },
      { field: "dir", code: "unknown_value" },
      { field: "page", code: "bad_cursor" },
    ]);
  });

  it("refuses a reversed date range and text the normaliser rejects", () => {
    const reversed = parseQueueView({ from: "2026-05-01", to: "2026-04-01" });
    expect(reversed.view.receivedFrom).toBe("2026-05-01");
    expect(reversed.view.receivedTo).toBeNull();
    expect(reversed.problems).toEqual([{ field: "to", code: "range_reversed" }]);
    const control = parseQueueView({ q: "anna\u0000@example.org" });
    expect(control.view.search).toBeNull();
    expect(control.problems).toHaveLength(1);
    expect(parseQueueView({ q: "x".repeat(400) }).problems).toEqual([{ field: "q", code: "too_long" }]);
  });
});

describe("queue cursor", () => {
  it("round-trips and is opaque base64url", () => {
    const cursor = { key: "2026-02-03T23:00:00.000Z", id: "ck1" };
    const text = encodeCursor(cursor);
    expect(text).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeCursor(text)).toEqual(cursor);
    expect(decodeCursor(encodeCursor({ key: null, id: "ck2" }))).toEqual({ key: null, id: "ck2" });
  });

  it("rejects anything it did not write", () => {
    for (const bad of [
      "",
      "%%%",
      Buffer.from("[1,2]").toString("base64url"),
      Buffer.from('["2026-13-01","a"]').toString("base64url"),
      Buffer.from('[null,"a b"]').toString("base64url"),
    ])
      expect(decodeCursor(bad)).toBeNull();
  });
});
