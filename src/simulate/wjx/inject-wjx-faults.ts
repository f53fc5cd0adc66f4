import type { Rng } from '../draw/create-rng.js';
import { drawWjxMeta } from './draw-wjx-meta.js';
import { illegalCode } from '../draw/illegal-code.js';
import { shuffleInPlace } from '../draw/shuffle-in-place.js';
import type { WjxSpec } from '../spec/spec-schema.js';
import type { WjxColumn } from './wjx-layout.js';
import type { WjxAnswer, WjxFault, WjxRecord } from './wjx-record.js';

/** How many faulty submissions of each kind to add. */
export type WjxFaultCounts = Record<WjxFault['fault'], number>;

/** What fault injection works from. */
export interface FaultInput {
  wjx: WjxSpec;
  layout: readonly WjxColumn[];
  /** The clean submissions (copied by duplicates and near-duplicates, never changed). */
  clean: readonly WjxRecord[];
  /** Extra simulated respondents, turned into speeders, straight-liners, out-of-range and unknown answers. */
  fresh: readonly WjxRecord[];
  counts: WjxFaultCounts;
  rng: Rng;
  /** The stream new metadata (completion times of copies, blank submissions) is drawn from. */
  metaRng: Rng;
}

// Answer texts a respondent might type into 其他 that no choice of a rating scale matches.
const UNKNOWN_TEXTS = ['还行吧', '不好说啊', '没想过', '看情况'];

/**
 * Builds the faulty submissions, one fault each, in addition to the clean ones: exact duplicates and
 * near-duplicates (one answer changed, so ≥95% identical on a questionnaire of 20+ questions) of
 * clean rows submitted later from the same IP; speeders (random answers in 3–15% of the median
 * time); straight-liners on a grid; out-of-range numbers (1.5–10 × the top of the range); answers
 * no choice matches; blank submissions.
 */
export function injectWjxFaults(input: FaultInput): WjxRecord[] {
  const { wjx, layout, clean, counts, rng, metaRng } = input;
  const out: WjxRecord[] = [];
  const fresh = input.fresh.map((r) => ({ meta: { ...r.meta }, answers: [...r.answers] }));
  let nextFresh = 0;
  const columnsWhere = (test: (c: WjxColumn) => boolean) => layout.flatMap((c, i) => (test(c) ? [i] : []));
  const choiceColumns = columnsWhere((c) => (c.variable.choices?.length ?? 0) > 0);
  const validChoice = (column: number, index: number): WjxAnswer => ({
    kind: 'choice',
    choice: (layout[column].variable.choices ?? [])[index],
  });
  const choiceCount = (column: number) => layout[column].variable.choices?.length ?? 0;

  const originals = shuffleInPlace(rng, clean.map((_, i) => i)).slice(0, counts.duplicate + counts['near-duplicate']);
  originals.forEach((index, k) => {
    const original = clean[index];
    const { duration, minutes } = drawWjxMeta(wjx, metaRng);
    const meta = { ...original.meta, time: original.meta.time + 120 + rng.below(2 * 86400), duration, minutes };
    const answers = [...original.answers];
    if (k < counts.duplicate) {
      out.push({ meta, answers, fault: { fault: 'duplicate', variable: '' } });
      return;
    }
    const column = choiceColumns[rng.below(choiceColumns.length)];
    const current = answers[column];
    const choices = layout[column].variable.choices ?? [];
    const others = choices.flatMap((c, i) => (current.kind === 'choice' && current.choice === c ? [] : [i]));
    answers[column] = validChoice(column, others[rng.below(others.length)]);
    out.push({ meta, answers, fault: { fault: 'near-duplicate', variable: layout[column].variable.name } });
  });

  for (let k = 0; k < counts.speeder; k++) {
    const record = fresh[nextFresh++];
    for (const column of choiceColumns) record.answers[column] = validChoice(column, rng.below(choiceCount(column)));
    record.meta.duration = Math.max(5, Math.round(wjx.median_seconds * (0.03 + 0.12 * rng.uniform())));
    out.push({ ...record, fault: { fault: 'speeder', variable: '' } });
  }

  const grids = (wjx.straight_line_grids ?? Object.keys(wjx.grids)).filter((g) => columnsWhere((c) => c.grid === g).length >= 2);
  for (let k = 0; k < counts['straight-liner']; k++) {
    const record = fresh[nextFresh++];
    const grid = grids[rng.below(grids.length)];
    const rows = columnsWhere((c) => c.grid === grid);
    const level = rng.below(Math.min(...rows.map(choiceCount)));
    for (const column of rows) record.answers[column] = validChoice(column, level);
    out.push({ ...record, fault: { fault: 'straight-liner', variable: grid } });
  }

  const ranged = columnsWhere((c) => c.variable.type === 'numeric' && c.variable.range !== undefined);
  for (let k = 0; k < counts['out-of-range']; k++) {
    const record = fresh[nextFresh++];
    const column = ranged[rng.below(ranged.length)];
    const top = (layout[column].variable.range as [number, number])[1];
    record.answers[column] = { kind: 'number', value: Math.round(top * (1.5 + 8.5 * rng.uniform())) };
    out.push({ ...record, fault: { fault: 'out-of-range', variable: layout[column].variable.name } });
  }

  for (let k = 0; k < counts['unknown-answer']; k++) {
    const record = fresh[nextFresh++];
    const column = choiceColumns[rng.below(choiceColumns.length)];
    const text = UNKNOWN_TEXTS[rng.below(UNKNOWN_TEXTS.length)];
    record.answers[column] = { kind: 'unknown', text, code: illegalCode(layout[column].variable) };
    out.push({ ...record, fault: { fault: 'unknown-answer', variable: layout[column].variable.name } });
  }

  for (let k = 0; k < counts.blank; k++) {
    out.push({
      meta: drawWjxMeta(wjx, metaRng),
      answers: layout.map((): WjxAnswer => ({ kind: 'empty' })),
      fault: { fault: 'blank', variable: '' },
    });
  }
  return out;
}
