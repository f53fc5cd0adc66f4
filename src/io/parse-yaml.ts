import { parse, YAMLParseError } from 'yaml';
import { UsageError } from '../core/errors.js';

/**
 * Parses a YAML document (plan, spec, rules, targets); a syntax error is one UsageError naming the
 * file and line. An empty document is null.
 */
export function parseYaml(text: string, file: string, what: string): unknown {
  try {
    return parse(text) ?? null;
  } catch (err) {
    if (!(err instanceof YAMLParseError)) throw err;
    throw new UsageError(`the ${what} is not valid YAML: ${err.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '')}`, {
      file,
      line: err.linePos?.[0].line,
    });
  }
}
