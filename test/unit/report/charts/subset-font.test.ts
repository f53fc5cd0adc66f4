import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Resvg } from '@resvg/resvg-js';
import { afterAll, describe, expect, it } from 'vitest';
import { readFontFamilies } from '../../../../src/report/charts/read-font-families.js';
import { escapeXml } from '../../../../src/io/escape-xml.js';
import { subsetFont } from '../../../../src/report/charts/subset-font.js';

const dir = mkdtempSync(join(tmpdir(), 'survey-subset-test-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** One character per cell, so that no kerning (which a subset drops) moves anything. */
function glyphGrid(family: string, text: string): string {
  const cells = Array.from(text).map((char, i) => `<text x="${10 + 30 * (i % 20)}" y="${30 + 34 * Math.floor(i / 20)}">${escapeXml(char)}</text>`);
  return `<svg xmlns="http://www.w3.org/2000/svg" width="620" height="${40 + 34 * Math.ceil(text.length / 20)}" font-size="24" font-family="'${family}'"><rect width="100%" height="100%" fill="#fff"/>${cells.join('')}</svg>`;
}

function pixels(svg: string, fontFile: string, family: string): Buffer {
  return new Resvg(svg, { font: { loadSystemFonts: false, fontFiles: [fontFile], defaultFontFamily: family } }).render().pixels;
}

const cases = [
  { name: 'CID-keyed CFF collection (Noto Sans CJK SC)', file: '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc', face: 2, text: '满意比例城市农村（对照：城市），。、“”%0123456789.—…&<>log收入' },
  { name: 'TrueType with composite glyphs and a format-4 cmap (Liberation Sans)', file: '/usr/share/fonts/truetype/liberation2/LiberationSans-Regular.ttf', face: 0, text: 'ÉéèàçüñÅØ Mean fi 0.55%' },
  { name: 'TrueType CJK (Droid Sans Fallback)', file: '/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf', face: 0, text: '满意比例城市农村（对照：城市）' },
];

describe('font subsets', () => {
  for (const { name, file, face, text } of cases) {
    it.runIf(existsSync(file))(`draw exactly as the whole font: ${name}`, () => {
      const font = readFileSync(file);
      const subset = subsetFont(font, face, text);
      expect(subset).not.toBeNull();
      expect((subset as Buffer).length).toBeLessThan(font.length / 10);
      const subsetFile = join(dir, `${face}-${name.length}.font`);
      writeFileSync(subsetFile, subset as Buffer);
      const family = readFontFamilies(file)[face] as string;
      expect(readFontFamilies(subsetFile)).toEqual([family]);
      const svg = glyphGrid(family, text);
      const whole = pixels(svg, file, family);
      expect(whole.equals(pixels(glyphGrid(family, ''), file, family))).toBe(false); // the text did draw
      expect(pixels(svg, subsetFile, family).equals(whole)).toBe(true);
    });
  }

  it.runIf(existsSync(cases[1].file))('keep the components of composite glyphs', () => {
    const font = readFileSync(cases[1].file);
    const numGlyphs = (subset: Buffer) => {
      const tables = subset.readUInt16BE(4);
      for (let i = 0; i < tables; i++) {
        if (subset.toString('latin1', 12 + 16 * i, 16 + 16 * i) === 'maxp') return subset.readUInt16BE(subset.readUInt32BE(20 + 16 * i) + 4);
      }
      return 0;
    };
    // É is built from E and an acute accent: three glyphs besides .notdef for one character.
    expect(numGlyphs(subsetFont(font, 0, 'É') as Buffer)).toBeGreaterThan(2);
    expect(numGlyphs(subsetFont(font, 0, 'E') as Buffer)).toBe(2);
  });

  it('returns null for what is not a font it can cut', () => {
    expect(subsetFont(Buffer.from('not a font at all'), 0, 'abc')).toBeNull();
    expect(subsetFont(readFileSync(cases[0].file), 99, 'abc')).toBeNull();
  });
});
