// Reading many rows with bounded memory: keyset batches (ids ascending, "id > last id seen"), so each batch
// is one indexed range read however deep into the table it is, unlike OFFSET. Pure.

/** Rows per batch the demo platform's export reads. */
export const EXPORT_BATCH_SIZE = 1000;

/**
 * Yields every row `fetch` returns, batch by batch: `fetch(after, take)` must return at most `take` rows with
 * ids greater than `after` (undefined: from the start), ascending by id. Nothing is read before iteration
 * begins, and at most one batch is held at a time.
 */
export async function* keysetRows<Row extends { id: Id }, Id extends string | number>(
  fetch: (after: Id | undefined, take: number) => Promise<Row[]>,
  batchSize = EXPORT_BATCH_SIZE,
): AsyncGenerator<Row> {
  let after: Id | undefined;
  for (;;) {
    const batch = await fetch(after, batchSize);
    for (const row of batch) yield row;
    if (batch.length < batchSize) return;
    after = batch[batch.length - 1]!.id;
  }
}
