import type { SimulatedColumn } from '../simulated-sample.js';
import type { ResolvedTerm } from './simulation-plan.js';

/**
 * The value of a predictor term at a row, from the source's complete value: a numeric value, the
 * code of a choice (codes are numeric where terms use them), its log, or a 0/1 level indicator.
 */
export function termValue(term: ResolvedTerm, column: SimulatedColumn, row: number): number {
  const value = column.values[row];
  if (term.transform === 'indicator') return value === term.level ? 1 : 0;
  const choices = column.variable?.choices;
  const x = choices ? Number(choices[value].code) : value;
  return term.transform === 'log' ? Math.log(x) : x;
}
