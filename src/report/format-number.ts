/** Formats numbers for console tables and reports; NaN prints as "NA". */

/** A fixed-decimals number, e.g. `formatFixed(0.12345, 3)` → `0.123`. */
export function formatFixed(value: number, digits: number): string {
  return Number.isFinite(value) ? value.toFixed(digits) : 'NA';
}

/** A share as a percentage, e.g. `formatPercent(0.552)` → `55.2%`. */
export function formatPercent(value: number, digits = 1): string {
  return Number.isFinite(value) ? `${(value * 100).toFixed(digits)}%` : 'NA';
}

/** A p-value as reports print it: `< 0.001` below that, three decimals above. */
export function formatPValue(p: number): string {
  if (!Number.isFinite(p)) return 'NA';
  return p < 0.001 ? '< 0.001' : p.toFixed(3);
}

/** A count: integers without decimals (frequency weights may make them fractional). */
export function formatCount(value: number): string {
  return Number.isInteger(value) ? String(value) : value.toFixed(2);
}

/** A p-value after "p": `= 0.486`, or `< 0.001`. */
export function formatPClause(p: number): string {
  const text = formatPValue(p);
  return text.startsWith('<') ? text : `= ${text}`;
}
