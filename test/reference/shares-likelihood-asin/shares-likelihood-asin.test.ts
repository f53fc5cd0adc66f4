import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { estimateShares } from '../../../src/analyze/estimators/estimate-shares.js';
import { makeDesign, type DesignSpec } from '../../../src/core/design.js';
import type { DataTable } from '../../../src/core/data-table.js';
import { readDataTable } from '../../../src/ingest/read-data-table.js';
import { expectClose } from '../../helpers/expect-close.js';

const r = JSON.parse(readFileSync(new URL('./expected.json', import.meta.url), 'utf8'));
const api = new URL('../shares-api-weighted/', import.meta.url).pathname;
// asin is closed-form on the linearization SE; likelihood interpolates R's profile the same way,
// so both agree to the SE's tolerance (R's own glm fit stops ~1e-12 short of the exact share).
const linearization = { rtol: 1e-8 };

const tables: Record<string, DataTable> = {};
beforeAll(async () => {
  for (const name of ['apistrat', 'apiclus1']) tables[name] = (await readDataTable(`${api}${name}.csv`)).table;
});

const designs: Record<string, [string, DesignSpec]> = {
  apistrat: ['apistrat', { weight: 'pw', strata: 'stype' }],
  apiclus1: ['apiclus1', { weight: 'pw', cluster: 'dnum' }],
};

describe('svyciprop(method = "likelihood" | "asin") by school type', () => {
  for (const key of Object.keys(r.cases)) {
    const [, data, , , method, level] = key.match(/^(\w+?)_by_(\w+?)_(?:(\w+?)_)?(likelihood|asin)(?:_(\d+))?$/)!;
    it(key, () => {
      const [name, spec] = designs[data];
      const result = estimateShares(makeDesign(tables[name], spec), { variable: 'sch_wide', values: ['Yes'], by: 'stype', ci: method as 'likelihood' | 'asin', level: level ? Number(level) / 100 : 0.95 });
      expect(result.ciMethod).toBe(method);
      for (const w of r.cases[key]) {
        const g = result.groups.find((x) => x.level === w.level)!;
        expectClose([g.confLow, g.confHigh], w.ci, { ...linearization, label: `${key} ${w.level}` });
      }
    });
  }
});
