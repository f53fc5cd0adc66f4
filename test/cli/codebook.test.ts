import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { parseCodebook } from '../../src/codebook/load-codebook.js';
import { runCli, tempDir } from '../helpers/run-cli.js';
import { designCodebookYaml } from '../unit/codebook/design-codebook.js';
import { happinessForm, writeXlsform } from '../unit/codebook/write-xlsform.js';

function writeCodebook(text: string): string {
  const path = join(tempDir(), 'q.yaml');
  writeFileSync(path, text);
  return path;
}

const badCodebook = 'id: t\nvariables:\n  - {name: area, type: single, choises: {1: 城市}}\n  - {name: age, type: numeric, range: [120, 0]}\n';

describe('survey codebook check', () => {
  test('a sound codebook: a one-line summary on stdout, exit 0', async () => {
    const file = writeCodebook(designCodebookYaml);
    const result = await runCli(['codebook', 'check', file]);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(`${file}: ok — 8 variables (4 single, 2 numeric, 1 multi, 1 text), 2 checks, 3 derived\n`);
    expect(result.stderr).toBe('');
  });

  test('--json prints the summary', async () => {
    const file = writeCodebook(designCodebookYaml);
    const result = await runCli(['codebook', 'check', file, '--json']);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual({
      ok: true,
      file,
      id: 'bazhou-happiness-2025',
      variables: 8,
      types: { single: 4, numeric: 2, multi: 1, text: 1 },
      checks: 2,
      derive: 3,
    });
  });

  test('problems: each `path: message` on stderr, exit 2', async () => {
    const file = writeCodebook(badCodebook);
    const result = await runCli(['codebook', 'check', file]);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe(
      `survey: ${file}: codebook has 2 problems\n` +
        '  variables[0]: unknown key "choises" (did you mean "choices"?)\n' +
        '  variables[1].range: low end 120 is above high end 0\n',
    );
  });

  test('problems with --json: {"ok": false, "problems"} on stdout, still exit 2', async () => {
    const result = await runCli(['codebook', 'check', writeCodebook(badCodebook), '--json']);
    expect(result.code).toBe(2);
    expect(JSON.parse(result.stdout)).toEqual({
      ok: false,
      problems: [
        { path: 'variables[0]', message: 'unknown key "choises" (did you mean "choices"?)' },
        { path: 'variables[1].range', message: 'low end 120 is above high end 0' },
      ],
    });
  });

  test('a YAML syntax error: one line with file, line and column, exit 2', async () => {
    const file = writeCodebook('id: t\nvariables: [a, b\nx: 1\n');
    const result = await runCli(['codebook', 'check', file]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(new RegExp(`^survey: ${file}: line 3: YAML syntax error at column 1: [^\\n]+\\n$`));
    const json = await runCli(['codebook', 'check', file, '--json']);
    expect(json.code).toBe(2);
    expect(JSON.parse(json.stdout).problems).toEqual([{ path: 'line 3', message: expect.stringMatching(/^YAML syntax error at column 1: /) }]);
  });

  test('an empty file and a missing file', async () => {
    const empty = writeCodebook('');
    expect(await runCli(['codebook', 'check', empty])).toMatchObject({
      code: 2,
      stderr: `survey: ${empty}: the codebook is empty — start it with \`id:\` and a \`variables:\` list\n`,
    });
    const missing = join(tempDir(), 'none.yaml');
    expect(await runCli(['codebook', 'check', missing])).toMatchObject({
      code: 3,
      stdout: '',
      stderr: `survey: ${missing}: cannot read codebook: no such file\n`,
    });
  });

  test('--help shows an example', async () => {
    const result = await runCli(['codebook', 'check', '--help']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Examples:\n  $ survey codebook check q.yaml\n');
  });
});

describe('survey codebook import', () => {
  test('writes a codebook that checks clean; refuses to overwrite without --force', async () => {
    const dir = tempDir();
    const form = await writeXlsform(dir, happinessForm);
    const out = join(dir, 'q.yaml');
    const result = await runCli(['codebook', 'import', form, '--out', out]);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe(`wrote ${out}: 7 variables (1 datetime, 2 single, 2 numeric, 1 multi, 1 text), 0 checks, 1 derived\n`);
    const yaml = readFileSync(out, 'utf8');
    expect(yaml).toContain('    choices:\n      1: {label: 城市, label_en: Urban}\n');
    expect(parseCodebook(yaml, out).id).toBe('happiness_2025');
    expect((await runCli(['codebook', 'check', out])).code).toBe(0);

    const again = await runCli(['codebook', 'import', form, '--out', out]);
    expect(again.code).toBe(2);
    expect(again.stderr).toBe(`survey: ${out} already exists — choose another output name or pass --force to overwrite it\n`);
    const forced = await runCli(['codebook', 'import', form, '--out', out, '--force', '--json']);
    expect(forced.code).toBe(0);
    expect(JSON.parse(forced.stdout)).toMatchObject({ ok: true, file: out, source: form, id: 'happiness_2025', variables: 7, derive: 1 });
  });

  test('never writes over the form itself', async () => {
    const form = await writeXlsform(tempDir(), happinessForm);
    const result = await runCli(['codebook', 'import', form, '--out', form, '--force']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/--out .* is the input file.*an output never overwrites an input/);
  });

  test('a bad form: problems by sheet and row, exit 2, nothing written', async () => {
    const dir = tempDir();
    const form = await writeXlsform(dir, { survey: [['type', 'name', 'label'], ['select_one nope', 'q1', '问题'], ['geopoint', 'gps', '位置']] });
    const out = join(dir, 'q.yaml');
    const result = await runCli(['codebook', 'import', form, '--out', out, '--json']);
    expect(result.code).toBe(2);
    expect(JSON.parse(result.stdout)).toEqual({
      ok: false,
      problems: [
        { path: 'survey row 2', message: 'list "nope" is not in the choices sheet' },
        { path: 'survey row 3', message: 'type "geopoint" is not supported' },
      ],
    });
    expect(existsSync(out)).toBe(false);
  });

  test('a missing form is exit 3; a missing --out is exit 2', async () => {
    const dir = tempDir();
    expect((await runCli(['codebook', 'import', join(dir, 'none.xlsx'), '--out', join(dir, 'q.yaml')])).code).toBe(3);
    const noOut = await runCli(['codebook', 'import', join(dir, 'none.xlsx')]);
    expect(noOut.code).toBe(2);
    expect(noOut.stderr).toContain("required option '--out <file>' not specified");
  });

  test('--help shows an example', async () => {
    expect((await runCli(['codebook', 'import', '--help'])).stdout).toContain('$ survey codebook import form.xlsx --out q.yaml\n');
  });
});
