import { buildWjxExport, type WjxExport } from './wjx/build-wjx-export.js';
import { encodeWjxCsv } from './wjx/encode-wjx-csv.js';
import { encodeWjxXlsx } from './wjx/encode-wjx-xlsx.js';
import { formatResponsesCsv } from './format-responses-csv.js';
import { formatTruthCsv } from './format-truth-csv.js';
import { simulateResponses } from './simulate-responses.js';
import type { SimulatedSample } from './simulated-sample.js';
import type { SimulationPlan } from './spec/simulation-plan.js';
import { wjxRows } from './wjx/wjx-rows.js';

/** What to draw and how to write it. */
export interface RenderOptions {
  seed: number;
  n?: number;
  /** `csv`: coded responses; `wjx-text`/`wjx-code`: a 问卷星 export (按文本/按序号) with faults. */
  format: 'csv' | 'wjx-text' | 'wjx-code';
  /** csv: labels instead of codes. */
  labels?: boolean;
  /** wjx: write .xlsx rather than a GB18030 CSV. */
  xlsx?: boolean;
}

/** A rendered simulation: the output file's bytes, the ground truth (wjx formats) and what was drawn. */
export interface RenderedSimulation {
  data: string | Buffer;
  truth: string | null;
  sample: SimulatedSample;
  wjx: WjxExport | null;
}

/**
 * Draws a sample from a plan and renders it as the requested file: UTF-8 CSV of codes or labels,
 * or a 问卷星-style export (.xlsx, or GB18030 CSV) plus its ground-truth CSV.
 */
export async function renderSimulation(plan: SimulationPlan, options: RenderOptions): Promise<RenderedSimulation> {
  const sample = simulateResponses(plan, { n: options.n, seed: options.seed });
  if (options.format === 'csv') {
    return { data: formatResponsesCsv(plan, sample, { labels: options.labels }), truth: null, sample, wjx: null };
  }
  const wjx = buildWjxExport(plan, sample);
  const rows = wjxRows(wjx, options.format === 'wjx-text' ? 'text' : 'code');
  const days = plan.wjx?.days ?? 0;
  // The workbook is dated at the end of fieldwork, not when it is written, so reruns match.
  const end = new Date(Date.parse(`${wjx.start}T00:00:00Z`) + days * 86400000);
  const data = options.xlsx ? encodeWjxXlsx(rows, end) : encodeWjxCsv(rows);
  return { data, truth: formatTruthCsv(wjx.truth), sample, wjx };
}
