import type { Lang } from '../locale/lang.js';
import type { ReportBlock } from './report-document.js';

/** The first sentence of a narrative paragraph: to the first 。 (or ". " in English), else all of it. */
function firstSentence(text: string, lang: Lang): string {
  const end = lang === 'zh' ? text.indexOf('。') : text.search(/\.\s/);
  return end < 0 ? text : text.slice(0, end + 1);
}

/**
 * The 摘要's key findings: the first sentence of each analysis's narrative (its headline figure), in
 * report order; an analysis without narrative gives none.
 */
export function keyFindings(analyses: readonly (readonly ReportBlock[])[], lang: Lang): string[] {
  return analyses.flatMap((blocks) => {
    const first = blocks.find((b) => b.kind === 'paragraph');
    return first && first.kind === 'paragraph' ? [firstSentence(first.text, lang)] : [];
  });
}

/**
 * The 摘要 under its heading: the sample in one sentence, the key findings as a numbered list,
 * then the team's own summary text (the plan's `sections: {摘要: …}`), which a tool cannot write.
 */
export function summarySection(heading: string, sample: string | null, findings: readonly string[], team: readonly ReportBlock[], lang: Lang): ReportBlock[] {
  const zh = lang === 'zh';
  return [
    { kind: 'heading', level: 1, text: heading },
    ...(sample || findings.length ? [{ kind: 'paragraph' as const, text: `${sample ?? ''}${findings.length ? (zh ? '主要发现如下：' : (sample ? ' ' : '') + 'The main findings:') : ''}` }] : []),
    ...(findings.length ? [{ kind: 'list' as const, ordered: true, items: findings.map((text) => [{ text }]) }] : []),
    ...team,
  ];
}
