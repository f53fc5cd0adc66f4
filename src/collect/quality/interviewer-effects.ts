import { chisquareVsRest, holmAdjust } from './chisquare-vs-rest.js';

/** One enumerator's answers to one variable tested against the reference enumerators'. */
export interface DistributionTest {
  enumerator: string;
  variable: string;
  /** This enumerator's answers to it, and the reference's. */
  n: number;
  nRest: number;
  statistic: number;
  df: number;
  p: number;
  /** Holm-adjusted over every test of the round reported. */
  pHolm: number;
}

/** Answer counts of one key variable: per enumerator, one count per answer code (same order for all). */
export interface VariableCounts {
  variable: string;
  counts: Map<string, number[]>;
}

const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);

/** One round: every enumerator with enough answers against the pooled answers of the reference enumerators other than themselves. */
function testRound(variables: readonly VariableCounts[], reference: ReadonlySet<string>, minAnswers: number): DistributionTest[] {
  const tests: DistributionTest[] = [];
  for (const { variable, counts } of variables) {
    const pool = (but: string) => {
      const width = counts.values().next().value?.length ?? 0;
      const total = new Array<number>(width).fill(0);
      for (const [who, n] of counts) if (who !== but && reference.has(who)) n.forEach((x, k) => (total[k] += x));
      return total;
    };
    for (const [enumerator, mine] of counts) {
      const n = sum(mine);
      const rest = pool(enumerator);
      const test = n >= minAnswers ? chisquareVsRest(mine, rest) : null;
      if (test) tests.push({ enumerator, variable, n, nRest: sum(rest), ...test, pHolm: Number.NaN });
    }
  }
  holmAdjust(tests.map((t) => t.p)).forEach((p, i) => (tests[i].pHolm = p));
  return tests;
}

/**
 * Interviewer effects: each enumerator's answer distribution on each key variable against the
 * other enumerators' (Pearson's chi-square, Holm-adjusted over all tests). Compared with "all the
 * others", one fabricator who answers 一般 to everything makes every honest colleague look
 * different too; so the clearest deviator (smallest p among those significant) is set aside from
 * the reference and the tests repeated, until no one else is significant — never setting aside
 * half of the enumerators or more (the majority defines what is usual). The last round is reported.
 */
export function interviewerEffects(variables: readonly VariableCounts[], alpha: number, minAnswers: number): { tests: DistributionTest[]; setAside: string[] } {
  const everyone = new Set(variables.flatMap((v) => [...v.counts.keys()]));
  const reference = new Set(everyone);
  const setAside: string[] = [];
  for (;;) {
    const tests = testRound(variables, reference, minAnswers);
    const deviating = tests.filter((t) => t.pHolm < alpha && reference.has(t.enumerator)).sort((a, b) => a.p - b.p);
    if (!deviating.length || 2 * (setAside.length + 1) >= everyone.size) return { tests, setAside };
    reference.delete(deviating[0].enumerator);
    setAside.push(deviating[0].enumerator);
  }
}
