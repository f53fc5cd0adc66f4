import type { Problem } from '../core/errors.js';
import { normalizeText } from '../core/normalize-text.js';
import type { Codebook } from '../core/types.js';

interface Header {
  index: number;
  field: 'name' | 'label' | 'aliases';
  text: string;
}

/**
 * Variables that ingest could not tell apart: a name, label or alias of one that reads the same
 * (after normalizeText) as a name, label or alias of another, so a raw column would match both.
 */
export function aliasProblems(cb: Codebook, unchecked: ReadonlySet<string>): Problem[] {
  const problems: Problem[] = [];
  const owners = new Map<string, Header[]>();
  cb.variables.forEach((variable, index) => {
    if (unchecked.has(`variables[${index}]`)) return;
    const headers: Header[] = [
      { index, field: 'name', text: variable.name },
      ...(variable.label === undefined ? [] : [{ index, field: 'label' as const, text: variable.label }]),
      ...variable.aliases.map((text) => ({ index, field: 'aliases' as const, text })),
    ];
    for (const header of headers) {
      const key = normalizeText(header.text);
      if (key === '') continue;
      const seen = owners.get(key) ?? [];
      if (seen.some((h) => h.index === index)) continue;
      owners.set(key, [...seen, header]);
      // Identical names are already reported as duplicates; rows of different grids may share a
      // label (住房 in an importance grid and a satisfaction grid): ingest tells them apart by the grid.
      const owner = seen.find(
        (h) => !(h.field === 'name' && header.field === 'name' && h.text === header.text) && !gridRowsOfDifferentGrids(cb, h, header),
      );
      if (owner) {
        const other = cb.variables[owner.index].name;
        problems.push({
          path: `variables[${index}].${header.field}`,
          message: `${fieldWord(header)} "${header.text}" also matches the ${fieldWord(owner)} "${owner.text}" of variables[${owner.index}] (${other})`,
        });
      }
    }
  });
  return problems;
}

function gridRowsOfDifferentGrids(cb: Codebook, a: Header, b: Header): boolean {
  const ga = cb.variables[a.index].group;
  const gb = cb.variables[b.index].group;
  return a.field === 'label' && b.field === 'label' && ga !== undefined && gb !== undefined && ga !== gb;
}

function fieldWord(header: Header): string {
  return header.field === 'aliases' ? 'alias' : header.field;
}
