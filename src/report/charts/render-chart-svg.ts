import type { Chart } from './chart-spec.js';
import { renderBarChart } from './render-bar-chart.js';
import { renderCoefficientChart } from './render-coefficient-chart.js';
import { renderTrendChart } from './render-trend-chart.js';

/**
 * Draws any report chart as a standalone SVG document (800 px wide); the same chart always gives
 * the same bytes.
 * @example writeFileSync('charts/happiness.svg', renderChartSvg(chart))
 */
export function renderChartSvg(chart: Chart): string {
  if (chart.type === 'trend') return renderTrendChart(chart);
  return chart.type === 'bars' ? renderBarChart(chart) : renderCoefficientChart(chart);
}
