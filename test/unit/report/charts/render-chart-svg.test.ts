import { Resvg } from '@resvg/resvg-js';
import { describe, expect, it } from 'vitest';
import type { BarChart } from '../../../../src/report/charts/chart-spec.js';
import { CHART_WIDTH, FONT_SIZE, layoutRowChart } from '../../../../src/report/charts/layout-row-chart.js';
import { renderChartSvg } from '../../../../src/report/charts/render-chart-svg.js';
import { textWidth } from '../../../../src/report/charts/svg-text.js';
import { oddsRatios, sharesByGroup } from './sample-charts.js';

/** Every `<text>` of an SVG: its position, anchor and (still escaped) content. */
function texts(svg: string): { x: number; y: number; end: boolean; text: string }[] {
  return [...svg.matchAll(/<text x="([-\d.]+)" y="([-\d.]+)" ([^>]*)>([^<]*)<\/text>/g)].map((m) => ({ x: Number(m[1]), y: Number(m[2]), end: m[3].includes('text-anchor="end"'), text: m[4] }));
}

/** The bars: rects of the bar height. */
function bars(svg: string): { x: number; width: number }[] {
  return [...svg.matchAll(/<rect x="([-\d.]+)" y="[-\d.]+" width="([-\d.]+)" height="14"/g)].map((m) => ({ x: Number(m[1]), width: Number(m[2]) }));
}

