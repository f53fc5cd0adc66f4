/** Text a spreadsheet would run as a formula (DESIGN §7: neutralised in CSV/XLSX output). */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * Formats one CSV field (RFC 4180): numbers as they are, text quoted when needed, and text that
 * a spreadsheet would run as a formula (`=`, `+`, `-`, `@`) prefixed with `'`.
 * @example csvField('=SUM(A1)') // "'=SUM(A1)"
 */
export function csvField(value: number | string | boolean | null | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  const text = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

type Cell = number | string | boolean | null | undefined;

/** Formats one CSV record without a line ending (numbers in JavaScript's shortest round-trip form). */
export function csvRecord(values: readonly Cell[]): string {
  return values.map(csvField).join(',');
}

/** Formats one CSV line (with its `\n`). */
export function csvLine(values: readonly Cell[]): string {
  return `${csvRecord(values)}\n`;
}
