import { describe, expect, it } from 'vitest';
import type { RawRow, RawTable } from '../../../src/ingest/raw-table.js';
import { replayableTable } from '../../../src/ingest/replayable-table.js';

function countingTable(rows: RawRow[]): { table: RawTable; reads: () => number } {
  let reads = 0;
  const table: RawTable = {
    file: 'x.csv', format: 'csv', encoding: 'utf-8', delimiter: ',', sheet: null, header: ['a'],
    async *rows() {
      reads++;
      yield* rows;
    },
  };
  return { table, reads: () => reads };
}

async function collect(table: RawTable): Promise<RawRow[]> {
  const out: RawRow[] = [];
  for await (const row of table.rows()) out.push(row);
  return out;
}

describe('replayableTable', () => {
  const rows = [{ row: 1, cells: ['x'] }, { row: 2, cells: ['y'] }];

  it('parses once: the second pass replays the rows of the first', async () => {
    const { table, reads } = countingTable(rows);
    const replayable = replayableTable(table);
    expect(await collect(replayable)).toEqual(rows);
    expect(await collect(replayable)).toEqual(rows);
    expect(reads()).toBe(1);
  });

  it('reads the file again when the first pass stopped early', async () => {
    const { table, reads } = countingTable(rows);
    const replayable = replayableTable(table);
    for await (const row of replayable.rows()) if (row.row === 1) break;
    expect(await collect(replayable)).toEqual(rows);
    expect(reads()).toBe(2);
  });
});
