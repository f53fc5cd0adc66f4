import { dataTable, MISSING_CODES, type DataColumn, type DataTable } from '../core/data-table.js';
import type { Codebook, MissingReason } from '../core/types.js';
import type { CodedValue, OutputColumn } from './coded-row.js';
import type { CodedRow } from './ingest-file.js';

const REASON_INDEX = new Map(MISSING_CODES.map((r, i) => [r, i]));

/** Collects streamed coded rows into a DataTable (the sink side of ingest or clean). */
export interface TableCollector {
  start(outputs: readonly OutputColumn[]): void;
  add(row: CodedRow): void;
  finish(codebook: Codebook, file: string): DataTable;
}

/** Starts collecting rows; columns whose answers are all numbers become numeric columns. */
export function tableCollector(): TableCollector {
  const values: CodedValue[][] = [];
  const reasons: (MissingReason | null)[][] = [];
  const sourceRows: number[] = [];
  let names: readonly OutputColumn[] = [];
  return {
    start(outputs) {
      names = outputs;
      for (let k = 0; k < outputs.length; k++) {
        values.push([]);
        reasons.push([]);
      }
    },
    add(row) {
      sourceRows.push(row.sourceRow);
      for (let k = 0; k < names.length; k++) {
        values[k].push(row.values[k]);
        reasons[k].push(row.reasons[k]);
      }
    },
    finish(codebook, file) {
      const columns = names.map(({ name, variable }, k): DataColumn => {
        const column = values[k];
        const missing = new Uint8Array(column.length);
        let numeric = true;
        for (let i = 0; i < column.length; i++) {
          const reason = reasons[k][i];
          if (reason !== null) missing[i] = REASON_INDEX.get(reason) ?? 0;
          if (column[i] !== null && typeof column[i] !== 'number') numeric = false;
        }
        if (numeric) {
          const numbers = new Float64Array(column.length);
          for (let i = 0; i < column.length; i++) numbers[i] = column[i] === null || missing[i] ? Number.NaN : (column[i] as number);
          return { name, variable, kind: 'number', values: numbers, missing };
        }
        const texts = column.map((v, i) => (v === null || missing[i] ? null : String(v)));
        return { name, variable, kind: 'text', values: texts, missing };
      });
      return dataTable(codebook, columns, Int32Array.from(sourceRows), file);
    },
  };
}
