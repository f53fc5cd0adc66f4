import type { WjxTruthRow } from './wjx/build-wjx-export.js';
import { csvRecord } from '../io/format-csv.js';

/** Writes the ground truth of a faulty export as UTF-8 CSV (`序号,fault,variable`, `\n` line endings). */
export function formatTruthCsv(truth: readonly WjxTruthRow[]): string {
  const lines = [csvRecord(['序号', 'fault', 'variable']), ...truth.map((t) => csvRecord([t.id, t.fault, t.variable]))];
  return `${lines.join('\n')}\n`;
}
