import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// Every word table of src/locale is a { zh, en } record: the same keys in both languages, at every
// level, and no empty word. The TypeScript types force the keys of the tables that say
// `satisfies Record<Lang, Words>`; this finds the rest and the empty strings.
const localeUrl = new URL('../../../src/locale/', import.meta.url);
const locale = fileURLToPath(localeUrl);

/** Where `zh` and `en` differ in shape (`path: why`), or hold an empty word. */
function differences(zh: unknown, en: unknown, path: string): string[] {
  if (typeof zh === 'string' || typeof en === 'string') {
    if (typeof zh !== typeof en) return [`${path}: a string in one language only`];
    return [zh, en].flatMap((word, k) => ((word as string).trim() ? [] : [`${path}: empty in ${k ? 'en' : 'zh'}`]));
  }
  if (typeof zh === 'function' || typeof en === 'function') return typeof zh === typeof en ? [] : [`${path}: a function in one language only`];
  if (Array.isArray(zh) || Array.isArray(en)) {
    if (!Array.isArray(zh) || !Array.isArray(en) || zh.length !== en.length) return [`${path}: lists of different lengths`];
    return zh.flatMap((word, k) => differences(word, en[k], `${path}[${k}]`));
  }
  if (zh && en && typeof zh === 'object' && typeof en === 'object') {
    const keys = [...new Set([...Object.keys(zh), ...Object.keys(en)])];
    return keys.flatMap((key) =>
      key in zh && key in en ? differences((zh as Record<string, unknown>)[key], (en as Record<string, unknown>)[key], `${path}.${key}`) : [`${path}.${key}: only in ${key in zh ? 'zh' : 'en'}`],
    );
  }
  return typeof zh === typeof en ? [] : [`${path}: ${typeof zh} in zh, ${typeof en} in en`];
}

/** The exported { zh, en } records of every src/locale module, by module and export name. */
async function wordTables(): Promise<Map<string, { zh: unknown; en: unknown }>> {
  const tables = new Map<string, { zh: unknown; en: unknown }>();
  for (const file of readdirSync(locale).filter((f) => f.endsWith('.ts')).sort()) {
    const module: Record<string, unknown> = await import(/* @vite-ignore */ new URL(file, localeUrl).href);
    for (const [name, value] of Object.entries(module)) {
      if (value && typeof value === 'object' && Object.keys(value).sort().join() === 'en,zh') tables.set(`${file}: ${name}`, value as { zh: unknown; en: unknown });
    }
  }
  return tables;
}

describe('src/locale word tables', () => {
  it('has the same keys in zh and en in every table, and no empty word', async () => {
    const tables = await wordTables();
    // The tables of the report, comparison, run and results are among those found.
    for (const name of ['compare-words.ts: COMPARE_WORDS', 'cleaning-words.ts: CLEANING_WORDS', 'regression-words.ts: REGRESSION_WORDS', 'shares-words.ts: SHARES_WORDS', 'section-words.ts: SECTION_WORDS', 'workbook-words.ts: WORKBOOK_WORDS', 'run-words.ts: RUN_WORDS', 'report-marks.ts: REPORT_MARKS', 'sheet-names.ts: SHEET_NAMES', 'report-words.ts: REPORT_TEXT']) {
      expect(tables.has(name), name).toBe(true);
    }
    const problems = [...tables].flatMap(([name, t]) => differences(t.zh, t.en, name));
    expect(problems).toEqual([]);
  });

  it('finds a key in one language only, an empty word and a list of another length', () => {
    expect(differences({ a: '甲', b: '乙' }, { a: 'A' }, 't')).toEqual(['t.b: only in zh']);
    expect(differences({ a: { b: '' } }, { a: { b: 'B' } }, 't')).toEqual(['t.a.b: empty in zh']);
    expect(differences({ a: ['甲', '乙'] }, { a: ['A'] }, 't')).toEqual(['t.a: lists of different lengths']);
    expect(differences({ f: () => '甲' }, { f: 'A' }, 't')).toEqual(['t.f: a string in one language only']);
    expect(differences({ a: '甲', f: (n: number) => `${n}份` }, { a: 'A', f: (n: number) => `${n}` }, 't')).toEqual([]);
  });
});
