import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// Words live in src/locale/ word tables (issue #17 part 5): the collection server, paper form,
// CLI and these two label helpers pick a language by looking a table up, never by a branch.
const src = fileURLToPath(new URL('../../../src/', import.meta.url));
const WATCHED = ['collect', 'cli', 'core/variable-labels.ts', 'analyze/estimators/estimate-multi.ts'];
/** What a language branch looks like: `zh ? …`, `lang === 'en'`, `options.lang !== 'zh'`, `=== 'zh'`. */
const BRANCH = /\bzh \?|lang [!=]== '(zh|en)'|[!=]== '(zh|en)'/;
/** The branches left, each with its reason. None. */
const ALLOWED = 0;

/** The .ts files at a path: the file itself, or every one under a folder. */
function files(path: string): string[] {
  if (path.endsWith('.ts')) return [path];
  return readdirSync(path, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(join(path, e.name)) : e.name.endsWith('.ts') ? [join(path, e.name)] : []));
}

/** `file:line: text` of every language branch in the watched code. */
function languageBranches(): string[] {
  return WATCHED.flatMap((w) => files(join(src, w))).flatMap((f) => readFileSync(f, 'utf8').split('\n').flatMap((line, i) => (BRANCH.test(line) ? [`${relative(src, f)}:${i + 1}: ${line.trim()}`] : [])));
}

describe('architecture: no language branches in collect/, cli/ and the label helpers', () => {
  it(`leaves at most ${ALLOWED} (words go into src/locale/ tables)`, () => {
    expect(languageBranches().length, languageBranches().join('\n')).toBeLessThanOrEqual(ALLOWED);
  });

  it('recognises the branch shapes it counts', () => {
    for (const line of ["lang === 'en' ? a : b", "const zh = options.lang !== 'en';", "zh ? '组别' : 'Group'", "x.lang === 'zh'"]) expect(BRANCH.test(line), line).toBe(true);
    expect(BRANCH.test('const w = cliWords(lang).compare;')).toBe(false);
  });
});
