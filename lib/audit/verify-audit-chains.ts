// Re-computes every audit chain and reports the first entry that does not fit:
// a changed field (hash mismatch), a removed or inserted entry (sequence gap or
// wrong previous hash), or a removed newest entry (the head the request recorded).
import type { Db } from "../db/client";
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

export async function verifyAuditChains(db: Db): Promise<VerifyReport> {
  // Heads first: entries appended while we read only extend a chain past its head, which is fine;
  // reading them the other way round would mistake a fresh entry for a removed one.
  const heads = new Map(
    (await db.request.findMany({ select: { id: true, auditHeadSeq: true, auditHeadHash: true } })).map((r) => [
      r.id,
      { seq: r.auditHeadSeq, hash: r.auditHeadHash },
    ]),
  );
  const headFound = new Set<string>();
  let chains = 0;
  let entries = 0;
  let cursor: { chain: string; seq: number } | null = null;
  let current = { chain: "", seq: 0, hash: null as string | null };

  for (;;) {
    const page: Array<HashedAuditFields & { id: string; hash: string; ip: string | null; userAgent: string | null }> =
      await db.auditEntry.findMany({
        where: cursor
          ? { OR: [{ chain: { gt: cursor.chain } }, { chain: cursor.chain, seq: { gt: cursor.seq } }] }
          : {},
        orderBy: [{ chain: "asc" }, { seq: "asc" }],
        take: PAGE,
      });
    const refs = page.flatMap((entry) => textRefs(JSON.parse(entry.details)).map((ref) => ({ entry, ref })));
    const texts = new Map(
      (await db.auditText.findMany({ where: { id: { in: refs.map((r) => r.ref.text) } } })).map((t) => [t.id, t]),
    );
    const brokenText = new Map<string, string>();
    for (const { entry, ref } of refs) {
      const stored = texts.get(ref.text);
      // A missing row or erased words are minimisation; words or a digest that differ are tampering.
      if (
        stored &&
        (stored.sha256 !== ref.sha256 || (stored.text !== null && sha256Text(stored.text) !== ref.sha256))
      ) {
        if (!brokenText.has(entry.id))
          brokenText.set(entry.id, "a text it refers to (reason, summary, note) was changed");
      }
    }
    for (const entry of page) {
      if (entry.chain !== current.chain) {
        current = { chain: entry.chain, seq: 0, hash: null };
        chains++;
      }
      entries++;
      const at = { chain: entry.chain, seq: entry.seq, entryId: entry.id };
      if (entry.seq !== current.seq + 1) {
        const reason = `sequence jumps from #${current.seq} to #${entry.seq}: an entry was removed or inserted`;
        return { chains, entries, broken: { ...at, reason } };
      }
      if (entry.prevHash !== current.hash) {
        return {
          chains,
          entries,
          broken: { ...at, reason: "its previous-hash link does not match the entry before it" },
        };
      }
      if (auditHash(entry) !== entry.hash) {
        return {
          chains,
          entries,
          broken: { ...at, reason: "its content does not match its hash: the entry was edited" },
        };
      }
      const textProblem = brokenText.get(entry.id);
      if (textProblem) return { chains, entries, broken: { ...at, reason: textProblem } };
      // Erased personal fields (both null) are minimisation, not tampering; present ones must match the digest.
      if (
        (entry.ip !== null || entry.userAgent !== null) &&
        personalDigest(entry.ip, entry.userAgent) !== entry.personalDigest
      ) {
        return { chains, entries, broken: { ...at, reason: "its IP address or user agent was changed" } };
      }
      const head = heads.get(entry.chain);
      if (head && head.seq === entry.seq && head.hash === entry.hash) headFound.add(entry.chain);
      current = { chain: entry.chain, seq: entry.seq, hash: entry.hash };
    }
    if (page.length < PAGE) break;
    const last = page[page.length - 1]!;
    cursor = { chain: last.chain, seq: last.seq };
  }

  for (const [requestId, head] of heads) {
    if (head.seq > 0 && !headFound.has(requestId)) {
      const reason = `the request's newest audit entry #${head.seq} is missing or changed: entries were removed`;
      return { chains, entries, broken: { chain: requestId, seq: head.seq, entryId: null, reason } };
    }
  }
  return { chains, entries, broken: null };
}
