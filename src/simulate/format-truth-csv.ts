import type { WjxTruthRow } from './build-wjx-export.js';
import { formatCsvLine } from './format-csv-line.js';

/** Writes the ground truth of a faulty export as UTF-8 CSV (`序号,fault,variable`, `\n` line endings). */
export function formatTruthCsv(truth: readonly WjxTruthRow[]): string {
  const lines = [formatCsvLine(['序号', 'fault', 'variable']), ...truth.map((t) => formatCsvLine([t.id, t.fault, t.variable]))];
  return `${lines.join('\n')}\n`;
}
