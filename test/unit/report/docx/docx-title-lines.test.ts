import { describe, expect, it } from 'vitest';
import { titleLines } from '../../../../src/report/docx-title-lines.js';

describe('titleLines', () => {
  it('keeps a title that fits on one line', () => {
    expect(titleLines('城乡居民幸福生活调查结项报告', 20)).toEqual(['城乡居民幸福生活调查结项报告']);
  });

  it('splits a long title at the bracket that gives the most even lines', () => {
    // 21 characters wide on a 20-character line: Word alone would leave 告 on the second line.
    expect(titleLines('巴州区城乡居民幸福生活调查（2025）结项报告', 20.1)).toEqual(['巴州区城乡居民幸福生活调查', '（2025）结项报告']);
    expect(titleLines('关于城乡居民幸福感的调查：以巴州区为例的结项报告', 20)).toEqual(['关于城乡居民幸福感的调查：', '以巴州区为例的结项报告']);
  });

  it('measures the title as a CJK font draws it: curly quotes are a full em', () => {
    // 20 em in the font; counted in terminal columns (quotes one each) it would be 38 ÷ 2 = 19 em and fit.
    expect(titleLines('“城乡居民”幸福生活调查：巴州区结项报告', 19.5)).toEqual(['“城乡居民”幸福生活调查：', '巴州区结项报告']);
  });

  it('puts the longer line first when two splits are as even', () => {
    expect(titleLines('甲乙丙丁戊己，庚辛壬癸子丑，寅卯辰巳午未申', 14)).toEqual(['甲乙丙丁戊己，庚辛壬癸子丑，', '寅卯辰巳午未申']);
  });

  it('leaves a title whole when no split at a mark lets both lines fit', () => {
    const title = '巴州区城乡居民幸福生活调查结项报告及其附录与说明';
    expect(titleLines(title, 20)).toEqual([title]);
    expect(titleLines('（2025）巴州区城乡居民幸福生活调查结项报告附录', 20)).toEqual(['（2025）巴州区城乡居民幸福生活调查结项报告附录']);
  });
});
