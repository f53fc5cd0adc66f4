import { describe, expect, it } from 'vitest';
import { escapeXml } from '../../../../../src/io/escape-xml.js';
import { columnName, escapeCellText, textWidth } from '../../../../../src/io/xlsx/write/xlsx-text.js';

describe('xlsx text', () => {
  it('measures display width with CJK and fullwidth characters as 2 and the widest line', () => {
    expect(textWidth('abc')).toBe(3);
    expect(textWidth('满意度')).toBe(6);
    expect(textWidth('1、您的性别？')).toBe(13);
    expect(textWidth('ＡＢ（）')).toBe(8);
    expect(textWidth('한글 かな')).toBe(9);
    expect(textWidth('𠀀')).toBe(2);
    expect(textWidth('短\n更长的一行')).toBe(10);
    expect(textWidth('')).toBe(0);
  });

  it('names columns as Excel does', () => {
    expect([0, 25, 26, 51, 52, 701, 702, 16_383].map(columnName)).toEqual(['A', 'Z', 'AA', 'AZ', 'BA', 'ZZ', 'AAA', 'XFD']);
  });

  it('escapes XML and replaces characters XML cannot hold', () => {
    expect(escapeXml('a<b>&"c"\'')).toBe('a&lt;b&gt;&amp;&quot;c&quot;\'');
    expect(escapeXml('x\u0000y\u001fz\ud800\ufffe😀')).toBe('x\ufffdy\ufffdz\ufffd\ufffd😀');
    expect(escapeXml('tab\tlf\n')).toBe('tab\tlf\n');
  });

  it('escapes cell text the OOXML way, so Excel shows control characters and literal escapes as they were', () => {
    expect(escapeCellText('a\u0001b\r\n\t')).toBe('a_x0001_b_x000D_\n\t');
    expect(escapeCellText('_x0041_ and _x12G4_ and _X0041_')).toBe('_x005F_x0041_ and _x12G4_ and _X0041_');
    expect(escapeCellText('<满意>&')).toBe('&lt;满意&gt;&amp;');
    expect(escapeCellText('\udc00 \uffff')).toBe('\ufffd \ufffd');
  });
});
