/** A predictor term as written: `income` (its value), `log(income)`, or `area=农村` (a level indicator). */
export type ParsedTerm =
  | { transform: 'value' | 'log'; source: string }
  | { transform: 'indicator'; source: string; level: string };

const NAME = '[A-Za-z_][A-Za-z0-9_]*';
const VALUE = new RegExp(`^\\s*(${NAME})\\s*$`);
const LOG = new RegExp(`^\\s*log\\(\\s*(${NAME})\\s*\\)\\s*$`);
const INDICATOR = new RegExp(`^\\s*(${NAME})\\s*==?\\s*(\\S(?:.*\\S)?)\\s*$`);

/** Parses one term of an ordinal item's linear predictor; null when it follows none of the three forms. */
export function parseTerm(text: string): ParsedTerm | null {
  const log = LOG.exec(text);
  if (log) return { transform: 'log', source: log[1] };
  const value = VALUE.exec(text);
  if (value) return { transform: 'value', source: value[1] };
  const indicator = INDICATOR.exec(text);
  if (indicator) return { transform: 'indicator', source: indicator[1], level: indicator[2] };
  return null;
}
