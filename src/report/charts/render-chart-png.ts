import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { renderAsync } from '@resvg/resvg-js';
import { encodePng } from './encode-png.js';
import { CJK_FONT_VARIABLE, requireCjkFont, type CjkFont } from './find-cjk-font.js';
import { subsetFont } from './subset-font.js';

/** How to draw PNGs. */
export interface ChartPngOptions {
  /** Pixels per SVG px: 2 (the default) prints crisply in Word and Excel. */
  scale?: number;
  /** The font to draw text with; found once per process (see chartFont) when omitted. */
  font?: CjkFont;
}

/** A drawn chart and its size in pixels. */
export interface ChartPng {
  png: Buffer;
  width: number;
  height: number;
}

let found: { variable: string | undefined; font: CjkFont } | undefined;
let fontData: { file: string; data: Buffer } | undefined;

/** The CJK font charts are drawn with, looked up once per process (again only if SURVEY_CJK_FONT changes). */
export function chartFont(): CjkFont {
  const variable = process.env[CJK_FONT_VARIABLE];
  if (!found || found.variable !== variable) found = { variable, font: requireCjkFont() };
  return found.font;
}

/**
 * Starts reading the chart font (a 20 MB collection) on the thread pool, so that charts drawn later
 * find it in memory instead of reading it on the main thread (`survey run` starts this before
 * cleaning). Without a font this does nothing: drawing reports it.
 */
export function prefetchChartFont(): void {
  let font: CjkFont;
  try {
    font = chartFont();
  } catch {
    return;
  }
  if (fontData?.file === font.file) return;
  readFile(font.file).then(
    (data) => {
      if (fontData?.file !== font.file) fontData = { file: font.file, data };
    },
    // An unreadable file is read again, and reported, when the charts are drawn.
    () => undefined,
  );
}

/**
 * Draws a chart SVG as a PNG for Excel and Word, at twice its size by default. Rejects with
 * MissingFontError when there is no CJK font, since resvg would draw the chart without any text.
 * @example const { png, width, height } = await renderChartPng(renderChartSvg(chart)) // width 1600
 */
export async function renderChartPng(svg: string, options: ChartPngOptions = {}): Promise<ChartPng> {
  return (await renderChartsPng([svg], options))[0];
}

/**
 * Draws several chart SVGs as PNGs with one font subset between them, on the thread pool (resvg's
 * renderAsync, then zlib), so the main thread can go on meanwhile. resvg-js reads its font file
 * again for every glyph it draws, so the text is drawn from a temporary font holding only the
 * characters these charts use (about 100 kB instead of a 20 MB collection; see subsetFont). Only
 * that font is loaded: loading the system fonts would take longer still.
 */
export async function renderChartsPng(svgs: readonly string[], options: ChartPngOptions = {}): Promise<ChartPng[]> {
  const font = options.font ?? chartFont();
  if (fontData?.file !== font.file) fontData = { file: font.file, data: readFileSync(font.file) };
  // Markup characters are included so that escaped ones (&lt; …) are covered too.
  const subset = subsetFont(fontData.data, font.face, `${svgs.join('')}&<>"'`);
  const dir = subset ? mkdtempSync(join(tmpdir(), 'survey-font-')) : null;
  try {
    const fontFile = dir ? join(dir, 'chart-font.otf') : font.file;
    if (dir && subset) writeFileSync(fontFile, subset);
    const render = {
      font: { loadSystemFonts: false, fontFiles: [fontFile], defaultFontFamily: font.family, sansSerifFamily: font.family },
      fitTo: { mode: 'zoom' as const, value: options.scale ?? 2 },
      // Opaque, so the premultiplied pixels resvg hands back are plain RGBA.
      background: 'white',
      logLevel: 'off' as const,
    };
    return await Promise.all(
      svgs.map(async (svg) => {
        const image = await renderAsync(svg, render);
        return { png: await encodePng(image.pixels, image.width, image.height), width: image.width, height: image.height };
      }),
    );
  } finally {
    if (dir) rmSync(dir, { recursive: true, force: true });
  }
}
