import { UsageError } from '../../core/errors.js';
import { createRng } from '../draw/create-rng.js';
import { drawWjxMeta } from './draw-wjx-meta.js';
import { injectWjxFaults, type WjxFaultCounts } from './inject-wjx-faults.js';
import { sampleAnswers } from '../draw/sample-answers.js';
import { simulateResponses } from '../simulate-responses.js';
import type { SimulatedSample } from '../simulated-sample.js';
import type { SimulationPlan } from '../spec/simulation-plan.js';
import type { WjxSpec } from '../spec/spec-schema.js';
import { WJX_META_HEADERS, wjxLayout, type WjxColumn } from './wjx-layout.js';
import type { WjxFault, WjxRecord } from './wjx-record.js';

/** One line of the ground truth: the 序号 of a faulty submission, its fault and the variable it is in. */
export interface WjxTruthRow extends WjxFault {
  id: number;
}

/** A 问卷星-style export before it is written: header, submissions in 序号 order, ground truth. */
export interface WjxExport {
  header: string[];
  layout: WjxColumn[];
  /** Record i has 序号 i + 1. */
  records: WjxRecord[];
  truth: WjxTruthRow[];
  counts: WjxFaultCounts;
  /** The first fieldwork day (`YYYY-MM-DD`), for writing times. */
  start: string;
}

/**
 * Turns a clean sample into a 问卷星 export with the faults the spec's `wjx:` section asks for: every
 * clean respondent once, in id order (their submission times increase), plus round(rate × n)
 * faulty submissions of each kind at their own times; 序号 numbers all rows by submission time.
 * The faults are listed in `truth`, never marked in the export itself.
 */
export function buildWjxExport(plan: SimulationPlan, sample: SimulatedSample): WjxExport {
  const wjx = plan.wjx;
  if (!wjx) {
    throw new UsageError('the spec has no wjx: section', { file: plan.file, hint: 'add wjx: (start, regions, grids, faults) to write a 问卷星 export' });
  }
  const layout = wjxLayout(plan.columns, wjx);
  const metaRng = createRng(sample.seed, 'wjx/meta');
  const clean: WjxRecord[] = [];
  for (let row = 0; row < sample.n; row++) {
    clean.push({ meta: drawWjxMeta(wjx, metaRng), answers: sampleAnswers(sample, layout, row) });
  }
  // Clean respondents submit in id order, so dropping the faulty rows gives back the sample's order.
  const times = clean.map((r) => r.meta.time).sort((a, b) => a - b);
  clean.forEach((r, i) => (r.meta.time = times[i]));
  const counts = faultCounts(wjx, sample.n);
  const freshCount = counts.speeder + counts['straight-liner'] + counts['out-of-range'] + counts['unknown-answer'];
  const fresh: WjxRecord[] = [];
  if (freshCount > 0) {
    const extra = simulateResponses(plan, { n: freshCount, seed: sample.seed, stream: 'wjx-fresh' });
    for (let row = 0; row < freshCount; row++) {
      fresh.push({ meta: drawWjxMeta(wjx, metaRng), answers: sampleAnswers(extra, layout, row) });
    }
  }
  const faulty = injectWjxFaults({ wjx, layout, clean, fresh, counts, rng: createRng(sample.seed, 'wjx/faults'), metaRng });
  // A stable sort keeps clean rows before faulty ones submitted in the same second.
  const records = [...clean, ...faulty].sort((a, b) => a.meta.time - b.meta.time);
  const truth = records.flatMap((r, i) => (r.fault ? [{ id: i + 1, ...r.fault }] : []));
  return { header: [...WJX_META_HEADERS, ...layout.map((c) => c.header)], layout, records, truth, counts, start: wjx.start };
}

function faultCounts(wjx: WjxSpec, n: number): WjxFaultCounts {
  const rates = wjx.faults;
  const count = (rate: number) => Math.round(rate * n);
  return {
    speeder: count(rates.speeder),
    duplicate: count(rates.duplicate),
    'near-duplicate': count(rates.near_duplicate),
    'straight-liner': count(rates.straight_liner),
    'out-of-range': count(rates.out_of_range),
    'unknown-answer': count(rates.unknown_answer),
    blank: count(rates.blank),
  };
}
