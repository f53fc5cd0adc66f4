import { ExpressionError } from './expression-error.js';

/** One lexical token of an expression; `position` is the 0-based offset of its first character. */
export type Token =
  | { type: 'number'; value: number; text: string; position: number }
  | { type: 'string'; value: string; text: string; position: number }
  | { type: 'identifier'; value: string; text: string; position: number }
  /** Operators and punctuation; `&&`, `||`, `!` and the words and/or/not/in arrive as `and`, `or`, `not`, `in`. */
  | { type: 'symbol'; value: string; text: string; position: number }
  | { type: 'end'; value: ''; text: ''; position: number };

const numberPattern = /(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?/y;
const identifierPattern = /[A-Za-z_][A-Za-z0-9_]*/y;
// Longest first, so that `<=` is not read as `<` then `=`.
const symbols = ['==', '!=', '<=', '>=', '&&', '||', '<', '>', '!', '+', '-', '*', '/', '%', '^', '(', ')', ',', '.'];
const spelledSymbols: Record<string, string> = { '&&': 'and', '||': 'or', '!': 'not' };
const wordSymbols = new Set(['and', 'or', 'not', 'in']);

/** Splits an expression into tokens, ending with an `end` token; throws ExpressionError on a stray character. */
export function tokenizeExpression(source: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < source.length) {
    const char = source[i];
    if (/\s/.test(char)) {
      i++;
      continue;
    }
    const number = matchAt(numberPattern, source, i);
    if (number) {
      tokens.push({ type: 'number', value: Number(number), text: number, position: i });
      i += number.length;
      continue;
    }
    const word = matchAt(identifierPattern, source, i);
    if (word) {
      tokens.push(wordSymbols.has(word)
        ? { type: 'symbol', value: word, text: word, position: i }
        : { type: 'identifier', value: word, text: word, position: i });
      i += word.length;
      continue;
    }
    if (char === "'" || char === '"') {
      const token = readString(source, i);
      tokens.push(token);
      i += token.text.length;
      continue;
    }
    const symbol = symbols.find((s) => source.startsWith(s, i));
    if (symbol) {
      tokens.push({ type: 'symbol', value: spelledSymbols[symbol] ?? symbol, text: symbol, position: i });
      i += symbol.length;
      continue;
    }
    throw new ExpressionError(describeStray(char), i);
  }
  tokens.push({ type: 'end', value: '', text: '', position: source.length });
  return tokens;
}

function matchAt(pattern: RegExp, source: string, index: number): string | undefined {
  pattern.lastIndex = index;
  return pattern.exec(source)?.[0];
}

/** A quoted string; a backslash makes the next character literal (`'it\'s'`). */
function readString(source: string, start: number): Token {
  const quote = source[start];
  let value = '';
  for (let i = start + 1; i < source.length; i++) {
    const char = source[i];
    if (char === quote) {
      return { type: 'string', value, text: source.slice(start, i + 1), position: start };
    }
    if (char === '\\' && i + 1 < source.length) i++;
    value += source[i];
  }
  throw new ExpressionError(`unterminated string (no closing ${quote})`, start);
}

// Full-width punctuation typed with a Chinese input method is the usual stray character.
function describeStray(char: string): string {
  if (char === '=') return 'unexpected "=" (use == to compare)';
  const ascii = char.normalize('NFKC');
  const hint = ascii !== char && ascii.length === 1 ? ` (full-width; use "${ascii}")` : '';
  return `unexpected character "${char}"${hint}`;
}
