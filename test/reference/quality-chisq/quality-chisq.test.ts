import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { chisquareVsRest, enumeratorQuality, holmAdjust, parseCodebook, type SubmissionRecord } from '../../../src/index.js';
import { expectClose } from '../../helpers/expect-close.js';

const r = JSON.parse(readFileSync(new URL('./expected.json', import.meta.url), 'utf8'));
const closedForm = { rtol: 1e-10, atol: 1e-300 };

const CODEBOOK = `
id: quality-reference
variables:
  - {name: happiness, type: single, choices: {1: 非常不幸福, 2: 不太幸福, 3: 一般, 4: 比较幸福, 5: 非常幸福}}
  - {name: area, type: single, choices: {1: 城市, 2: 农村}}
  - {name: sat_income, type: single, choices: {1: 很不满意, 2: 不太满意, 3: 一般, 4: 比较满意, 5: 非常满意}, missing: {8: 说不清}}
`;

/** The fixture's rows as stored submissions (answers only; no paradata). */
function submissions(): SubmissionRecord[] {
  const [header, ...lines] = readFileSync(new URL('./answers.csv', import.meta.url), 'utf8').trim().split('\n');
  const names = header.split(',').map((h) => JSON.parse(h) as string);
  return lines.map((line, i) => {
    const cells = line.split(',');
    const answers = Object.fromEntries(names.slice(1).flatMap((name, k) => (cells[k + 1] === '' ? [] : [[name, Number(cells[k + 1])]])));
    return {
      seq: i + 1, id: `s-${i}`, formId: 'quality-reference', enumeratorId: 0, enumerator: JSON.parse(cells[0]) as string, answers,
      startedAt: null, endedAt: null, receivedAt: new Date(Date.UTC(2025, 2, 10) + i * 3_600_000).toISOString(), durationS: null, device: null, ip: null,
      latitude: null, longitude: null, status: 'active', statusReason: null, version: 1, updatedAt: '', reviewStatus: 'pending', reviewComment: null,
    };
  });
}

describe('the quality view\'s interviewer-effect tests match R', () => {
  it('each enumerator vs the reference enumerators per key variable: chisq.test(correct = FALSE), p.adjust(holm), the clear deviator set aside', () => {
    const report = enumeratorQuality(parseCodebook(CODEBOOK, 'q.yaml'), submissions(), { variables: ['happiness', 'area', 'sat_income'] });
    const ours = report.enumerators.flatMap((e) => e.tests.map((t) => ({ enumerator: e.enumerator, ...t })));
    const key = (t: { variable: string; enumerator: string }) => `${t.variable}/${t.enumerator}`;
    const byKey = new Map(ours.map((t) => [key(t), t]));
    expect(ours.map(key).sort()).toEqual(r.tests.map(key).sort());
    expect(report.tests).toBe(r.tests.length);
    expect(report.setAside).toEqual([r.set_aside].flat());
    const mine = r.tests.map((t: { variable: string; enumerator: string }) => byKey.get(key(t))!);
    expect(mine.map((t: { n: number; df: number }) => [t.n, t.df])).toEqual(r.tests.map((t: { n: number; df: number }) => [t.n, t.df]));
    expectClose(mine.map((t: { statistic: number }) => t.statistic), r.tests.map((t: { statistic: number }) => t.statistic), { ...closedForm, label: 'X-squared' });
    expectClose(mine.map((t: { p: number }) => t.p), r.tests.map((t: { p: number }) => t.p), { ...closedForm, label: 'p' });
    expectClose(mine.map((t: { pHolm: number }) => t.pHolm), r.tests.map((t: { p_holm: number }) => t.p_holm), { ...closedForm, label: 'p.adjust holm' });
    // The fabricating enumerator (e5) is flagged on what they skewed, the others on nothing; e6 is too small to test.
    const flagged = report.enumerators.filter((e) => e.flags.some((f) => f.rule === 'distribution'));
    expect(flagged.map((e) => e.enumerator)).toEqual(['e5']);
    expect(flagged[0].flags.find((f) => f.rule === 'distribution')?.reason).toMatch(/happiness.*sat_income.*答案分布与其他调查员显著不同/);
    expect(report.enumerators.find((e) => e.enumerator === 'e6')?.tests).toEqual([]);
  });

  it('chi-square and Holm on small cases: the 2 × 2 table without Yates correction, ties and the cap at 1', () => {
    const t = chisquareVsRest([10, 0], [5, 5]);
    expectClose(t?.statistic ?? null, 20 / 3, { ...closedForm, label: 'statistic' });
    expect(t?.df).toBe(1);
    expect(chisquareVsRest([3, 0], [0, 0])).toBeNull();
    expect(chisquareVsRest([0, 0], [4, 5])).toBeNull();
    expect(holmAdjust([0.01, 0.04, 0.03, 0.5])).toEqual([0.04, 0.09, 0.09, 0.5]);
    expect(holmAdjust([0.3, 0.6])).toEqual([0.6, 0.6]);
    expect(holmAdjust([])).toEqual([]);
  });
});
