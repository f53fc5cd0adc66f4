import type { DataTable } from '../core/data-table.js';
import { ingestFile, type IngestOptions, type IngestSummary } from './ingest-file.js';
import { tableCollector } from './table-collector.js';

/**
 * Reads any input ingest reads (a raw export, or a coded CSV written by ingest/clean) into an
 * analysis table; columns whose answers are all numbers become numeric columns.
 */
export async function readDataTable(path: string, options: IngestOptions = {}): Promise<{ table: DataTable; summary: IngestSummary }> {
  const collector = tableCollector();
  const summary = await ingestFile(path, options, { start: (outputs) => collector.start(outputs), row: (row) => collector.add(row), restartable: true });
  return { table: collector.finish(summary.codebook, path), summary };
}
