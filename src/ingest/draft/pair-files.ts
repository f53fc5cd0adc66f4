import { UsageError } from '../../core/errors.js';
import type { Codebook, Issue } from '../../core/types.js';
import { inspectFile } from '../ingest-file.js';
import { pairCodebooks } from './pair-codebooks.js';
import type { OpenTableOptions } from '../read/raw-table.js';

/**
 * Drafts a codebook from the two downloads of one 问卷星 survey (按文本 and 按序号, in either
 * order): labels from the text export, 问卷星's codes from the code export.
 */
export async function pairFiles(first: string, second: string, options: OpenTableOptions = {}): Promise<{ codebook: Codebook; issues: Issue[] }> {
  const a = await inspectFile(first, options);
  const b = await inspectFile(second, { ...options, sheet: undefined });
  const text = [a, b].find((x) => x.layout === 'wjx-text');
  const code = [a, b].find((x) => x.layout === 'wjx-code');
  if (!text || !code) {
    throw new UsageError(`--pair needs one 按文本 and one 按序号 问卷星 export; ${first} is ${a.layout}, ${second} is ${b.layout}`, {
      hint: 'download the same survey from 问卷星 both 按选项文本 and 按选项序号',
    });
  }
  return pairCodebooks(
    { file: text.table.file, items: text.items, rows: text.rows, codebook: text.codebook },
    { file: code.table.file, items: code.items, rows: code.rows, codebook: code.codebook },
  );
}
