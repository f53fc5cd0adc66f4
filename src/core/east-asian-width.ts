// East Asian Wide and Fullwidth ranges (Unicode UAX #11): CJK ideographs, kana, Hangul, fullwidth
// forms and CJK punctuation take two columns in a terminal or spreadsheet grid.
const WIDE_RANGES: readonly (readonly [number, number])[] = [
  [0x1100, 0x115f], [0x2e80, 0x303e], [0x3041, 0x33ff], [0x3400, 0x4dbf], [0x4e00, 0x9fff], [0xa000, 0xa4cf],
  [0xac00, 0xd7a3], [0xf900, 0xfaff], [0xfe30, 0xfe4f], [0xff00, 0xff60], [0xffe0, 0xffe6], [0x20000, 0x3fffd],
];

/**
 * Whether a code point is East Asian Wide or Fullwidth: two columns in a monospace grid.
 * @example isWideCodePoint('满'.codePointAt(0)!) // true
 */
export function isWideCodePoint(codePoint: number): boolean {
  if (codePoint < WIDE_RANGES[0][0]) return false;
  for (const [from, to] of WIDE_RANGES) if (codePoint >= from && codePoint <= to) return true;
  return false;
}

/**
 * Display width of one line of text in grid columns: wide (CJK) characters 2, others 1.
 * @example displayWidth('城市 ok') // 7
 */
export function displayWidth(text: string): number {
  let width = 0;
  // By UTF-16 unit, a surrogate pair read as one code point (a string iterator costs more per cell of a sheet).
  for (let i = 0; i < text.length; i++) {
    const codePoint = text.codePointAt(i) as number;
    if (codePoint > 0xffff) i++;
    width += isWideCodePoint(codePoint) ? 2 : 1;
  }
  return width;
}
