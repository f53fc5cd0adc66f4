import { columnBuilder, type ColumnBuilder } from '../core/column-builder.js';
import { dataTable, type DataTable } from '../core/data-table.js';
import type { Codebook } from '../core/types.js';
import type { OutputColumn } from './code/coded-row.js';
import type { CodedRow } from './ingest-file.js';

/** Collects streamed coded rows into a DataTable (the sink side of ingest or clean). */
export interface TableCollector {
  /** Begins the table with these columns, forgetting any rows added before. */
  start(outputs: readonly OutputColumn[]): void;
  add(row: CodedRow): void;
  finish(codebook: Codebook, file: string): DataTable;
}

/**
 * Starts collecting rows; columns whose answers are all numbers become numeric columns. Each value
 * goes straight into its typed column, so a row leaves nothing behind once it is added: memory
 * grows by bytes per cell, not by a row's arrays of boxed values.
 */
export function tableCollector(): TableCollector {
  let columns: ColumnBuilder[] = [];
  let sourceRows = new Int32Array(1024);
  let n = 0;
  return {
    start(outputs) {
      // A second start begins again (ingest re-codes when the codebook it drafted did not hold).
      columns = outputs.map(({ name, variable }) => columnBuilder(name, variable));
      n = 0;
    },
    add(row) {
      if (n === sourceRows.length) {
        const grown = new Int32Array(n * 2);
        grown.set(sourceRows);
        sourceRows = grown;
      }
      sourceRows[n++] = row.sourceRow;
      for (let k = 0; k < columns.length; k++) columns[k].push(row.values[k], row.reasons[k]);
    },
    finish(codebook, file) {
      return dataTable(codebook, columns.map((c) => c.finish()), sourceRows.slice(0, n), file);
    },
  };
}
