import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { Resvg } from '@resvg/resvg-js';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { MissingFontError } from '../../../../src/report/charts/find-cjk-font.js';
import { chartFont, renderChartPng, renderChartsPng } from '../../../../src/report/charts/render-chart-png.js';
import { renderChartSvg } from '../../../../src/report/charts/render-chart-svg.js';
import { darkPixels, decodePng } from './decode-png.js';
import { oddsRatios, sharesByGroup } from './sample-charts.js';

const svgHeight = (svg: string) => Number(/height="(\d+)"/.exec(svg)?.[1]);
/** Rows of a 2× PNG that hold the title (and nothing else: the legend starts below). */
const TITLE_BAND = [0, 88] as const;

afterEach(() => {
  vi.unstubAllEnvs();
});

describe('chart PNG', () => {
  it('is drawn at twice the SVG size, with the Chinese title in dark pixels', async () => {
    const svg = renderChartSvg(sharesByGroup);
    const { png, width, height } = await renderChartPng(svg);
    expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    expect([width, height]).toEqual([1600, 2 * svgHeight(svg)]);
    const image = decodePng(png);
    expect([image.width, image.height]).toEqual([width, height]);
    const withTitle = darkPixels(image, ...TITLE_BAND);
    // A blank title keeps its line, so everything else stays where it was.
    const withoutTitle = darkPixels(decodePng((await renderChartPng(renderChartSvg({ ...sharesByGroup, title: ' ' }))).png), ...TITLE_BAND);
    expect(withoutTitle).toBe(0);
    expect(withTitle).toBeGreaterThan(2000);
  });

  it('draws the same pixels from the font subset as from the whole font file', async () => {
    const svg = renderChartSvg(oddsRatios);
    const font = chartFont();
    const whole = new Resvg(svg, {
      font: { loadSystemFonts: false, fontFiles: [font.file], defaultFontFamily: font.family, sansSerifFamily: font.family },
      fitTo: { mode: 'zoom', value: 2 },
    }).render();
    const ours = decodePng((await renderChartPng(svg)).png);
    expect(ours.channels).toBe(4);
    expect(ours.data.equals(whole.pixels)).toBe(true);
  });

  it('draws several charts with one subset and leaves no temporary files', async () => {
    // A private TMPDIR: other test files running at the same time make survey-font-* folders of their own.
    const privateTmp = mkdtempSync(join(tmpdir(), 'chart-test-'));
    vi.stubEnv('TMPDIR', privateTmp);
    try {
      const svgs = [renderChartSvg(sharesByGroup), renderChartSvg(oddsRatios)];
      const many = await renderChartsPng(svgs);
      expect(many.map((p) => p.height)).toEqual(svgs.map((svg) => 2 * svgHeight(svg)));
      expect(many[1].png.equals((await renderChartPng(svgs[1])).png)).toBe(true);
      expect(readdirSync(privateTmp)).toEqual([]);
    } finally {
      vi.unstubAllEnvs();
      rmSync(privateTmp, { recursive: true, force: true });
    }
  });

  it('fails clearly, naming SURVEY_CJK_FONT, when it points to a missing file', async () => {
    vi.stubEnv('SURVEY_CJK_FONT', '/nonexistent/font.ttc');
    const render = () => renderChartPng(renderChartSvg(oddsRatios));
    await expect(render()).rejects.toThrow(MissingFontError);
    await expect(render()).rejects.toThrow('SURVEY_CJK_FONT=/nonexistent/font.ttc: no such font file');
  });
});
