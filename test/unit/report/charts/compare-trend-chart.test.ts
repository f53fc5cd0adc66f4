import { describe, expect, it } from 'vitest';
import type { TrendChart } from '../../../../src/report/charts/chart-spec.js';
import { renderChartSvg } from '../../../../src/report/charts/render-chart-svg.js';

const chart: TrendChart = {
  type: 'trend',
  title: '幸福比例：历次调查',
  waves: ['2023年', '2024年', '2025年'],
  series: [
    { name: '城市', values: [0.56, 0.62, 0.63], low: [0.55, 0.61, 0.62], high: [0.57, 0.63, 0.64] },
    // 农村 was not estimated in 2024: its line breaks there.
    { name: '农村', values: [0.42, null, 0.45], low: [0.41, null, 0.44], high: [0.43, null, 0.46] },
  ],
  axisLabel: '比例 (%)',
  percent: true,
};

const attr = (el: string, name: string) => Number(new RegExp(`${name}="(-?[\\d.]+)"`).exec(el)![1]);

describe('trend chart (waves on the x axis, CIs as error bars)', () => {
  const svg = renderChartSvg(chart);
  const circles = svg.match(/<circle [^>]+>/g) ?? [];

  it('draws a point per estimate, waves left to right, higher values higher up', () => {
    expect(circles).toHaveLength(5);
    const urban = circles.slice(0, 3);
    const xs = urban.map((c) => attr(c, 'cx'));
    expect(xs[0]).toBeLessThan(xs[1]);
    expect(xs[1]).toBeLessThan(xs[2]);
    const ys = urban.map((c) => attr(c, 'cy'));
    expect(ys[1]).toBeLessThan(ys[0]);
    // The wave labels sit under the points, in order.
    const labels = ['2023年', '2024年', '2025年'].map((w) => svg.indexOf(`>${w}<`));
    expect(labels.every((at) => at > 0)).toBe(true);
    expect([...labels].sort((a, b) => a - b)).toEqual(labels);
  });

  it('gives each point its interval as a vertical error bar and its value as a label', () => {
    const bars = (svg.match(/<path d="M[\d.]+ [\d.]+V[^"]+"/g) ?? []);
    expect(bars).toHaveLength(5);
    expect(svg).toMatch(/>62\.0%</);
    expect(svg).toMatch(/>45\.0%</);
  });

  it('joins consecutive waves only: a missing wave breaks the line', () => {
    const lines = svg.match(/<path d="(M[^"]+)" fill="none" stroke="[^"]+" stroke-width="2"/g) ?? [];
    // 城市: one line through three points; 农村: none (its two points are not consecutive).
    expect(lines).toHaveLength(1);
    expect(lines[0]?.match(/L/g)).toHaveLength(2);
  });

  it('fits the axis to the estimates rather than starting at zero, and shows a legend for several groups', () => {
    expect(svg).not.toMatch(/>0<\/text>/);
    expect(svg).toMatch(/>城市</);
    expect(svg).toMatch(/>农村</);
    expect(renderChartSvg(chart)).toBe(svg);
  });
});
