/** The delimiters sniffed, in the order that wins a tie. */
const CSV_DELIMITERS = [',', '\t', ';'] as const;

/**
 * The delimiter of a CSV: whichever of `,` tab `;` occurs most often outside quotes in the
 * header record (the first record of `text`); a comma when none does (a one-column file).
 */
export function sniffDelimiter(text: string): string {
  const counts = new Map<string, number>(CSV_DELIMITERS.map((d) => [d, 0]));
  let quoted = false;
  for (const c of text) {
    if (c === '"') quoted = !quoted;
    else if (!quoted && (c === '\n' || c === '\r')) break;
    else if (!quoted && counts.has(c)) counts.set(c, (counts.get(c) ?? 0) + 1);
  }
  let best = ',';
  let bestCount = 0;
  for (const [d, n] of counts) {
    if (n > bestCount) [best, bestCount] = [d, n];
  }
  return best;
}
