import type { Lang } from '../locale/lang.js';
import { sectionWords } from '../locale/section-words.js';
import type { ReportBlock } from './report-document.js';

/**
 * The 摘要's key findings: the first sentence of each analysis's narrative (its headline figure), in
 * report order; an analysis without narrative gives none.
 */
export function keyFindings(analyses: readonly (readonly ReportBlock[])[], lang: Lang): string[] {
  return analyses.flatMap((blocks) => {
    const first = blocks.find((b) => b.kind === 'paragraph');
    return first && first.kind === 'paragraph' ? [sectionWords(lang).firstSentence(first.text)] : [];
  });
}

/**
 * The 摘要 under its heading: the sample in one sentence, the key findings as a numbered list,
 * then the team's own summary text (the plan's `sections: {摘要: …}`), which a tool cannot write.
 */
export function summarySection(heading: string, sample: string | null, findings: readonly string[], team: readonly ReportBlock[], lang: Lang): ReportBlock[] {
  return [
    { kind: 'heading', level: 1, text: heading },
    ...(sample || findings.length ? [{ kind: 'paragraph' as const, text: findings.length ? sectionWords(lang).findingsLead(sample) : sample ?? '' }] : []),
    ...(findings.length ? [{ kind: 'list' as const, ordered: true, items: findings.map((text) => [{ text }]) }] : []),
    ...team,
  ];
}
