import { Help, type Command } from 'commander';
import { cliWords, displayWidth, HELP_WORDS, isLang, langFromLocale, type Lang } from '../index.js';

/** The help language of each program built, so that a command's examples are headed in it. */
const programLangs = new WeakMap<Command, Lang>();

function rootOf(cmd: Command): Command {
  let c = cmd;
  while (c.parent) c = c.parent;
  return c;
}

/**
 * The language `--help` is written in: `--lang zh|en` on the command line, else the locale
 * (LC_ALL, LC_MESSAGES, LANG: zh_CN.UTF-8 → Chinese), else English. `--lang` defaults to zh for
 * reports, but help follows the terminal unless asked.
 */
export function helpLang(argv: readonly string[], env: Readonly<Record<string, string | undefined>> = process.env): Lang {
  for (let i = 0; i < argv.length; i++) {
    const value = argv[i] === '--lang' ? argv[i + 1] : argv[i].startsWith('--lang=') ? argv[i].slice('--lang='.length) : undefined;
    if (isLang(value)) return value;
  }
  return langFromLocale(env);
}

/** The language a command's program writes its help in (English until localizeHelp says otherwise). */
export function helpLangOf(cmd: Command): Lang {
  return programLangs.get(rootOf(cmd)) ?? 'en';
}

/** A command's examples, headed in the language its program's help is written in. */
export function examplesText(cmd: Command, examples: readonly string[]): string {
  const lang = helpLangOf(cmd);
  return `\n${HELP_WORDS[lang].examples}\n${examples.map((e) => `  $ ${e}`).join('\n')}\n`;
}

// commander's "(choices: …, default: …)" after a description, in Chinese.
const zhExtras = (text: string) =>
  text.replace(/\((choices|default|preset|env): (.*)\)$/, (_, ...rest: string[]) =>
    `（${`${rest[0]}: ${rest[1]}`.replace(/\b(choices|default|preset|env): /g, (_m, word: keyof typeof HELP_WORDS.zh) => `${HELP_WORDS.zh[word]}：`).replace(/, (?=可选值|默认|预设|环境变量)/g, '；')}）`,
  );

// A wrap point before each CJK character as well as at spaces: Chinese has no spaces between words.
const CHUNK = /\s*(?:[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef]|[^\s\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef]+)/g;

/** Wraps help text to `width` terminal columns, CJK characters two columns wide and breakable anywhere. */
function wrapCjk(text: string, width: number): string {
  const out: string[] = [];
  for (const line of text.split(/\r?\n/)) {
    let current = '';
    for (const chunk of line.match(CHUNK) ?? []) {
      if (current && displayWidth(current + chunk) > width) {
        out.push(current);
        current = chunk.trimStart();
      } else current += chunk;
    }
    out.push(current);
  }
  return out.join('\n');
}

/**
 * Writes a program's help in `lang`: for Chinese, every command's, argument's and option's
 * description from HELP_ZH, commander's headings (Usage:, Options:) and default/choices notes in
 * Chinese, CJK text measured two columns wide; examples headed 示例. English leaves commander's text.
 */
export function localizeHelp(program: Command, lang: Lang): void {
  programLangs.set(program, lang);
  const translations = cliWords(lang).helpTranslations;
  if (!translations) return;
  const words = HELP_WORDS.zh;
  const translate = (text: string | undefined) => (text ? translations[text] ?? text : text);
  const visit = (cmd: Command) => {
    const description = cmd.description();
    if (description) cmd.description(translate(description) ?? description);
    for (const a of cmd.registeredArguments) a.description = translate(a.description) ?? a.description;
    for (const o of cmd.options) o.description = translate(o.description) ?? o.description;
    cmd.helpOption('-h, --help', translate('display help for command'));
    if (cmd.commands.length) cmd.helpCommand('help [command]', translate('display help for command') ?? '');
    cmd.showHelpAfterError(words.afterError);
    cmd.configureHelp({
      styleTitle: (title: string) => (words as Record<string, string>)[title] ?? title,
      displayWidth: (text: string) => displayWidth(text.replace(/\x1b\[[0-9;]*m/g, '')),
      boxWrap: (text: string, width: number) => wrapCjk(text, width),
      optionDescription: (option) => zhExtras(Help.prototype.optionDescription.call(cmd.createHelp(), option)),
      argumentDescription: (argument) => zhExtras(Help.prototype.argumentDescription.call(cmd.createHelp(), argument)),
    });
    for (const sub of cmd.commands) visit(sub);
  };
  const version = program.options.find((o) => o.long === '--version');
  if (version) version.description = translate(version.description) ?? version.description;
  visit(program);
}
