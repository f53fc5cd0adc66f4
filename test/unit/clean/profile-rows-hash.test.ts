import { describe, expect, it } from 'vitest';
import { cleanContext } from '../../../src/clean/clean-context.js';
import { defaultRules } from '../../../src/clean/clean-rules.js';
import { profileRows } from '../../../src/clean/profile-rows.js';
import { parseCodebook } from '../../../src/codebook/load-codebook.js';
import type { CodedValue } from '../../../src/ingest/code/coded-row.js';

// The duplicate rules compare rows by hashes of their answers' texts. Numbers are hashed from their
// digits without making a string (issue #22); the hashes must stay those of String(value), so
// that a coded 5 and a text "5" still match and the decisions do not change.

const codebook = parseCodebook(`id: t
variables:
  - {name: a, type: numeric}
  - {name: b, type: numeric}
  - {name: c, type: text}
`, 'q.yaml');
const outputs = ['a', 'b', 'c'].map((name) => ({ name, variable: name }));

/** The answer key and cell hashes profileRows takes of each row. */
function hashes(rows: CodedValue[][]): { keys: number[]; cells: number[] } {
  const profiles = profileRows(cleanContext(codebook, outputs, defaultRules()));
  rows.forEach((values, i) => profiles.add({ sourceRow: i + 1, values, reasons: values.map(() => null), cells: [], issues: [] }));
  return { keys: profiles.answerKey, cells: [...profiles.cells.subarray(0, rows.length * outputs.length)] };
}

describe('answer hashes of numbers', () => {
  it('are those of the numbers as String() spells them, for whole numbers, signs, −0, large and fractional values', () => {
    const numbers = [0, -0, 7, -12, 10, 100, 999_999_999, -999_999_999, 1e9, -1e9, 2 ** 31, 1e21, 2.5, -0.125, 1e-7, Number.NaN];
    const rows = numbers.map((n, i): CodedValue[] => [n, numbers[numbers.length - 1 - i], 'x']);
    const spelled = rows.map((row) => row.map((v) => (typeof v === 'number' ? String(v) : v)));
    expect(hashes(rows)).toEqual(hashes(spelled));
  });

  it('tell different numbers apart, and a missing cell from a zero', () => {
    const { keys, cells } = hashes([[1, 23, null], [12, 3, null], [0, 0, null], [null, null, null]]);
    expect(new Set(keys).size).toBe(4);
    expect(cells.slice(9, 12)).toEqual([0, 0, 0]);
    expect(cells[6]).not.toBe(0);
  });
});
