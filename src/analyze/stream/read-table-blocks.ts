import { columnBuilder, type ColumnBuilder } from '../../core/column-builder.js';
import { dataTable, type DataTable } from '../../core/data-table.js';
import type { Codebook } from '../../core/types.js';
import { ingestFile, type IngestOptions, type IngestSummary } from '../../ingest/ingest-file.js';

/** Rows per block: small enough that a block of a wide file is a few megabytes, large enough that per-block work is noise. */
export const BLOCK_ROWS = 1 << 15;

/** Receives a file as consecutive blocks of rows, each a small DataTable with the file's codebook. */
export interface BlockConsumer {
  /** Called before the first block, and again when ingest starts over (a drafted codebook did not hold): forget every block seen. */
  start(codebook: Codebook): void;
  block(table: DataTable): void;
}

/**
 * Streams a file through ingest a block of rows at a time: each block's values go into typed
 * columns, the block goes to the consumer and is then let go, so memory is bounded by the block,
 * not the file. Without a codebook ingest drafts one from a bounded sample and, in the rare case a
 * later row breaks it, starts again (the consumer's `start` says so).
 */
export async function readTableBlocks(path: string, options: IngestOptions, consumer: BlockConsumer, blockRows = BLOCK_ROWS): Promise<IngestSummary> {
  let codebook: Codebook | null = null;
  let names: { name: string; variable: string }[] = [];
  let columns: ColumnBuilder[] = [];
  let sourceRows = new Int32Array(blockRows);
  let size = 0;
  const fresh = () => {
    columns = names.map(({ name, variable }) => columnBuilder(name, variable));
    sourceRows = new Int32Array(blockRows);
    size = 0;
  };
  const flush = () => {
    if (size === 0) return;
    consumer.block(dataTable(codebook!, columns.map((c) => c.finish()), sourceRows.subarray(0, size), path));
    fresh();
  };
  const summary = await ingestFile(path, options, {
    restartable: true,
    start(outputs, _header, used) {
      codebook = used;
      names = outputs.map(({ name, variable }) => ({ name, variable }));
      fresh();
      consumer.start(used);
    },
    row(row) {
      sourceRows[size++] = row.sourceRow;
      for (let k = 0; k < columns.length; k++) columns[k].push(row.values[k], row.reasons[k]);
      if (size === blockRows) flush();
    },
  });
  flush();
  return summary;
}
