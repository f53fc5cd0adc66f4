import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { expectedChanceMatches } from '../../../src/clean/chance-matches.js';
import { cleanFile } from '../../../src/clean/clean-file.js';
import { parseRules } from '../../../src/clean/clean-rules.js';
import { parseCodebook } from '../../../src/codebook/load-codebook.js';
import { tempDir } from '../../helpers/run-cli.js';

// Issue #16.6: identical answers to a very short questionnaire are not evidence of a duplicate
// submission. The rule weighs how likely a chance match is, and the metadata (IP, time).

/** A deterministic stream of small integers (a linear congruential generator). */
function draws(seed: number): (n: number) => number {
  let state = seed;
  return (n) => {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    return (state >>> 8) % n;
  };
}

async function clean(header: string, rows: string[], codebook: string, rules = '') {
  const dir = tempDir('survey-dup-');
  writeFileSync(join(dir, 'in.csv'), `${header}\n${rows.join('\n')}\n`);
  const reasons = new Map<number, string[]>();
  const summary = await cleanFile(join(dir, 'in.csv'), { codebook: parseCodebook(codebook, 'q.yaml'), rules: parseRules(rules, 'r.yaml') }, {
    excluded: (row, why) => void reasons.set(row.sourceRow, why),
    kept: (row, flags) => void (flags.length && reasons.set(row.sourceRow, flags)),
  });
  const duplicates = [...reasons].filter(([, why]) => why.includes('duplicate')).map(([row]) => row);
  return { summary, duplicates };
}

const three = `id: t
variables:
  - {name: sex, type: single, choices: {1: 男, 2: 女}}
  - {name: age, type: single, choices: {1: a, 2: b, 3: c, 4: d, 5: e, 6: f, 7: g, 8: h, 9: i}}
  - {name: edu, type: single, choices: {1: a, 2: b, 3: c, 4: d, 5: e, 6: f}}
`;

describe('exact duplicates and chance', () => {
  it('keeps every row of a 3-question survey whose answers repeat by chance (the 357 export\'s case)', async () => {
    const draw = draws(357);
    const rows = Array.from({ length: 204 }, () => `${1 + draw(2)},${1 + Math.min(draw(4) + draw(4), 8)},${1 + draw(3) + draw(2)}`);
    expect(new Set(rows).size).toBeLessThan(60);
    const { summary, duplicates } = await clean('sex,age,edu', rows, three);
    expect(duplicates).toEqual([]);
    expect(summary.keptRows).toBe(204);
  });

  it('still excludes a copy on a long questionnaire, and only the copy', async () => {
    const items = Array.from({ length: 25 }, (_, k) => `  - {name: s${k}, type: single, choices: {1: a, 2: b, 3: c, 4: d, 5: e}}`).join('\n');
    const draw = draws(25);
    const rows = Array.from({ length: 300 }, () => Array.from({ length: 25 }, () => 1 + draw(5)).join(','));
    rows.push(rows[17]);
    const { duplicates } = await clean(Array.from({ length: 25 }, (_, k) => `s${k}`).join(','), rows, `id: t\nvariables:\n${items}\n`);
    expect(duplicates).toEqual([301]);
  });

  // 10 rows whose three numeric answers are all different except one pair: the pair is expected
  // by chance (10 − 1) × (1/9)³ = 0.012 times, above max_chance 0.01, within max_chance_with_metadata 0.1.
  const numeric = 'id: t\nvariables:\n  - {name: a, type: numeric}\n  - {name: b, type: numeric}\n  - {name: c, type: numeric}\n';
  const tenRows = (ip: (i: number) => string, minute: (i: number) => number) =>
    Array.from({ length: 10 }, (_, i) => {
      const answers = i === 9 ? '3,13,23' : `${i},${10 + i},${20 + i}`;
      return `${i + 1},2024-05-01 10:${String(minute(i)).padStart(2, '0')}:00,${ip(i)},${answers}`;
    });

  it('counts a moderately likely match as a duplicate only when the metadata backs it', async () => {
    const header = '序号,提交答卷时间,来自IP,a,b,c';
    const apart = await clean(header, tenRows((i) => `10.0.0.${i}`, (i) => i * 5), numeric);
    expect(apart.duplicates).toEqual([]);
    const sameIp = await clean(header, tenRows((i) => (i === 9 ? '10.0.0.3' : `10.0.0.${i}`), (i) => i * 5), numeric);
    expect(sameIp.duplicates).toEqual([10]);
    const soon = await clean(header, tenRows((i) => `10.0.0.${i}`, (i) => (i === 9 ? 17 : i * 5)), numeric);
    expect(soon.duplicates).toEqual([10]);
    const strict = await clean(header, tenRows((i) => (i === 9 ? '10.0.0.3' : `10.0.0.${i}`), (i) => i * 5), numeric, 'duplicate: {max_chance_with_metadata: 0.001}');
    expect(strict.duplicates).toEqual([]);
    const lenient = await clean(header, tenRows((i) => `10.0.0.${i}`, (i) => i * 5), numeric, 'duplicate: {max_chance: 0.05}');
    expect(lenient.duplicates).toEqual([10]);
  });
});

describe('expectedChanceMatches', () => {
  it('is (N − 1) × the product of the leave-one-out shares of the row\'s answers', () => {
    // Column 1: 1,1,1,2; column 2: 5,5,6,6. Row 1 (1,5): (4 − 1) × 2/3 × 1/3.
    const cells = Uint32Array.of(1, 5, 1, 5, 1, 6, 2, 6);
    expect(expectedChanceMatches(cells, 2, [true, true, true, true], [1])[0]).toBeCloseTo(3 * (2 / 3) * (1 / 3), 12);
    // An ineligible row is neither counted nor compared.
    expect(expectedChanceMatches(cells, 2, [true, true, false, true], [1])[0]).toBeCloseTo(2 * (1 / 2) * (1 / 2), 12);
  });
});
