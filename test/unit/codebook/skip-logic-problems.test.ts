import { describe, expect, it } from 'vitest';
import { parseCodebook } from '../../../src/codebook/load-codebook.js';

// Issue #16.5: skip logic that refers to itself or goes round in a circle passed `codebook check`,
// and `clean` then blanked valid answers as skip-logic errors.

function problems(variables: string): string[] {
  try {
    parseCodebook(`id: t\nvariables:\n${variables}`, 'q.yaml');
    return [];
  } catch (err) {
    return ((err as { problems?: { path: string; message: string }[] }).problems ?? []).map((p) => `${p.path}: ${p.message}`);
  }
}

describe('skip logic that goes round in a circle', () => {
  it('refuses a question asked depending on its own answer', () => {
    expect(problems('  - {name: area, type: single, choices: {1: 城市, 2: 农村}, relevant: "area == 1"}\n')).toEqual([
      'variables[0].relevant: "area" is asked only depending on its own answer: relevant must read earlier questions, not the question itself',
    ]);
  });

  it('refuses two questions asked depending on each other (age ↔ sex)', () => {
    expect(problems('  - {name: sex, type: single, choices: {1: 男, 2: 女}, relevant: "age > 17"}\n  - {name: age, type: numeric, relevant: "sex == 1"}\n')).toEqual([
      'variables[0].relevant: skip logic goes round in a circle: sex → age → sex (each is asked depending on the next, so none can be judged)',
    ]);
  });

  it('finds a longer loop, through a multi-select option column, and names a real one', () => {
    const book = [
      '  - {name: a, type: numeric, relevant: "selected(hobby, 2) or c > 1"}',
      '  - {name: hobby, type: multi, choices: {1: 运动, 2: 阅读}, relevant: "b > 1"}',
      '  - {name: b, type: numeric, relevant: "a > 1"}',
      '  - {name: c, type: numeric, relevant: "b > 2"}',
      '  - {name: d, type: numeric, relevant: "a > 1"}',
    ].join('\n');
    expect(problems(`${book}\n`)).toEqual(['variables[0].relevant: skip logic goes round in a circle: a → hobby → b → a (each is asked depending on the next, so none can be judged)']);
  });

  it('accepts chains that end, however long, and a long codebook without a stack overflow', () => {
    expect(problems('  - {name: a, type: numeric}\n  - {name: b, type: numeric, relevant: "a > 1"}\n  - {name: c, type: numeric, relevant: "a > 1 and b > 1"}\n')).toEqual([]);
    const chain = Array.from({ length: 5_000 }, (_, i) => `  - {name: v${i}, type: numeric${i ? `, relevant: "v${i - 1} > 0"` : ''}}`).join('\n');
    expect(problems(`${chain}\n`)).toEqual([]);
    const loop = `${chain}\n  - {name: w, type: numeric, relevant: "v4999 > 0"}\n`.replace('{name: v0, type: numeric}', '{name: v0, type: numeric, relevant: "w > 0"}');
    expect(problems(loop)).toHaveLength(1);
  });
});
