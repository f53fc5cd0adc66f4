import type { ReliabilityResult } from '../estimators/estimate-reliability.js';

/** The `reliability --json` contract (DESIGN §2), exactly these keys. */
export function reliabilityJson(r: ReliabilityResult) {
  return {
    alpha: r.alpha,
    standardized_alpha: r.standardizedAlpha,
    n: r.n,
    items: r.items.map((i) => ({ item: i.item, mean: i.mean, sd: i.sd, item_total_r: i.itemTotalR, alpha_if_deleted: i.alphaIfDeleted })),
  };
}
