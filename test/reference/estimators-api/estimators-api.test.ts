import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { estimateRatio } from '../../../src/analyze/estimators/estimate-ratio.js';
import { estimateQuantiles } from '../../../src/analyze/estimators/estimate-quantiles.js';
import { estimateTotals } from '../../../src/analyze/estimators/estimate-totals.js';
import type { QuantileRule } from '../../../src/analyze/estimators/quantile-rules.js';
import { makeDesign, type DesignSpec } from '../../../src/core/design.js';
import type { DataTable } from '../../../src/core/data-table.js';
import { readDataTable } from '../../../src/ingest/read-data-table.js';
import { expectClose } from '../../helpers/expect-close.js';

// R 4.2.2, survey 4.1.1 (recorded in expected.json); make-expected.R wrote the inputs and expected.json.
const r = JSON.parse(readFileSync(new URL('./expected.json', import.meta.url), 'utf8'));
const here = new URL('.', import.meta.url).pathname;
/** Named tolerances: closed forms (totals, ratios, quantiles) and linearization SEs, CIs and deffs. */
const closedForm = { rtol: 1e-10 };
const linearization = { rtol: 1e-8, atol: 1e-12 };

const tables: Record<string, DataTable> = {};
beforeAll(async () => {
  for (const name of ['apisrs', 'apistrat', 'apiclus1']) tables[name] = (await readDataTable(`${here}${name}.csv`)).table;
});

const designs: [string, string, DesignSpec][] = [
  ['srs', 'apisrs', { weight: 'pw' }],
  ['strat', 'apistrat', { weight: 'pw', strata: 'stype' }],
  ['strat_fpc', 'apistrat', { weight: 'pw', strata: 'stype', fpc: 'fpc' }],
  ['clus1', 'apiclus1', { weight: 'pw', cluster: 'dnum' }],
  ['clus1_fpc', 'apiclus1', { weight: 'pw', cluster: 'dnum', fpc: 'fpc' }],
  ['unweighted', 'apistrat', {}],
];

type Row = Record<string, number | string | null>;
interface Case { var?: string; num?: string; den?: string; by: string | Record<string, never>; stats?: string | string[]; qrule?: string; rows: Row[] }
const byOf = (c: Case) => (typeof c.by === 'string' ? c.by : undefined);

describe('survey totals = svytotal / svyby(svytotal, deff = TRUE, na.rm = TRUE)', () => {
  for (const [key, data, spec] of designs) {
    it(`${key}: numeric and categorical totals, overall and by group (one domain has a single row)`, () => {
      const design = makeDesign(tables[data], spec);
      for (const c of r[key].totals as Case[]) {
        const result = estimateTotals(design, { variable: c.var!, by: byOf(c) });
        const stats = ([] as string[]).concat(c.stats!);
        expect(result.groups.length, `${key} ${c.var} by ${byOf(c)}`).toBe(c.rows.length + (byOf(c) ? stats.length : 0));
        for (const w of c.rows) {
          const value = result.categorical ? String(w.stat).slice(c.var!.length) : null;
          const g = result.groups.find((x) => x.level === w.level && x.value === value)!;
          const label = `${key} ${c.var} ${byOf(c) ?? ''}=${w.level} ${value ?? ''}`;
          expect(g, label).toBeDefined();
          expectClose(g.total, w.estimate as number, { ...closedForm, label: `${label} total` });
          expectClose(g.standardError, w.se as number, { ...linearization, label: `${label} se` });
          expectClose(g.confLow, w.ci_low as number, { ...linearization, label: `${label} conf_low` });
          expectClose(g.confHigh, w.ci_high as number, { ...linearization, label: `${label} conf_high` });
          expectClose(g.deff, w.deff as number, { ...linearization, label: `${label} deff` });
        }
      }
    });
  }
});

describe('survey quantiles = svyquantile(ci = TRUE, se = TRUE, na.rm = TRUE) / svyby, every qrule', () => {
  for (const [key, data, spec] of designs) {
    it(`${key}: probs 0 … 1, Woodruff intervals and SEs, overall and by group (one domain has a single row)`, () => {
      const design = makeDesign(tables[data], spec);
      for (const c of r[key].quantiles as Case[]) {
        const probs = [...new Set(c.rows.map((w) => w.prob as number))];
        const result = estimateQuantiles(design, { variable: c.var!, probs, by: byOf(c), rule: c.qrule as QuantileRule });
        expect(result.groups.length).toBe(c.rows.length + (byOf(c) ? probs.length : 0));
        for (const w of c.rows) {
          const g = result.groups.find((x) => x.level === w.level && x.prob === w.prob)!;
          const label = `${key} ${c.var} ${c.qrule} ${byOf(c) ?? ''}=${w.level} p=${w.prob}`;
          expectClose(g.quantile, w.quantile as number, { ...closedForm, label: `${label} quantile` });
          expectClose(g.confLow, w.ci_low as number, { ...closedForm, label: `${label} conf_low` });
          expectClose(g.confHigh, w.ci_high as number, { ...closedForm, label: `${label} conf_high` });
          expectClose(g.standardError, w.se as number, { ...closedForm, label: `${label} se` });
        }
      }
    });
  }
});

describe('survey ratio = svyratio(deff = TRUE, na.rm = TRUE) / svyby(svyratio)', () => {
  for (const [key, data, spec] of designs) {
    it(`${key}: api00/api99 and api_stu/enroll, overall and by group (one domain has a single row)`, () => {
      const design = makeDesign(tables[data], spec);
      for (const c of r[key].ratios as Case[]) {
        const result = estimateRatio(design, { numerator: c.num!, denominator: c.den!, by: byOf(c) });
        expect(result.groups.length).toBe(c.rows.length + (byOf(c) ? 1 : 0));
        for (const w of c.rows) {
          const g = result.groups.find((x) => x.level === w.level)!;
          const label = `${key} ${c.num}/${c.den} ${byOf(c) ?? ''}=${w.level}`;
          expectClose(g.ratio, w.estimate as number, { ...closedForm, label: `${label} ratio` });
          expectClose(g.standardError, w.se as number, { ...linearization, label: `${label} se` });
          expectClose(g.confLow, w.ci_low as number, { ...linearization, label: `${label} conf_low` });
          expectClose(g.confHigh, w.ci_high as number, { ...linearization, label: `${label} conf_high` });
          expectClose(g.deff, w.deff as number, { ...linearization, label: `${label} deff` });
        }
      }
    });
  }
});
