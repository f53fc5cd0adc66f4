import { UsageError } from '../core/errors.js';
import type { FormulaNode } from './formula.js';

// Names as R reads them: letters of any script (CJK in a UTF-8 locale), digits, `.` and `_`, or
// anything between backquotes (`\`` and `\\` escaped), so any column name can be written.
const tokenPattern = /\s*(?:(\d+\.?\d*(?:[eE][+-]?\d+)?|\.\d+(?:[eE][+-]?\d+)?)|([\p{L}_.][\p{L}\p{N}_.]*|`(?:[^`\\]|\\.)+`)|(==|!=|<=|>=|[-+*/^:~()<>,&|]))/uy;

// Binding powers in R's order: ~ < | < & < comparison < + - < * / < : < unary minus < ^.
const infix: Record<string, [number, number]> = {
  '~': [1, 2], '|': [3, 4], '&': [5, 6],
  '==': [7, 8], '!=': [7, 8], '<': [7, 8], '<=': [7, 8], '>': [7, 8], '>=': [7, 8],
  '+': [9, 10], '-': [9, 10], '*': [11, 12], '/': [11, 12], ':': [13, 14], '^': [17, 16],
};
const unaryPower = 15;

/**
 * Bounds on a formula, so that a hostile or generated one is a clear usage error rather than a
 * stack overflow: its length, how deeply it nests (parentheses, calls, signs, `^`), and how many
 * operators it has (a model of 1,000 terms is far beyond any survey's).
 */
export const FORMULA_LIMITS = { characters: 20_000, depth: 100, operators: 1_000 } as const;

/** Parses an R formula or expression into a tree (R's parser restricted to what model formulas use). */
export function parseFormulaNode(source: string): FormulaNode {
  if (source.length > FORMULA_LIMITS.characters) throw limitError(source, `is ${source.length} characters long; a formula may have at most ${FORMULA_LIMITS.characters}`);
  const tokens: { text: string; kind: 'number' | 'name' | 'symbol'; at: number }[] = [];
  tokenPattern.lastIndex = 0;
  let at = 0;
  while (at < source.length) {
    if (/^\s*$/.test(source.slice(at))) break;
    tokenPattern.lastIndex = at;
    const m = tokenPattern.exec(source);
    if (!m) throw syntaxError(source, at, 'unexpected character');
    const start = m.index + m[0].length - (m[1] ?? m[2] ?? m[3]).length;
    if (m[1] !== undefined) tokens.push({ text: m[1], kind: 'number', at: start });
    else if (m[2] !== undefined) tokens.push({ text: m[2].startsWith('`') ? m[2].slice(1, -1).replace(/\\(.)/gu, '$1') : m[2], kind: 'name', at: start });
    else tokens.push({ text: m[3], kind: 'symbol', at: start });
    at = tokenPattern.lastIndex;
  }
  let pos = 0;
  const peek = () => tokens[pos];
  const expect = (text: string) => {
    const t = tokens[pos];
    if (!t || t.text !== text || t.kind !== 'symbol') throw syntaxError(source, t?.at ?? source.length, `expected "${text}"`);
    pos++;
  };

  function primary(): FormulaNode {
    const t = tokens[pos++];
    if (!t) throw syntaxError(source, source.length, 'the formula ends too early');
    if (t.kind === 'number') return { kind: 'number', value: Number(t.text), text: t.text };
    if (t.kind === 'name') {
      if (peek()?.text !== '(') return { kind: 'name', name: t.text };
      pos++;
      const args: FormulaNode[] = [];
      if (peek()?.text !== ')') {
        args.push(expression(0));
        while (peek()?.text === ',') {
          pos++;
          args.push(expression(0));
        }
      }
      expect(')');
      return { kind: 'call', fn: t.text, args };
    }
    if (t.text === '(') {
      const inner = expression(0);
      expect(')');
      return { kind: 'paren', inner };
    }
    if (t.text === '-' || t.text === '+') return { kind: 'unary', op: t.text, arg: expression(unaryPower) };
    throw syntaxError(source, t.at, `unexpected "${t.text}"`);
  }

  let depth = 0;
  let operators = 0;
  function expression(minPower: number): FormulaNode {
    if (++depth > FORMULA_LIMITS.depth) throw limitError(source, `nests more than ${FORMULA_LIMITS.depth} levels deep (parentheses, calls, signs or ^)`);
    let left = primary();
    for (;;) {
      const t = peek();
      const power = t && t.kind === 'symbol' ? infix[t.text] : undefined;
      if (!power || power[0] < minPower) {
        depth--;
        return left;
      }
      pos++;
      if (++operators > FORMULA_LIMITS.operators) throw limitError(source, `has more than ${FORMULA_LIMITS.operators} operators`);
      left = { kind: 'binary', op: t.text, left, right: expression(power[1]) };
    }
  }

  const tree = expression(0);
  if (pos < tokens.length) throw syntaxError(source, tokens[pos].at, `unexpected "${tokens[pos].text}"`);
  return tree;
}

function limitError(source: string, what: string): UsageError {
  const shown = source.length > 60 ? `${source.slice(0, 57)}...` : source;
  return new UsageError(`formula "${shown}" ${what}`, { hint: 'write the model out with fewer terms, or derive the variables in the codebook' });
}

function syntaxError(source: string, at: number, what: string): UsageError {
  return new UsageError(`formula "${source}": ${what} at character ${at + 1}`, {
    hint: 'write an R formula such as "y ~ x + factor(area) + log(income)"',
  });
}
