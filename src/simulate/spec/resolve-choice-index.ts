import { normalizeText } from '../../core/normalize-text.js';
import type { Choice } from '../../core/types.js';

/**
 * Finds the choice a spec key names, by code (`2`) or, tolerantly, by label, English label or alias
 * (`农村`, `rural`); -1 when none matches.
 */
export function resolveChoiceIndex(choices: readonly Choice[], key: string): number {
  const byCode = choices.findIndex((c) => String(c.code) === key.trim());
  if (byCode >= 0) return byCode;
  const wanted = normalizeText(key);
  return choices.findIndex((c) =>
    [c.label, c.labelEn, ...c.aliases].some((text) => text !== undefined && normalizeText(text) === wanted),
  );
}
