import { mkdirSync, readFileSync, writeFileSync, existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli, tempDir } from '../helpers/run-cli.js';
import { wjxFixture, writeCsv, writeXlsx } from '../helpers/wjx-fixture.js';

const dir = tempDir();
const path = (name: string) => join(dir, name);

/** Parses our own coded CSV (no quoted commas in these fixtures' coded values). */
function table(file: string): Record<string, string>[] {
  const [head, ...lines] = readFileSync(file, 'utf8').trimEnd().split('\n');
  const names = head.split(',');
  return lines.map((l) => Object.fromEntries(l.split(',').map((v, k) => [names[k], v])));
}

beforeAll(async () => {
  const { text, code } = wjxFixture(12);
  await writeXlsx(path('text.xlsx'), text);
  await writeXlsx(path('code.xlsx'), code);
  writeCsv(path('text.gbk.csv'), text, 'gb18030');
  writeCsv(path('code.utf8bom.csv'), code, 'utf-8-bom');
});

describe('survey ingest on 问卷星 downloads', () => {
  it('drafts a codebook from the paired 按文本/按序号 downloads, with 问卷星 codes and labels', async () => {
    const r = await runCli(['ingest', path('text.xlsx'), '--pair', path('code.xlsx'), '--write-codebook', path('q.yaml')]);
    expect(r.stderr).toContain('问卷星 按文本');
    expect(r.code).toBe(0);
    const yaml = readFileSync(path('q.yaml'), 'utf8');
    expect(yaml).toContain('choices: {1: 男, 2: 女}');
    expect(yaml).toMatch(/choices: \{1: 非常不幸福, 2: 不太幸福, 3: 一般, 4: 比较幸福, 5: 非常幸福\}/);
    expect(yaml).toContain('type: rank');
    expect((await runCli(['codebook', 'check', path('q.yaml')])).code).toBe(0);
  });

  it('gives the same coded table from either layout and any format', async () => {
    const outs = [
      ['text.xlsx', 'a.csv'],
      ['code.xlsx', 'b.csv'],
      ['text.gbk.csv', 'c.csv'],
      ['code.utf8bom.csv', 'd.csv'],
    ];
    for (const [input, out] of outs) {
      const r = await runCli(['ingest', path(input), '--codebook', path('q.yaml'), '--out', path(out)]);
      expect(r.stderr, input).not.toContain('unmapped');
      expect(r.code, `${input}: ${r.stderr}`).toBe(0);
    }
    const withoutFillIns = (rows: Record<string, string>[]) =>
      rows.map((row) => Object.fromEntries(Object.entries(row).filter(([k]) => !k.endsWith('_other'))));
    const a = table(path('a.csv'));
    expect(a).toHaveLength(12);
    expect(a[0]).toMatchObject({ _source_row: '1', id: '1', submitted_at: '2025-03-10T09:10:40', duration_s: '120', ip: '183.192.16.0', ip_region: '四川-巴中', q1: '1', q2: '1', q3_1: '1', q3_4: '1', q3_other: '钓鱼0', q4: '18', q5_1: '1', q5_2: '3', q6_1: '3', q6_2: '1', q6_3: '2' });
    expect(a[5]).toMatchObject({ q2: '', q3_1: '', q5_1: '', q6_1: '' });
    for (const other of ['b.csv', 'c.csv', 'd.csv']) expect(withoutFillIns(table(path(other)))).toEqual(withoutFillIns(a));
    expect(readFileSync(path('c.csv'), 'utf8')).toBe(readFileSync(path('a.csv'), 'utf8'));
  });

  it('prints the JSON contract, with skip reasons counted', async () => {
    const r = await runCli(['ingest', path('code.xlsx'), '--codebook', path('q.yaml'), '--json']);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(Object.keys(json)).toEqual(expect.arrayContaining(['format', 'encoding', 'rows', 'columns', 'mapped', 'unmapped', 'missing_variables', 'issues']));
    expect(json).toMatchObject({ format: 'xlsx', encoding: null, layout: 'wjx-code', rows: 12, columns: 18, unmapped: [] });
    // The 按序号 download carries no fill-in text, so q3_other's absence is expected, not reported.
    expect(json.missing_variables).toEqual([]);
    expect(json.missing.q2).toEqual({ skipped: 2 });
    expect(json.missing.q6_2).toEqual({ 'not-ranked': 4, skipped: 2 });
    expect(json.mapped).toContainEqual({ column: '第3题(运动)', variable: 'q3' });
  });

  it('reports answers no choice matches, on the cell, and exits 1', async () => {
    const { text } = wjxFixture(3);
    text[2][7] = '特别幸福';
    writeCsv(path('bad-label.csv'), text);
    const r = await runCli(['ingest', path('bad-label.csv'), '--codebook', path('q.yaml'), '--out', path('bad.csv'), '--issues', path('bad-issues.csv')]);
    expect(r.code).toBe(1);
    expect(readFileSync(path('bad-issues.csv'), 'utf8')).toContain('2,q2,特别幸福,unknown-label,error,');
    expect(table(path('bad.csv'))[1].q2).toBe('');
  });

  it('words issues.csv messages in the run language: Chinese by default and with --lang zh, English with --lang en', async () => {
    const { text } = wjxFixture(3);
    text[2][7] = '特别幸福';
    writeCsv(path('bad-label-lang.csv'), text);
    const issuesIn = async (...lang: string[]) => {
      const file = path(`issues-${lang.join('') || 'default'}.csv`);
      await runCli(['ingest', path('bad-label-lang.csv'), '--codebook', path('q.yaml'), '--issues', file, ...lang]);
      return readFileSync(file, 'utf8').split('\n').find((l) => l.includes(',unknown-label,')) ?? '';
    };
    const zh = await issuesIn('--lang', 'zh');
    expect(zh).toMatch(/,unknown-label,error,“特别幸福”不是“[^”]+”的选项$/);
    expect(await issuesIn()).toBe(zh);
    expect(await issuesIn('--lang', 'en')).toMatch(/,unknown-label,error,"""特别幸福"" is not a choice of q2"$/);
  });

  it('drafts a codebook for a plain table, inferring types; texts sorted as R factor levels', async () => {
    writeFileSync(path('plain.csv'), 'area,income,happiness\n城市,42000,比较幸福\n农村,18000,一般\n城市,50000,非常幸福\n');
    const r = await runCli(['ingest', path('plain.csv'), '--write-codebook', path('plain.yaml'), '--out', path('plain-coded.csv')]);
    expect(r.code).toBe(0);
    const yaml = readFileSync(path('plain.yaml'), 'utf8');
    expect(yaml).toContain('name: income\n    type: numeric');
    expect(yaml).toContain('choices: {1: 农村, 2: 城市}');
    expect(yaml).toContain('choices: {1: 一般, 2: 比较幸福, 3: 非常幸福}');
    expect(readFileSync(path('plain-coded.csv'), 'utf8')).toBe('_source_row,area,income,happiness\n1,2,42000,2\n2,1,18000,1\n3,2,50000,3\n');
  });
});

describe('survey ingest on bad input: one clear line, the documented exit code, no output left', () => {
  const cases: [string, () => string[], number, RegExp][] = [
    ['a missing file', () => ['ingest', path('nope.csv')], 3, /nope\.csv.*(not found|no such|does not exist)/i],
    ['a directory', () => ['ingest', dir], 3, /directory/],
    ['an empty file', () => { writeFileSync(path('empty.csv'), ''); return ['ingest', path('empty.csv')]; }, 3, /empty/],
    ['a header only', () => { writeFileSync(path('header.csv'), 'a,b,c\n'); return ['ingest', path('header.csv')]; }, 3, /no data rows/],
    ['ragged rows', () => { writeFileSync(path('ragged.csv'), 'a,b,c\n1,2,3\n4,5\n'); return ['ingest', path('ragged.csv')]; }, 3, /ragged\.csv.*line 3.*--allow-ragged/],
    ['binary garbage', () => { writeFileSync(path('garbage.csv'), Buffer.from([0, 1, 2, 255, 254, 0, 7, 8, 0, 0, 1])); return ['ingest', path('garbage.csv')]; }, 3, /binary/],
    ['a wrong sheet name', () => ['ingest', path('text.xlsx'), '--sheet', 'Nope'], 2, /Nope.*Sheet1/],
    ['an unknown encoding', () => ['ingest', path('plain.csv'), '--encoding', 'latin9'], 2, /unknown encoding "latin9"/],
    ['a codebook with YAML errors', () => { writeFileSync(path('broken.yaml'), 'id: x\nvariables: [\n  - name: a\n'); return ['ingest', path('plain.csv'), '--codebook', path('broken.yaml')]; }, 2, /broken\.yaml/],
    ['a codebook whose aliases collide', () => {
      writeFileSync(path('collide.yaml'), 'id: x\nvariables:\n  - {name: a, type: numeric, aliases: [收入]}\n  - {name: b, type: numeric, label: 收入}\n');
      return ['ingest', path('plain.csv'), '--codebook', path('collide.yaml')];
    }, 2, /collide\.yaml/],
    ['an output that exists', () => { writeFileSync(path('exists.csv'), 'keep me'); return ['ingest', path('plain.csv'), '--out', path('exists.csv')]; }, 2, /exists.*--force/],
  ];
  for (const [what, args, code, message] of cases) {
    it(`${what} → exit ${code}`, async () => {
      const before = new Set(readdirSync(dir));
      const r = await runCli(args());
      expect(r.code, r.stderr).toBe(code);
      expect(r.stderr).toMatch(message);
      expect(r.stderr).not.toMatch(/\n\s+at /);
      expect(r.stdout).toBe('');
      expect(readdirSync(dir).filter((f) => !before.has(f) && f.startsWith('.'))).toEqual([]);
    });
  }

  it('never overwrites without --force, and leaves the old output intact', async () => {
    expect(readFileSync(path('exists.csv'), 'utf8')).toBe('keep me');
    expect((await runCli(['ingest', path('plain.csv'), '--out', path('exists.csv'), '--force'])).code).toBe(0);
    expect(readFileSync(path('exists.csv'), 'utf8')).toContain('_source_row');
  });

  it('writes no coded file when reading fails midway', async () => {
    writeFileSync(path('late-ragged.csv'), `a,b\n${'1,2\n'.repeat(2000)}3\n`);
    const r = await runCli(['ingest', path('late-ragged.csv'), '--out', path('late.csv')]);
    expect(r.code).toBe(3);
    expect(existsSync(path('late.csv'))).toBe(false);
  });
});

mkdirSync(dir, { recursive: true });
