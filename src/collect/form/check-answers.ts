import { compileExpression, type CompiledExpression } from '../../codebook/evaluate-expression.js';
import { optionColumn } from '../../codebook/expression.js';
import { parseExpression } from '../../codebook/parse-expression.js';
import type { Code } from '../../core/types.js';
import { answerMessages, type AnswerWords } from '../../locale/answer-words.js';
import type { FormQuestion, FormSpec } from './form-spec.js';

/**
 * The answers of one questionnaire, by variable name: a code (single), codes (multi; rank in rank
 * order), a number (numeric, duration), a text (text, id, datetime). Unanswered questions are absent or null.
 */
export type Answer = Code | Code[] | null;
export type Answers = Record<string, Answer>;

/** Why an answer was refused; the rules are named as `survey clean` names them where they are the same. */
export type AnswerRule =
  | 'required-missing'
  | 'skip-logic'
  | 'out-of-range'
  | 'constraint'
  | 'unknown-code'
  | 'not-a-number'
  | 'bad-datetime'
  | 'too-long'
  | 'bad-answer'
  | 'unknown-variable';

/** One refused answer, with its message in both languages. */
export interface AnswerProblem {
  variable: string;
  rule: AnswerRule;
  message: string;
  messageEn: string;
}

/** The outcome of checking one questionnaire: the answers as they will be stored, errors, warnings, and which questions are asked. */
export interface AnswerCheck {
  /** The answers normalised (codes typed as in the codebook, texts trimmed); only questions asked and answered. */
  answers: Answers;
  errors: AnswerProblem[];
  /** Codebook row checks that fail: the form says so, the submission is still stored (cleaning flags it). */
  warnings: AnswerProblem[];
  /** Names of the questions asked (relevant true, or no `relevant`), in order. */
  asked: string[];
}

/** Longest text answer accepted (characters). */
export const MAX_TEXT = 4000;

const DATETIME = /^\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2})?)?$/;

/** A form spec with its expressions compiled once. */
export interface CompiledForm {
  spec: FormSpec;
  relevant: Map<string, CompiledExpression>;
  constraint: Map<string, CompiledExpression>;
  checks: { name: string; message: string; messageEn?: string; holds: CompiledExpression }[];
  choicesOf: (name: string) => Code[] | undefined;
}

/** Compiles the form's skip logic, constraints and checks with the codebook's expression evaluator (the cleaning's own). */
export function compileForm(spec: FormSpec): CompiledForm {
  const byName = new Map(spec.questions.map((q) => [q.name, q]));
  const choicesOf = (name: string) => byName.get(name)?.choices.filter((c) => !c.missing).map((c) => c.code);
  const options = { choicesOf };
  const relevant = new Map<string, CompiledExpression>();
  const constraint = new Map<string, CompiledExpression>();
  for (const q of spec.questions) {
    if (q.relevant) relevant.set(q.name, compileExpression(parseExpression(q.relevant), options));
    if (q.constraint) constraint.set(q.name, compileExpression(parseExpression(q.constraint), options));
  }
  const checks = spec.checks.map((c) => ({ name: c.name, message: c.message, messageEn: c.messageEn, holds: compileExpression(parseExpression(c.check), options) }));
  return { spec, relevant, constraint, checks, choicesOf };
}

function problem(variable: string, rule: AnswerRule, words: (w: AnswerWords) => string): AnswerProblem {
  return { variable, rule, ...answerMessages(words) };
}

function sameCode(a: Code, b: unknown): boolean {
  return (typeof b === 'number' || typeof b === 'string') && String(a) === String(b).trim();
}

/** Runs an expression, a failed evaluation (text where a number is needed) counting as missing. */
function run(expression: CompiledExpression, lookup: (name: string) => number | string | null): unknown {
  try {
    return expression(lookup);
  } catch {
    return null;
  }
}

function isEmpty(value: unknown): boolean {
  return value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0);
}

type Normalised = { value: Answer } | { error: AnswerProblem };

/** Types and vets one answer against its question (choices, number, text), before range and constraint. */
function normalise(q: FormQuestion, raw: unknown): Normalised {
  const bad = (rule: AnswerRule, words: (w: AnswerWords) => string): Normalised => ({ error: problem(q.name, rule, words) });
  switch (q.type) {
    case 'single': {
      const choice = q.choices.find((c) => sameCode(c.code, raw));
      return choice ? { value: choice.code } : bad('unknown-code', (w) => w.notAChoice(String(raw), q.name));
    }
    case 'multi':
    case 'rank': {
      if (!Array.isArray(raw)) return bad('bad-answer', (w) => w.notAList(q.name));
      const codes: Code[] = [];
      for (const item of raw) {
        const choice = q.choices.find((c) => !c.missing && sameCode(c.code, item));
        if (!choice) return bad('unknown-code', (w) => w.notAChoice(String(item), q.name));
        if (codes.includes(choice.code)) return bad('bad-answer', (w) => w.givenTwice(String(item)));
        codes.push(choice.code);
      }
      return { value: codes };
    }
    case 'numeric':
    case 'duration': {
      const declared = q.choices.find((c) => c.missing && sameCode(c.code, raw));
      if (declared) return { value: declared.code };
      const n = typeof raw === 'number' ? raw : typeof raw === 'string' && raw.trim() !== '' ? Number(raw.trim()) : NaN;
      return Number.isFinite(n) ? { value: n } : bad('not-a-number', (w) => w.notANumber(String(raw)));
    }
    case 'datetime': {
      const text = typeof raw === 'string' ? raw.trim() : '';
      return DATETIME.test(text) ? { value: text } : bad('bad-datetime', (w) => w.notADate);
    }
    default: {
      if (typeof raw !== 'string' && typeof raw !== 'number') return bad('bad-answer', (w) => w.notText);
      const text = String(raw).trim();
      return text.length > MAX_TEXT ? bad('too-long', (w) => w.tooLong(MAX_TEXT)) : { value: text };
    }
  }
}

