/** The two languages of reports, messages and help. */
export type Lang = 'zh' | 'en';

/** Whether a string names a supported language (a plan's `lang:`, `--lang`). */
export function isLang(value: unknown): value is Lang {
  return value === 'zh' || value === 'en';
}

/**
 * The language a locale asks for: Chinese when LC_ALL, LC_MESSAGES or LANG (the first set, as
 * POSIX looks them up) starts with `zh`, else English — the C/POSIX default a terminal falls back to.
 * @example langFromLocale({ LANG: 'zh_CN.UTF-8' }) // 'zh'
 */
export function langFromLocale(env: Readonly<Record<string, string | undefined>>): Lang {
  const locale = env.LC_ALL || env.LC_MESSAGES || env.LANG || '';
  return /^zh([_.@-]|$)/i.test(locale) ? 'zh' : 'en';
}
