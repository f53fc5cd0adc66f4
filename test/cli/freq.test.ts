import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';

const study = new URL('../../data-samples/bazhou-2025/', import.meta.url).pathname;

describe('survey freq', () => {
  it('counts answers with labels, valid and cumulative %, missing by reason, several variables', async () => {
    const r = await runCli(['freq', `${study}responses.csv`, '--codebook', `${study}codebook.yaml`, '--var', 'happiness,sat_income', '--json']);
    expect(r.code, r.stderr).toBe(0);
    const [happiness, income] = JSON.parse(r.stdout);
    expect(happiness.levels.map((l: { label: string }) => l.label)).toEqual(['非常不幸福', '不太幸福', '一般', '比较幸福', '非常幸福']);
    expect(happiness.levels[3].count + happiness.levels[4].count).toBe(5520);
    expect(happiness.levels[4].cumulative_percent).toBeCloseTo(100, 10);
    expect(income.total).toBe(10000);
    expect(income.valid + income.missing.reduce((a: number, m: { count: number }) => a + m.count, 0)).toBe(10000);
    expect(income.missing.length).toBeGreaterThan(0);
    const text = await runCli(['freq', `${study}responses.csv`, '--codebook', `${study}codebook.yaml`, '--var', 'area', '--lang', 'en']);
    expect(text.stdout).toContain('Urban');
    const bad = await runCli(['freq', `${study}responses.csv`, '--var', 'nope']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/no variable "nope"/);
  });
});
