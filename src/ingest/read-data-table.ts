import { dataTable, MISSING_CODES, type DataColumn, type DataTable } from '../core/data-table.js';
import type { MissingReason } from '../core/types.js';
import type { CodedValue } from './coded-row.js';
import { ingestFile, type IngestOptions, type IngestSummary } from './ingest-file.js';

const REASON_INDEX = new Map(MISSING_CODES.map((r, i) => [r, i]));

/**
 * Reads any input ingest reads (a raw export, or a coded CSV written by ingest/clean) into an
 * analysis table; columns whose answers are all numbers become numeric columns.
 */
export async function readDataTable(path: string, options: IngestOptions = {}): Promise<{ table: DataTable; summary: IngestSummary }> {
  const values: CodedValue[][] = [];
  const reasons: (MissingReason | null)[][] = [];
  const sourceRows: number[] = [];
  let names: { name: string; variable: string }[] = [];
  const summary = await ingestFile(path, options, {
    start: (outputs) => {
      names = outputs;
      for (let k = 0; k < outputs.length; k++) {
        values.push([]);
        reasons.push([]);
      }
    },
    row: (row) => {
      sourceRows.push(row.sourceRow);
      for (let k = 0; k < names.length; k++) {
        values[k].push(row.values[k]);
        reasons[k].push(row.reasons[k]);
      }
    },
  });
  const columns = names.map(({ name, variable }, k): DataColumn => {
    const missing = Uint8Array.from(reasons[k], (r) => REASON_INDEX.get(r) ?? 0);
    const column = values[k];
    if (column.every((v) => v === null || typeof v === 'number')) {
      const numbers = Float64Array.from(column, (v, i) => (v === null || missing[i] ? Number.NaN : (v as number)));
      return { name, variable, kind: 'number', values: numbers, missing };
    }
    const texts = column.map((v, i) => (v === null || missing[i] ? null : String(v)));
    return { name, variable, kind: 'text', values: texts, missing };
  });
  return { table: dataTable(summary.codebook, columns, Int32Array.from(sourceRows), path), summary };
}
