/**
 * Likelihood-based pseudo-R²: McFadden 1 − log L/log L₀; Cox–Snell 1 − exp(2(log L₀ − log L)/N);
 * Nagelkerke = Cox–Snell / (1 − exp(2·log L₀/N)) (R: `DescTools::PseudoR2`).
 */
export function pseudoRSquared(logLik: number, nullLogLik: number, n: number): { mcfadden: number; nagelkerke: number; coxSnell: number } {
  const coxSnell = 1 - Math.exp((2 * (nullLogLik - logLik)) / n);
  return { mcfadden: 1 - logLik / nullLogLik, coxSnell, nagelkerke: coxSnell / (1 - Math.exp((2 * nullLogLik) / n)) };
}
