/**
 * What a chart shows, independent of how it is drawn: the report model carries these, and the
 * SVG (Markdown) and PNG (Excel, Word) renderers draw them.
 */

/** One series of a bar chart: a value per category, optionally with a confidence interval. */
export interface BarSeries {
  /** Legend entry, e.g. 城市; a single unnamed series has no legend. */
  name: string;
  /** One value per category; null where the group has no data. */
  values: readonly (number | null)[];
  low?: readonly (number | null)[];
  high?: readonly (number | null)[];
}

/** Horizontal bars, one row per category, series side by side within a row (shares by domain and group). */
export interface BarChart {
  type: 'bars';
  title: string;
  categories: readonly string[];
  series: readonly BarSeries[];
  /** Axis caption, e.g. 满意比例 (%). */
  axisLabel: string;
  /** Values are proportions drawn as percentages (0–100 axis). */
  percent: boolean;
}

/** A coefficient plot: point estimates with intervals, one row per term, and a reference line. */
export interface CoefficientChart {
  type: 'coefficients';
  title: string;
  terms: readonly string[];
  estimate: readonly number[];
  low: readonly number[];
  high: readonly number[];
  axisLabel: string;
  /** Where "no association" lies: 0 for coefficients, 1 for odds ratios. */
  reference: number;
}

/**
 * A trend over waves: waves left to right on the x axis, one line of points per series (a group),
 * each point with its confidence interval as a vertical error bar.
 */
export interface TrendChart {
  type: 'trend';
  title: string;
  /** The waves, earliest first (x axis). */
  waves: readonly string[];
  /** One per group; a value (and interval) per wave, null where that wave lacks the estimate. */
  series: readonly BarSeries[];
  /** Caption of the value axis, e.g. 比例 (%). */
  axisLabel: string;
  /** Values are proportions drawn as percentages. */
  percent: boolean;
}

/** Any chart the report draws. */
export type Chart = BarChart | CoefficientChart | TrendChart;
