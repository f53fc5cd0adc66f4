import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadCodebook } from '../../../src/codebook/load-codebook.js';
import { cleanFile, type CleanSummary } from '../../../src/clean/clean-file.js';

// Scores the default rules against the ground truth `survey simulate` wrote with its faults.
const sample = (name: string) => fileURLToPath(new URL(`../../../data-samples/bazhou-2025/${name}`, import.meta.url));

const RULE_OF_FAULT: Record<string, string> = {
  speeder: 'speeder',
  duplicate: 'duplicate',
  'near-duplicate': 'near-duplicate',
  'straight-liner': 'straight-lining',
  'out-of-range': 'out-of-range',
  'unknown-answer': 'unknown-label',
  blank: 'blank',
};

const hitsByRule = new Map<string, Set<number>>();
const hit = (rule: string, id: number) => {
  if (!hitsByRule.has(rule)) hitsByRule.set(rule, new Set());
  hitsByRule.get(rule)?.add(id);
};
const truth = new Map<string, Set<number>>();
let summary: CleanSummary;

beforeAll(async () => {
  const codebook = await loadCodebook(sample('codebook.yaml'));
  const idOfRow = new Map<number, number>();
  let idColumn = -1;
  summary = await cleanFile(sample('wjx-export.xlsx'), { codebook }, {
    start: (outputs) => void (idColumn = outputs.findIndex((o) => o.name === 'id')),
    kept: (row, flags) => {
      idOfRow.set(row.sourceRow, row.values[idColumn] as number);
      for (const f of flags) hit(f, row.values[idColumn] as number);
    },
    excluded: (row, reasons) => {
      idOfRow.set(row.sourceRow, Number(row.cells[0]));
      for (const r of reasons) hit(r, Number(row.cells[0]));
    },
    issues: (list) => {
      for (const i of list) if (i.sourceRow > 0) hit(i.rule, idOfRow.get(i.sourceRow) ?? Number.NaN);
    },
  });
  const lines = readFileSync(sample('wjx-truth.csv'), 'utf8').trim().split('\n').slice(1);
  for (const line of lines) {
    const [id, fault] = line.split(',');
    const rule = RULE_OF_FAULT[fault];
    if (!truth.has(rule)) truth.set(rule, new Set());
    truth.get(rule)?.add(Number(id));
  }
});

describe('default cleaning rules on the bundled 问卷星 export', () => {
  it('accounts for every input row', () => {
    expect(summary.inputRows).toBe(10_400);
    expect(summary.keptRows + summary.excludedRows).toBe(summary.inputRows);
  });

  const targets: [string, number, number][] = [
    ['duplicate', 0.98, 0.9],
    ['blank', 0.98, 0.9],
    ['out-of-range', 0.98, 0.9],
    ['unknown-label', 0.98, 0.9],
    ['speeder', 0.9, 0.9],
    ['straight-lining', 0.9, 0.9],
    ['near-duplicate', 0.9, 0.9],
  ];
  it.each(targets)('%s: recall ≥ %d, precision ≥ %d', (rule, minRecall, minPrecision) => {
    const expected = truth.get(rule) ?? new Set<number>();
    const found = hitsByRule.get(rule) ?? new Set<number>();
    const truePositives = [...found].filter((id) => expected.has(id)).length;
    const recall = truePositives / expected.size;
    const precision = truePositives / found.size;
    expect(expected.size).toBeGreaterThan(0);
    expect(recall, `${rule} recall ${truePositives}/${expected.size}`).toBeGreaterThanOrEqual(minRecall);
    expect(precision, `${rule} precision ${truePositives}/${found.size}`).toBeGreaterThanOrEqual(minPrecision);
  });

  it('flags, never excludes, the honest respondents who give one answer to the 8-item programmes grid', () => {
    const uniform = hitsByRule.get('uniform-grid') ?? new Set<number>();
    const faulty = new Set([...truth.values()].flatMap((ids) => [...ids]));
    // 12 of the 10,000 honest respondents (README); the rows with faults are excluded for them.
    expect([...uniform].filter((id) => !faulty.has(id))).toHaveLength(12);
    expect(summary.reasons['uniform-grid']).toBe(uniform.size);
    // The speeders' cluster (15–62 s) lies far below the relative threshold; honest respondents take ≥ 210 s.
    expect(summary.speederSeconds).toBeGreaterThan(62);
    expect(summary.speederSeconds).toBeLessThan(210);
  });
});
