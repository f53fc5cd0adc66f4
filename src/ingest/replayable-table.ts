import type { RawRow, RawTable } from './raw-table.js';

/**
 * A table whose rows are kept the first time they are read, so that a second pass (cleaning reads
 * its input twice) replays them instead of parsing the file again. Only for inputs small enough to
 * hold: a pass that did not finish is read from the file again.
 */
export function replayableTable(table: RawTable): RawTable {
  let kept: RawRow[] | null = null;
  async function* record(): AsyncGenerator<RawRow> {
    const rows: RawRow[] = [];
    for await (const row of table.rows()) {
      rows.push(row);
      yield row;
    }
    kept = rows;
  }
  async function* replay(rows: RawRow[]): AsyncGenerator<RawRow> {
    yield* rows;
  }
  return { ...table, rows: () => (kept ? replay(kept) : record()) };
}
