import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { sourceFiles } from '../../helpers/source-files.js';

// The report's, comparison's, run's and results' words live in src/locale's word tables (issue #17
// part 5): code in these folders says w.xxx, it does not branch on the language or keep a
// { zh, en } table of its own. What is left is counted here and may not grow.
const src = fileURLToPath(new URL('../../../src/', import.meta.url));
const FOLDERS = ['report', 'compare', 'run', 'analyze/results'];
/** A language branch: `zh ? … : …`, `lang === 'zh'`, `input.lang !== 'en'`, … */
const BRANCH = /zh \?|lang === '(zh|en)'|lang !== '(zh|en)'|=== 'zh'|=== 'en'/;
/** A word table of its own: `zh: { … }` or `en: '…'` as an object key. */
const TABLE = /^\s*(zh|en): *[{'`]|[{,] *(zh|en): *[{'`]/;
/** What is left, file by file, each with its reason. None is left in these folders. */
const ALLOWED: Readonly<Record<string, number>> = {};

/** The lines of `text` that branch on the language or keep a word table, outside comments. */
function languageLines(text: string): string[] {
  return text.split('\n').filter((line) => !/^\s*(\/\/|\*|\/\*)/.test(line) && (BRANCH.test(line) || TABLE.test(line)));
}

describe('words of report, compare, run and results in src/locale', () => {
  it('leaves no language branch or word table in those folders beyond the counted ones', () => {
    const found: Record<string, number> = {};
    for (const folder of FOLDERS) {
      for (const file of sourceFiles(join(src, folder))) {
        const lines = languageLines(readFileSync(file, 'utf8'));
        if (lines.length) found[relative(src, file)] = lines.length;
      }
    }
    expect(found, 'move the words into a src/locale word table and say w.xxx').toEqual(ALLOWED);
  });

  it('sees a branch and a table for what they are, and a comment or a plain line as neither', () => {
    expect(languageLines("const t = lang === 'zh' ? '表' : 'Table';")).toHaveLength(1);
    expect(languageLines("  title: zh ? '样本' : 'Sample',")).toHaveLength(1);
    expect(languageLines("const W = { zh: { a: '甲' }, en: { a: 'A' } };")).toHaveLength(1);
    expect(languageLines("  en: 'Table',")).toHaveLength(1);
    expect(languageLines("// lang === 'zh' reads 。")).toHaveLength(0);
    expect(languageLines('const w = sharesWords(lang);')).toHaveLength(0);
  });
});
