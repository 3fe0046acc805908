// The difference between two versions of the statement, block by block (statement/blocks.ts), with
// word-level detail inside a changed block. Unchanged runs are counted, not repeated.
import { diffArrays, diffWordsWithSpace } from "diff";
import type { TextBlock } from "./statement/blocks";

export type WordPart = { text: string; change?: "added" | "removed" };

export type DiffEntry =
  | { type: "unchanged"; count: number }
  | { type: "added" | "removed"; block: TextBlock }
  | { type: "changed"; block: TextBlock; parts: WordPart[] };

export interface VersionDiff {
  entries: DiffEntry[];
  counts: { added: number; removed: number; changed: number };
}

// A removed and an added block are shown as one changed block when most of their words survive.
const SIMILAR_ENOUGH = 0.5;

export function compareBlocks(before: readonly TextBlock[], after: readonly TextBlock[]): VersionDiff {
  const key = (b: TextBlock) => `${b.kind}\u0000${b.text}`;
  const changes = diffArrays(before.map(key), after.map(key));
  const entries: DiffEntry[] = [];
  const counts = { added: 0, removed: 0, changed: 0 };
  let i = 0; // position in before
  let j = 0; // position in after
  for (let c = 0; c < changes.length; c++) {
    const change = changes[c]!;
    const n = change.count ?? change.value.length;
    if (!change.added && !change.removed) {
      entries.push({ type: "unchanged", count: n });
      i += n;
      j += n;
      continue;
    }
    if (change.removed) {
      const removed = before.slice(i, i + n);
      i += n;
      const next = changes[c + 1];
      const added = next?.added ? after.slice(j, j + (next.count ?? next.value.length)) : [];
      if (next?.added) {
        j += added.length;
        c++;
      }
      pair(removed, added, entries, counts);
      continue;
    }
    const added = after.slice(j, j + n);
    j += n;
    pair([], added, entries, counts);
  }
  return { entries, counts };
}

/** Matches removed and added blocks in order: similar pairs become "changed", the rest stay as they are. */
function pair(removed: TextBlock[], added: TextBlock[], entries: DiffEntry[], counts: VersionDiff["counts"]): void {
  let a = 0;
  for (const old of removed) {
    const match = added.findIndex(
      (candidate, k) => k >= a && candidate.kind === old.kind && similarity(old.text, candidate.text) >= SIMILAR_ENOUGH,
    );
    if (match < 0) {
      entries.push({ type: "removed", block: old });
      counts.removed++;
      continue;
    }
    for (; a < match; a++) {
      entries.push({ type: "added", block: added[a]! });
      counts.added++;
    }
    const now = added[a++]!;
    const parts = diffWordsWithSpace(old.text, now.text).map((p) => ({
      text: p.value,
      change: p.added ? ("added" as const) : p.removed ? ("removed" as const) : undefined,
    }));
    entries.push({ type: "changed", block: now, parts });
    counts.changed++;
  }
  for (; a < added.length; a++) {
    entries.push({ type: "added", block: added[a]! });
    counts.added++;
  }
}

function similarity(a: string, b: string): number {
  const parts = diffWordsWithSpace(a, b);
  const same = parts.filter((p) => !p.added && !p.removed).reduce((n, p) => n + p.value.length, 0);
  return (2 * same) / (a.length + b.length || 1);
}
