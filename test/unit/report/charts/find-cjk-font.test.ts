import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { formatError } from '../../../../src/core/errors.js';
import { findCjkFont, MissingFontError, requireCjkFont } from '../../../../src/report/charts/find-cjk-font.js';
import { readFontFamilies } from '../../../../src/report/charts/read-font-families.js';

const hasFontconfig = (() => {
  try {
    execFileSync('fc-list', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();
const nowhere = { env: {}, paths: [], fcList: 'survey-test-no-such-fc-list' };

describe('finding a CJK font', () => {
  it('finds one on this machine and the Simplified Chinese face in it', () => {
    const file = findCjkFont();
    expect(file !== null && existsSync(file)).toBe(true);
    const font = requireCjkFont();
    expect(readFontFamilies(font.file)[font.face]).toBe(font.family);
    if (font.file.endsWith('NotoSansCJK-Regular.ttc')) expect(font).toMatchObject({ face: 2, family: 'Noto Sans CJK SC' });
  });

  it('takes SURVEY_CJK_FONT first, and names it when the file is missing', () => {
    const known = requireCjkFont().file;
    expect(findCjkFont({ ...nowhere, env: { SURVEY_CJK_FONT: known } })).toBe(known);
    const missing = () => findCjkFont({ env: { SURVEY_CJK_FONT: '/nonexistent/font.ttc' } });
    expect(missing).toThrow(MissingFontError);
    expect(missing).toThrow('SURVEY_CJK_FONT=/nonexistent/font.ttc: no such font file');
  });

  it('says in one line what to do when there is no font at all', () => {
    expect(findCjkFont(nowhere)).toBeNull();
    let error: unknown;
    try {
      requireCjkFont(nowhere);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(MissingFontError);
    expect((error as MissingFontError).exitCode).toBe(3);
    expect(formatError(error)).toBe('no CJK font found for chart text — install fonts-noto-cjk (Debian/Ubuntu) or set SURVEY_CJK_FONT=/path/to/font.ttc');
  });

  it('refuses a file that is not a font', () => {
    const notFont = fileURLToPath(new URL('../../../../package.json', import.meta.url));
    expect(readFontFamilies(notFont)).toEqual([]);
    expect(() => requireCjkFont({ env: { SURVEY_CJK_FONT: notFont } })).toThrow(/package\.json is not a TrueType\/OpenType font/);
  });

  it.runIf(hasFontconfig)('asks fontconfig last, for a regular font with Chinese and Latin glyphs', () => {
    const file = findCjkFont({ env: {}, paths: [] });
    expect(file).not.toBeNull();
    expect(file).not.toMatch(/DroidSansFallback|Bold/);
  });
});
