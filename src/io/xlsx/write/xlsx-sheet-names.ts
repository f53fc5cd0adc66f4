import { UsageError } from '../../../core/errors.js';
import type { Sheet } from './xlsx-model.js';

const MAX_NAME = 31;
/** Excel refuses these in sheet names; control characters would not survive XML either. */
const FORBIDDEN = /[[\]:*?\/\\\u0000-\u001F]/;

/** Throws a UsageError unless every sheet name is one Excel accepts: 1–31 characters, none of []:*?/\, not quoted, unique ignoring case. */
export function checkSheetNames(sheets: readonly Pick<Sheet, 'name'>[]): void {
  if (sheets.length === 0) throw new UsageError('a workbook needs at least one sheet');
  const seen = new Map<string, string>();
  for (const { name } of sheets) {
    const problem =
      name.length === 0 ? 'is empty'
      : name.length > MAX_NAME ? `has ${name.length} characters (at most ${MAX_NAME})`
      : FORBIDDEN.test(name) ? 'contains one of [ ] : * ? / \\ or a control character'
      : name.startsWith("'") || name.endsWith("'") ? "starts or ends with '"
      : name.toLowerCase() === 'history' ? 'is reserved by Excel'
      : undefined;
    if (problem) throw new UsageError(`sheet name "${name}" ${problem}`, { hint: 'Excel would refuse to open the workbook: choose another sheet name' });
    const key = name.toUpperCase();
    const earlier = seen.get(key);
    if (earlier !== undefined) throw new UsageError(`sheet names "${earlier}" and "${name}" are the same to Excel, which ignores case`, { hint: 'give every sheet a different name' });
    seen.set(key, name);
  }
}
