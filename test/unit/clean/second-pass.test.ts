import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cleanCsvSinks } from '../../../src/clean/clean-csv-sinks.js';
import { cleanFile, type CleanSummary } from '../../../src/clean/clean-file.js';
import { loadCodebook } from '../../../src/codebook/load-codebook.js';
import { openAtomicWriter } from '../../../src/io/write-atomic.js';
import { tempDir } from '../../helpers/run-cli.js';

// cleanFile's second pass replays the first pass's rows when they fit in `keepCells`, and streams
// the file again when they do not — given up as soon as the bytes read project that they will
// not fit (issue #22: a million rows no longer hold ~0.5 GB until the limit is reached). Either
// way the cleaned files must be the same.

const sample = join(import.meta.dirname, '../../../data-samples/bazhou-2025');

async function clean(keepCells?: number): Promise<{ summary: Omit<CleanSummary, 'ingest'>; files: string[] }> {
  const dir = tempDir('survey-second-pass-');
  const names = ['clean.csv', 'excluded.csv', 'issues.csv'];
  const [clean, excluded, issues] = names.map((n) => openAtomicWriter(join(dir, n)));
  const sinks = cleanCsvSinks({ clean, excluded, issues });
  await sinks.begin();
  const passes: number[] = [];
  const { ingest: _ingest, ...summary } = await cleanFile(join(sample, 'wjx-export.xlsx'), { codebook: await loadCodebook(join(sample, 'codebook.yaml')), keepCells, onPass: (p) => passes.push(p) }, sinks);
  await Promise.all([clean.commit(), excluded.commit(), issues.commit()]);
  expect(passes).toEqual([1, 2]);
  return { summary, files: names.map((n) => readFileSync(join(dir, n), 'utf8')) };
}

describe('the second pass of cleaning', () => {
  it('writes the same files whether the rows are replayed, streamed again from the start, or given up on part way', async () => {
    const replayed = await clean();
    expect(replayed.summary.excludedRows).toBeGreaterThan(0);
    // 10,400 rows × 66 cells: none kept, and a limit the projection passes a few rows in.
    for (const keepCells of [0, 50_000]) expect(await clean(keepCells)).toEqual(replayed);
  });
});
