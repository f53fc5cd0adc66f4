/** Distribution functions (@stdlib), each matching its R counterpart; upper tails computed directly. */
export { normalCdf } from './normal-cdf.js';
export { normalUpperTail } from './normal-upper-tail.js';
export { normalQuantile } from './normal-quantile.js';
export { tCdf } from './t-cdf.js';
export { tUpperTail } from './t-upper-tail.js';
export { tQuantile } from './t-quantile.js';
export { chisquareCdf } from './chisquare-cdf.js';
export { chisquareUpperTail } from './chisquare-upper-tail.js';
export { chisquareQuantile } from './chisquare-quantile.js';
export { fCdf } from './f-cdf.js';
export { fUpperTail } from './f-upper-tail.js';
export { fQuantile } from './f-quantile.js';
export { betaQuantile } from './beta-quantile.js';
export { logGamma } from './log-gamma.js';
