import type { Issue } from '../core/types.js';
import { csvLine } from './format-csv.js';
import { writeFileAtomic, type WriteOptions } from './write-atomic.js';

/** The issues file header (DESIGN §2). */
export const ISSUE_COLUMNS = ['source_row', 'variable', 'raw_value', 'rule', 'severity', 'message'] as const;

/**
 * Writes issues as CSV with columns `source_row,variable,raw_value,rule,severity,message`.
 * `message` words each issue in the run's language (see issueMessage); without it, the message as written.
 */
export async function writeIssues(path: string, issues: readonly Issue[], options: WriteOptions = {}, message: (issue: Issue) => string = (i) => i.message): Promise<void> {
  const lines = [csvLine(ISSUE_COLUMNS)];
  for (const i of issues) lines.push(csvLine([i.sourceRow, i.variable, i.rawValue, i.rule, i.severity, message(i)]));
  await writeFileAtomic(path, lines.join(''), options);
}
