import { describe, expect, it } from 'vitest';
import { escapeXml } from '../../../../src/io/escape-xml.js';
import { isWide, textWidth, wrapText } from '../../../../src/report/charts/svg-text.js';

describe('svg text', () => {
  it('escapes markup with the writers\' one escaper: control characters XML forbids become U+FFFD', () => {
    expect(escapeXml(`a<b & "c" 'd'>\u0001`)).toBe(`a&lt;b &amp; &quot;c&quot; 'd'&gt;\ufffd`);
  });

  it('counts CJK and fullwidth characters one em, Latin 0.55 em', () => {
    expect(['满', '，', 'Ａ', 'か', '한'].every((c) => isWide(c.codePointAt(0) as number))).toBe(true);
    expect(['a', '1', '%', ' '].some((c) => isWide(c.codePointAt(0) as number))).toBe(false);
    expect(textWidth('满意 ok', 10)).toBeCloseTo(36.5, 9);
  });

  it('wraps CJK anywhere and Latin at spaces, then cuts the last line with …', () => {
    expect(wrapText('城乡居民满意度', 10, 40, 2)).toEqual(['城乡居民', '满意度']);
    expect(wrapText('public services', 10, 50, 2)).toEqual(['public', 'services']);
    const cut = wrapText('六十岁及以上的老年人口包括退休后返聘人员', 10, 40, 2);
    expect(cut).toEqual(['六十岁及', '以上的…']);
    expect(cut.every((line) => textWidth(line, 10) <= 40)).toBe(true);
    expect(wrapText('城市', 10, 40, 2)).toEqual(['城市']);
  });
});