/** Puts one answer into the lookup the expressions read: a multi-select as its 0/1 option columns, a ranking as ranks. */
function setValues(values: Map<string, number | string | null>, form: CompiledForm, q: FormQuestion, value: Answer): void {
  if (q.type === 'multi' || q.type === 'rank') {
    const codes = form.choicesOf(q.name) ?? [];
    const chosen = Array.isArray(value) ? value : null;
    for (const code of codes) {
      const at = chosen ? chosen.findIndex((c) => String(c) === String(code)) : -1;
      values.set(optionColumn(q.name, code), chosen === null ? null : q.type === 'multi' ? (at >= 0 ? 1 : 0) : at >= 0 ? at + 1 : null);
    }
  } else {
    values.set(q.name, Array.isArray(value) ? null : value);
  }
}

/**
 * Checks one questionnaire as `survey clean` checks a coded row, with the same expression evaluator:
 * questions in codebook order; a question whose `relevant` is not true is not asked (its answer,
 * if any, is refused as skip-logic, and it reads as missing to later expressions); required,
 * choices, range and constraint on the questions asked. Used by the browser as the enumerator
 * types and again by the server, which decides.
 */
export function checkAnswers(form: CompiledForm, input: Record<string, unknown>): AnswerCheck {
  const errors: AnswerProblem[] = [];
  const warnings: AnswerProblem[] = [];
  const answers: Answers = {};
  const asked: string[] = [];
  const known = new Set(form.spec.questions.map((q) => q.name));
  for (const name of Object.keys(input)) {
    if (!known.has(name)) errors.push(problem(name, 'unknown-variable', (w) => w.unknownQuestion(name)));
  }
  // Every answer first, typed; the skip logic then blanks the questions not asked, in order.
  const values = new Map<string, number | string | null>();
  const typed = new Map<string, Answer>();
  for (const q of form.spec.questions) {
    const raw = Object.prototype.hasOwnProperty.call(input, q.name) ? input[q.name] : null;
    if (isEmpty(raw) || (typeof raw === 'string' && raw.trim() === '')) continue;
    const result = normalise(q, raw);
    if ('error' in result) {
      errors.push(result.error);
      continue;
    }
    if (Array.isArray(result.value) && result.value.length === 0) continue;
    typed.set(q.name, result.value);
    setValues(values, form, q, result.value);
  }
  const lookup = (name: string) => values.get(name) ?? null;
  for (const q of form.spec.questions) {
    const rule = form.relevant.get(q.name);
    const isAsked = rule ? run(rule, lookup) === true : true;
    const value = typed.has(q.name) ? (typed.get(q.name) as Answer) : null;
    if (!isAsked) {
      if (value !== null) errors.push(problem(q.name, 'skip-logic', (w) => w.notAsked(q.name, q.relevant)));
      setValues(values, form, q, null);
      continue;
    }
    asked.push(q.name);
    if (value === null) {
      if (q.required && !errors.some((e) => e.variable === q.name)) errors.push(problem(q.name, 'required-missing', (w) => w.required(q.name)));
      continue;
    }
    const declared = q.choices.some((c) => c.missing && !Array.isArray(value) && String(c.code) === String(value));
    if (typeof value === 'number' && !declared && q.type !== 'single') {
      if (q.range && (value < q.range[0] || value > q.range[1])) {
        const [low, high] = q.range;
        errors.push(problem(q.name, 'out-of-range', (w) => w.outOfRange(value, low, high)));
        setValues(values, form, q, null);
        continue;
      }
    }
    const constraint = form.constraint.get(q.name);
    if (constraint && !declared && !Array.isArray(value) && run(constraint, (name) => (name === '.' ? value : lookup(name))) === false) {
      errors.push(problem(q.name, 'constraint', (w) => q.constraintMessage ?? w.breaksConstraint(String(value), q.constraint)));
      setValues(values, form, q, null);
      continue;
    }
    answers[q.name] = value;
  }
  for (const c of form.checks) {
    if (run(c.holds, lookup) === false) warnings.push({ variable: c.name, rule: 'constraint', message: c.message, messageEn: c.messageEn ?? c.message });
  }
  return { answers, errors, warnings, asked };
}
