/**
 * Text in hand-written SVG: width estimates good enough to lay out labels without
 * a font at hand (the SVG is laid out once and drawn by browsers and resvg alike).
 */

import { isWideCodePoint } from '../../core/east-asian-width.js';

// Typographic punctuation (— ‘ ’ “ ” …) is narrow in UAX #11 but drawn one em wide by CJK fonts.
const CJK_FONT_WIDE = new Set([0x2014, 0x2018, 0x2019, 0x201a, 0x201b, 0x201c, 0x201d, 0x2026]);

/**
 * Whether a code point is drawn about one em wide (CJK ideographs and punctuation, kana, Hangul, fullwidth forms).
 * @example isWide('满'.codePointAt(0)!) // true
 */
export function isWide(codePoint: number): boolean {
  return isWideCodePoint(codePoint) || CJK_FONT_WIDE.has(codePoint);
}

/** Width of a Latin (proportional) character, in em: an average over digits and lower case. */
const NARROW_EM = 0.55;

/**
 * Estimated width in px of text at a font size: wide characters 1 em, others 0.55 em.
 * @example textWidth('满意 ok', 10) // 36.5
 */
export function textWidth(text: string, fontSize: number): number {
  let em = 0;
  for (const char of text) em += isWide(char.codePointAt(0) as number) ? 1 : NARROW_EM;
  return em * fontSize;
}

/**
 * Breaks text into at most `maxLines` lines no wider than `maxWidth` px; the last line ends with
 * … when the text does not fit. CJK text breaks anywhere, Latin text at spaces where it can.
 * @example wrapText('城乡居民满意度', 10, 40, 2) // ['城乡居民', '满意度']
 */
export function wrapText(text: string, fontSize: number, maxWidth: number, maxLines: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const char of text) {
    if (line === '' && char === ' ') continue;
    // A first character always goes in, so a line is never empty however narrow the column.
    if (line === '' || textWidth(line + char, fontSize) <= maxWidth) {
      line += char;
      continue;
    }
    if (lines.length === maxLines - 1) return [...lines, ellipsize(line, fontSize, maxWidth)];
    // Break a Latin word at its last space rather than mid-word.
    const space = char === ' ' || isWide(char.codePointAt(0) as number) ? -1 : line.lastIndexOf(' ');
    lines.push(space > 0 ? line.slice(0, space) : line);
    line = space > 0 ? line.slice(space + 1) + char : char.trim();
  }
  return line === '' && lines.length > 0 ? lines : [...lines, line];
}

/** Shortens a line until it fits `maxWidth` with a trailing …. */
function ellipsize(line: string, fontSize: number, maxWidth: number): string {
  const chars = Array.from(line);
  while (chars.length > 0 && textWidth(`${chars.join('')}…`, fontSize) > maxWidth) chars.pop();
  return `${chars.join('').trimEnd()}…`;
}
