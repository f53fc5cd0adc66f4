/**
 * Orders the answer texts of one question when only the 按文本 export is known, so that a drafted
 * codebook's codes follow the questionnaire: Likert wording (非常不… < 不太… < 一般 < 比较… < 非常…)
 * when every label has a distinct degree, else by the first number in the label (`3000元以下`,
 * `1部`), else by first appearance. Labels with neither keep their order after the others.
 * @example orderLabels(['比较满意', '一般', '非常满意', '很不满意', '不太满意'])
 * // ['很不满意', '不太满意', '一般', '比较满意', '非常满意']
 */
export function orderLabels(labels: string[]): string[] {
  const degrees = labels.map(likertDegree);
  if (labels.length > 1 && degrees.every((d) => d !== null) && new Set(degrees).size === labels.length) {
    return labels.map((label, i) => ({ label, d: degrees[i] as number })).sort((a, b) => a.d - b.d).map((x) => x.label);
  }
  const numbered = labels.map((label, i) => ({ label, i, n: firstNumber(label) }));
  if (numbered.filter((x) => x.n !== null).length < labels.length / 2) return [...labels];
  return numbered
    .sort((a, b) => {
      if (a.n === null || b.n === null) return a.n === null ? (b.n === null ? a.i - b.i : 1) : -1;
      return a.n - b.n || a.i - b.i;
    })
    .map((x) => x.label);
}

function firstNumber(label: string): number | null {
  const m = /\d+(?:\.\d+)?/.exec(label.normalize('NFKC').replace(/,(?=\d{3})/g, ''));
  return m ? Number(m[0]) : null;
}

// Degree words of Chinese rating scales, most specific first.
const DEGREES: [RegExp, number][] = [
  [/^(非常|很|极|十分|特别|完全)不/u, 1],
  [/^(不太|不大|比较不|较不|有点不|不怎么)/u, 2],
  [/^不/u, 2],
  [/^(一般|中等|中立|还行|说不清|不确定|普通)/u, 3],
  [/^(比较|较|还算|基本)/u, 4],
  [/^(非常|很|极|十分|特别|完全)/u, 5],
];

function likertDegree(label: string): number | null {
  const text = label.normalize('NFKC').trim();
  for (const [re, degree] of DEGREES) if (re.test(text)) return degree;
  return null;
}

/**
 * Merges the orders seen in ┋-joined multi-select answers (问卷星 lists the chosen options in
 * questionnaire order) into one order of all options: a topological sort, ties by first appearance.
 * @example mergeSequences([['运动', '影视'], ['阅读', '影视'], ['运动', '阅读']]) // ['运动', '阅读', '影视']
 */
export function mergeSequences(sequences: string[][]): string[] {
  const first = new Map<string, number>();
  const after = new Map<string, Set<string>>();
  const indegree = new Map<string, number>();
  for (const seq of sequences) {
    seq.forEach((label, i) => {
      if (!first.has(label)) {
        first.set(label, first.size);
        after.set(label, new Set());
        indegree.set(label, 0);
      }
      if (i > 0) {
        const prev = seq[i - 1];
        const next = after.get(prev) as Set<string>;
        if (prev !== label && !next.has(label)) {
          next.add(label);
          indegree.set(label, (indegree.get(label) as number) + 1);
        }
      }
    });
  }
  const order: string[] = [];
  const ready = () => [...indegree].filter(([, d]) => d === 0).map(([l]) => l);
  while (indegree.size) {
    // A cycle (inconsistent orders) is broken at the earliest-seen label.
    const candidates = ready();
    const pick = (candidates.length ? candidates : [...indegree.keys()]).sort(
      (a, b) => (first.get(a) as number) - (first.get(b) as number),
    )[0];
    order.push(pick);
    indegree.delete(pick);
    for (const next of after.get(pick) as Set<string>) {
      if (indegree.has(next)) indegree.set(next, (indegree.get(next) as number) - 1);
    }
  }
  return order;
}
