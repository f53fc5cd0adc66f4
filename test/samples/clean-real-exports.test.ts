import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { cleanFile } from '../../src/clean/clean-file.js';
import { pairFiles } from '../../src/ingest/draft/pair-files.js';

// Issue #16.6 on the real exports: the 357 export (3 questions, 204 rows) lost 146 rows as
// "duplicate" to identical answers that chance explains; the 800 export's one true copy (33
// questions) is still caught.
const samples = fileURLToPath(new URL('../../../shared/samples/wjx-real/', import.meta.url));

describe.each([
  { name: '357', rows: 204, duplicates: 0 },
  { name: '800', rows: 800, duplicates: 1 },
])('cleaning the real export wjx-$name', ({ name, rows, duplicates }) => {
  it.each(['text', 'code'])(`keeps the rows chance explains (%s download): ${duplicates} duplicate(s)`, async (layout) => {
    const { codebook } = await pairFiles(`${samples}wjx-${name}-text.xlsx`, `${samples}wjx-${name}-code.xlsx`);
    const summary = await cleanFile(`${samples}wjx-${name}-${layout}.xlsx`, { codebook });
    expect(summary.inputRows).toBe(rows);
    expect(summary.reasons.duplicate ?? 0).toBe(duplicates);
    expect(summary.keptRows + summary.excludedRows).toBe(rows);
  });
});
