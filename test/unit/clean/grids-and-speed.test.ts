import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCodebook } from '../../../src/codebook/load-codebook.js';
import { cleanFile } from '../../../src/clean/clean-file.js';
import { parseRules } from '../../../src/clean/clean-rules.js';

// Issue #15.4: straight-lining on ordinary (5–9-item) grids, and speeders as a cluster far below
// the median rather than a fixed fraction of it.
const grid = (name: string, k: number) =>
  Array.from({ length: k }, (_, j) => `  - {name: ${name}_${j + 1}, label: ${name}${j + 1}, type: single, group: ${name}, ordered: true, choices: {1: 很差, 2: 差, 3: 中, 4: 好, 5: 很好}}`).join('\n');
const codebook = parseCodebook(`id: t\nvariables:\n  - {name: id, type: id}\n  - {name: duration_s, type: duration}\n${grid('a', 6)}\n${grid('b', 5)}\n`, 'q.yaml');

/** A small deterministic generator (so the data are the same every run). */
function random(seed: number) {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
}

async function clean(rows: (string | number)[][], rulesText?: string) {
  const dir = mkdtempSync(join(tmpdir(), 'grids-'));
  const file = join(dir, 'data.csv');
  writeFileSync(file, `${['id', 'duration_s', ...[1, 2, 3, 4, 5, 6].map((j) => `a_${j}`), ...[1, 2, 3, 4, 5].map((j) => `b_${j}`)].join(',')}\n${rows.map((r) => r.join(',')).join('\n')}\n`);
  const outcome = new Map<number, { excluded: boolean; reasons: string[] }>();
  const summary = await cleanFile(file, { codebook, rules: rulesText ? parseRules(rulesText, 'r.yaml') : undefined }, {
    kept: (row, flags) => void outcome.set(row.values[0] as number, { excluded: false, reasons: [...flags] }),
    excluded: (row, reasons) => void outcome.set(Number(row.cells[0]), { excluded: true, reasons: [...reasons] }),
  });
  return { summary, outcome };
}

/** Honest respondents: varied answers, durations log-normal around 300 s (σ = 0.5, within 3σ: a quick tail down to 67 s). */
function honest(n: number, seed: number): (string | number)[][] {
  const u = random(seed);
  const normal = () => Math.sqrt(-2 * Math.log(1 - u())) * Math.cos(2 * Math.PI * u());
  return Array.from({ length: n }, (_, i) => {
    const level = 2 + Math.floor(u() * 3);
    const answers = Array.from({ length: 11 }, () => Math.min(5, Math.max(1, level + Math.floor(u() * 3) - 1)));
    return [i + 1, Math.round(300 * Math.exp(0.5 * Math.max(-3, Math.min(3, normal())))), ...answers];
  });
}

describe('straight-lining on 5–9-item grids', () => {
  it('excludes one answer throughout a 6-item grid with more evidence; an honest uniform answerer is only flagged', async () => {
    const rows = honest(400, 7);
    const varied = [1, 2, 3, 2, 1];
    rows.push([1001, 290, 4, 4, 4, 4, 4, 4, ...varied]); // one answer to the 6-item grid, ordinary time: honest uniform
    rows.push([1002, 140, 3, 3, 3, 3, 3, 3, ...varied]); // the same, and fast (under half the median time per item)
    rows.push([1003, 300, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5]); // one answer to both grids
    const { outcome } = await clean(rows);
    expect(outcome.get(1001)).toEqual({ excluded: false, reasons: ['uniform-grid'] });
    expect(outcome.get(1002)).toEqual({ excluded: true, reasons: ['straight-lining'] });
    expect(outcome.get(1003)).toEqual({ excluded: true, reasons: ['straight-lining'] });
  });
});

describe('speeders: a cluster far below the median, not a fixed fraction of it', () => {
  it('excludes the 15–40 s cluster and keeps the honest quick tail a third of the median would exclude', async () => {
    const rows = honest(3000, 11);
    const u = random(5);
    for (let k = 0; k < 40; k++) rows.push([5001 + k, 15 + Math.round(25 * u()), ...Array.from({ length: 11 }, () => 1 + Math.floor(u() * 5))]);
    const speeders = new Set(rows.filter((r) => Number(r[0]) > 5000).map((r) => Number(r[0])));
    const honestFast = rows.filter((r) => Number(r[0]) <= 3000 && Number(r[1]) < 100).map((r) => Number(r[0]));
    // The quick tail is there: honest respondents under a third of the 300 s median.
    expect(honestFast.length).toBeGreaterThan(20);
    const byRule = (outcome: Map<number, { reasons: string[] }>) => [...outcome].filter(([, o]) => o.reasons.includes('speeder')).map(([id]) => id);
    const run = await clean(rows);
    const relative = byRule(run.outcome);
    expect(new Set(relative)).toEqual(speeders);
    // The rule before: max(60 s, median / 3) excludes the speeders and the honest quick tail.
    const fixed = byRule((await clean(rows, 'speeder: {min_seconds: 60, median_fraction: 0.3333333333333333}\n')).outcome);
    expect(fixed.filter((id) => !speeders.has(id)).length).toBeGreaterThan(20);
  });
});
