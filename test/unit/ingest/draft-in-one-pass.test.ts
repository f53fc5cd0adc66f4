import { describe, expect, it } from 'vitest';
import { ingestFile } from '../../../src/ingest/ingest-file.js';
import { readDataTable } from '../../../src/ingest/read-data-table.js';
import { writeText } from './collect-rows.js';

/**
 * 6,000 rows of 200 columns: the draft sample (about a million cells) ends near row 5,240, so an
 * answer first seen at row 5,900 breaks the codebook drafted from the sample.
 */
function wideCsv(late: { row: number; answer: string } | null): string {
  const header = ['grade', ...Array.from({ length: 199 }, (_, k) => `n${k + 1}`)].join(',');
  const lines = [header];
  for (let i = 1; i <= 6000; i++) {
    const grade = late && i === late.row ? late.answer : ['a', 'b'][i % 2];
    lines.push(`${grade},${Array.from({ length: 199 }, (_, k) => (i * (k + 3)) % 97).join(',')}`);
  }
  return `${lines.join('\n')}\n`;
}

/** The codebook and coded `grade` the two-pass draft (a sink that cannot start over) gives. */
async function twoPass(path: string) {
  const grades: unknown[] = [];
  const summary = await ingestFile(path, {}, { row: (r) => void grades.push(r.values[0]) });
  return { codebook: summary.codebook, grades };
}

describe('a codebook drafted in the same pass as the coding', () => {
  it('codes again with the whole table\'s draft when a later row brings a new answer', async () => {
    const path = writeText('late-answer.csv', wideCsv({ row: 5900, answer: 'c' }));
    const { table, summary } = await readDataTable(path);
    const expected = await twoPass(path);
    expect(summary.codebook).toEqual(expected.codebook);
    expect(summary.codebook.variables[0].choices?.map((c) => c.label)).toEqual(['a', 'b', 'c']);
    expect(summary.issues.filter((i) => i.severity === 'error')).toEqual([]);
    expect(Array.from<unknown>(table.column('grade').values)).toEqual(expected.grades);
    expect(table.column('grade').values[5899]).toBe(3);
    expect(table.nrows).toBe(6000);
  });

  it('gives the two-pass draft and codes when the sample holds every answer', async () => {
    const path = writeText('no-late-answer.csv', wideCsv(null));
    const { table, summary } = await readDataTable(path);
    const expected = await twoPass(path);
    expect(summary.codebook).toEqual(expected.codebook);
    expect(Array.from<unknown>(table.column('grade').values)).toEqual(expected.grades);
    expect(table.column('n5').kind).toBe('number');
  });
});
