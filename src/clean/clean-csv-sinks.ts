import { SOURCE_ROW } from '../ingest/ingest-file.js';
import { csvLine } from '../io/format-csv.js';
import type { AtomicWriter } from '../io/write-atomic.js';
import { ISSUE_COLUMNS } from '../io/write-issues.js';
import type { CleanSinks } from './clean-file.js';

/** Where a cleaning run's files go; any may be left out. */
export interface CleanWriters {
  clean?: AtomicWriter | null;
  excluded?: AtomicWriter | null;
  issues?: AtomicWriter | null;
}

/**
 * Sinks writing the DESIGN §2 files: clean.csv (`_source_row`, coded values, `_flags`),
 * excluded.csv (original cells, `_source_row`, `_reasons`) and issues.csv. Call `begin()` first.
 */
export function cleanCsvSinks(writers: CleanWriters): CleanSinks & { begin(): Promise<void> } {
  const { clean, excluded, issues } = writers;
  let addSourceRow = true;
  return {
    begin: async () => void (await issues?.write(csvLine(ISSUE_COLUMNS))),
    async start(outputs, header) {
      // A coded input already carries _source_row among its original cells.
      addSourceRow = !header.includes(SOURCE_ROW);
      await clean?.write(csvLine([SOURCE_ROW, ...outputs.map((o) => o.name), '_flags']));
      await excluded?.write(csvLine([...header, ...(addSourceRow ? [SOURCE_ROW] : []), '_reasons']));
    },
    // Not async: a row waits only when its file is behind (see AtomicWriter.write).
    kept: (row, flags) => clean?.write(csvLine([row.sourceRow, ...row.values, flags.join(';')])),
    excluded: (row, reasons) => excluded?.write(csvLine([...row.cells, ...(addSourceRow ? [row.sourceRow] : []), reasons.join(';')])),
    issues: (list) => issues?.write(list.map((i) => csvLine([i.sourceRow, i.variable, i.rawValue, i.rule, i.severity, i.message])).join('')),
  };
}
