/**
 * The frame every chart of the report shares: title, optional legend, one labelled row per
 * category or term, vertical gridlines, a value axis along the bottom and its caption. The bar and
 * coefficient renderers lay out a frame, then draw their marks on it.
 */
import { escapeXml } from '../../io/escape-xml.js';
import { textWidth, wrapText } from './svg-text.js';

/** Width of every chart, px; the height follows from the number of rows. */
export const CHART_WIDTH = 800;

/** Fonts with Chinese glyphs, common on Linux, Windows and macOS; the PNG renderer maps sans-serif to the font it found. */
export const FONT_FAMILY = "'Noto Sans CJK SC', 'Source Han Sans SC', 'Microsoft YaHei', 'PingFang SC', 'SimHei', sans-serif";

/** Okabe–Ito colours, distinct under the common colour-vision deficiencies; yellow last, being faint on white. */
export const PALETTE = ['#0072B2', '#E69F00', '#009E73', '#D55E00', '#CC79A7', '#56B4E9', '#000000', '#F0E442'] as const;

/** Colours of text and lines the marks share with the frame. */
export const INK = { text: '#222222', muted: '#666666', axis: '#999999', grid: '#e3e3e3' } as const;

/** What a missing value shows where its mark would be. */
export const MISSING_MARK = '—';

/** Font sizes, px. The title is set larger rather than bold: the PNG renderer loads the regular weight only. */
export const FONT_SIZE = { title: 17, label: 13, value: 12 } as const;

const PAD = 16;
const TITLE_MAX_LINES = 3;
/** Line heights, px. */
const LINE = { title: 23, label: 17, legend: 20 } as const;
/** Wider row labels wrap onto a second line and are then cut with … (the full text stays in a <title>). */
const LABEL = { maxWidth: Math.round(CHART_WIDTH * 0.35), maxLines: 2, gap: 10 } as const;
const LEGEND = { swatch: 12, itemGap: 20 } as const;
/** Heights of the tick labels' band and of the caption's band under the plot, px. */
const BAND = { ticks: 18, caption: 22 } as const;

/** What a frame shows, apart from the marks. */
export interface RowChartSpec {
  title: string;
  /** Row labels, top to bottom. */
  rows: readonly string[];
  /** Least height of a row, px; rows grow to fit wrapped labels. */
  rowHeight: number;
  /** Axis ticks in value units; the first and last are the ends of the axis. */
  ticks: readonly number[];
  /** How a tick is printed. */
  formatTick: (tick: number) => string;
  axisLabel: string;
  /** Room right of the plot for labels drawn past the marks, px. */
  rightMargin: number;
  /** Legend entries; none for a single series. */
  legend?: readonly { name: string; colour: string }[];
}

/** Where things are in a laid-out frame, and the frame's SVG. */
export interface RowChartLayout {
  width: number;
  height: number;
  /** Width of the row-label column, px (the longest label, up to a cap). */
  labelWidth: number;
  plotLeft: number;
  plotRight: number;
  plotTop: number;
  plotBottom: number;
  rowHeight: number;
  /** Horizontal position of a value. */
  x: (value: number) => number;
  /** Vertical centre of row `i`. */
  rowCenter: (i: number) => number;
  /** Title, legend, gridlines, row labels and axis: drawn beneath the marks. */
  frame: string[];
}

/** A number as SVG attribute text: two decimals at most, never -0, so output is byte-stable. */
export function coord(value: number): string {
  return String(Math.round(value * 100) / 100 + 0);
}

/** A `<text>` element; `attributes` is raw SVG (e.g. `text-anchor="end"`). */
export function svgText(x: number, y: number, text: string, attributes: string): string {
  return `<text x="${coord(x)}" y="${coord(y)}" ${attributes}>${escapeXml(text)}</text>`;
}

/** Baseline that centres text of a font size on `y` (resvg ignores dominant-baseline). */
export function baseline(y: number, fontSize: number): number {
  return y + fontSize * 0.35;
}

/** A vertical line across the plot at `x`; `attributes` is raw SVG (stroke, dash). */
export function verticalLine(x: number, top: number, bottom: number, attributes: string): string {
  return `<line x1="${coord(x)}" y1="${coord(top)}" x2="${coord(x)}" y2="${coord(bottom)}" ${attributes}/>`;
}

/** A horizontal interval from x1 to x2 at y with end caps `cap` px high either side: a CI whisker. */
export function intervalPath(x1: number, x2: number, y: number, cap: number, stroke: string, strokeWidth: number): string {
  const [a, b, top, bottom] = [coord(x1), coord(x2), coord(y - cap), coord(y + cap)];
  return `<path d="M${a} ${coord(y)}H${b}M${a} ${top}V${bottom}M${b} ${top}V${bottom}" fill="none" stroke="${stroke}" stroke-width="${strokeWidth}"/>`;
}

