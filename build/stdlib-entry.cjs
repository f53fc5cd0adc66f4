// The @stdlib functions the distributions use, bundled by 'npm run build' into dist/stdlib.cjs: one
// file loads in ~35 ms where the ~400 small CommonJS files of these packages took ~165 ms.
// Every id lazyStdlib() is given must be here (test/unit/math/lazy-stdlib.test.ts checks).
module.exports = {
  '@stdlib/math-base-special-betainc': require('@stdlib/math-base-special-betainc'),
  '@stdlib/math-base-special-erfc': require('@stdlib/math-base-special-erfc'),
  '@stdlib/math-base-special-gammainc': require('@stdlib/math-base-special-gammainc'),
  '@stdlib/math-base-special-gammaln': require('@stdlib/math-base-special-gammaln'),
  '@stdlib/stats-base-dists-beta-quantile': require('@stdlib/stats-base-dists-beta-quantile'),
  '@stdlib/stats-base-dists-chisquare-cdf': require('@stdlib/stats-base-dists-chisquare-cdf'),
  '@stdlib/stats-base-dists-chisquare-quantile': require('@stdlib/stats-base-dists-chisquare-quantile'),
  '@stdlib/stats-base-dists-f-cdf': require('@stdlib/stats-base-dists-f-cdf'),
  '@stdlib/stats-base-dists-normal-cdf': require('@stdlib/stats-base-dists-normal-cdf'),
  '@stdlib/stats-base-dists-t-cdf': require('@stdlib/stats-base-dists-t-cdf'),
  '@stdlib/stats-base-dists-t-quantile': require('@stdlib/stats-base-dists-t-quantile'),
};
