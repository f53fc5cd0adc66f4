import type { MultiResult } from '../analyze/estimators/estimate-multi.js';
import type { Lang } from '../locale/lang.js';
import { methodName } from '../locale/method-names.js';
import { marks } from '../locale/report-marks.js';
import { sharesWords } from '../locale/shares-words.js';
import type { BarChart } from './charts/chart-spec.js';
import { formatFixed, formatPClause, formatPercent } from './format-number.js';
import { tableBlock, type ReportBlock } from './report-document.js';
import { REPORT_TEXT } from './report-text.js';

/** The words of a 多选题 section. */

const orNull = (x: number) => (Number.isNaN(x) ? null : x);
const interval = (low: number, high: number) => `${formatPercent(low)}–${formatPercent(high)}`;

/** The narrative: most and least chosen options, choices per respondent, and options that differ by group (p < 0.05). */
export function narrateMulti(r: MultiResult, lang: Lang, weighted?: MultiResult): string {
  const all = r.groups[0];
  const order = all.options.map((_, k) => k).sort((a, b) => all.options[b].percentOfCases - all.options[a].percentOfCases);
  const { quote, aside } = marks(lang);
  const top = order.slice(0, 3).map((k) => `${quote(all.options[k].label)}${aside(formatPercent(all.options[k].percentOfCases))}`);
  const bottom = all.options[order[order.length - 1]];
  const perCase = all.responses / all.weightedN;
  const significant = r.tests.filter((t) => t.pValue < 0.05).map((t) => t.label);
  const w = weighted?.groups[0];
  const wTop = w ? w.options.map((_, k) => k).sort((a, b) => w.options[b].percentOfCases - w.options[a].percentOfCases)[0] : -1;
  return sharesWords(lang).multiStory({
    label: r.label, n: all.n, responses: formatFixed(all.responses, 0), perCase: formatFixed(perCase, 1), top,
    bottom: { label: bottom.label, share: formatPercent(bottom.percentOfCases) },
    weightedTop: w ? { label: w.options[wTop].label, share: formatPercent(w.options[wTop].percentOfCases) } : undefined,
    byLabel: r.by ? `${r.byLabel}` : undefined, significant,
  });
}

/**
 * A 多选题 section: a heading, the narrative, the multiple-response table (responses, % of
 * responses, % of cases with interval; weighted % of cases beside when the plan weights), the
 * table by group with a test per option, and a chart of % of cases (by group when `by` is given).
 */
export function multiSection(r: MultiResult, lang: Lang, options: { title?: string; weighted?: MultiResult; id: string }): ReportBlock[] {
  const t = REPORT_TEXT[lang];
  const words = sharesWords(lang);
  const m = words.multi;
  const w = options.weighted;
  const all = r.groups[0];
  const title = options.title ?? words.multiTitle(r.label);
  const rows = all.options.map((o, k) => {
    const v = w?.groups[0].options[k];
    return [o.label, formatFixed(o.count, 0), formatPercent(o.percentOfResponses), formatPercent(o.percentOfCases), interval(o.confLow, o.confHigh), ...(v ? [formatPercent(v.percentOfCases), interval(v.confLow, v.confHigh)] : [])];
  });
  rows.push([m.total, formatFixed(all.responses, 0), '100.0%', formatPercent(all.responses / all.weightedN), '', ...(w ? ['', ''] : [])]);
  const columns = [t.answer, m.responses, m.ofResponses, m.ofCases, t.ci, ...(w ? [m.weightedOfCases, t.weightedCi] : [])];
  const note = words.multiNote(all.n, all.none ? formatFixed(all.none, 0) : null, methodName('interval', r.ciMethod, lang), w ? methodName('interval', w.ciMethod, lang) : null);
  const blocks: ReportBlock[] = [
    { kind: 'heading', level: 2, text: `${m.heading}${marks(lang).colon}${r.label}` },
    { kind: 'paragraph', text: narrateMulti(r, lang, w) },
    tableBlock(title, columns, rows, { notes: [note] }),
  ];
  const groups = r.groups.slice(1);
  if (groups.length) {
    const tests = new Map(r.tests.map((x) => [String(x.code), x]));
    const testName = r.tests[0]?.test === 'rao-scott' ? m.raoScott : m.pearson;
    const byRows = all.options.map((o, k) => {
      const x = tests.get(String(o.code));
      return [o.label, ...groups.map((g) => formatPercent(g.options[k].percentOfCases)), x ? formatFixed(x.statistic, 2) : '', x ? formatPClause(x.pValue).replace(/^= /, '') : ''];
    });
    byRows.push([t.n, ...groups.map((g) => String(g.n)), '', '']);
    const byNote = words.multiByNote(`${r.byLabel}`, methodName('test', r.tests[0]?.test ?? 'pearson', lang));
    blocks.push(tableBlock(words.multiByTitle(r.label, `${r.byLabel}`), [t.answer, ...groups.map((g) => g.level), testName, 'p'], byRows, { notes: [byNote] }));
  }
  // The chart shows what the tables show first: the sample's % of cases (by group when given).
  const charted = r;
  const order = all.options.map((_, k) => k).sort((a, b) => all.options[b].percentOfCases - all.options[a].percentOfCases);
  const series = (groups.length ? charted.groups.slice(1) : [charted.groups[0]]).map((g) => ({
    name: groups.length ? g.level : '',
    values: order.map((k) => orNull(g.options[k].percentOfCases)),
    low: order.map((k) => orNull(g.options[k].confLow)),
    high: order.map((k) => orNull(g.options[k].confHigh)),
  }));
  const chart: BarChart = { type: 'bars', title, categories: order.map((k) => all.options[k].label), series, axisLabel: `${m.ofCases} (%)`, percent: true };
  blocks.push({ kind: 'chart', id: options.id, chart });
  return blocks;
}
