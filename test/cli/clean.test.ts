import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tempDir } from '../helpers/run-cli.js';

const dir = tempDir();
const path = (name: string) => join(dir, name);

writeFileSync(
  path('q.yaml'),
  `id: t
variables:
  - {name: id, type: id}
  - {name: duration, type: duration, aliases: [所用时间]}
  - {name: area, type: single, choices: {1: 城市, 2: 农村}, required: true}
  - {name: age, type: numeric, range: [18, 100]}
  - {name: job, type: single, choices: {1: 务农, 2: 上班, 6: 离退休}}
  - {name: boss, label: 单位规模, type: single, choices: {1: 小, 2: 大}, relevant: "job == 2"}
  - {name: s1, type: single, group: g, choices: {1: 差, 2: 中, 3: 好}}
  - {name: s2, type: single, group: g, choices: {1: 差, 2: 中, 3: 好}}
  - {name: s3, type: single, group: g, choices: {1: 差, 2: 中, 3: 好}}
checks:
  - {name: retired-age, check: "not (job == 6 and age < 40)", message: 退休人员年龄小于40岁}
`,
);
const header = 'id,所用时间,area,age,job,boss,s1,s2,s3';
const rows = [
  '1,300秒,城市,30,上班,大,好,中,差', // clean
  '2,310秒,农村,130,务农,,中,中,好', // age out of range
  '3,320秒,城市,25,务农,小,差,好,中', // boss answered though not asked
  '4,330秒,城市,35,离退休,,好,差,中', // fails the retired-age check (flagged)
  '5,20秒,城市,40,务农,,中,好,差', // speeder
  '6,300秒,城市,30,上班,大,好,中,差', // duplicate of row 1
  '7,300秒,,,,,,,', // blank
  '8,340秒,城市,50,上班,大,中,中,中', // straight-lining (with min_items 3)
  '9,350秒,城市,=cmd(),上班,大,差,差,好', // not a number, neutralised in the excluded/issue output
];
writeFileSync(path('raw.csv'), `${header}\n${rows.join('\n')}\n`);
writeFileSync(path('rules.yaml'), "straight-lining: {min_items: 3}\nspeeder: {min_seconds: 60}\n");

function csv(file: string): string[][] {
  return readFileSync(file, 'utf8').trimEnd().split('\n').map((l) => l.split(','));
}

describe('survey clean', async () => {
  const run = await runCli(['clean', path('raw.csv'), '--codebook', path('q.yaml'), '--rules', path('rules.yaml'), '--out', path('clean.csv'), '--excluded', path('excluded.csv'), '--issues', path('issues.csv'), '--distributed', '10', '--json']);

  it('accounts for every row and prints the JSON contract', () => {
    expect(run.code, run.stderr).toBe(1);
    const json = JSON.parse(run.stdout);
    expect(json).toMatchObject({ input_rows: 9, kept_rows: 5, excluded_rows: 4, flagged_rows: 1 });
    expect(json.input_rows).toBe(json.kept_rows + json.excluded_rows);
    expect(json.reasons).toMatchObject({ speeder: 1, duplicate: 1, blank: 1, 'straight-lining': 1, 'out-of-range': 1, 'skip-logic': 1, 'retired-age': 1, 'not-a-number': 1 });
    expect(run.stderr).toContain('发放 10 份，回收 9 份，有效问卷 5 份，有效率 55.6%');
  });

  it('writes excluded rows with their original cells, source row and every reason', () => {
    const excluded = csv(path('excluded.csv'));
    expect(excluded[0]).toEqual([...header.split(','), '_source_row', '_reasons']);
    expect(excluded.slice(1).map((r) => [r[0], r.at(-2), r.at(-1)])).toEqual([
      ['5', '5', 'speeder'],
      ['6', '6', 'duplicate'],
      ['7', '7', 'blank'],
      ['8', '8', 'straight-lining'],
    ]);
    expect(excluded[2].slice(0, 9)).toEqual(rows[5].split(','));
  });

  it('keeps the codebook codes, blanks rejected cells, and flags rows that fail checks', () => {
    const clean = csv(path('clean.csv'));
    expect(clean[0]).toEqual(['_source_row', 'id', 'duration', 'area', 'age', 'job', 'boss', 's1', 's2', 's3', '_flags']);
    const byRow = Object.fromEntries(clean.slice(1).map((r) => [r[0], r]));
    expect(byRow['1']).toEqual(['1', '1', '300', '1', '30', '2', '2', '3', '2', '1', '']);
    expect(byRow['2'][4]).toBe('');
    expect(byRow['3'][6]).toBe('');
    expect(byRow['4'].at(-1)).toBe('retired-age');
    expect(byRow['9'][4]).toBe('');
  });

  it('lists every issue with the raw value, neutralising formulas', () => {
    const text = readFileSync(path('issues.csv'), 'utf8');
    expect(text.split('\n')[0]).toBe('source_row,variable,raw_value,rule,severity,message');
    expect(text).toContain('2,age,130,out-of-range,error,');
    expect(text).toContain('3,boss,1,skip-logic,error,');
    expect(text).toContain('4,job+age,job=6; age=35,retired-age,warning,退休人员年龄小于40岁');
    expect(text).toContain("9,age,'=cmd(),not-a-number,error,");
  });

  it('never modifies its input', () => {
    expect(readFileSync(path('raw.csv'), 'utf8')).toBe(`${header}\n${rows.join('\n')}\n`);
  });

  it('cleans its own coded output again without losing the source rows', async () => {
    const again = await runCli(['clean', path('clean.csv'), '--codebook', path('q.yaml'), '--rules', path('rules.yaml'), '--excluded', path('again-excluded.csv'), '--json']);
    expect(again.code, again.stderr).toBe(0);
    expect(JSON.parse(again.stdout)).toMatchObject({ input_rows: 5, kept_rows: 5, excluded_rows: 0 });
  });
});

