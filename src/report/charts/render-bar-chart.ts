import { formatFixed, formatPercent } from '../format-number.js';
import type { BarChart } from './chart-spec.js';
import { baseline, coord, FONT_SIZE, INK, intervalPath, layoutRowChart, MISSING_MARK, PALETTE, svgDocument, svgText, verticalLine } from './layout-row-chart.js';
import { niceTicks } from './nice-ticks.js';
import { textWidth } from './svg-text.js';

const BAR = 14;
const BAR_GAP = 2;
const ROW_PAD = 8;
const VALUE_GAP = 5;
const CAP = 4;

/**
 * Draws a bar chart as SVG: horizontal bars, one row per category, series side by side with CI
 * whiskers, value labels at the bar ends and a legend when there are several series.
 * @example renderBarChart({ type: 'bars', title: '满意比例', categories: ['城市', '农村'], series: [{ name: '', values: [0.62, 0.45] }], axisLabel: '满意比例 (%)', percent: true })
 */
export function renderBarChart(chart: BarChart): string {
  // Percent charts put proportions on a 0–100 axis (differences, which can be negative, on an
  // axis that fits them); the labels still read the proportion.
  const unit = chart.percent ? 100 : 1;
  const drawn = chart.series.flatMap((s) => [...s.values, ...(s.low ?? []), ...(s.high ?? [])]).filter(isNumber).map((v) => v * unit);
  const shares = chart.percent && drawn.every((v) => v >= 0);
  const ticks = niceTicks(Math.min(0, ...drawn), Math.max(shares ? 100 : 0, ...drawn));
  const span = ticks[ticks.length - 1] - ticks[0];
  const digits = span >= 100 ? 0 : span >= 10 ? 1 : 2;
  const valueLabel = (v: number) => (chart.percent ? formatPercent(v, 1) : formatFixed(v, digits));
  const widest = Math.max(0, ...chart.series.flatMap((s) => s.values.filter(isNumber).map((v) => textWidth(valueLabel(v), FONT_SIZE.value))));

  const k = chart.series.length;
  const groupHeight = k * BAR + (k - 1) * BAR_GAP;
  const layout = layoutRowChart({
    title: chart.title,
    rows: chart.categories,
    rowHeight: groupHeight + 2 * ROW_PAD,
    ticks,
    formatTick: String,
    axisLabel: chart.axisLabel,
    rightMargin: widest + VALUE_GAP + 16,
    legend: k > 1 ? chart.series.map((s, j) => ({ name: s.name, colour: PALETTE[j % PALETTE.length] })) : undefined,
  });
  const { x, rowCenter } = layout;
  const zero = x(0);
  const marks = [verticalLine(zero, layout.plotTop, layout.plotBottom, `stroke="${INK.axis}" stroke-width="1"`)];
  chart.categories.forEach((_, i) => {
    chart.series.forEach((series, j) => {
      const y = rowCenter(i) - groupHeight / 2 + j * (BAR + BAR_GAP) + BAR / 2;
      const value = series.values[i];
      if (!isNumber(value)) {
        marks.push(svgText(zero + VALUE_GAP, baseline(y, FONT_SIZE.value), MISSING_MARK, `font-size="${FONT_SIZE.value}" fill="${INK.muted}"`));
        return;
      }
      const end = x(value * unit);
      marks.push(`<rect x="${coord(Math.min(zero, end))}" y="${coord(y - BAR / 2)}" width="${coord(Math.abs(end - zero))}" height="${BAR}" fill="${PALETTE[j % PALETTE.length]}"/>`);
      const [low, high] = [series.low?.[i], series.high?.[i]];
      if (isNumber(low) && isNumber(high)) marks.push(intervalPath(x(low * unit), x(high * unit), y, CAP, INK.text, 1));
      // The label sits right of whatever reaches furthest: the bar, its whisker or, for a negative
      // bar, the zero line (its row is empty there, and the row labels are to the left).
      const labelX = Math.max(zero, end, isNumber(high) ? x(high * unit) : end) + VALUE_GAP;
      marks.push(svgText(labelX, baseline(y, FONT_SIZE.value), valueLabel(value), `font-size="${FONT_SIZE.value}" fill="${INK.text}"`));
    });
  });
  return svgDocument(layout, chart.title, marks);
}

function isNumber(value: number | null | undefined): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}
