import { formatFixed, formatPercent } from '../format-number.js';
import type { TrendChart } from './chart-spec.js';
import { baseline, CHART_WIDTH, coord, drawLegend, FONT_SIZE, INK, PALETTE, svgDocument, svgText } from './layout-row-chart.js';
import { niceTicks } from './nice-ticks.js';
import { textWidth, wrapText } from './svg-text.js';

const PAD = 16;
const TITLE_LINE = 23;
const LABEL_LINE = 17;
const PLOT_HEIGHT = 300;
const TICK_GAP = 6;
const DOT_RADIUS = 4;
const CAP = 4;
/** Horizontal offset between the series at one wave, px, so that their error bars do not overlap. */
const DODGE = 12;

const isNumber = (v: number | null | undefined): v is number => typeof v === 'number' && Number.isFinite(v);

/** A vertical interval from y1 to y2 at x with end caps: an error bar. */
function errorBar(x: number, y1: number, y2: number, colour: string): string {
  const [left, right] = [coord(x - CAP), coord(x + CAP)];
  return `<path d="M${coord(x)} ${coord(y1)}V${coord(y2)}M${left} ${coord(y1)}H${right}M${left} ${coord(y2)}H${right}" fill="none" stroke="${colour}" stroke-width="1.5"/>`;
}

/**
 * Draws a trend over waves as SVG: waves left to right, a value axis on the left fitted to the
 * estimates and their intervals (a trend is read as change, so the axis need not start at zero),
 * one coloured line of points per group with its CI as an error bar and the value beside the
 * point, and a legend when there are several groups. A wave without the estimate leaves a gap.
 * @example renderTrendChart({ type: 'trend', title: '幸福比例', waves: ['2023年', '2024年', '2025年'], series: [{ name: '', values: [0.5, 0.52, 0.56], low: [0.49, 0.51, 0.55], high: [0.51, 0.53, 0.57] }], axisLabel: '比例 (%)', percent: true })
 */
