import { describe, expect, it } from 'vitest';
import { displayWidth, isWideCodePoint } from '../../../src/core/east-asian-width.js';
import { textWidth } from '../../../src/io/xlsx/write/xlsx-text.js';

describe('displayWidth', () => {
  it('counts CJK, kana, Hangul and fullwidth forms as two columns, the rest as one', () => {
    expect(displayWidth('')).toBe(0);
    expect(displayWidth('城市 ok')).toBe(7);
    expect(displayWidth('かナ한')).toBe(6);
    expect(displayWidth('ＡＢ，')).toBe(6);
    expect(displayWidth('é–•')).toBe(3);
  });

  it('reads a surrogate pair as one code point and a lone surrogate as one column', () => {
    expect(displayWidth('\u{20000}x')).toBe(3); // CJK Extension B is wide
    expect(displayWidth('\u{1F600}')).toBe(1); // an emoji outside the wide ranges
    expect(displayWidth('\uD800a')).toBe(2);
  });

  it('agrees with isWideCodePoint at the edges of the ranges', () => {
    expect([0x10ff, 0x1100, 0x115f, 0x1160, 0x4e00, 0x9fff, 0xffe6, 0xffe7].map(isWideCodePoint)).toEqual([false, true, true, false, true, true, true, false]);
  });
});

describe('textWidth', () => {
  it('is the widest line', () => {
    expect(textWidth('满意度\nsatisfaction')).toBe(12);
    expect(textWidth('满意度')).toBe(6);
  });
});