/** Lays out the shared frame of a chart with one row per label. */
export function layoutRowChart(spec: RowChartSpec): RowChartLayout {
  const width = CHART_WIDTH;
  const frame: string[] = [];

  const titleLines = spec.title ? wrapText(spec.title, FONT_SIZE.title, width - 2 * PAD, TITLE_MAX_LINES) : [];
  titleLines.forEach((line, i) => frame.push(svgText(width / 2, PAD + FONT_SIZE.title + i * LINE.title, line, `text-anchor="middle" font-size="${FONT_SIZE.title}" fill="${INK.text}"`)));
  let top = PAD + titleLines.length * LINE.title + 8;

  const labels = spec.rows.map((row) => wrapText(row, FONT_SIZE.label, LABEL.maxWidth, LABEL.maxLines));
  const labelWidth = Math.ceil(Math.max(0, ...labels.flat().map((line) => textWidth(line, FONT_SIZE.label))));
  const plotLeft = PAD + labelWidth + LABEL.gap;
  const lastTick = spec.formatTick(spec.ticks[spec.ticks.length - 1]);
  const plotRight = width - Math.max(spec.rightMargin, PAD + textWidth(lastTick, FONT_SIZE.value) / 2);

  if (spec.legend) top = drawLegend(frame, spec.legend, plotLeft, top, width - PAD);
  const plotTop = top + 4;
  const rowHeight = Math.max(spec.rowHeight, Math.max(1, ...labels.map((l) => l.length)) * LINE.label + 8);
  const plotBottom = plotTop + spec.rows.length * rowHeight;
  const rowCenter = (i: number) => plotTop + (i + 0.5) * rowHeight;
  const [low, high] = [spec.ticks[0], spec.ticks[spec.ticks.length - 1]];
  const x = (value: number) => plotLeft + ((value - low) / (high - low)) * (plotRight - plotLeft);

  for (const tick of spec.ticks) {
    frame.push(verticalLine(x(tick), plotTop, plotBottom, `stroke="${INK.grid}" stroke-width="1"`));
    frame.push(svgText(x(tick), plotBottom + BAND.ticks, spec.formatTick(tick), `text-anchor="middle" font-size="${FONT_SIZE.value}" fill="${INK.muted}"`));
  }
  frame.push(`<line x1="${coord(plotLeft)}" y1="${coord(plotBottom)}" x2="${coord(plotRight)}" y2="${coord(plotBottom)}" stroke="${INK.axis}" stroke-width="1"/>`);
  labels.forEach((lines, i) => frame.push(rowLabel(spec.rows[i], lines, plotLeft - LABEL.gap, rowCenter(i))));

  let height = plotBottom + BAND.ticks;
  if (spec.axisLabel) {
    height += BAND.caption;
    frame.push(svgText((plotLeft + plotRight) / 2, height, spec.axisLabel, `text-anchor="middle" font-size="${FONT_SIZE.label}" fill="${INK.text}"`));
  }
  height = Math.ceil(height + PAD - 4);
  return { width, height, labelWidth, plotLeft, plotRight, plotTop, plotBottom, rowHeight, x, rowCenter, frame };
}

/** Draws legend entries left to right from `left`, wrapping at `right`; returns the y below it. */
export function drawLegend(frame: string[], entries: readonly { name: string; colour: string }[], left: number, top: number, right: number): number {
  let x = left;
  let y = top;
  for (const { name, colour } of entries) {
    const itemWidth = LEGEND.swatch + 6 + textWidth(name, FONT_SIZE.label);
    if (x > left && x + itemWidth > right) [x, y] = [left, y + LINE.legend];
    frame.push(`<rect x="${coord(x)}" y="${coord(y + 3)}" width="${LEGEND.swatch}" height="${LEGEND.swatch}" fill="${colour}"/>`);
    frame.push(svgText(x + LEGEND.swatch + 6, baseline(y + 9, FONT_SIZE.label), name, `font-size="${FONT_SIZE.label}" fill="${INK.text}"`));
    x += itemWidth + LEGEND.itemGap;
  }
  return y + LINE.legend + 4;
}

/** A right-aligned row label of one or more lines centred on `y`; cut text keeps its full form in a <title>. */
function rowLabel(full: string, lines: readonly string[], right: number, y: number): string {
  const first = y - ((lines.length - 1) * LINE.label) / 2;
  const texts = lines.map((line, i) => svgText(right, baseline(first + i * LINE.label, FONT_SIZE.label), line, `text-anchor="end" font-size="${FONT_SIZE.label}" fill="${INK.text}"`));
  const cut = lines.join('').replace(/\s/g, '') !== full.replace(/\s/g, '');
  return cut ? `<g><title>${escapeXml(full)}</title>${texts.join('')}</g>` : texts.join('\n');
}

/** A standalone SVG document: white background, the frame, then the marks on top. */
export function svgDocument(layout: Pick<RowChartLayout, 'width' | 'height' | 'frame'>, title: string, marks: readonly string[]): string {
  const { width, height } = layout;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="${FONT_FAMILY}" role="img">`,
    `<title>${escapeXml(title)}</title>`,
    `<rect width="${width}" height="${height}" fill="#ffffff"/>`,
    ...layout.frame,
    ...marks,
    '</svg>',
    '',
  ].join('\n');
}
