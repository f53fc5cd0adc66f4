import type { Rng } from '../draw/create-rng.js';
import { drawNormal } from '../draw/draw-normal.js';
import { pickWeighted } from '../draw/pick-weighted.js';
import type { WjxSpec } from '../spec/spec-schema.js';
import type { WjxMeta } from './wjx-record.js';

// How 问卷星 records where a submission came from: 来源 and 来源详情, with plausible shares.
const SOURCES: [string, string, number][] = [
  ['手机提交', '微信', 0.6],
  ['手机提交', '直接访问', 0.15],
  ['链接', '直接访问', 0.25],
];
// First octets of Chinese mobile and broadband address blocks, so addresses look like real ones.
const FIRST_OCTETS = [106, 110, 117, 125, 171, 182, 183, 223];
// Spread of the log of completion times: most respondents take between half and twice the median.
const DURATION_SDLOG = 0.35;

/**
 * Draws the metadata of an ordinary submission: a time on a random fieldwork day between 08:00 and
 * 22:00, a completion time log-normal around the median (kept within ½ to 6 times it), a source and
 * an IP address with its region.
 */
export function drawWjxMeta(wjx: WjxSpec, rng: Rng): WjxMeta {
  const time = rng.below(wjx.days) * 86400 + 8 * 3600 + rng.below(14 * 3600);
  let duration: number;
  do {
    duration = Math.round(wjx.median_seconds * Math.exp(DURATION_SDLOG * drawNormal(rng)));
  } while (duration < wjx.median_seconds / 2 || duration > wjx.median_seconds * 6);
  const [source, sourceDetail] = SOURCES[pickWeighted(rng, SOURCES.map((s) => s[2]))];
  const regions = Object.entries(wjx.regions);
  const region = regions[pickWeighted(rng, regions.map(([, share]) => share))][0];
  const address = [FIRST_OCTETS[rng.below(FIRST_OCTETS.length)], rng.below(256), rng.below(256), 1 + rng.below(254)];
  return {
    time,
    duration,
    minutes: rng.uniform() < wjx.minutes_format,
    source,
    sourceDetail,
    ip: `${address.join('.')}(${region})`,
  };
}
