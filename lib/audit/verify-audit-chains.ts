// Re-computes every audit chain and reports the first thing that does not fit:
// a changed field (hash mismatch), a removed or inserted entry (sequence gap or
// wrong previous hash), a removed newest entry (the head the request recorded), a
// changed or deleted text the chain commits to, and a request row whose status or
// dates say something its chain does not. Erased personal data (IP address, user
// agent, free text) is accepted only on requests the portal itself minimised, and an
// erased IP address and user agent also on entries older than the client data's
// retention (lib/audit/client-data-retention.ts).
import type { Db } from "../db/client";
import { closedStatuses } from "../requests/workflow/states";
import { clientDataCutoff } from "./client-data-retention";
import { sha256Text, textRefs } from "./free-text";
import { auditHash, personalDigest, type HashedAuditFields } from "./hash";

export interface BrokenEntry {
  chain: string;
  seq: number;
  entryId: string | null;
  reason: string;
}

export interface VerifyReport {
  chains: number;
  entries: number;
  broken: BrokenEntry | null;
}

const PAGE = 500;
const closed: ReadonlySet<string> = new Set(closedStatuses);

type Entry = HashedAuditFields & { id: string; hash: string; ip: string | null; userAgent: string | null };

interface RequestRow {
  id: string;
  auditHeadSeq: number;
  auditHeadHash: string | null;
  status: string;
  receivedAt: Date | null;
  extendedAt: Date | null;
  closedAt: Date | null;
  dueDate: string | null;
  minimisedAt: Date | null;
}

/** What a chain says about its request, collected while walking it. */
interface ChainState {
  chain: string;
  seq: number;
  hash: string | null;
  headSeen: boolean;
  status: string | null;
  receivedAt: Date | null;
  extendedAt: Date | null;
  closedAt: Date | null;
  /** The due date the log last set; null once it dropped it (spam), undefined while it named none. */
  due: string | null | undefined;
}

const newChain = (chain: string): ChainState => ({
  chain,
  seq: 0,
  hash: null,
  headSeen: false,
  status: null,
  receivedAt: null,
  extendedAt: null,
  closedAt: null,
  due: undefined,
});

const sameInstant = (a: Date | null, b: Date | null) => (a?.getTime() ?? null) === (b?.getTime() ?? null);

/** A request row that disagrees with its (verified) chain. */
function rowMismatch(row: RequestRow, state: ChainState): string | null {
  if (!state.headSeen)
    return `the request's newest audit entry #${row.auditHeadSeq} is missing or changed: entries were removed`;
  if (state.status !== row.status)
    return `the request says "${row.status}" but its audit log ends in "${state.status}"`;
  if (!sameInstant(state.receivedAt, row.receivedAt)) return "the request's receipt time differs from its audit log";
  if (!sameInstant(state.extendedAt, row.extendedAt)) return "the request's extension differs from its audit log";
  if (!sameInstant(state.closedAt, row.closedAt)) return "the request's closing time differs from its audit log";
  if (state.due !== undefined && state.due !== row.dueDate)
    return `the request's due date ${row.dueDate} differs from its audit log (${state.due})`;
  return null;
}

export interface VerifyOptions {
  /** AUDIT_CLIENT_RETENTION_DAYS: entries older than this may have lost IP address and user agent. Unset: none may. */
  clientRetentionDays?: number;
  /** The instant that retention counts back from (tests); now when left out. */
  now?: Date;
}

