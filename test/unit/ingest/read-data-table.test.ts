import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCodebook } from '../../../src/codebook/load-codebook.js';
import { readDataTable } from '../../../src/ingest/read-data-table.js';
import { tempDir } from '../../helpers/run-cli.js';

const codebook = parseCodebook(
  `id: t
variables:
  - {name: area, type: single, choices: {1: 城市, 2: 农村}}
  - {name: happiness, type: single, ordered: true, choices: {1: 不幸福, 2: 一般, 3: 幸福}, missing: {9: 拒绝回答}}
  - {name: income, type: numeric}
  - {name: note, type: text}
`,
  'q.yaml',
);

describe('readDataTable', () => {
  const dir = tempDir();

  it('reads a coded CSV into numeric and text columns, declared missing codes as NaN with their reason', async () => {
    const file = join(dir, 'coded.csv');
    writeFileSync(file, '_source_row,area,happiness,income,note\n3,1,3,42000,好\n7,2,9,,\n8,1,2,18000.5,"a,b"\n');
    const { table, summary } = await readDataTable(file, { codebook });
    expect(summary.unmapped).toEqual([]);
    expect(table.nrows).toBe(3);
    expect([...table.sourceRows]).toEqual([3, 7, 8]);
    const happiness = table.column('happiness');
    expect(happiness.kind).toBe('number');
    expect([...happiness.values]).toEqual([3, Number.NaN, 2]);
    expect([...happiness.missing]).toEqual([0, 4, 0]);
    expect([...table.column('income').values]).toEqual([42000, Number.NaN, 18000.5]);
    expect([...table.column('income').missing]).toEqual([0, 1, 0]);
    expect(table.column('note').values).toEqual(['好', null, 'a,b']);
  });

  it('names the columns there are when a variable is unknown', async () => {
    const file = join(dir, 'small.csv');
    writeFileSync(file, 'area,income\n1,5\n');
    const { table } = await readDataTable(file, { codebook });
    expect(() => table.column('happines')).toThrow(/no variable "happines"/);
  });

  it('refuses an edited _source_row', async () => {
    const file = join(dir, 'edited.csv');
    writeFileSync(file, '_source_row,area\nx,1\n');
    await expect(readDataTable(file, { codebook })).rejects.toThrow(/_source_row is "x"/);
  });
});
