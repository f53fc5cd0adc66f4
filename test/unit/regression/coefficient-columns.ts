import type { CoefficientRow } from '../../../src/analyze/regression/regression-result.js';
import { expectClose } from '../../helpers/expect-close.js';

const fields = { estimate: 'estimate', std_error: 'standardError', statistic: 'statistic', p_value: 'pValue', conf_low: 'confLow', conf_high: 'confHigh' } as const;

/** Compares coefficient rows with an R fixture's arrays (estimate, std_error, …) at per-quantity tolerances. */
export function expectCoefficients(rows: readonly CoefficientRow[], want: Record<string, number[]>, tolerance: { estimate: number; standardError: number }, what: string): void {
  for (const [key, field] of Object.entries(fields)) {
    if (!(key in want)) continue;
    const rtol = key === 'estimate' ? tolerance.estimate : tolerance.standardError;
    expectClose(rows.map((r) => r[field]), want[key], { rtol, label: `${what} ${key}` });
  }
}
