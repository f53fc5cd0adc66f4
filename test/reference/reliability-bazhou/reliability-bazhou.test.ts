import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { estimateReliability } from '../../../src/analyze/estimators/estimate-reliability.js';
import { loadCodebook } from '../../../src/codebook/load-codebook.js';
import { makeDesign } from '../../../src/core/design.js';
import { readDataTable } from '../../../src/ingest/read-data-table.js';
import { expectClose } from '../../helpers/expect-close.js';

const r = JSON.parse(readFileSync(new URL('./expected.json', import.meta.url), 'utf8'));
const study = new URL('../../../data-samples/bazhou-2025/', import.meta.url).pathname;
const closedForm = { rtol: 1e-10 };

describe('reliability of the satisfaction grid matches the formulas in R', () => {
  it('alpha, standardized alpha, item statistics, KMO and Bartlett', async () => {
    const codebook = await loadCodebook(`${study}codebook.yaml`);
    const design = makeDesign((await readDataTable(`${study}responses.csv`, { codebook })).table);
    const result = estimateReliability(design, { items: r.items });
    expect(result.n).toBe(r.n);
    expectClose([result.alpha, result.standardizedAlpha, result.kmo], [r.alpha, r.standardized_alpha, r.kmo], { ...closedForm, label: 'alpha, std alpha, KMO' });
    expectClose(result.items.map((i) => i.mean), r.mean, { ...closedForm, label: 'mean' });
    expectClose(result.items.map((i) => i.sd), r.sd, { ...closedForm, label: 'sd' });
    expectClose(result.items.map((i) => i.itemTotalR), r.item_total_r, { ...closedForm, label: 'item-total r' });
    expectClose(result.items.map((i) => i.alphaIfDeleted), r.alpha_if_deleted, { ...closedForm, label: 'alpha if deleted' });
    expectClose(result.items.map((i) => i.msa), r.msa, { ...closedForm, label: 'MSA' });
    expect(result.bartlett.df).toBe(r.bartlett.df);
    expectClose([result.bartlett.statistic, result.bartlett.pValue], [r.bartlett.statistic, r.bartlett.p_value], { ...closedForm, atol: 1e-300, label: 'Bartlett' });
  });
});
