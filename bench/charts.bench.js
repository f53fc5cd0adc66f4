// Benchmark: report charts. A 9-category × 2-series bar chart and a 6-term coefficient chart drawn
// as SVG, then as PNG at 2×: the first PNG cold (font lookup, reading the font, subsetting it),
// then warm, then ten charts in one batch (one font subset between them). Prints milliseconds and
// peak RSS as JSON. Run `npm run build` first: it imports dist/.
import { chartFont, renderChartPng, renderChartsPng } from '../dist/report/charts/render-chart-png.js';
import { renderChartSvg } from '../dist/report/charts/render-chart-svg.js';
import { timed } from './measure.js';
import { bars } from './sample-bar-chart.js';

const coefficients = {
  type: 'coefficients',
  title: '生活幸福感的影响因素（有序logit，比值比）',
  terms: ['log(收入)', '医疗费用满意度', '公共服务满意度', '生态环境满意度', '农村（对照：城市）', '年龄'],
  estimate: [1.42, 1.18, 1.25, 1.09, 0.82, 0.99],
  low: [1.3, 1.1, 1.15, 1.0, 0.72, 0.97],
  high: [1.55, 1.27, 1.36, 1.19, 0.93, 1.01],
  axisLabel: '比值比 (95% 置信区间)',
  reference: 1,
};

let peak = 0;
const sample = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
const ms = async (run) => (await timed(run)).ms;
/** Median time of `times` runs, ms. */
const median = async (times, run) => {
  const all = [];
  for (let i = 0; i < times; i++) all.push(await ms(run));
  all.sort((a, b) => a - b);
  return all[times >> 1];
};
const round = (value) => +value.toFixed(1);

const svgColdMs = await ms(() => renderChartSvg(bars));
const svgBarMs = await median(50, () => renderChartSvg(bars));
const svgCoefficientMs = await median(50, () => renderChartSvg(coefficients));
const [barSvg, coefficientSvg] = [renderChartSvg(bars), renderChartSvg(coefficients)];

const pngColdMs = await ms(() => renderChartPng(barSvg));
const pngBarMs = await median(5, () => renderChartPng(barSvg));
const pngCoefficientMs = await median(5, () => renderChartPng(coefficientSvg));
const ten = Array.from({ length: 10 }, (_, i) => (i % 2 ? coefficientSvg : barSvg));
const batchMs = await median(3, () => renderChartsPng(ten));
clearInterval(sample);
peak = Math.max(peak, process.memoryUsage().rss);

console.log(JSON.stringify({
  bench: 'charts',
  font: `${chartFont().file} (${chartFont().family})`,
  svg_first_ms: round(svgColdMs),
  svg_bar_ms: round(svgBarMs),
  svg_coefficient_ms: round(svgCoefficientMs),
  png_cold_ms: round(pngColdMs),
  png_bar_warm_ms: round(pngBarMs),
  png_coefficient_warm_ms: round(pngCoefficientMs),
  png_batch_of_10_ms_per_chart: round(batchMs / 10),
  peak_rss_mb: Math.round(peak / 2 ** 20),
}));
