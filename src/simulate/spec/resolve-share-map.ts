import type { Problem } from '../../core/errors.js';
import type { Choice } from '../../core/types.js';
import { resolveChoiceIndex } from './resolve-choice-index.js';

/** Lists choices for a message: `1 城市, 2 农村`. */
export function describeChoices(choices: readonly Choice[]): string {
  return choices.map((c) => `${c.code} ${c.label}`).join(', ');
}

/**
 * Turns a `{code or label: share}` map into shares indexed like `choices` (unlisted choices get 0),
 * reporting keys that name no choice, or name one twice, at `path.key`.
 */
export function resolveShareMap(
  choices: readonly Choice[],
  map: Record<string, number>,
  path: string,
  owner: string,
  problems: Problem[],
): number[] {
  const shares = choices.map(() => 0);
  const seen = new Set<number>();
  for (const [key, share] of Object.entries(map)) {
    const index = resolveChoiceIndex(choices, key);
    if (index < 0) {
      problems.push({ path: `${path}.${key}`, message: `"${key}" is not a choice of ${owner} (${describeChoices(choices)})` });
    } else if (seen.has(index)) {
      problems.push({ path: `${path}.${key}`, message: `choice ${choices[index].code} ${choices[index].label} is listed twice` });
    } else {
      seen.add(index);
      shares[index] = share;
    }
  }
  return shares;
}
