import { startsLikeFormula } from './formula-start.js';

/** Codes and counts as text, made once: most fields of a coded survey are small whole numbers. */
const SMALL_INTEGERS = Array.from({ length: 1024 }, (_, n) => String(n));

/**
 * Formats one CSV field (RFC 4180): numbers as they are, text quoted when needed, and text that
 * a spreadsheet would run as a formula (`=`, `+`, `-`, `@`) prefixed with `'`.
 * @example csvField('=SUM(A1)') // "'=SUM(A1)"
 */
export function csvField(value: number | string | boolean | null | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return value >= 0 && value < SMALL_INTEGERS.length && (value | 0) === value ? SMALL_INTEGERS[value] : Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value === '') return '';
  // Character tests, not regexes: a clean.csv has half a million fields. CSV also neutralises a leading
  // tab or CR, which a spreadsheet may drop before reading a formula.
  const first = value.charCodeAt(0);
  const text = startsLikeFormula(value) || first === 9 || first === 13 ? `'${value}` : value;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 34 || c === 44 || c === 10 || c === 13) return `"${text.replace(/"/g, '""')}"`;
  }
  return text;
}

type Cell = number | string | boolean | null | undefined;

/** Formats one CSV record without a line ending (numbers in JavaScript's shortest round-trip form). */
export function csvRecord(values: readonly Cell[]): string {
  // Fields into one reused array and joined: the line comes out as one flat string.
  fields.length = values.length;
  for (let i = 0; i < values.length; i++) fields[i] = csvField(values[i]);
  return fields.join(',');
}

const fields: string[] = [];

/** Formats one CSV line (with its `\n`). */
export function csvLine(values: readonly Cell[]): string {
  return `${csvRecord(values)}\n`;
}
