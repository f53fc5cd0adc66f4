import { UsageError } from '../../core/errors.js';
import type { DataTable } from '../../core/data-table.js';

function globPattern(glob: string): RegExp {
  const body = glob.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.');
  return new RegExp(`^${body}$`);
}

/**
 * Expands variable selectors into column names, in order and without repeats: a column name,
 * a glob (`sat_*`), or a codebook `group` name (`satisfaction` → its items in codebook order).
 * Commas inside a selector separate several. Throws a UsageError for a selector that matches nothing.
 * @example resolveVariables(table, ['sat_*']) // ['sat_income', 'sat_family', …]
 */
export function resolveVariables(table: DataTable, selectors: readonly string[]): string[] {
  const out: string[] = [];
  const add = (name: string) => {
    if (!out.includes(name)) out.push(name);
  };
  // A column whose own name has a comma (收入,元) is taken whole before commas separate selectors.
  for (const selector of selectors.flatMap((s) => (table.has(s.trim()) ? [s] : s.split(','))).map((s) => s.trim()).filter(Boolean)) {
    if (table.has(selector)) {
      add(selector);
      continue;
    }
    const inGroup = table.codebook.variables.filter((v) => v.group === selector).map((v) => v.name).filter((n) => table.has(n));
    const matched = inGroup.length ? inGroup : /[*?]/.test(selector) ? table.names.filter((n) => globPattern(selector).test(n)) : [];
    const multi = table.codebook.variables.find((v) => v.name === selector && (v.type === 'multi' || v.type === 'rank'));
    if (!matched.length && multi) {
      throw new UsageError(`${selector} is a ${multi.type === 'multi' ? 'multi-select' : 'ranking'} question: its answers are the columns ${selector}_1, ${selector}_2, …`, {
        hint: multi.type === 'multi' ? `tabulate it with: survey multi FILE --codebook … --var ${selector}` : `give its columns: --var '${selector}_*'`,
      });
    }
    // A plain unknown name gets the column lookup's own error, which lists the columns there are.
    if (!matched.length && !/[*?]/.test(selector)) table.column(selector);
    if (!matched.length) throw new UsageError(`no variable matches "${selector}"`, { hint: 'give column names, a glob such as sat_*, or a codebook group name' });
    matched.forEach(add);
  }
  if (!out.length) throw new UsageError('no variables given');
  return out;
}
