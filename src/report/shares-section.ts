import type { SharesResult } from '../analyze/estimate-shares.js';
import type { Lang } from '../analyze/variable-labels.js';
import { formatPClause, formatPercent } from './format-number.js';
import { tableBlock, type ReportBlock } from './report-document.js';
import { REPORT_TEXT } from './report-text.js';

const pp = (x: number) => (100 * x).toFixed(1);

/**
 * The narrative of a share, every number from the result: the overall share with its interval,
 * then each group, and whether the two groups differ significantly (p < 0.05) — nothing more.
 */
export function narrateShares(r: SharesResult, lang: Lang): string {
  const [all, ...groups] = r.groups;
  const answers = r.valueLabels.map((l) => (lang === 'zh' ? `“${l}”` : `"${l}"`)).join(lang === 'zh' ? '和' : ' or ');
  const interval = `${formatPercent(all.confLow)}–${formatPercent(all.confHigh)}`;
  const parts =
    lang === 'zh'
      ? [`调查结果显示：对“${r.label}”回答${answers}的，占有效样本（${all.n}人）的${formatPercent(all.share)}（95%置信区间：${interval}）。`]
      : [`Of the ${all.n} valid answers to "${r.label}", ${formatPercent(all.share)} were ${answers} (95% CI ${interval}).`];
  if (groups.length) {
    const each = groups.map((g) => `${g.level}${lang === 'zh' ? '为' : ' '}${formatPercent(g.share)}`).join(lang === 'zh' ? '，' : ', ');
    parts.push(lang === 'zh' ? `分组看，${each}。` : `By group: ${each}.`);
  }
  const d = r.difference;
  if (d) {
    const significant = d.pValue < 0.05;
    parts.push(
      lang === 'zh'
        ? `${d.first}比${d.second}${d.estimate >= 0 ? '高' : '低'}${pp(Math.abs(d.estimate))}个百分点（差值95%置信区间：${pp(d.confLow)}至${pp(d.confHigh)}，p ${formatPClause(d.pValue)}），${significant ? '差异在0.05水平上显著' : '差异在0.05水平上不显著'}。`
        : `${d.first} minus ${d.second}: ${pp(d.estimate)} percentage points (95% CI ${pp(d.confLow)} to ${pp(d.confHigh)}, p ${formatPClause(d.pValue)}); ${significant ? 'the difference is significant at the 0.05 level' : 'the difference is not significant at the 0.05 level'}.`,
    );
  }
  return parts.join(lang === 'zh' ? '' : ' ');
}

/** A share analysis as a table (one row per group) and its narrative. */
export function sharesSection(r: SharesResult, lang: Lang, title?: string): ReportBlock[] {
  const t = REPORT_TEXT[lang];
  const rows = r.groups.map((g) => [g.by === null ? t.all : g.level, String(g.n), String(g.count), formatPercent(g.share), `${formatPercent(g.confLow)}–${formatPercent(g.confHigh)}`]);
  const note = lang === 'zh' ? `置信区间方法：${r.ciMethod}` : `Interval: ${r.ciMethod}`;
  return [
    { kind: 'paragraph', text: narrateShares(r, lang) },
    tableBlock(title ?? (lang === 'zh' ? `${r.label}（${r.valueLabels.join(' / ')}）` : `${r.label} (${r.valueLabels.join(' / ')})`), [t.group, t.n, t.count, t.share, t.ci], rows, { notes: [note] }),
  ];
}
