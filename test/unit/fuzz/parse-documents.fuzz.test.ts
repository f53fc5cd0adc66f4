import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseRules } from '../../../src/clean/clean-rules.js';
import { compileExpression } from '../../../src/codebook/evaluate-expression.js';
import { ExpressionError } from '../../../src/codebook/expression-error.js';
import { parseCodebook } from '../../../src/codebook/load-codebook.js';
import { parseExpression } from '../../../src/codebook/parse-expression.js';
import { parseYaml } from '../../../src/io/parse-yaml.js';
import { parseFormula } from '../../../src/model/parse-formula.js';
import { planSchema } from '../../../src/run/plan-schema.js';
import { parseSimulationSpec } from '../../../src/simulate/spec/parse-simulation-spec.js';
import { parseTargets } from '../../../src/weight/parse-targets.js';
import { params, survives } from '../../helpers/fuzz.js';

// Issue #16's fuzz suite, text parsers: expressions, formulas and YAML documents of any shape are
// parsed or refused with a typed error (usage: exit 2), never a crash, a stack overflow or a hang.

const isExpressionError = (err: unknown) => err instanceof ExpressionError;

/** Text made of an expression language's pieces, in any order: mostly nonsense, sometimes valid. */
function soup(pieces: readonly string[], maxLength = 40): fc.Arbitrary<string> {
  return fc.array(fc.oneof(fc.constantFrom(...pieces), fc.string({ unit: 'grapheme', maxLength: 3 })), { maxLength }).map((a) => a.join(''));
}

const EXPRESSION_PIECES = ['age', 'sex', 'hobby', 'hobby_1', '.', ' ', '(', ')', ',', '==', '!=', '<', '<=', '>', '>=', '+', '-', '*', '/', '%', '^', 'and', ' or ', ' not ', ' in ', '&&', '||', '!', "'a'", '"b"', '1', '0', '2.5', '1e308', 'selected(', 'count_selected(', 'log(', 'abs(', 'round(', 'min(', 'max(', 'if(', 'is_missing(', '（', '＝'];
const FORMULA_PIECES = ['y', 'x', 'area', 'log(', 'factor(', 'I(', '`a b`', '~', '+', '-', '*', ':', '/', '^', '(', ')', ',', '1', '0', '2', '.', ' ', '|', '&', '==', '>=', '%in%', '"', '`'];
const YAML_PIECES = ['\n', '  ', '- ', ': ', 'id: t', 'variables:', 'name: x', 'type: single', 'choices: {1: a, 2: b}', '[', ']', '{', '}', ',', '&a ', '*a', '!foo ', '!!str ', '|', '>', '#', "'", '"', '---', '...', '? ', 'relevant: "x == 1"', 'margins:', 'speeder:', 'min_seconds: -1', 'null', '~', '1e999', '0x10', 'analyses:', '<<: *a'];

/** A valid expression over numeric variables a, b, c, built as a tree. */
const { expression } = fc.letrec<{ expression: string }>((tie) => ({
  expression: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.constantFrom('a', 'b', 'c', '1', '0', '2.5', '-3', "'x'"),
    fc.tuple(tie('expression'), fc.constantFrom('+', '-', '*', '/', '%', '^', '==', '!=', '<', '>=', 'and', 'or'), tie('expression')).map(([l, op, r]) => `(${l} ${op} ${r})`),
    tie('expression').map((e) => `not (${e})`),
    tie('expression').map((e) => `-(${e})`),
    fc.tuple(fc.constantFrom('abs', 'round', 'log', 'sqrt', 'is_missing'), tie('expression')).map(([f, e]) => `${f}(${e})`),
    fc.tuple(tie('expression'), fc.array(fc.constantFrom('1', '2', "'x'"), { minLength: 1, maxLength: 3 })).map(([e, xs]) => `(${e}) in (${xs.join(', ')})`),
  ),
}));

const value = fc.oneof(fc.constant(null), fc.integer({ min: -3, max: 9 }), fc.double({ noNaN: false }), fc.constantFrom('x', '', '男'));

describe('expressions', () => {
  it('any text parses or is an ExpressionError', async () => {
    await fc.assert(
      fc.asyncProperty(soup(EXPRESSION_PIECES), async (source) => {
        await survives('expression-parse', () => parseExpression(source), isExpressionError);
      }),
      params(300, 3000),
    );
  });

  it('a valid expression evaluates for any values without throwing anything but an ExpressionError', async () => {
    await fc.assert(
      fc.asyncProperty(expression, value, value, value, async (source, a, b, c) => {
        const values: Record<string, unknown> = { a, b, c };
        await survives('expression-evaluate', () => {
          const result = compileExpression(parseExpression(source))((name) => (values[name] ?? null) as number | string | null);
          expect(result === null || ['number', 'string', 'boolean'].includes(typeof result)).toBe(true);
          return result;
        }, isExpressionError);
      }),
      params(300, 3000),
    );
  });
});

describe('formulas', () => {
  it('any text parses or is a usage error', async () => {
    await fc.assert(
      fc.asyncProperty(fc.option(fc.constantFrom('y ~ ', 'log(y) ~ ', 'I(y > 1) ~ ')), soup(FORMULA_PIECES, 20), async (response, rest) => {
        const source = `${response ?? ''}${rest}`;
        await survives('formula-parse', () => parseFormula(source));
      }),
      params(300, 3000),
    );
  });

  it('a generated model formula parses to terms that name only its variables', async () => {
    const term = fc.oneof(fc.constantFrom('x1', 'x2', 'x3', 'area', 'log(x1)', 'factor(area)', 'I(x2^2)'), fc.constantFrom('x1:x2', 'x1*area', '(x1 + x2)^2'));
    await fc.assert(
      fc.asyncProperty(fc.array(term, { minLength: 1, maxLength: 8 }), fc.boolean(), async (terms, intercept) => {
        const source = `y ~ ${terms.join(' + ')}${intercept ? '' : ' - 1'}`;
        const { value: formula } = await survives('formula-generated', () => parseFormula(source), () => false);
        expect(formula?.intercept).toBe(intercept);
        for (const t of formula?.terms ?? []) for (const v of t.variables) expect(source).toContain(v.replace(/`/g, ''));
      }),
      params(100, 1000),
    );
  });
});

describe('YAML documents', () => {
  const readers: [string, (text: string) => unknown][] = [
    ['codebook', (t) => parseCodebook(t, 'q.yaml')],
    ['plan', (t) => planSchema.safeParse(parseYaml(t, 'plan.yaml', 'plan'))],
    ['targets', (t) => parseTargets(t, 't.yaml')],
    ['rules', (t) => parseRules(t, 'r.yaml')],
    ['spec', (t) => parseSimulationSpec(t, 's.yaml')],
  ];
  it('any text is read or refused with a usage error', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...readers), soup(YAML_PIECES, 30), async ([name, read], text) => {
        await survives(`yaml-${name}`, () => read(text));
      }),
      params(300, 3000),
    );
  });
});
