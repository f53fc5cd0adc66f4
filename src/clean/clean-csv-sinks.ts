import { SOURCE_ROW } from '../ingest/ingest-file.js';
import { csvLine } from '../io/format-csv.js';
import type { AtomicWriter } from '../io/write-atomic.js';
import { ISSUE_COLUMNS } from '../io/write-issues.js';
import type { Codebook } from '../core/types.js';
import type { Lang } from '../locale/lang.js';
import { issueMessage } from '../locale/issue-message.js';
import type { CleanSinks } from './clean-file.js';

const FLAGS = '_flags';

/** Where a cleaning run's files go; any may be left out. */
export interface CleanWriters {
  clean?: AtomicWriter | null;
  excluded?: AtomicWriter | null;
  issues?: AtomicWriter | null;
}

/** The language of issues.csv messages, and the codebook their words come from; without it, the messages as written. */
export interface IssueWords {
  lang: Lang;
  codebook: Codebook;
}

/**
 * Sinks writing the DESIGN §2 files: clean.csv (`_source_row`, coded values, `_flags`),
 * excluded.csv (original cells, `_source_row`, `_reasons`) and issues.csv (messages in `words.lang`).
 * Call `begin()` first.
 */
export function cleanCsvSinks(writers: CleanWriters, words?: IssueWords): CleanSinks & { begin(): Promise<void> } {
  const { clean, excluded, issues } = writers;
  let addSourceRow = true;
  // Cleaning a clean.csv again: its old `_flags` column is replaced by this run's flags.
  let oldFlags = -1;
  const values = <T,>(row: { values: readonly T[] }): readonly T[] => (oldFlags < 0 ? row.values : row.values.filter((_, k) => k !== oldFlags));
  return {
    begin: async () => void (await issues?.write(csvLine(ISSUE_COLUMNS))),
    async start(outputs, header) {
      // A coded input already carries _source_row among its original cells.
      addSourceRow = !header.includes(SOURCE_ROW);
      oldFlags = outputs.findIndex((o) => o.name === FLAGS);
      await clean?.write(csvLine([SOURCE_ROW, ...values({ values: outputs.map((o) => o.name) }), FLAGS]));
      await excluded?.write(csvLine([...header, ...(addSourceRow ? [SOURCE_ROW] : []), '_reasons']));
    },
    // Not async: a row waits only when its file is behind (see AtomicWriter.write).
    kept: (row, flags) => clean?.write(csvLine([row.sourceRow, ...values(row), flags.join(';')])),
    excluded: (row, reasons) => excluded?.write(csvLine([...row.cells, ...(addSourceRow ? [row.sourceRow] : []), reasons.join(';')])),
    issues: (list) => issues?.write(list.map((i) => csvLine([i.sourceRow, i.variable, i.rawValue, i.rule, i.severity, words ? issueMessage(i, words.lang, words.codebook) : i.message])).join('')),
  };
}
