import type { Command } from 'commander';
import { UsageError, parseEncoding, type Issue, type OpenTableOptions } from '../index.js';

/** The options of commands that read a raw export: how to decode and split it. */
export interface ReadCliOptions {
  encoding?: string;
  delimiter?: string;
  sheet?: string;
  allowRagged?: boolean;
}

/** Adds `--encoding`, `--delimiter`, `--sheet` and `--allow-ragged`. */
export function withReadOptions(cmd: Command): Command {
  return cmd
    .option('--encoding <name>', 'text encoding of a CSV: utf-8, utf-16le, utf-16be or gb18030 (default: detected)')
    .option('--delimiter <char>', 'CSV delimiter: , ; tab or | (default: detected)')
    .option('--sheet <name>', 'worksheet of an .xlsx/.xls file (default: the first)')
    .option('--allow-ragged', 'pad CSV rows that have fewer cells than the header');
}

function parseDelimiter(text: string | undefined): string | undefined {
  if (text === undefined) return undefined;
  const d = text === '\\t' || text.toLowerCase() === 'tab' ? '\t' : text;
  if (![',', ';', '\t', '|'].includes(d)) throw new UsageError(`unsupported --delimiter "${text}"`, { hint: 'use , ; tab or |' });
  return d;
}

/** The reader options the flags ask for. */
export function openOptionsOf(options: ReadCliOptions): OpenTableOptions {
  return {
    encoding: options.encoding === undefined ? undefined : parseEncoding(options.encoding),
    delimiter: parseDelimiter(options.delimiter),
    sheet: options.sheet,
    allowRagged: options.allowRagged,
  };
}

/** An issue in the JSON and CSV vocabulary (snake_case, DESIGN §2). */
export function issueJson(i: Issue) {
  return { source_row: i.sourceRow, variable: i.variable, raw_value: i.rawValue, rule: i.rule, severity: i.severity, message: i.message };
}
