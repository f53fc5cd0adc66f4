import { describe, expect, it } from 'vitest';
import { findIpBursts } from '../../../src/clean/find-ip-bursts.js';
import { findNearDuplicates } from '../../../src/clean/find-near-duplicates.js';
import { defaultRules, parseRules } from '../../../src/clean/clean-rules.js';

describe('findNearDuplicates', () => {
  it('finds rows that agree on at least the given share of cells, keeping the first', () => {
    const rows = [
      [1, 2, 3, 4, 5, 6, 7, 8, 9, 10],
      [1, 2, 3, 4, 5, 6, 7, 8, 9, 99], // one difference: 90% alike
      [9, 9, 9, 4, 5, 6, 7, 8, 9, 10], // three differences
      [5, 5, 5, 5, 5, 5, 5, 5, 5, 5],
    ];
    const cells = Uint32Array.from(rows.flat());
    expect([...findNearDuplicates(cells, 10, [true, true, true, true], 0.9)]).toEqual([-1, 0, -1, -1]);
    expect([...findNearDuplicates(cells, 10, [true, true, true, true], 0.7)]).toEqual([-1, 0, 0, -1]);
    expect([...findNearDuplicates(cells, 10, [true, false, true, true], 0.9)]).toEqual([-1, -1, -1, -1]);
  });

  it('finds a difference in any block, not only the last', () => {
    const base = Array.from({ length: 27 }, (_, k) => k + 1);
    const rows = [base, base.map((v, k) => (k === 0 ? 100 : v)), base.map((v, k) => (k === 13 ? 100 : v))];
    expect([...findNearDuplicates(Uint32Array.from(rows.flat()), 27, [true, true, true], 0.95)]).toEqual([-1, 0, 0]);
  });

  it('is empty when the similarity allows no difference', () => {
    expect([...findNearDuplicates(Uint32Array.of(1, 2, 1, 2), 2, [true, true], 0.95)]).toEqual([-1, -1]);
  });

  it('finds, over thousands of rows (its bucket table grows many times), what comparing every pair finds', () => {
    // Rows of 12 answers out of 3, so that many share blocks; 0.75 allows 3 differences (4 blocks).
    let state = 22;
    const draw = () => ((state = (Math.imul(state, 1103515245) + 12345) >>> 0) >>> 16) % 3;
    const width = 12;
    const n = 3000;
    const cells = Uint32Array.from({ length: n * width }, () => 1 + draw());
    const eligible = Array.from({ length: n }, (_, i) => i % 7 !== 3);
    const bounds = [0, 3, 6, 9, 12];
    const sameBlock = (i: number, j: number, b: number) => cells.subarray(i * width + bounds[b], i * width + bounds[b + 1]).every((v, c) => v === cells[j * width + bounds[b] + c]);
    const differences = (i: number, j: number) => cells.subarray(i * width, (i + 1) * width).filter((v, c) => v !== cells[j * width + c]).length;
    // Block by block, the latest earlier row sharing the block and close enough (no bucket reaches its cap here).
    const expected = Array.from({ length: n }, (_, i) => {
      if (!eligible[i]) return -1;
      for (let b = 0; b < 4; b++) for (let j = i - 1; j >= 0; j--) if (eligible[j] && sameBlock(i, j, b) && differences(i, j) <= 3) return j;
      return -1;
    });
    const found = [...findNearDuplicates(cells, width, eligible, 0.75)];
    expect(found.filter((j) => j >= 0).length).toBeGreaterThan(100);
    expect(found).toEqual(expected);
  });
});

describe('findIpBursts', () => {
  it('flags more than N submissions from one IP within the window', () => {
    expect(findIpBursts(['a', 'a', 'a', 'b'], [0, 10, 20, 0], 2, 60)).toEqual([true, true, true, false]);
    expect(findIpBursts(['a', 'a', 'a'], [0, 100, 200], 2, 60)).toEqual([false, false, false]);
    expect(findIpBursts(['a', null, 'a'], [0, 1, Number.NaN], 1, 60)).toEqual([false, false, false]);
  });
});

describe('rules files', () => {
  it('fills every default', () => {
    const rules = defaultRules();
    expect(rules.speeder).toEqual({ mad_k: 3.5, max_fraction: 0.5, min_seconds_per_item: 2, action: 'exclude' });
    expect(rules['straight-lining']).toEqual({ min_items: 5, exclude_items: 10, fast_fraction: 0.5, action: 'exclude' });
    expect(rules['uniform-grid'].action).toBe('flag');
    expect(rules['ip-burst'].action).toBe('flag');
  });

  it('overrides what a file sets and keeps the rest', () => {
    const rules = parseRules('speeder: {median_fraction: 0.5}\nip-burst: {action: off}\nattention: {items: {att: [3, 4]}}\n', 'r.yaml');
    expect(rules.speeder).toMatchObject({ median_fraction: 0.5 });
    // Setting only min_items keeps the rule it had: grids that long are excluded by themselves.
    expect(parseRules('straight-lining: {min_items: 8}\n', 'r.yaml')['straight-lining']).toMatchObject({ min_items: 8, exclude_items: 8 });
    expect(rules['ip-burst'].action).toBe('off');
    expect(rules.attention.items).toEqual({ att: [3, 4] });
  });

  it('reports unknown rules, unknown settings and bad thresholds at once', () => {
    let problems: { path: string; message: string }[] = [];
    try {
      parseRules('speedr: {}\nspeeder: {min_secnds: 3, median_fraction: 2}\nblank: {action: drop}\n', 'r.yaml');
    } catch (err) {
      problems = (err as { problems: typeof problems }).problems;
    }
    expect(problems.map((p) => `${p.path}: ${p.message}`).sort()).toEqual([
      'blank.action: Invalid option: expected one of "exclude"|"flag"|"off"',
      'speeder.median_fraction: Too big: expected number to be <=1',
      'speeder: unknown setting "min_secnds" (did you mean "min_seconds"?)',
      'speedr: unknown rule (did you mean "speeder"?)',
    ]);
  });
});

describe('a rules file that is not YAML', () => {
  it('is one error naming the file and line', () => {
    expect(() => parseRules('speeder: {min_seconds: 3\nblank: [\n', 'r.yaml')).toThrow(/the rules file is not valid YAML/);
  });
});
