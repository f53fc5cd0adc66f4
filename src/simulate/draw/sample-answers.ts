import { EMPTY, type SimulatedColumn, type SimulatedSample } from '../simulated-sample.js';
import type { WjxColumn } from '../wjx/wjx-layout.js';
import type { WjxAnswer } from '../wjx/wjx-record.js';

/** The answers of one simulated respondent, one per 问卷星 answer column. */
export function sampleAnswers(sample: SimulatedSample, layout: readonly WjxColumn[], row: number): WjxAnswer[] {
  return layout.map(({ variable }): WjxAnswer => {
    const column = sample.columns.get(variable.name) as SimulatedColumn;
    const missing = column.missing[row];
    if (missing === EMPTY) return { kind: 'empty' };
    if (missing >= 0) return { kind: 'choice', choice: (variable.missing ?? [])[missing] };
    const value = column.values[row];
    return variable.choices?.length ? { kind: 'choice', choice: variable.choices[value] } : { kind: 'number', value };
  });
}
