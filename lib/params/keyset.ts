// A window of a long list read by key (keyset pagination): the rows after the last key seen,
// `take` at most, so that each query stays bounded and none rereads what came before.

export type KeysetWindow<Key> = {
  /** The last key of the previous window; none: from the start (or from `skip`). */
  after?: Key;
  /** Rows passed over before the first one: places the first window of a walk that starts mid-list. */
  skip?: number;
  take: number;
};

/** The rows `read` gives from row `skip` on, `count` at most, window after window of `batch` rows: one array per window. */
export async function* walkKeyset<Row, Key>(
  read: (window: KeysetWindow<Key>) => Promise<Row[]>,
  keyOf: (row: Row) => Key,
  { skip, count, batch }: { skip: number; count: number; batch: number },
): AsyncGenerator<Row[]> {
  let window: KeysetWindow<Key> = { skip, take: Math.min(batch, count) };
  let left = count;
  while (left > 0) {
    const rows = await read(window);
    if (rows.length) yield rows;
    left -= rows.length;
    if (rows.length < window.take) return;
    window = { after: keyOf(rows[rows.length - 1]), take: Math.min(batch, left) };
  }
}
