import type { Variable } from '../../core/types.js';
import { missingReasonOf } from './code-scalar.js';
import { setMissing, type ItemCoder, type Layout } from './coded-row.js';

// A number as this tool writes one (weights, scores): no leading zeros (ids like 00123 stay text),
// at most 15 integer digits (an 18-digit 身份证 number stays text, never rounded).
const CANONICAL_NUMBER = /^-?(0|[1-9]\d{0,14})(\.\d+)?([eE][+-]?\d+)?$/;

/** The variable a column outside the codebook is kept as: its header, typed by what it holds. */
export function passThroughVariable(name: string): Variable {
  return { name, type: 'text', aliases: [] };
}

/**
 * Keeps a column the codebook does not describe (a weight, an id, a derived score) under its own
 * header: numbers stay numbers, other text stays text, so later stages can use it (`--weight w`).
 */
export function passThroughCoder(variable: Variable, column: number, header: string, layout: Layout): ItemCoder {
  return {
    outputs: [{ name: variable.name, variable: variable.name }],
    headers: [header],
    code(cells, sink, at) {
      const raw = cells[column] ?? '';
      const reason = missingReasonOf(raw, layout);
      if (reason) return setMissing(sink, at, 1, reason);
      const text = raw.trim();
      sink.values[at] = CANONICAL_NUMBER.test(text) ? Number(text) : text;
      sink.reasons[at] = null;
    },
  };
}
