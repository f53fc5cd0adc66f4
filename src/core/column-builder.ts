import { MISSING_CODES, type DataColumn } from './data-table.js';
import type { MissingReason } from './types.js';

const REASON_INDEX = new Map(MISSING_CODES.map((r, i) => [r, i]));

/** Grows one column of a DataTable a value at a time, stored typed from the start. */
export interface ColumnBuilder {
  /** Appends one coded value and why it is missing (null when it is not). */
  push(value: number | string | null, reason: MissingReason | null): void;
  /** The finished column: numeric while every answer is a number, else text. */
  finish(): DataColumn;
}

/**
 * A column builder that keeps numbers in a Float64Array (and missing reasons in a Uint8Array) until
 * a text answer arrives, and only then turns into an array of texts: a million-row numeric column
 * costs 9 bytes a row instead of a boxed value, a row array and a reason array per row.
 */
export function columnBuilder(name: string, variable: string): ColumnBuilder {
  let size = 0;
  let missing = new Uint8Array(1024);
  let numbers: Float64Array | null = new Float64Array(1024);
  // Rows coded null without a reason (rare): they stay null, not "NaN", if the column turns to text.
  const nulls = new Set<number>();
  let texts: (string | null)[] | null = null;

  const grow = () => {
    const capacity = missing.length * 2;
    missing = copied(missing, new Uint8Array(capacity));
    if (numbers) numbers = copied(numbers, new Float64Array(capacity));
  };
  const toTexts = () => {
    const from = numbers as Float64Array;
    texts = new Array<string | null>(size);
    for (let i = 0; i < size; i++) texts[i] = missing[i] || nulls.has(i) ? null : String(from[i]);
    numbers = null;
  };
  return {
    push(value, reason) {
      if (size === missing.length) grow();
      const code = reason === null ? 0 : REASON_INDEX.get(reason) ?? 0;
      missing[size] = code;
      if (numbers && typeof value === 'string') toTexts();
      if (numbers) {
        if (value === null && !code) nulls.add(size);
        numbers[size] = value === null || code ? Number.NaN : value as number;
      } else (texts as (string | null)[]).push(value === null || code ? null : String(value));
      size++;
    },
    finish() {
      const kept = trimmed(missing, size);
      const values = numbers ? trimmed(numbers, size) : (texts as (string | null)[]);
      missing = new Uint8Array(0);
      numbers = null;
      texts = null;
      return values instanceof Float64Array ? { name, variable, kind: 'number', values, missing: kept } : { name, variable, kind: 'text', values, missing: kept };
    },
  };
}

function copied<T extends Uint8Array | Float64Array>(from: T, to: T): T {
  to.set(from);
  return to;
}

/** The first `size` entries: a view when little capacity is left unused (no copy held twice), else a copy. */
function trimmed<T extends Uint8Array | Float64Array>(array: T, size: number): T {
  return (size >= array.length * 0.875 ? array.subarray(0, size) : array.slice(0, size)) as T;
}
