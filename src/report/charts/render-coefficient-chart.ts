import type { CoefficientChart } from './chart-spec.js';
import { baseline, coord, FONT_SIZE, INK, intervalPath, layoutRowChart, MISSING_MARK, PALETTE, svgDocument, svgText, verticalLine } from './layout-row-chart.js';
import { niceTicks } from './nice-ticks.js';

const ROW_HEIGHT = 28;
const DOT_RADIUS = 4;
const CAP = 4;

/**
 * Draws a coefficient plot as SVG: a dot and a horizontal interval per term, terms top to bottom
 * in the given order, with a dashed line where "no association" lies (0, or 1 for odds ratios).
 * @example renderCoefficientChart({ type: 'coefficients', title: '影响因素', terms: ['年龄', '收入'], estimate: [0.2, -0.1], low: [0.1, -0.3], high: [0.3, 0.1], axisLabel: '系数', reference: 0 })
 */
export function renderCoefficientChart(chart: CoefficientChart): string {
  const drawn = [...chart.estimate, ...chart.low, ...chart.high, chart.reference].filter(Number.isFinite);
  const layout = layoutRowChart({
    title: chart.title,
    rows: chart.terms,
    rowHeight: ROW_HEIGHT,
    ticks: niceTicks(Math.min(...drawn), Math.max(...drawn)),
    formatTick: String,
    axisLabel: chart.axisLabel,
    rightMargin: 16,
  });
  const { x, rowCenter } = layout;
  const reference = x(chart.reference);
  const marks = [verticalLine(reference, layout.plotTop, layout.plotBottom, `stroke="${INK.muted}" stroke-width="1" stroke-dasharray="4 3"`)];
  const colour = PALETTE[0];
  chart.terms.forEach((_, i) => {
    const [estimate, low, high] = [chart.estimate[i], chart.low[i], chart.high[i]];
    const y = rowCenter(i);
    if (!Number.isFinite(estimate)) {
      // A term the model could not estimate (e.g. aliased) still gets its row, marked missing.
      marks.push(svgText(reference + 6, baseline(y, FONT_SIZE.value), MISSING_MARK, `font-size="${FONT_SIZE.value}" fill="${INK.muted}"`));
      return;
    }
    if (Number.isFinite(low) && Number.isFinite(high)) marks.push(intervalPath(x(low), x(high), y, CAP, colour, 1.5));
    marks.push(`<circle cx="${coord(x(estimate))}" cy="${coord(y)}" r="${DOT_RADIUS}" fill="${colour}"/>`);
  });
  return svgDocument(layout, chart.title, marks);
}
