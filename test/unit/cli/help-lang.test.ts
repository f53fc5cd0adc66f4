import { Writable } from 'node:stream';
import type { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import type { Io } from '../../../src/cli/base.js';
import { helpLang } from '../../../src/cli/localize-help.js';
import { buildProgram } from '../../../src/cli/main.js';
import { HELP_ZH } from '../../../src/locale/help-zh.js';
import { spawnCli } from '../../helpers/run-cli.js';

function capture(): { io: Io; text: () => string } {
  let text = '';
  const sink = new Writable({ write: (chunk, _enc, done) => ((text += String(chunk)), done()) });
  return { io: { stdout: sink, stderr: sink, stderrIsTty: false }, text: () => text };
}

/** Every command of a program, depth first. */
function everyCommand(cmd: Command): Command[] {
  return [cmd, ...cmd.commands.flatMap(everyCommand)];
}

/** `survey <words> --help` in-process, in `lang`. */
async function help(words: string[], lang: 'zh' | 'en'): Promise<string> {
  const { io, text } = capture();
  await buildProgram(io, { exitCode: 0 }, lang).parseAsync(['node', 'survey', ...words, '--help']).catch(() => undefined);
  return text();
}

describe('--help in the user\'s language', () => {
  it('takes --lang first, then the locale, else English', () => {
    expect(helpLang(['node', 'survey', 'run', '--help', '--lang', 'zh'], {})).toBe('zh');
    expect(helpLang(['node', 'survey', 'run', '--lang=en', '--help'], { LANG: 'zh_CN.UTF-8' })).toBe('en');
    expect(helpLang(['node', 'survey', '--help'], { LANG: 'zh_CN.UTF-8' })).toBe('zh');
    expect(helpLang(['node', 'survey', '--help'], { LANG: 'C.UTF-8' })).toBe('en');
  });

  it('has a Chinese text for every command, argument and option description', () => {
    const missing: string[] = [];
    for (const cmd of everyCommand(buildProgram(capture().io, { exitCode: 0 }, 'en'))) {
      const texts = [cmd.description(), ...cmd.registeredArguments.map((a) => a.description), ...cmd.options.map((o) => o.description)];
      for (const text of texts) if (text && !HELP_ZH[text]) missing.push(`${cmd.name()}: ${text}`);
    }
    expect(missing, 'add these to src/locale/help-zh.ts').toEqual([]);
  });

  it('writes every command\'s help in Chinese, with its examples, and no English description left', async () => {
    const english = new Set(Object.keys(HELP_ZH));
    for (const cmd of everyCommand(buildProgram(capture().io, { exitCode: 0 }, 'en')).slice(1)) {
      const path = cmd.parent?.parent ? [cmd.parent.name(), cmd.name()] : [cmd.name()];
      const text = await help(path, 'zh');
      expect(text, path.join(' ')).toMatch(/^用法：/);
      expect(text, path.join(' ')).toContain('选项：');
      expect(text, path.join(' ')).toContain('显示命令的帮助');
      for (const e of english) if (e.length > 12) expect(text.replace(/\s+/g, ' '), path.join(' ')).not.toContain(e);
    }
    const shares = await help(['shares'], 'zh');
    expect(shares).toContain('示例：\n  $ survey shares responses.csv --codebook q.yaml --var happiness --top 2 --by area');
    expect(shares.replace(/\s+/g, '')).toContain('（可选值："zh","en"；默认："zh"）');
    expect(shares).not.toContain('Examples:');
  });

  it('stays English by default: the text commander and the command modules write', async () => {
    const text = await help(['run'], 'en');
    expect(text).toMatch(/^Usage: survey run/);
    expect(text).toContain('Examples:\n  $ survey run data-samples/bazhou-2025/plan.yaml');
    expect(text).not.toMatch(/[用选示]/);
  });

  it('is Chinese under LANG=zh_CN.UTF-8 and English under LANG=C.UTF-8 (the real process)', () => {
    const zh = spawnCli(['run', '--help'], { env: { LANG: 'zh_CN.UTF-8', LC_ALL: '', LC_MESSAGES: '' } });
    expect(zh.code).toBe(0);
    expect(zh.stdout).toMatch(/^用法： survey run/);
    expect(zh.stdout).toContain('运行分析计划：清洗 → 加权 → 分析 → 报告');
    expect(zh.stdout).toContain('示例：');
    const en = spawnCli(['run', '--help'], { env: { LANG: 'C.UTF-8', LC_ALL: '', LC_MESSAGES: '' } });
    expect(en.stdout).toMatch(/^Usage: survey run/);
  });
});
