import { html, type SafeHtml } from '../server/html.js';
import type { Lang } from '../../locale/lang.js';
import type { EnumeratorQuality, QualityReport } from './enumerator-quality.js';

/** The quality table's headings, Chinese and English. */
export const QUALITY_HEADINGS = {
  zh: {
    title: '调查员质量',
    enumerator: '调查员',
    interviews: '问卷数',
    median: '用时中位数（秒）',
    speeders: '过快',
    straight: '矩阵题同答',
    nonresponse: '项目无回答',
    duplicates: '重复',
    bursts: '集中提交',
    gps: 'GPS 聚集',
    flags: '提示',
    none: '无',
    summary: (r: QualityReport) =>
      `共 ${r.interviews} 份有效问卷；用时中位数 ${r.medianDuration ?? '—'} 秒，过快阈值 ${r.speederSeconds === null ? '—' : Math.round(r.speederSeconds)} 秒；答案分布检验 ${r.tests} 项（${r.variables.length} 个变量，Holm 校正，α = ${r.alpha}）${r.setAside.length ? `，参照分布中剔除了明显偏离者 ${r.setAside.join('、')}` : ''}。`,
  },
  en: {
    title: 'Enumerator quality',
    enumerator: 'Enumerator',
    interviews: 'Interviews',
    median: 'Median duration (s)',
    speeders: 'Speeders',
    straight: 'Straight-lined grids',
    nonresponse: 'Item non-response',
    duplicates: 'Duplicates',
    bursts: 'In bursts',
    gps: 'GPS clustered',
    flags: 'Flags',
    none: 'none',
    summary: (r: QualityReport) =>
      `${r.interviews} active interviews; median duration ${r.medianDuration ?? '—'} s, speeder threshold ${r.speederSeconds === null ? '—' : Math.round(r.speederSeconds)} s; ${r.tests} distribution tests (${r.variables.length} variables, Holm-adjusted, α = ${r.alpha})${r.setAside.length ? `; clear deviators left out of the reference: ${r.setAside.join(', ')}` : ''}.`,
  },
};

/** One enumerator's figures as table cells (text), in the headings' order. */
export function qualityCells(q: EnumeratorQuality): string[] {
  const pct = (x: number | null) => (x === null ? '—' : `${(100 * x).toFixed(1)}%`);
  return [
    q.enumerator,
    String(q.interviews),
    q.medianDuration === null ? '—' : String(Math.round(q.medianDuration)),
    String(q.speeders),
    String(q.straightLined),
    pct(q.nonresponse),
    String(q.duplicates),
    String(q.inBursts),
    q.gps ? `${q.gps.clustered}/${q.gps.points}` : '—',
  ];
}

/** The quality page: one row per enumerator, flagged ones first, every flag's reason listed (names and reasons escaped). */
export function qualityHtml(report: QualityReport, lang: Lang): SafeHtml {
  const h = QUALITY_HEADINGS[lang];
  const rows = [...report.enumerators].sort((a, b) => b.flags.length - a.flags.length || a.enumerator.localeCompare(b.enumerator));
  const heads = [h.enumerator, h.interviews, h.median, h.speeders, h.straight, h.nonresponse, h.duplicates, h.bursts, h.gps, h.flags];
  return html`<h1>${h.title}</h1><p>${h.summary(report)}</p>
<table class="quality"><thead><tr>${heads.map((x, i) => html`<th${i > 0 && i < heads.length - 1 ? html` class="n"` : ''}>${x}</th>`)}</tr></thead><tbody>
${rows.map(
  (q) =>
    html`<tr${q.flags.length ? html` class="flagged"` : ''}>${qualityCells(q).map((cell, i) => html`<td${i ? html` class="n"` : ''}>${cell}</td>`)}<td>${
      q.flags.length ? html`<ul>${q.flags.map((f) => html`<li data-rule="${f.rule}">${f.reason}</li>`)}</ul>` : h.none
    }</td></tr>`,
)}</tbody></table>`;
}