export async function verifyAuditChains(db: Db, options: VerifyOptions = {}): Promise<VerifyReport> {
  const walkStarted = new Date();
  const clientCutoff =
    options.clientRetentionDays === undefined
      ? null
      : clientDataCutoff(options.now ?? walkStarted, options.clientRetentionDays);
  // Rows first: entries appended while we read only extend a chain past its head, which is fine;
  // reading them the other way round would mistake a fresh entry for a removed one.
  const rows = new Map<string, RequestRow>(
    (
      await db.request.findMany({
        select: {
          id: true,
          auditHeadSeq: true,
          auditHeadHash: true,
          status: true,
          receivedAt: true,
          extendedAt: true,
          closedAt: true,
          dueDate: true,
          minimisedAt: true,
        },
      })
    ).map((r) => [r.id, r]),
  );
  const checked = new Set<string>();
  let chains = 0;
  let entries = 0;
  let cursor: { chain: string; seq: number } | null = null;
  let state: ChainState | null = null;

  /** Closes a chain: compares it with its request row (if that row was read before the walk). */
  const finish = (done: ChainState): BrokenEntry | null => {
    const row = rows.get(done.chain);
    if (!row) return null; // a request created during the walk, or a chain without request ("system")
    checked.add(done.chain);
    const reason = rowMismatch(row, done);
    return reason ? { chain: done.chain, seq: row.auditHeadSeq, entryId: null, reason } : null;
  };

  for (;;) {
    const page: Entry[] = await db.auditEntry.findMany({
      where: cursor ? { OR: [{ chain: { gt: cursor.chain } }, { chain: cursor.chain, seq: { gt: cursor.seq } }] } : {},
      orderBy: [{ chain: "asc" }, { seq: "asc" }],
      take: PAGE,
    });
    const textProblems = await checkTexts(db, page, rows);

    for (const entry of page) {
      if (!state || entry.chain !== state.chain) {
        if (state) {
          const broken = finish(state);
          if (broken) return { chains, entries, broken };
        }
        state = newChain(entry.chain);
        chains++;
        if (entry.requestId && !rows.has(entry.chain) && entry.createdAt < walkStarted) {
          // Entries from before this walk whose request row is gone: the request was deleted.
          const broken = { chain: entry.chain, seq: entry.seq, entryId: entry.id, reason: "its request was deleted" };
          return { chains, entries, broken };
        }
      }
      entries++;
      const at = { chain: entry.chain, seq: entry.seq, entryId: entry.id };
      const fail = (reason: string): VerifyReport => ({ chains, entries, broken: { ...at, reason } });
      if (entry.seq !== state.seq + 1)
        return fail(`sequence jumps from #${state.seq} to #${entry.seq}: an entry was removed or inserted`);
      if (entry.prevHash !== state.hash) return fail("its previous-hash link does not match the entry before it");
      if (auditHash(entry) !== entry.hash) return fail("its content does not match its hash: the entry was edited");
      const textProblem = textProblems.get(entry.id);
      if (textProblem) return fail(textProblem);
      const row = rows.get(entry.chain);
      if (entry.ip !== null || entry.userAgent !== null) {
        if (personalDigest(entry.ip, entry.userAgent) !== entry.personalDigest)
          return fail("its IP address or user agent was changed");
      } else if (
        entry.personalDigest !== null &&
        !row?.minimisedAt &&
        !(clientCutoff && entry.createdAt <= clientCutoff)
      ) {
        return fail(
          "its IP address and user agent were erased, but the request was never minimised and the entry is recent",
        );
      }

      state.seq = entry.seq;
      state.hash = entry.hash;
      if (row && row.auditHeadSeq === entry.seq && row.auditHeadHash === entry.hash) state.headSeen = true;
      // Entries appended after the row was read describe a newer state than the row we hold.
      if (row && entry.seq > row.auditHeadSeq) continue;
      if (entry.toStatus !== null) state.status = entry.toStatus;
      if (entry.event === "verified") state.receivedAt = entry.createdAt;
      if (entry.event === "extended") state.extendedAt = entry.createdAt;
      if (entry.toStatus !== null && entry.toStatus !== entry.fromStatus && closed.has(entry.toStatus))
        state.closedAt = entry.createdAt;
      // Reopened (lib/requests/workflow/handlers/reopen.ts): open again, no closing time.
      if (
        entry.toStatus !== null &&
        entry.fromStatus !== null &&
        closed.has(entry.fromStatus) &&
        !closed.has(entry.toStatus)
      )
        state.closedAt = null;
      const details = JSON.parse(entry.details) as { due?: unknown };
      if (typeof details.due === "string") state.due = details.due;
      // `due: null` drops the due date (spam has no Art. 12(3) period): the row must have none either.
      if ("due" in details && details.due === null) state.due = null;
    }
    if (page.length < PAGE) break;
    const last = page[page.length - 1]!;
    cursor = { chain: last.chain, seq: last.seq };
  }
  if (state) {
    const broken = finish(state);
    if (broken) return { chains, entries, broken };
  }

  for (const row of rows.values()) {
    if (checked.has(row.id)) continue;
    // A request read before the walk with no chain at all: its entries were deleted, or its head reset.
    const reason =
      row.auditHeadSeq > 0
        ? `the request's newest audit entry #${row.auditHeadSeq} is missing or changed: entries were removed`
        : "the request has no audit entries at all";
    return { chains, entries, broken: { chain: row.id, seq: row.auditHeadSeq, entryId: null, reason } };
  }
  return { chains, entries, broken: null };
}

/** Texts the page's entries commit to: present, unchanged, and erased only on minimised requests. */
async function checkTexts(db: Db, page: Entry[], rows: Map<string, RequestRow>): Promise<Map<string, string>> {
  const refs = page.flatMap((entry) => textRefs(JSON.parse(entry.details)).map((ref) => ({ entry, ref })));
  const problems = new Map<string, string>();
  if (!refs.length) return problems;
  const texts = new Map(
    (await db.auditText.findMany({ where: { id: { in: refs.map((r) => r.ref.text) } } })).map((t) => [t.id, t]),
  );
  for (const { entry, ref } of refs) {
    if (problems.has(entry.id)) continue;
    const stored = texts.get(ref.text);
    if (!stored) problems.set(entry.id, "a text it refers to (reason, summary, message) was deleted");
    else if (stored.sha256 !== ref.sha256 || (stored.text !== null && sha256Text(stored.text) !== ref.sha256)) {
      problems.set(entry.id, "a text it refers to (reason, summary, message) was changed");
    } else if (stored.text === null && !rows.get(entry.chain)?.minimisedAt) {
      problems.set(entry.id, "a text it refers to was erased, but the request was never minimised");
    }
  }
  return problems;
}
