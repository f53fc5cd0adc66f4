import { parseExpression } from '../../codebook/parse-expression.js';
import type { Expression } from '../../codebook/expression.js';
import type { FormQuestion } from '../form/form-spec.js';
import type { Lang } from '../../locale/lang.js';
import { isComparisonOperator, paperWords } from '../../locale/paper-words.js';

type Numbered = Map<string, { q: FormQuestion; n: number }>;

/** A condition on one question: its answer is one of `codes` (single), or includes `code` (multi). */
type CodeSet = { name: string; codes: string[] };

const literal = (e: Expression): string | null => (e.kind === 'number' ? String(e.value) : e.kind === 'string' ? e.value : null);

/** `x == 1`, `x in (1, 2)`: the question and the codes that make the condition true, or null for any other shape. */
export function codeSet(ast: Expression): CodeSet | null {
  if (ast.kind === 'binary' && ast.operator === '==' && ast.left.kind === 'variable' && literal(ast.right) !== null) return { name: ast.left.name, codes: [literal(ast.right) as string] };
  if (ast.kind === 'in' && ast.operand.kind === 'variable' && ast.options.every((o) => literal(o) !== null)) return { name: ast.operand.name, codes: ast.options.map((o) => literal(o) as string) };
  return null;
}

/** The phrase for one condition (`第5题选1`), or null when its shape is not one of the common ones. */
function phrase(ast: Expression, numbered: Numbered, lang: Lang): string | null {
  const w = paperWords(lang);
  const no = (name: string) => numbered.get(name)?.n;
  const set = codeSet(ast);
  const setNo = set ? no(set.name) : undefined;
  if (set && setNo !== undefined) return w.isOneOf(setNo, set.codes, (numbered.get(set.name)?.q.choices.length ?? 0) > 0);
  if (ast.kind === 'call' && ast.name === 'selected' && ast.args[0]?.kind === 'variable' && literal(ast.args[1]) !== null && no(ast.args[0].name) !== undefined) {
    return w.includes(no(ast.args[0].name) as number, literal(ast.args[1]) as string);
  }
  if (ast.kind === 'binary' && isComparisonOperator(ast.operator) && ast.left.kind === 'variable' && literal(ast.right) !== null && no(ast.left.name) !== undefined) {
    return w.compares(no(ast.left.name) as number, ast.operator, literal(ast.right) as string);
  }
  if (ast.kind === 'binary' && (ast.operator === 'and' || ast.operator === 'or')) {
    const left = phrase(ast.left, numbered, lang);
    const right = phrase(ast.right, numbered, lang);
    if (left === null || right === null) return null;
    return w.joined(left, ast.operator, right);
  }
  return null;
}

/** The expression with each variable named by its question number (`第5题 == 1`), for the fallback wording. */
function numberedSource(source: string, numbered: Numbered, lang: Lang): string {
  return source.replace(/[A-Za-z_][A-Za-z0-9_]*/g, (word) => {
    const found = numbered.get(word);
    return found ? paperWords(lang).question(found.n) : word;
  });
}

/**
 * Who answers a question with skip logic, as printed under it: "（回答第5题选1者填答）" for the
 * common shapes (a code, a set of codes, a multi-select option, a comparison, and/or of these),
 * else "（仅当 第5题 >= 3 时回答）" with the variables named by their question numbers.
 */
export function whoAnswers(q: FormQuestion, numbered: Numbered, lang: Lang): string | null {
  if (!q.relevant) return null;
  const said = phrase(parseExpression(q.relevant), numbered, lang);
  return said !== null ? paperWords(lang).answerIf(said) : paperWords(lang).answerOnlyIf(numberedSource(q.relevant, numbered, lang));
}

/**
 * The jump printed at a single-choice question that later questions depend on: when the
 * questions right after it are asked only for some of its codes (`x == 1`, `x in (1, 2)`), the
 * other codes skip them — "（选2者跳答至第8题）", or to the end of the questionnaire.
 */
export function jumpFrom(index: number, questions: FormQuestion[], lang: Lang): string | null {
  const source = questions[index];
  if (source.type !== 'single') return null;
  let end = index + 1;
  let asked: string[] | null = null;
  while (end < questions.length && questions[end].relevant) {
    const set = codeSet(parseExpression(questions[end].relevant as string));
    if (!set || set.name !== source.name) break;
    if (asked && asked.join() !== set.codes.join()) break;
    asked = set.codes;
    end++;
  }
  if (!asked) return null;
  const others = source.choices.filter((c) => !c.missing && !(asked as string[]).includes(String(c.code))).map((c) => String(c.code));
  if (!others.length) return null;
  const target = end < questions.length ? end + 1 : null;
  return paperWords(lang).jump(others, target);
}

/** Question numbers by variable name: 1, 2, … in codebook order. */
export function numberQuestions(questions: FormQuestion[]): Numbered {
  return new Map(questions.map((q, i) => [q.name, { q, n: i + 1 }]));
}
