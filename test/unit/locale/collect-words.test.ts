import { describe, expect, it } from 'vitest';
import { answerWords } from '../../../src/locale/answer-words.js';
import { inLang, labelIn, messageIn, ownTextIn } from '../../../src/locale/bilingual.js';
import { cliWords } from '../../../src/locale/cli-words.js';
import { uiText } from '../../../src/locale/collect-words.js';
import { consoleWords } from '../../../src/locale/console-words.js';
import { entryText } from '../../../src/locale/entry-words.js';
import type { Lang } from '../../../src/locale/lang.js';
import { paperWords } from '../../../src/locale/paper-words.js';
import { qualityWords } from '../../../src/locale/quality-words.js';
import { reviewText } from '../../../src/locale/review-words.js';

/** Every word table of the collection server, paper form, quality view and CLI, by its accessor. */
const TABLES: Record<string, (lang: Lang) => unknown> = { uiText, reviewText, entryText, answerWords, paperWords, qualityWords, cliWords, consoleWords };

/** Where zh and en part: a key one side lacks, a different kind of value, an empty string. */
function differences(zh: unknown, en: unknown, path: string): string[] {
  if (typeof zh === 'string' || typeof en === 'string') {
    return [...(typeof zh !== typeof en ? [`${path}: ${typeof zh} in zh, ${typeof en} in en`] : []), ...(zh === '' ? [`${path}: empty in zh`] : []), ...(en === '' ? [`${path}: empty in en`] : [])];
  }
  if (typeof zh === 'function' || typeof en === 'function') return typeof zh === typeof en ? [] : [`${path}: a function in one language only`];
  if (zh === null || en === null || typeof zh !== 'object' || typeof en !== 'object') return zh === en ? [] : [`${path}: ${String(zh)} in zh, ${String(en)} in en`];
  if (Array.isArray(zh) !== Array.isArray(en) || (Array.isArray(zh) && zh.length !== (en as unknown[]).length)) return [`${path}: lists differ in length`];
  const z = zh as Record<string, unknown>;
  const e = en as Record<string, unknown>;
  const keys = [...new Set([...Object.keys(z), ...Object.keys(e)])];
  return keys.flatMap((k) => (k in z && k in e ? differences(z[k], e[k], `${path}.${k}`) : [`${path}.${k}: only in ${k in z ? 'zh' : 'en'}`]));
}

describe('locale: the collection server, paper form, quality and CLI word tables', () => {
  it.each(Object.keys(TABLES))('%s has the same keys in zh and en and no empty string', (name) => {
    // Copies: the tables are shared by every test in this worker, so nothing is deleted from them.
    const zh = { ...(TABLES[name]('zh') as Record<string, unknown>) };
    const en = { ...(TABLES[name]('en') as Record<string, unknown>) };
    // English --help is commander's own text: there is no table to translate it with.
    if (name === 'cliWords') {
      expect(en.helpTranslations).toBeNull();
      expect(Object.keys(zh.helpTranslations as object).length).toBeGreaterThan(50);
      delete (zh as { helpTranslations?: unknown }).helpTranslations;
      delete (en as { helpTranslations?: unknown }).helpTranslations;
    }
    expect(differences(zh, en, name)).toEqual([]);
  });

  it('finds a missing key, an empty string and a function on one side (the check can fail)', () => {
    expect(differences({ a: 'x', b: 'y' }, { a: 'x' }, 't')).toEqual(['t.b: only in zh']);
    expect(differences({ a: '' }, { a: 'x' }, 't')).toEqual(['t.a: empty in zh']);
    expect(differences({ a: () => 'x' }, { a: 'x' }, 't')).toEqual(['t.a: function in zh, string in en']);
    expect(differences({ a: ['x'] }, { a: ['x', 'y'] }, 't')).toEqual(['t.a: lists differ in length']);
  });

  it('reads a two-language text in the language asked for, falling back to the other', () => {
    expect(inLang('en', '城市', 'Urban')).toBe('Urban');
    expect(inLang('en', '城市', undefined)).toBe('城市');
    expect(inLang('zh', undefined, 'Urban')).toBe('Urban');
    expect(inLang('zh', undefined, undefined)).toBeUndefined();
    expect(labelIn('zh', { label: '城市', labelEn: 'Urban' })).toBe('城市');
    expect(messageIn('en', { message: '必答', messageEn: 'required' })).toBe('required');
  });

  it('reads a plan\'s or codebook\'s own text in English when given, and never shows English in a Chinese report', () => {
    expect(ownTextIn('en', '巴州区', 'Bazhou')).toBe('Bazhou');
    expect(ownTextIn('en', ['课题组'], undefined)).toEqual(['课题组']);
    expect(ownTextIn('zh', undefined, 'Bazhou')).toBeUndefined();
  });

  it('words skip instructions with each language\'s grammar', () => {
    expect(paperWords('zh').answerIf(paperWords('zh').joined(paperWords('zh').isOneOf(1, ['2'], true), 'and', paperWords('zh').compares(3, '>=', '18')))).toBe('（回答第1题选2且第3题答案大于等于18者填答）');
    expect(paperWords('en').answerIf(paperWords('en').joined(paperWords('en').isOneOf(1, ['2'], true), 'and', paperWords('en').compares(3, '>=', '18')))).toBe('(Answer if Q1 is 2 and Q3 is at least 18)');
    expect(paperWords('zh').isOneOf(4, ['1', '3'], false)).toBe('第4题填1或3');
    expect(paperWords('zh').compares(5, '!=', '2')).toBe('第5题未选2');
    expect(paperWords('zh').jump(['2'], null)).toBe('（选2者跳答至问卷结束）');
    expect(paperWords('en').jump(['2', '3'], 8)).toBe('(If 2 or 3, go to Q8)');
  });

  it('gives the quality flags and the cleaning counts their figures in both languages', () => {
    expect(qualityWords('zh').flag.speeder({ n: 3, of: 10, share: 0.3, seconds: 120 })).toBe('10 份中 3 份（30%）用时低于过快阈值（120 秒）');
    expect(qualityWords('en').enumeratorFlag('张三', 'x')).toBe('张三: x');
    const counts = { distributed: 1200, returned: 1000, valid: 950, excluded: 50, flagged: 4, validRate: '95.0%' };
    expect(cliWords('zh').clean.counts(counts)[0]).toBe('发放 1200 份，回收 1000 份，有效问卷 950 份，有效率 95.0%');
    expect(cliWords('en').clean.counts({ ...counts, distributed: null })[0]).toBe('returned 1000, valid 950, valid rate 95.0%');
    expect(cliWords('zh').compare.comparability('2024年', '2025年', true)).toBe('可比性 2024年 → 2025年：没有差异');
  });
});
