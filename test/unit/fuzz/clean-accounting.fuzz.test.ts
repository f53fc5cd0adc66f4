import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseRules } from '../../../src/clean/clean-rules.js';
import { cleanFile } from '../../../src/clean/clean-file.js';
import { parseCodebook } from '../../../src/codebook/load-codebook.js';
import { noteInput, params, survives } from '../../helpers/fuzz.js';
import { fuzzStudies, studyCsv } from '../../helpers/fuzz-study.js';
import { tempDir } from '../../helpers/run-cli.js';

// Issue #16's fuzz suite, cleaning: whatever the answers and rules, every input row ends up
// exactly once in the kept or the excluded rows (input rows = kept + excluded), an excluded row
// keeps its original cells, and a problem with a cell is an issue, never a lost row.

const dir = tempDir('survey-fuzz-clean-');
let files = 0;

describe('cleaning generated studies', () => {
  it('accounts for every row, once, with its original cells', async () => {
    await fc.assert(
      fc.asyncProperty(fuzzStudies, async (study) => {
        const path = join(dir, `${files++}.csv`);
        writeFileSync(path, studyCsv(study));
        noteInput(path);
        const seen: number[] = [];
        const excludedCells = new Map<number, readonly string[]>();
        const { value: summary } = await survives('clean-accounting', () =>
          cleanFile(path, { codebook: parseCodebook(study.codebook, 'q.yaml'), rules: parseRules(study.rules, 'r.yaml') }, {
            kept: (row) => void seen.push(row.sourceRow),
            excluded: (row) => {
              seen.push(row.sourceRow);
              excludedCells.set(row.sourceRow, row.cells);
            },
          }),
        );
        if (!summary) return;
        expect(summary.inputRows).toBe(study.dataRows);
        expect(summary.keptRows + summary.excludedRows).toBe(summary.inputRows);
        expect([...seen].sort((a, b) => a - b)).toEqual(Array.from({ length: study.dataRows }, (_, i) => i + 1));
        for (const [row, cells] of excludedCells) expect(cells).toEqual(study.rows[row - 1]);
      }),
      params(15, 600),
    );
  });
});
