import type { Problem } from '../core/errors.js';
import { normalizeText } from '../core/normalize-text.js';
import type { Choice, Code, Variable } from '../core/types.js';
import { identifierPattern, optionColumn } from './expression.js';
import { formatCode } from './format-code.js';

const choiceTypes = new Set(['single', 'multi', 'rank']);
const expandedTypes = new Set(['multi', 'rank']);
const rangeTypes = new Set(['numeric', 'duration']);

/** The problems one variable has on its own: choices that fit its type, codes, labels, range. */
export function variableProblems(variable: Variable, at: string): Problem[] {
  const problems: Problem[] = [];
  const add = (field: string, message: string) => problems.push({ path: field ? `${at}.${field}` : at, message });
  const { type, choices, missing = [], range } = variable;
  const hasChoices = (choices?.length ?? 0) > 0;
  if (choiceTypes.has(type) && !hasChoices) add('', `type ${type} needs choices`);
  if (!choiceTypes.has(type) && choices) add('choices', `type ${type} takes no choices`);
  if (variable.ordered && !hasChoices) add('ordered', 'ordered needs choices');
  if (range && !rangeTypes.has(type)) add('range', `range is only for numeric or duration variables, not ${type}`);
  if (range && range[0] > range[1]) add('range', `low end ${range[0]} is above high end ${range[1]}`);
  for (const code of repeatedCodes(choices ?? [])) add('choices', `code ${formatCode(code)} appears twice`);
  for (const code of repeatedCodes(missing)) add('missing', `code ${formatCode(code)} appears twice`);
  const choiceCodes = new Set((choices ?? []).map((c) => c.code));
  for (const { code } of missing) {
    if (choiceCodes.has(code)) add('missing', `code ${formatCode(code)} is both a choice and a missing code`);
  }
  for (const clash of textClashes(choices ?? [], missing)) add(clash.field, clash.message);
  if (expandedTypes.has(type)) {
    for (const { code } of choices ?? []) {
      const column = optionColumn(variable.name, code);
      if (!identifierPattern.test(column)) {
        add('choices', `code ${formatCode(code)} cannot name a column (${column}); use whole numbers or identifiers`);
      }
    }
  }
  return problems;
}

function repeatedCodes(list: Choice[]): Code[] {
  const seen = new Set<Code>();
  const repeated = new Set<Code>();
  for (const { code } of list) (seen.has(code) ? repeated : seen).add(code);
  return [...repeated];
}

interface Text {
  kind: 'label' | 'alias';
  text: string;
  code: Code;
}

/**
 * Labels and aliases that read the same (after normalizeText) but belong to different codes:
 * ingest could not tell which code an answer text means.
 */
function textClashes(choices: Choice[], missing: Choice[]): { field: string; message: string }[] {
  const clashes: { field: string; message: string }[] = [];
  const owners = new Map<string, Text>();
  const lists: [string, Choice[]][] = [['choices', choices], ['missing', missing]];
  for (const [field, list] of lists) {
    for (const choice of list) {
      const texts: Text[] = [
        { kind: 'label', text: choice.label, code: choice.code },
        ...choice.aliases.map((text): Text => ({ kind: 'alias', text, code: choice.code })),
      ];
      for (const text of texts) {
        const key = normalizeText(text.text);
        const owner = owners.get(key);
        if (key === '' || owner?.code === text.code) continue;
        if (owner) clashes.push({ field, message: `${describe(text)} matches ${describe(owner)}` });
        else owners.set(key, text);
      }
    }
  }
  return clashes;
}

function describe({ kind, text, code }: Text): string {
  return `${kind} "${text}" of code ${formatCode(code)}`;
}
