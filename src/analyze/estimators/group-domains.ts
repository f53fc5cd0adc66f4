import type { Design } from '../../core/design.js';
import type { Code } from '../../core/types.js';
import { categoryLevels, type CategoryLevels } from '../../core/category-levels.js';
import type { Lang } from '../../locale/lang.js';

/** One domain an estimate is made in: all rows, or one level of a `--by` variable. */
export interface Domain {
  /** The `--by` variable, or null for all rows. */
  readonly by: string | null;
  /** `all`, or the level's label. */
  readonly level: string;
  readonly code: Code | null;
  /** 1 for rows in the domain; null for all rows. */
  readonly mask: Uint8Array | null;
}

/**
 * The domains of a by-group estimate: all rows first, then each level of `by` in codebook order
 * (R `svyby(~y, ~by, …)` after the overall `svymean`). Rows missing `by` are in "all" only.
 */
export function groupDomains(design: Design, by: string | undefined, lang: Lang): Domain[] {
  const all: Domain = { by: null, level: 'all', code: null, mask: null };
  if (!by) return [all];
  const levels = categoryLevels(design.table, by, lang);
  const masks = levelMasks(levels);
  return [
    all,
    ...levels.codes.map((code, k): Domain => ({
      by,
      level: levels.labels[k],
      code,
      mask: masks[k],
    })),
  ];
}

// A plan asks for the same groups in analysis after analysis: their masks are made once per set
// of levels (which categoryLevels keeps per table). Estimators only read them.
const maskCache = new WeakMap<CategoryLevels, Uint8Array[]>();

/** Per level k, 1 for the rows in level k. */
function levelMasks(levels: CategoryLevels): Uint8Array[] {
  let masks = maskCache.get(levels);
  if (!masks) {
    const { index } = levels;
    masks = levels.codes.map(() => new Uint8Array(index.length));
    for (let i = 0; i < index.length; i++) if (index[i] >= 0) masks[index[i]][i] = 1;
    maskCache.set(levels, masks);
  }
  return masks;
}