export function renderTrendChart(chart: TrendChart): string {
  const width = CHART_WIDTH;
  const unit = chart.percent ? 100 : 1;
  const drawn = chart.series.flatMap((s) => [...s.values, ...(s.low ?? []), ...(s.high ?? [])]).filter(isNumber).map((v) => v * unit);
  const ticks = drawn.length ? niceTicks(Math.min(...drawn), Math.max(...drawn)) : [0, 1];
  const span = ticks[ticks.length - 1] - ticks[0];
  const digits = chart.percent ? 1 : span >= 100 ? 0 : span >= 10 ? 1 : 2;
  const valueLabel = (v: number) => (chart.percent ? formatPercent(v, digits) : formatFixed(v, digits));
  const frame: string[] = [];

  const titleLines = chart.title ? wrapText(chart.title, FONT_SIZE.title, width - 2 * PAD, 3) : [];
  titleLines.forEach((line, i) => frame.push(svgText(width / 2, PAD + FONT_SIZE.title + i * TITLE_LINE, line, `text-anchor="middle" font-size="${FONT_SIZE.title}" fill="${INK.text}"`)));
  let top = PAD + titleLines.length * TITLE_LINE + 8;

  const tickWidth = Math.max(...ticks.map((t) => textWidth(String(t), FONT_SIZE.value)));
  const plotLeft = PAD + Math.ceil(tickWidth) + TICK_GAP;
  const widestValue = Math.max(0, ...chart.series.flatMap((s) => s.values.filter(isNumber).map((v) => textWidth(valueLabel(v), FONT_SIZE.value))));
  const plotRight = width - PAD - Math.ceil(widestValue / 2);
  const k = chart.series.length;
  if (k > 1) top = drawLegend(frame, chart.series.map((s, j) => ({ name: s.name, colour: PALETTE[j % PALETTE.length] })), plotLeft, top, width - PAD);
  if (chart.axisLabel) {
    top += FONT_SIZE.label;
    frame.push(svgText(PAD, top, chart.axisLabel, `font-size="${FONT_SIZE.label}" fill="${INK.text}"`));
    top += 8;
  }
  const plotTop = top + 4;
  const plotBottom = plotTop + PLOT_HEIGHT;
  const [low, high] = [ticks[0], ticks[ticks.length - 1]];
  const y = (value: number) => plotBottom - ((value * unit - low) / (high - low)) * PLOT_HEIGHT;
  const step = (plotRight - plotLeft) / Math.max(1, chart.waves.length);
  const center = (i: number) => plotLeft + (i + 0.5) * step;
  const dodge = Math.min(DODGE, step / (k + 1));
  const offset = (j: number) => (j - (k - 1) / 2) * dodge;

  for (const tick of ticks) {
    const at = plotBottom - ((tick - low) / (high - low)) * PLOT_HEIGHT;
    frame.push(`<line x1="${coord(plotLeft)}" y1="${coord(at)}" x2="${coord(plotRight)}" y2="${coord(at)}" stroke="${INK.grid}" stroke-width="1"/>`);
    frame.push(svgText(plotLeft - TICK_GAP, baseline(at, FONT_SIZE.value), String(tick), `text-anchor="end" font-size="${FONT_SIZE.value}" fill="${INK.muted}"`));
  }
  frame.push(`<line x1="${coord(plotLeft)}" y1="${coord(plotBottom)}" x2="${coord(plotRight)}" y2="${coord(plotBottom)}" stroke="${INK.axis}" stroke-width="1"/>`);
  let labelLines = 1;
  chart.waves.forEach((wave, i) => {
    const lines = wrapText(wave, FONT_SIZE.label, step - 8, 2);
    labelLines = Math.max(labelLines, lines.length);
    lines.forEach((line, l) => frame.push(svgText(center(i), plotBottom + 18 + l * LABEL_LINE, line, `text-anchor="middle" font-size="${FONT_SIZE.label}" fill="${INK.text}"`)));
  });
  const height = Math.ceil(plotBottom + 18 + (labelLines - 1) * LABEL_LINE + PAD);

  const marks: string[] = [];
  chart.series.forEach((series, j) => {
    const colour = PALETTE[j % PALETTE.length];
    const points = series.values.map((v, i) => (isNumber(v) ? { i, v, x: center(i) + offset(j) } : null));
    // The line joins consecutive waves only: a wave without the estimate breaks it.
    const path = points.map((p, i) => (p ? `${points[i - 1] ? 'L' : 'M'}${coord(p.x)} ${coord(y(p.v))}` : '')).join('');
    if (/L/.test(path)) marks.push(`<path d="${path}" fill="none" stroke="${colour}" stroke-width="2"/>`);
    for (const p of points) {
      if (!p) continue;
      const [lo, hi] = [series.low?.[p.i], series.high?.[p.i]];
      if (isNumber(lo) && isNumber(hi)) marks.push(errorBar(p.x, y(lo), y(hi), colour));
      marks.push(`<circle cx="${coord(p.x)}" cy="${coord(y(p.v))}" r="${DOT_RADIUS}" fill="${colour}"/>`);
    }
  });
  // Value labels last, above right of their point on a white ground, so that no line crosses them.
  chart.series.forEach((series, j) => series.values.forEach((v, i) => {
    if (!isNumber(v)) return;
    const [x0, y0] = [center(i) + offset(j) + DOT_RADIUS, y(v) - DOT_RADIUS - 9];
    const text = valueLabel(v);
    marks.push(`<rect x="${coord(x0)}" y="${coord(y0 - 8)}" width="${coord(textWidth(text, FONT_SIZE.value) + 2)}" height="16" fill="#ffffff" fill-opacity="0.85"/>`);
    marks.push(svgText(x0 + 1, baseline(y0, FONT_SIZE.value), text, `font-size="${FONT_SIZE.value}" fill="${INK.text}"`));
  }));
  return svgDocument({ width, height, frame }, chart.title, marks);
}
