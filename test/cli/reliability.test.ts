import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tempDir } from '../helpers/run-cli.js';

const study = new URL('../../data-samples/bazhou-2025/', import.meta.url).pathname;

describe('survey reliability', () => {
  it('prints the JSON contract exactly for a codebook group', async () => {
    const r = await runCli(['reliability', `${study}responses.csv`, '--codebook', `${study}codebook.yaml`, '--group', 'satisfaction', '--json']);
    expect(r.code, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(Object.keys(out)).toEqual(['alpha', 'standardized_alpha', 'n', 'items']);
    expect(Object.keys(out.items[0])).toEqual(['item', 'mean', 'sd', 'item_total_r', 'alpha_if_deleted']);
    expect(out.items).toHaveLength(11);
    expect(out.n).toBe(9350);
  });

  it('refuses an item without variance and a missing scale, exit 2, one line', async () => {
    const dir = tempDir();
    const csv = join(dir, 'flat.csv');
    writeFileSync(csv, 'a,b,c\n1,3,2\n2,3,4\n3,3,5\n4,3,3\n');
    const flat = await runCli(['reliability', csv, '--items', 'a,b,c']);
    expect(flat.code).toBe(2);
    expect(flat.stderr).toMatch(/item b has no variance among the 4 complete cases/);
    const none = await runCli(['reliability', csv]);
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/--items a,b,c or --group/);
    expect(`${flat.stderr}${none.stderr}`).not.toMatch(/\n\s+at /);
  });
});
