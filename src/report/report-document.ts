import type { Chart } from './charts/chart-spec.js';

/** A report as structured blocks, rendered to Markdown, Word and Excel by the same model. */

/** One block of a report. */
export type ReportBlock =
  | { kind: 'heading'; level: 1 | 2 | 3; text: string }
  | { kind: 'paragraph'; text: string }
  | { kind: 'table'; title: string; columns: readonly string[]; align: readonly ('left' | 'right')[]; rows: readonly (readonly string[])[]; notes: readonly string[] }
  /** A chart: `id` names its files (charts/<id>.svg, charts/<id>.png) and is unique in a report. */
  | { kind: 'chart'; id: string; chart: Chart };

/** A whole report: title lines, then blocks in order. */
export interface ReportDocument {
  title: string;
  /** Lines under the title: authors, unit, date. */
  byline: readonly string[];
  blocks: readonly ReportBlock[];
}

/** A 三线表-style table block; numbers right-aligned where `align` says so. */
export function tableBlock(title: string, columns: readonly string[], rows: readonly (readonly string[])[], options: { align?: readonly ('left' | 'right')[]; notes?: readonly string[] } = {}): ReportBlock {
  return { kind: 'table', title, columns, align: options.align ?? columns.map((_, i) => (i === 0 ? 'left' : 'right')), rows, notes: options.notes ?? [] };
}
