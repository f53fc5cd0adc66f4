import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runCli, tempDir } from '../helpers/run-cli.js';

const sampleDir = fileURLToPath(new URL('../../data-samples/bazhou-2025/', import.meta.url));
const spec = join(sampleDir, 'simulate.yaml');

describe('survey simulate', () => {
  it('writes coded responses; another seed gives other data', async () => {
    const dir = tempDir();
    const run = async (name: string, seed: string) =>
      await runCli(['simulate', spec, '--n', '300', '--seed', seed, '--out', join(dir, name), '--json']);
    const first = await run('a.csv', '5');
    expect(first.code).toBe(0);
    expect(first.stderr).toContain('wrote');
    const result = JSON.parse(first.stdout);
    expect(result).toMatchObject({ seed: 5, n: 300, strata: { 城市: 180, 农村: 120 }, format: 'csv', rows: 300, columns: 28, faults: null });
    expect((await run('c.csv', '6')).code).toBe(0);
    const read = (name: string) => readFileSync(join(dir, name), 'utf8');
    expect(read('a.csv')).not.toBe(read('c.csv'));
    expect(read('a.csv').split('\n')[0]).toMatch(/^id,area,sex,age,/);
  });

  it('writes labels with --labels and refuses to overwrite without --force', async () => {
    const dir = tempDir();
    const out = join(dir, 'labels.csv');
    expect((await runCli(['simulate', spec, '--n', '20', '--labels', '--out', out])).code).toBe(0);
    expect(readFileSync(out, 'utf8').split('\n')[1]).toMatch(/^1,(城市|农村),(男|女),/);
    const again = await runCli(['simulate', spec, '--n', '20', '--out', out]);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('already exists');
    expect((await runCli(['simulate', spec, '--n', '20', '--out', out, '--force'])).code).toBe(0);
  });

  it('writes a 问卷星 xlsx and its ground truth', async () => {
    const dir = tempDir();
    const out = join(dir, 'raw.xlsx');
    const truth = join(dir, 'truth.csv');
    const run = await runCli(['simulate', spec, '--n', '400', '--format', 'wjx-code', '--out', out, '--truth', truth, '--json']);
    expect(run.code).toBe(0);
    const result = JSON.parse(run.stdout);
    expect(result.faults).toEqual({
      speeder: 4, duplicate: 2, 'near-duplicate': 2, 'straight-liner': 3, 'out-of-range': 2, 'unknown-answer': 2, blank: 1,
    });
    expect(result.rows).toBe(416);
    const lines = readFileSync(truth, 'utf8').trimEnd().split('\n');
    expect(lines).toHaveLength(17);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(out);
    const sheet = workbook.worksheets[0];
    expect(sheet.rowCount).toBe(417);
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    expect(header.slice(0, 6)).toEqual(['序号', '提交答卷时间', '所用时间', '来源', '来源详情', '来自IP']);
    // 按序号: the area column holds codes as numbers.
    expect([1, 2]).toContain(sheet.getRow(2).getCell(7).value);
  });

  it('writes a GB18030 CSV export when --out does not end in .xlsx', async () => {
    const dir = tempDir();
    const out = join(dir, 'raw.csv');
    expect((await runCli(['simulate', spec, '--n', '100', '--format', 'wjx-text', '--out', out])).code).toBe(0);
    const text = iconv.decode(readFileSync(out), 'gb18030');
    expect(text.startsWith('序号,提交答卷时间,所用时间,来源,来源详情,来自IP,1、您目前的居住地是？,2、您的性别是？ ,')).toBe(true);
    expect(text.split('\r\n')[1]).toMatch(/^1,2025\/03\/\d\d \d\d:\d\d:\d\d,\d+(秒|分\d+秒),/);
  });

  it('rejects bad specs with the spec path and every key path (exit 2)', async () => {
    const dir = tempDir();
    const bad = join(dir, 'bad.yaml');
    writeFileSync(
      bad,
      readFileSync(spec, 'utf8')
        .replace('codebook: codebook.yaml', `codebook: ${JSON.stringify(fileURLToPath(new URL('../../data-samples/bazhou-2025/codebook.yaml', import.meta.url)))}`)
        .replace('sizes: {城市: 6000, 农村: 4000}', 'sizes: {城市: 6000, 农村: 4000, 郊区: 10}')
        .replace('terms: {outlook: 0.9}', 'terms: {mood: 0.9}'),
    );
    const run = await runCli(['simulate', bad, '--out', join(dir, 'x.csv')]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`${bad}: simulation spec has 2 problems`);
    expect(run.stderr).toContain('strata.sizes.郊区: "郊区" is not a choice of area (1 城市, 2 农村)');
    expect(run.stderr).toContain('variables.sat_family.terms.mood: unknown covariate mood');
  });

  it('rejects flags that do not fit together (exit 2)', async () => {
    const dir = tempDir();
    const out = join(dir, 'x.csv');
    expect((await runCli(['simulate', spec, '--out', out, '--truth', join(dir, 't.csv')])).stderr).toContain('--truth needs --format');
    expect((await runCli(['simulate', spec, '--n', '-3', '--out', out])).code).toBe(2);
    expect((await runCli(['simulate', join(dir, 'nope.yaml'), '--out', out])).code).toBe(3);
  });

  it('the bundled 问卷星 export, ingested and without the ground-truth rows, codes back to responses.csv', async () => {
    const dir = tempDir();
    const coded = join(dir, 'coded.csv');
    const ingest = await runCli(['ingest', join(sampleDir, 'wjx-export.xlsx'), '--codebook', join(sampleDir, 'codebook.yaml'), '--out', coded]);
    // Exit 1 (finished with data problems) is expected: the unknown-answer faults are issues.
    expect([0, 1]).toContain(ingest.code);
    const table = (text: string) => {
      const [head, ...lines] = text.trimEnd().split('\n').map((l) => l.split(','));
      return lines.map((cells) => Object.fromEntries(cells.map((c, i) => [head[i], c])));
    };
    const faulty = new Set(table(readFileSync(join(sampleDir, 'wjx-truth.csv'), 'utf8')).map((r) => r['序号']));
    const kept = table(readFileSync(coded, 'utf8')).filter((r) => !faulty.has(r.id));
    const responses = table(readFileSync(join(sampleDir, 'responses.csv'), 'utf8'));
    const variables = Object.keys(responses[0]).filter((k) => k !== 'id');
    expect(kept.map((r) => variables.map((v) => r[v]).join(','))).toEqual(responses.map((r) => variables.map((v) => r[v]).join(',')));
  });
});
