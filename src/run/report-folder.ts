import { join } from 'node:path';

/**
 * Where `survey run` writes a plan's report: `<reports>/<name>/` in the plan's own language, and
 * `<reports>/<name>-<lang>/` when the command line asks for another (`--lang en` on a zh plan), so
 * that the English report is written beside the Chinese one instead of replacing it.
 * @example reportFolder('reports', 'bazhou-2025', 'zh', 'en') // 'reports/bazhou-2025-en'
 */
export function reportFolder(reports: string, name: string, planLang: string, lang: string): string {
  return join(reports, lang === planLang ? name : `${name}-${lang}`);
}
