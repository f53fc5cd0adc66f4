import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { basename, win32 } from 'node:path';
import { SurveyError, type SurveyErrorOptions } from '../../core/errors.js';
import { readFontFamilies } from './read-font-families.js';

/** The environment variable that names the font file for chart text. */
export const CJK_FONT_VARIABLE = 'SURVEY_CJK_FONT';

const INSTALL_HINT = `install fonts-noto-cjk (Debian/Ubuntu) or set ${CJK_FONT_VARIABLE}=/path/to/font.ttc`;

/** No usable font for the Chinese text of charts: resvg would silently draw them without any text (exit 3). */
export class MissingFontError extends SurveyError {
  constructor(message: string, options: SurveyErrorOptions = {}) {
    super('input', message, { hint: INSTALL_HINT, ...options });
    this.name = 'MissingFontError';
  }
}

/** Where to look for a font file, and how; the defaults are the real machine's. */
export interface FontSearch {
  env?: NodeJS.ProcessEnv;
  /** Font files to try in order. */
  paths?: readonly string[];
  /** The fontconfig `fc-list` command to ask last (a missing command is skipped). */
  fcList?: string;
}

/**
 * Well-known font files with Chinese and Latin glyphs, most common first: Linux (Debian/Ubuntu,
 * Arch, Fedora), macOS, Windows. Droid Sans Fallback is left out on purpose: it has no Latin
 * letters or digits, so every number on a chart would vanish.
 */
function knownCjkFontPaths(env: NodeJS.ProcessEnv = process.env): string[] {
  const windows = win32.join(env.WINDIR ?? 'C:\\Windows', 'Fonts');
  return [
    '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc',
    '/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc',
    '/usr/share/fonts/google-noto-cjk/NotoSansCJK-Regular.ttc',
    '/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc',
    '/usr/share/fonts/truetype/wqy/wqy-microhei.ttc',
    '/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc',
    '/System/Library/Fonts/PingFang.ttc',
    '/System/Library/Fonts/STHeiti Light.ttc',
    '/System/Library/Fonts/STHeiti Medium.ttc',
    win32.join(windows, 'msyh.ttc'),
    win32.join(windows, 'simhei.ttf'),
  ];
}

/**
 * Finds a font file with Chinese glyphs for chart text: $SURVEY_CJK_FONT (an error when it names
 * a missing file), then well-known paths, then fontconfig; null when there is none.
 * @example findCjkFont() // '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc'
 */
export function findCjkFont(search: FontSearch = {}): string | null {
  const env = search.env ?? process.env;
  const chosen = env[CJK_FONT_VARIABLE];
  if (chosen) {
    if (existsSync(chosen)) return chosen;
    throw new MissingFontError(`${CJK_FONT_VARIABLE}=${chosen}: no such font file`, {
      file: chosen,
      hint: `point ${CJK_FONT_VARIABLE} at a .ttf/.otf/.ttc font with Chinese glyphs, or unset it`,
    });
  }
  return (search.paths ?? knownCjkFontPaths(env)).find((path) => existsSync(path)) ?? askFontconfig(search.fcList ?? 'fc-list');
}

/** The best font fontconfig lists as covering both Chinese and English: regular before bold, sans before serif. */
function askFontconfig(command: string): string | null {
  let listing: string;
  try {
    listing = execFileSync(command, ['--format', '%{file}\n', ':lang=zh:lang=en'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], timeout: 10_000 });
  } catch {
    return null; // no fontconfig (macOS, Windows) or it failed: nothing more to try
  }
  const rank = (file: string) => (/bold|black|heavy|light|thin|medium/i.test(basename(file)) ? 2 : 0) + (/serif/i.test(basename(file)) ? 1 : 0);
  const files = [...new Set(listing.split('\n'))].filter((file) => /\.(ttf|otf|ttc|otc)$/i.test(file));
  return files.sort((a, b) => rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0))[0] ?? null;
}

/** A font file, the face in it to draw with and that face's family name. */
export interface CjkFont {
  file: string;
  /** Index of the face in a .ttc collection; 0 for a single font. */
  face: number;
  family: string;
}

/**
 * The CJK font for chart text: the Simplified Chinese face of a collection (its glyph forms are
 * the ones Chinese readers expect) and the family to ask resvg for. Throws MissingFontError when
 * there is none.
 * @example requireCjkFont() // { file: '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc', face: 2, family: 'Noto Sans CJK SC' }
 */
export function requireCjkFont(search: FontSearch = {}): CjkFont {
  const file = findCjkFont(search);
  if (file === null) throw new MissingFontError('no CJK font found for chart text');
  let families: (string | null)[];
  try {
    families = readFontFamilies(file);
  } catch (cause) {
    throw new MissingFontError(`cannot read font file ${file}`, { file, cause });
  }
  const simplified = families.findIndex((family) => family !== null && /\b(SC|GB|CN|Hans)\b/.test(family));
  const face = simplified >= 0 ? simplified : families.findIndex((family) => family !== null);
  if (face < 0) throw new MissingFontError(`${file} is not a TrueType/OpenType font`, { file });
  return { file, face, family: families[face] as string };
}
