/** Helpers for work done in bounded pieces: both databases cap a statement's parameters. */

/** Splits a list for IN (…) lists and multi-row inserts, which both databases cap by the number of parameters. */
export function chunked<T>(items: readonly T[], size: number): T[][] {
  const chunks: T[][] = [];
  for (let i = 0; i < items.length; i += size) chunks.push(items.slice(i, i + size));
  return chunks;
}

/** Adds `value` to the list kept under `key` (in place: batches run to a hundred thousand lines). */
export function appendTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
