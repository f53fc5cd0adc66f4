import { spawn, spawnSync } from 'node:child_process';
import { existsSync, linkSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { writeZip } from '../../src/io/zip/zip-writer.js';
import { runCli, tempDir } from '../helpers/run-cli.js';

// Issue #16: hostile inputs get one clear line and the right exit code, and nothing is lost.
// Every input is made here, in a fresh temporary folder.

const bin = fileURLToPath(new URL('../../bin/survey.js', import.meta.url));
const bundled = fileURLToPath(new URL('../../data-samples/bazhou-2025/', import.meta.url));

/** One line on stderr, no stack trace, no YAML warning. */
function oneLine(stderr: string): void {
  expect(stderr.trimEnd().split('\n'), stderr).toHaveLength(1);
  expect(stderr).not.toMatch(/\n\s+at |YAMLWarning|internal error/);
}

const CODEBOOK = `id: t
variables:
  - {name: area, type: single, choices: {1: 城市, 2: 农村}}
  - {name: age, type: numeric}
  - {name: s1, type: single, choices: {1: 差, 2: 中, 3: 好}}
`;

function smallStudy(): { dir: string; path: (name: string) => string } {
  const dir = tempDir('survey-hostile-');
  const path = (name: string) => join(dir, name);
  writeFileSync(path('q.yaml'), CODEBOOK);
  writeFileSync(path('in.csv'), 'area,age,s1\n城市,30,好\n农村,41,中\n城市,52,差\n农村,23,好\n');
  writeFileSync(path('plan.yaml'), 'name: small\ntitle: t\ndata: in.csv\ncodebook: q.yaml\noutputs: [md]\nanalyses:\n  - {command: freq, vars: [area]}\n');
  return { dir, path };
}

describe('a truncated worksheet (#16.1)', () => {
  it('is an unreadable input (exit 3) that says so, not half the rows with "issues: none"', async () => {
    const { path } = smallStudy();
    let sheet = '<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>';
    sheet += '<row r="1"><c r="A1" t="inlineStr"><is><t>age</t></is></c></row>';
    for (let r = 2; r <= 210; r++) sheet += `<row r="${r}"><c r="A${r}"><v>${r}</v></c></row>`;
    sheet += '</sheetData></worksheet>';
    const rels = '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>';
    const book = '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>';
    const zip = (xml: string) => writeZip([{ name: 'xl/workbook.xml', data: book }, { name: 'xl/_rels/workbook.xml.rels', data: rels }, { name: 'xl/worksheets/sheet1.xml', data: xml }]);
    writeFileSync(path('whole.xlsx'), zip(sheet));
    writeFileSync(path('trunc-sheet.xlsx'), zip(sheet.slice(0, Math.floor(sheet.length / 2))));
    expect((await runCli(['ingest', path('whole.xlsx'), '--out', path('whole.csv')])).stderr).toContain('209 rows');
    const run = await runCli(['ingest', path('trunc-sheet.xlsx'), '--out', path('t.csv')]);
    expect(run.code).toBe(3);
    oneLine(run.stderr);
    expect(run.stderr).toMatch(/trunc-sheet\.xlsx: cannot read the file as \.xlsx \(the worksheet ends before its closing <\/worksheet>/);
    expect(existsSync(path('t.csv'))).toBe(false);
  });
});

describe('an output that is an input of the same command (#16.4)', () => {
  it.each([
    ['clean --out IN --force', (p: (n: string) => string) => ['clean', p('in.csv'), '--codebook', p('q.yaml'), '--out', p('in.csv'), '--force'], /--out .*in\.csv is the input file/],
    ['clean --excluded CODEBOOK', (p: (n: string) => string) => ['clean', p('in.csv'), '--codebook', p('q.yaml'), '--out', p('c.csv'), '--excluded', p('q.yaml'), '--force'], /--excluded .*q\.yaml is the file --codebook reads/],
    ['ingest --out CODEBOOK --force', (p: (n: string) => string) => ['ingest', p('in.csv'), '--codebook', p('q.yaml'), '--out', p('q.yaml'), '--force'], /--out .*q\.yaml is the file --codebook reads/],
    ['ingest --write-codebook IN, named another way', (p: (n: string) => string) => ['ingest', p('in.csv'), '--write-codebook', `${p('sub')}/../in.csv`, '--force'], /--write-codebook .*in\.csv is the input file/],
    ['ingest --issues through a symbolic link to the input', (p: (n: string) => string) => ['ingest', p('in.csv'), '--issues', p('link.csv'), '--force'], /--issues .*link\.csv is the input file/],
    ['clean --out a hard link of the input', (p: (n: string) => string) => ['clean', p('in.csv'), '--codebook', p('q.yaml'), '--out', p('hard.csv'), '--force'], /--out .*hard\.csv is the input file/],
    ['weight --out IN --force', (p: (n: string) => string) => ['weight', p('in.csv'), '--targets', p('t.yaml'), '--out', p('in.csv'), '--force'], /--out .*in\.csv is the input file/],
    ['clean --out and --issues one file', (p: (n: string) => string) => ['clean', p('in.csv'), '--codebook', p('q.yaml'), '--out', p('x.csv'), '--issues', p('x.csv')], /--out and --issues are the same file/],
  ])('%s is refused (exit 2) and the input stays as it was', async (_, args, message) => {
    const { path } = smallStudy();
    mkdirSync(path('sub'));
    symlinkSync(path('in.csv'), path('link.csv'));
    linkSync(path('in.csv'), path('hard.csv'));
    writeFileSync(path('t.yaml'), 'margins: {area: {城市: 0.5, 农村: 0.5}}\n');
    const before = { input: readFileSync(path('in.csv'), 'utf8'), codebook: readFileSync(path('q.yaml'), 'utf8') };
    const run = await runCli(args(path));
    expect(run.code, run.stderr).toBe(2);
    oneLine(run.stderr);
    expect(run.stderr).toMatch(message);
    expect(run.stderr).toMatch(/an output never overwrites an input, even with --force|give each output its own name/);
    expect(readFileSync(path('in.csv'), 'utf8')).toBe(before.input);
    expect(readFileSync(path('q.yaml'), 'utf8')).toBe(before.codebook);
  });

  it('run refuses a report folder that holds the plan\'s data, which replacing it would delete', async () => {
    const { path } = smallStudy();
    mkdirSync(path('out/small'), { recursive: true });
    writeFileSync(path('out/small/in.csv'), readFileSync(path('in.csv')));
    writeFileSync(path('plan.yaml'), readFileSync(path('plan.yaml'), 'utf8').replace('data: in.csv', 'data: out/small/in.csv'));
    const run = await runCli(['run', path('plan.yaml'), '--out', path('out'), '--force']);
    expect(run.code).toBe(2);
    oneLine(run.stderr);
    expect(run.stderr).toMatch(/the output folder .*small holds the plan's data/);
    expect(existsSync(path('out/small/in.csv'))).toBe(true);
  });
});

describe('temporary folders of interrupted runs (#16.11)', () => {
  it('removes those whose process is gone on the next run, and never one of a live process', async () => {
    const { path } = smallStudy();
    const gone = spawnSync(process.execPath, ['-e', '0']).pid as number;
    mkdirSync(path('out'));
    const stale = [`.small.${gone}.1700000000000.tmp`, `.small.${gone}.1700000000001.tmp.old`, `.small.csv.${gone}.1700000000002.tmp`];
    for (const name of stale.slice(0, 2)) mkdirSync(path(`out/${name}`));
    writeFileSync(path(`out/${stale[2]}`), 'half');
    const live = `.small.${process.pid}.1700000000003.tmp`;
    mkdirSync(path(`out/${live}`));
    const run = await runCli(['run', path('plan.yaml'), '--out', path('out')]);
    expect(run.code, run.stderr).toBe(0);
    expect(readdirSync(path('out')).sort()).toEqual([live, `.small.csv.${gone}.1700000000002.tmp`, 'small'].sort());
  });

  it('a run stopped with SIGTERM removes its own temporary folder and exits 143', async () => {
    const dir = tempDir('survey-sigterm-');
    const child = spawn(process.execPath, [bin, 'run', join(bundled, 'plan.yaml'), '--out', dir], { stdio: 'ignore' });
    const exited = new Promise<number | null>((done) => child.on('exit', (code) => done(code)));
    const started = Date.now();
    while (!readdirSync(dir).some((n) => n.endsWith('.tmp')) && Date.now() - started < 20_000) await new Promise((r) => setTimeout(r, 20));
    expect(readdirSync(dir).some((n) => n.endsWith('.tmp'))).toBe(true);
    child.kill('SIGTERM');
    expect(await exited).toBe(143);
    expect(readdirSync(dir)).toEqual([]);
  });
});

describe('output into a closed pipe (#16.13)', () => {
  it('ends quietly, without an EPIPE stack trace', async () => {
    for (const args of [['regress', '--help'], ['--help'], ['ingest', join(bundled, 'responses.csv'), '--json']]) {
      const child = spawn(process.execPath, [bin, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
      // The reader goes away at once, as `| head -2` or a quit `| less` does.
      child.stdout.destroy();
      let stderr = '';
      child.stderr.on('data', (d) => (stderr += d));
      const code = await new Promise<number | null>((done) => child.on('close', (c) => done(c)));
      expect(stderr, args.join(' ')).not.toMatch(/EPIPE|Unhandled|\n\s+at /);
      expect(code, `${args.join(' ')}: ${stderr}`).toBe(0);
    }
  });
});

describe('messages that point the right way (#16.12)', () => {
  it('an error in an analysis of run names the plan and the analysis', async () => {
    const { path } = smallStudy();
    writeFileSync(path('plan.yaml'), 'name: small\ntitle: t\ndata: in.csv\ncodebook: q.yaml\noutputs: [md]\nanalyses:\n  - {command: freq, vars: [area]}\n  - {command: regress, formula: "age ~ s1", model: logit}\n');
    const run = await runCli(['run', path('plan.yaml'), '--out', path('out')]);
    expect(run.code).toBe(2);
    const last = run.stderr.trimEnd().split('\n').at(-1) as string;
    expect(last).toMatch(/^survey: .*plan\.yaml: analyses\[1\] \(regress "age ~ s1"\): the response age has the value 30; a binary logit needs 0\/1/);
  });

  it('a lone \\r among \\n line endings is named, not blamed on quotes', async () => {
    const { path } = smallStudy();
    writeFileSync(path('mixed.csv'), 'area,age,s1\r\n城市,30,好\n农村,"41",中\r城市,52,差\n');
    const run = await runCli(['ingest', path('mixed.csv')]);
    expect(run.code).toBe(3);
    oneLine(run.stderr);
    expect(run.stderr).toMatch(/mixed\.csv: line 3: has 5 fields, but the header has 3: the line holds a lone carriage return \(\\r, not \\r\\n\), so the file mixes line endings/);
    expect(run.stderr).not.toMatch(/quote/);
  });

  it('a variable asked of a table none of whose 100,000 columns is the codebook\'s says which columns it has', async () => {
    const { path } = smallStudy();
    const n = 100_000;
    writeFileSync(path('wide.csv'), `${Array.from({ length: n }, (_, i) => `c${i}`).join(',')}\n${Array(n).fill('1').join(',')}\n`);
    const run = await runCli(['freq', path('wide.csv'), '--codebook', path('q.yaml'), '--var', 'age']);
    expect(run.code).toBe(2);
    oneLine(run.stderr);
    // Its columns pass through under their own names (none is the codebook's): the message lists the first 30 of them.
    expect(run.stderr).toMatch(/the codebook's variable "age" has no column in .*wide\.csv — the 100000 columns are: c0, c1, .*c29, …/);
    expect(run.stderr).not.toMatch(/the columns are: $/m);
  });

  it.each([
    [['ingest', '/dev/zero'], /\/dev\/zero: is a device \(such as \/dev\/zero or a terminal\), not a file/],
    [['codebook', 'check', '/dev/zero'], /\/dev\/zero: cannot read codebook: it is a device/],
    [['clean', 'in.csv', '--codebook', 'q.yaml', '--rules', '/dev/zero'], /\/dev\/zero: cannot read rules file: it is a device/],
  ])('%j: /dev/zero is a device, not "empty", and is not read forever', async (args, message) => {
    const { dir } = smallStudy();
    const run = await runCli(args, { cwd: dir });
    expect(run.code).toBe(3);
    oneLine(run.stderr);
    expect(run.stderr).toMatch(message);
    expect(run.stderr).not.toMatch(/empty/);
  });

  it('trimming bounds the wrong way round are refused with the plan, before cleaning', async () => {
    const { path } = smallStudy();
    writeFileSync(path('t.yaml'), 'margins: {area: {城市: 0.5, 农村: 0.5}}\n');
    writeFileSync(path('plan.yaml'), 'name: small\ntitle: t\ndata: in.csv\ncodebook: q.yaml\noutputs: [md]\nweight: {targets: t.yaml, trim: {quantiles: [0.9, 0.1]}}\nanalyses:\n  - {command: freq, vars: [area]}\n');
    const run = await runCli(['run', path('plan.yaml'), '--out', path('out')]);
    expect(run.code).toBe(2);
    expect(run.stderr).not.toMatch(/survey run: clean/);
    expect(run.stderr).toMatch(/weight\.trim\.quantiles: give \[low, high\] with low < high/);
    const cli = await runCli(['weight', path('in.csv'), '--targets', path('t.yaml'), '--trim', '5,0.5']);
    expect(cli.code).toBe(2);
    expect(cli.stderr).toMatch(/--trim takes LO,HI with LO < HI, not "5,0.5"/);
  });
});

describe('an XLSForm zip bomb (#16.10)', () => {
  it('is refused within a second, before exceljs inflates it', async () => {
    const { path } = smallStudy();
    writeFileSync(path('bomb.xlsx'), writeZip([{ name: 'xl/workbook.xml', data: '<workbook/>' }, { name: 'xl/worksheets/sheet1.xml', data: `<worksheet>${'A'.repeat(30_000_000)}</worksheet>` }]));
    const started = Date.now();
    const run = await runCli(['codebook', 'import', path('bomb.xlsx'), '--out', path('form.yaml')]);
    expect(Date.now() - started).toBeLessThan(3000);
    expect(run.code).toBe(3);
    oneLine(run.stderr);
    expect(run.stderr).toMatch(/not an \.xlsx workbook \(xl\/worksheets\/sheet1\.xml would inflate \d+ times .*refused as a zip bomb\)/);
  });
});

describe('skip logic that goes round in a circle (#16.5)', () => {
  it('fails codebook check, and clean refuses the codebook instead of blanking valid answers', async () => {
    const { path } = smallStudy();
    writeFileSync(path('loop.yaml'), CODEBOOK.replace('{name: area, type: single, choices: {1: 城市, 2: 农村}}', '{name: area, type: single, choices: {1: 城市, 2: 农村}, relevant: "area == 1"}'));
    const check = await runCli(['codebook', 'check', path('loop.yaml')]);
    expect(check.code).toBe(2);
    expect(check.stderr).toContain('variables[0].relevant: "area" is asked only depending on its own answer');
    const clean = await runCli(['clean', path('in.csv'), '--codebook', path('loop.yaml'), '--out', path('c.csv')]);
    expect(clean.code).toBe(2);
    expect(existsSync(path('c.csv'))).toBe(false);
  });
});

describe('found by the fuzz campaign', () => {
  it('--lang takes zh or en: another value (here the next flag) is a usage error, not exit 4 in the report writer', async () => {
    const { path } = smallStudy();
    const run = await runCli(['run', path('plan.yaml'), '--out', path('out'), '--lang', '--encoding']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/option '--lang <lang>' argument '--encoding' is invalid\. Allowed choices are zh, en/);
  });

  it('--verbose adds no stack trace to a usage or input error (only to internal ones, as its help says)', async () => {
    const { path } = smallStudy();
    writeFileSync(path('bad.yaml'), 'id: t\nvariables: [\n');
    const run = await runCli(['freq', path('in.csv'), '--codebook', path('bad.yaml'), '--var', 'age', '--verbose']);
    expect(run.code).toBe(2);
    oneLine(run.stderr);
  });
});