describe('survey clean on bad input', () => {
  const cases: [string, () => string[], number, RegExp][] = [
    ['no codebook', () => ['clean', path('raw.csv')], 2, /needs --codebook/],
    ['a rules file with unknown rules and bad thresholds', () => {
      writeFileSync(path('bad-rules.yaml'), 'speedr: {}\nnear-duplicate: {similarity: 1.5}\n');
      return ['clean', path('raw.csv'), '--codebook', path('q.yaml'), '--rules', path('bad-rules.yaml')];
    }, 2, /bad-rules\.yaml: rules file has 2 problems\n.*near-duplicate\.similarity.*\n.*speedr: unknown rule \(did you mean "speeder"\?\)/],
    ['a codebook that does not match the file', () => {
      writeFileSync(path('other.yaml'), 'id: o\nvariables:\n  - {name: colour, type: single, choices: {1: red}}\n');
      return ['clean', path('raw.csv'), '--codebook', path('other.yaml')];
    }, 2, /matches none of the question columns/],
    ['a file with no rows', () => {
      writeFileSync(path('empty.csv'), `${header}\n`);
      return ['clean', path('empty.csv'), '--codebook', path('q.yaml'), '--out', path('never.csv')];
    }, 3, /no data rows/],
    ['the same file for two outputs', () => ['clean', path('raw.csv'), '--codebook', path('q.yaml'), '--out', path('x.csv'), '--excluded', path('x.csv')], 2, /--out and --excluded are the same file/],
    ['an existing output without --force', () => ['clean', path('raw.csv'), '--codebook', path('q.yaml'), '--out', path('clean.csv')], 2, /already exists.*--force/],
    ['a bad --distributed', () => ['clean', path('raw.csv'), '--codebook', path('q.yaml'), '--distributed', 'many'], 2, /--distributed "many"/],
  ];
  for (const [what, args, code, message] of cases) {
    it(`${what} → exit ${code}, one clear message`, async () => {
      const r = await runCli(args());
      expect(r.code, r.stderr).toBe(code);
      expect(r.stderr).toMatch(message);
      expect(r.stderr).not.toMatch(/\n\s+at /);
    });
  }

  it('leaves no output behind when it fails', () => {
    expect(existsSync(path('never.csv'))).toBe(false);
    expect(existsSync(path('x.csv'))).toBe(false);
  });
});