describe('chart SVG', () => {
  it('is byte-deterministic and well-formed', () => {
    for (const chart of [sharesByGroup, oddsRatios]) {
      const svg = renderChartSvg(chart);
      expect(renderChartSvg(structuredClone(chart))).toBe(svg);
      expect(svg.startsWith(`<svg xmlns="http://www.w3.org/2000/svg" width="${CHART_WIDTH}" height=`)).toBe(true);
      expect(() => new Resvg(svg, { font: { loadSystemFonts: false } })).not.toThrow();
    }
  });

  it('carries the Chinese title, labels and legend, escaping < and &', () => {
    const svg = renderChartSvg(sharesByGroup);
    const content = texts(svg).map((t) => t.text);
    expect(content).toContain('回答“比较幸福”和“非常幸福”的比例（按地区与性别）');
    expect(content).toEqual(expect.arrayContaining(['城市', '60岁及以上', '男', '女', '比例 (%)']));
    expect(content).toContain('西部地区 &amp; &lt;其他&gt;');
    expect(svg).not.toMatch(/&(?!amp;|lt;|gt;|quot;|apos;)/);
    expect(svg).toContain("font-family=\"'Noto Sans CJK SC', 'Source Han Sans SC', 'Microsoft YaHei', 'PingFang SC', 'SimHei', sans-serif\"");
  });

  it('labels bar ends with one-decimal percentages and marks a missing value with — and no bar', () => {
    const svg = renderChartSvg(sharesByGroup);
    const content = texts(svg).map((t) => t.text);
    expect(content).toEqual(expect.arrayContaining(['62.3%', '64.1%', '55.2%', '50.0%']));
    expect(content.filter((t) => t === '—')).toHaveLength(1);
    expect(bars(svg)).toHaveLength(9 * 2 - 1);
    expect(svg.match(/<path d="M[^"]*"/g)).toHaveLength(9 * 2 - 1); // one whisker per bar
    expect(['0', '20', '40', '60', '80', '100'].every((tick) => content.includes(tick))).toBe(true);
  });

  it('keeps labels left of the bars: the label column fits the longest label', () => {
    const svg = renderChartSvg(sharesByGroup);
    const longest = Math.max(...sharesByGroup.categories.map((c) => textWidth(c, FONT_SIZE.label)));
    const layout = layoutRowChart({ title: '', rows: sharesByGroup.categories, rowHeight: 10, ticks: [0, 100], formatTick: String, axisLabel: '', rightMargin: 0 });
    expect(layout.labelWidth).toBeGreaterThanOrEqual(longest);
    const unescape = (text: string) => text.replace('&amp;', '&').replace('&lt;', '<').replace('&gt;', '>');
    const labels = texts(svg).filter((t) => t.end && sharesByGroup.categories.includes(unescape(t.text))).map((t) => ({ ...t, text: unescape(t.text) }));
    expect(labels).toHaveLength(9);
    for (const label of labels) expect(label.x - textWidth(label.text, FONT_SIZE.label)).toBeGreaterThanOrEqual(0);
    const plotLeft = Math.min(...bars(svg).map((b) => b.x));
    expect(Math.max(...labels.map((l) => l.x))).toBeLessThan(plotLeft);
    // Rows top to bottom in the given order.
    expect(labels.map((l) => l.y)).toEqual([...labels.map((l) => l.y)].sort((a, b) => a - b));
  });

  it('wraps then cuts a very long label with …, keeping the full text in a <title>', () => {
    const long = '六十岁及以上的老年人口（包括退休后返聘人员、其他无固定收入者、以及尚未在本地登记居住证的流动人口）';
    const chart: BarChart = { ...sharesByGroup, categories: [long, '城市'], series: [{ name: '', values: [0.4, 0.5] }] };
    const svg = renderChartSvg(chart);
    expect(svg).toContain(`<title>${long}</title>`);
    const lines = texts(svg).filter((t) => t.end);
    expect(lines.some((t) => t.text.endsWith('…'))).toBe(true);
    expect(Math.max(...lines.map((t) => textWidth(t.text, FONT_SIZE.label)))).toBeLessThanOrEqual(CHART_WIDTH * 0.35);
    expect(svg).not.toContain('width="12" height="12"'); // one series: no legend
  });

  it('grows in height with the rows, not in width', () => {
    const height = (chart: BarChart) => Number(/height="(\d+)"/.exec(renderChartSvg(chart))?.[1]);
    const doubled: BarChart = { ...sharesByGroup, categories: [...sharesByGroup.categories, ...sharesByGroup.categories], series: sharesByGroup.series.map((s) => ({ ...s, values: [...s.values, ...s.values], low: undefined, high: undefined })) };
    expect(height(doubled)).toBeGreaterThan(height(sharesByGroup) + 300);
  });

  it('labels a negative bar right of zero, clear of the row labels, on an axis that fits the differences', () => {
    const svg = renderChartSvg({ type: 'bars', title: '变化', categories: ['城市', '农村'], series: [{ name: '', values: [-0.12, 0.3] }], axisLabel: '百分点', percent: true });
    expect(texts(svg).map((t) => t.text)).not.toContain('100');
    const zero = Number(/<line x1="([-\d.]+)" y1="[-\d.]+" x2="\1"[^>]*stroke="#999999"/.exec(svg)?.[1]); // the vertical zero line
    const label = texts(svg).find((t) => t.text === '-12.0%');
    expect(label?.x).toBeGreaterThan(zero);
    expect(bars(svg)[0].x + bars(svg)[0].width).toBeCloseTo(zero, 6);
  });

  it('draws means on a nice axis from 0 with two-decimal labels', () => {
    const svg = renderChartSvg({ type: 'bars', title: 'Mean satisfaction', categories: ['Health cost', 'Ecology'], series: [{ name: '', values: [3.2, 4.1] }], axisLabel: 'Mean (1–5)', percent: false });
    const content = texts(svg).map((t) => t.text);
    expect(content).toEqual(expect.arrayContaining(['3.20', '4.10', '0', '5']));
  });

  it('draws a coefficient plot: a dot per estimable term, terms in order, a dashed reference line at 1', () => {
    const svg = renderChartSvg(oddsRatios);
    const dots = [...svg.matchAll(/<circle cx="([-\d.]+)" cy="([-\d.]+)"/g)].map((m) => ({ x: Number(m[1]), y: Number(m[2]) }));
    expect(dots).toHaveLength(5);
    expect(dots.map((d) => d.y)).toEqual([...dots.map((d) => d.y)].sort((a, b) => a - b));
    const labels = texts(svg).filter((t) => t.end).map((t) => t.text);
    expect(labels).toEqual(oddsRatios.terms);
    const reference = Number(/<line x1="([-\d.]+)"[^>]*stroke-dasharray/.exec(svg)?.[1]);
    const tick = texts(svg).find((t) => t.text === '1');
    expect(reference).toBeCloseTo(tick?.x ?? Number.NaN, 6);
    // The odds ratio below 1 sits left of the line, those above right of it.
    expect(dots[4].x).toBeLessThan(reference);
    expect(dots[0].x).toBeGreaterThan(reference);
    expect(texts(svg).map((t) => t.text)).toContain('—');
  });
});
