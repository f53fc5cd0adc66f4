import type { Code } from '../core/types.js';

const numericText = /^\s*-?\d+(\.\d+)?\s*$/;

/** A choice code from a YAML key or a form cell: numeric-looking text becomes a number (`"2"` → 2), other text stays text. */
export function parseCode(key: string | number): Code {
  if (typeof key === 'number' || !numericText.test(key)) return key;
  return Number(key);
}
