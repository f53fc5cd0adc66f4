import { dataTable, MISSING_CODES, type DataColumn, type DataTable } from '../core/data-table.js';
import type { Codebook, MissingReason } from '../core/types.js';
import type { CodedValue, OutputColumn } from './code/coded-row.js';
import type { CodedRow } from './ingest-file.js';

const REASON_INDEX = new Map(MISSING_CODES.map((r, i) => [r, i]));

/** Collects streamed coded rows into a DataTable (the sink side of ingest or clean). */
export interface TableCollector {
  start(outputs: readonly OutputColumn[]): void;
  add(row: CodedRow): void;
  finish(codebook: Codebook, file: string): DataTable;
}

/**
 * Starts collecting rows; columns whose answers are all numbers become numeric columns. Rows are
 * kept as they come (their value and reason arrays, not copies) and turned into columns at the
 * end: two pushes per cell into per-column arrays cost more than the turning.
 */
export function tableCollector(): TableCollector {
  const values: CodedValue[][] = [];
  const reasons: (MissingReason | null)[][] = [];
  const sourceRows: number[] = [];
  let names: readonly OutputColumn[] = [];
  return {
    start(outputs) {
      names = outputs;
    },
    add(row) {
      sourceRows.push(row.sourceRow);
      values.push(row.values);
      reasons.push(row.reasons);
    },
    finish(codebook, file) {
      const n = values.length;
      const columns = names.map(({ name, variable }, k): DataColumn => {
        // One pass fills the missing codes and, while every answer is a number, the numbers.
        const missing = new Uint8Array(n);
        const numbers = new Float64Array(n);
        let numeric = true;
        for (let i = 0; i < n; i++) {
          const reason = reasons[i][k];
          if (reason !== null) missing[i] = REASON_INDEX.get(reason) ?? 0;
          const v = values[i][k];
          if (typeof v === 'number') numbers[i] = missing[i] ? Number.NaN : v;
          else if (v === null) numbers[i] = Number.NaN;
          else numeric = false;
        }
        if (numeric) return { name, variable, kind: 'number', values: numbers, missing };
        const texts = values.map((row, i) => (row[k] === null || missing[i] ? null : String(row[k])));
        return { name, variable, kind: 'text', values: texts, missing };
      });
      return dataTable(codebook, columns, Int32Array.from(sourceRows), file);
    },
  };
}
