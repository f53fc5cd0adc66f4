/**
 * Formats one CSV record (no line ending): numbers in JavaScript's shortest round-trip form (the same
 * on every platform), text quoted when it holds a comma, quote or line break, and text starting with
 * `= + - @` (or a tab/CR) prefixed with `'` so spreadsheets do not run it as a formula.
 */
export function formatCsvLine(cells: readonly (string | number)[]): string {
  return cells
    .map((cell) => {
      if (typeof cell === 'number') return Object.is(cell, -0) ? '0' : String(cell);
      const safe = /^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell;
      return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
    })
    .join(',');
}
