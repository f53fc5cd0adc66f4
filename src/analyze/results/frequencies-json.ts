import type { FrequencyTable } from '../estimators/tabulate-frequencies.js';

/** The `freq --json` shape. */
export function frequenciesJson(f: FrequencyTable) {
  return {
    var: f.variable, label: f.label, total: f.total, valid: f.valid,
    levels: f.levels.map((l) => ({ value: l.code, label: l.label, count: l.count, percent: l.percent, valid_percent: l.validPercent, cumulative_percent: l.cumulativePercent })),
    missing: f.missing,
  };
}
