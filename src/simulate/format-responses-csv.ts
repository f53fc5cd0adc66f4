import { columnCell } from './wjx/column-cell.js';
import { csvRecord } from '../io/format-csv.js';
import type { SimulatedColumn, SimulatedSample } from './simulated-sample.js';
import type { SimulationPlan } from './spec/simulation-plan.js';

/**
 * Writes a sample as UTF-8 CSV text with `\n` line endings: the id column, then the written
 * variables in codebook order; codes by default, the codebook's labels with `labels`; empty cells
 * for missing answers, the declared code (or its label) for 说不清/拒绝回答.
 */
export function formatResponsesCsv(plan: SimulationPlan, sample: SimulatedSample, options: { labels?: boolean } = {}): string {
  const columns = plan.columns.map((v) => sample.columns.get(v.name) as SimulatedColumn);
  const lines = [csvRecord([plan.idColumn, ...plan.columns.map((v) => v.name)])];
  for (let row = 0; row < sample.n; row++) {
    lines.push(csvRecord([row + 1, ...columns.map((c) => columnCell(c, row, options.labels ?? false) ?? '')]));
  }
  return `${lines.join('\n')}\n`;
}
