import { afterEach, describe, expect, it, vi } from 'vitest';
import { parseRules } from '../../../src/clean/clean-rules.js';
import { parseCodebook } from '../../../src/codebook/load-codebook.js';
import { parseYaml } from '../../../src/io/parse-yaml.js';
import { parseTargets } from '../../../src/weight/parse-targets.js';

// Issue #16.7 and #16.9: hostile YAML is a usage error (exit 2) that says what is wrong, never a
// crash (exit 4) or "Maximum call stack size exceeded", and yaml's warnings stay off stderr.

const bomb = ['a0: &a0 [x, x, x, x, x, x, x, x, x, x]', ...Array.from({ length: 11 }, (_, i) => `a${i + 1}: &a${i + 1} [${Array(10).fill(`*a${i}`).join(', ')}]`)].join('\n');
const deepFlow = `x: ${'['.repeat(10_000)}${']'.repeat(10_000)}\n`;
const deepBlock = `x:\n${Array.from({ length: 3000 }, (_, i) => `${'  '.repeat(i + 1)}a:`).join('\n')}\n`;
const deep70 = `x: ${'['.repeat(70)}1${']'.repeat(70)}\n`;

const readers: [string, (text: string) => unknown][] = [
  ['codebook', (text) => parseCodebook(`id: t\nvariables:\n  - {name: x, type: text}\n${text}`, 'q.yaml')],
  ['plan', (text) => parseYaml(text, 'plan.yaml', 'plan')],
  ['targets file', (text) => parseTargets(`margins: {area: {a: 1}}\n${text}`, 't.yaml')],
  ['rules file', (text) => parseRules(text, 'r.yaml')],
];

function failure(read: (text: string) => unknown, text: string): Error {
  try {
    read(text);
  } catch (err) {
    return err as Error;
  }
  throw new Error('expected a failure');
}

describe.each(readers)('hostile YAML in a %s', (what, read) => {
  afterEach(() => vi.restoreAllMocks());

  it('an alias bomb is refused as such', () => {
    const err = failure(read, bomb);
    expect(err.name).toBe('UsageError');
    expect(err.message).toBe(`the ${what} expands its YAML aliases (*name) more than 100 times`);
  });

  it('an alias with no anchor names the alias and its line', () => {
    const err = failure(read, 'z: 1\nundefined_alias: *nothing\n');
    expect(err).toMatchObject({ name: 'UsageError', message: `the ${what} uses the YAML alias *nothing, but no value before it is anchored &nothing` });
    expect((err as unknown as { location: { line?: number } }).location.line).toBeGreaterThan(1);
  });

  it.each([
    ['10,000-deep brackets', deepFlow],
    ['3,000-deep indentation', deepBlock],
    ['70-deep brackets', deep70],
  ])('%s: "nests more than 64 levels deep", not a stack overflow', (_, text) => {
    const err = failure(read, text);
    expect(err).toMatchObject({ name: 'UsageError', message: `the ${what} nests more than 64 levels deep` });
  });

  it('an unknown tag raises no YAMLWarning on stderr', () => {
    const warn = vi.spyOn(process, 'emitWarning');
    try {
      read('tagged: !foo bar\n');
    } catch {
      // The document may be refused for its content; the warning is what matters here.
    }
    expect(warn).not.toHaveBeenCalled();
  });
});
