import fc from 'fast-check';
import { hostileCell } from './fuzz.js';

/** A generated study: a codebook, a raw CSV (header + rows, some copied, some blank), rules. */
export interface FuzzStudy {
  codebook: string;
  header: string[];
  rows: string[][];
  rules: string;
  /** Rows of the CSV the readers count (trailing blank rows are dropped). */
  dataRows: number;
  /** The codes of q1 when it is a single-choice question (for weighting targets and shares), else none. */
  q1Levels: string[];
}

const CHOICES = ['非常不满意', '不太满意', '一般', '比较满意', '非常满意'];

interface VariableSpec {
  name: string;
  type: 'single' | 'numeric' | 'multi' | 'text';
  choices: number;
  relevant: string | null;
  group: boolean;
}

const variableSpecs = fc
  .array(fc.record({ type: fc.constantFrom('single', 'single', 'single', 'numeric', 'numeric', 'multi', 'text') as fc.Arbitrary<VariableSpec['type']>, choices: fc.integer({ min: 2, max: 5 }), relevant: fc.boolean(), group: fc.boolean() }), { minLength: 1, maxLength: 8 })
  .map((list) =>
    list.map((v, i): VariableSpec => ({
      name: `q${i + 1}`,
      type: v.type,
      choices: v.choices,
      // Skip logic reads an earlier single-choice or numeric question.
      relevant: v.relevant && i > 0 && list[0].type !== 'multi' && list[0].type !== 'text' ? `q1 ${list[0].type === 'numeric' ? '>= 30' : '== 1'}` : null,
      group: v.group && v.type === 'single',
    })),
  );

function codebookYaml(vars: VariableSpec[], meta: boolean): string {
  const lines = ['id: fuzz', 'variables:'];
  if (meta) lines.push('  - {name: id, type: id, aliases: [序号]}', '  - {name: duration_s, type: duration, aliases: [所用时间]}');
  for (const v of vars) {
    const choices = `{${CHOICES.slice(0, v.choices).map((label, k) => `${k + 1}: ${label}`).join(', ')}}`;
    const parts = [`name: ${v.name}`, `type: ${v.type}`];
    if (v.type === 'single' || v.type === 'multi') parts.push(`choices: ${choices}`);
    if (v.type === 'single') parts.push('ordered: true');
    if (v.type === 'numeric') parts.push('range: [0, 120]');
    if (v.group) parts.push('group: g');
    if (v.relevant) parts.push(`relevant: "${v.relevant}"`);
    lines.push(`  - {${parts.join(', ')}}`);
  }
  lines.push('checks:', `  - {name: fuzz-check, check: "not (${vars[0].name} == 2)"}`);
  return `${lines.join('\n')}\n`;
}

/** A plausible answer to a question, or hostile text. */
function answer(v: VariableSpec): fc.Arbitrary<string> {
  const plausible =
    v.type === 'single'
      ? fc.oneof(fc.integer({ min: 0, max: v.choices - 1 }).map((k) => CHOICES[k]), fc.integer({ min: 1, max: v.choices }).map(String))
      : v.type === 'numeric'
        ? fc.integer({ min: -5, max: 130 }).map(String)
        : v.type === 'multi'
          ? fc.uniqueArray(fc.integer({ min: 0, max: v.choices - 1 }), { maxLength: v.choices }).map((ks) => ks.map((k) => CHOICES[k]).join('┋'))
          : fc.string({ unit: 'grapheme', maxLength: 8 });
  return fc.oneof({ weight: 4, arbitrary: plausible }, { weight: 1, arbitrary: hostileCell }, { weight: 1, arbitrary: fc.constant('') });
}

const rulesYaml = fc
  .record({
    speeder: fc.constantFrom('', 'speeder: {min_seconds: 100}', 'speeder: {action: flag}'),
    duplicate: fc.constantFrom('', 'duplicate: {max_chance: 1}', 'duplicate: {action: flag}', 'duplicate: {max_chance: 0, max_chance_with_metadata: 0}'),
    near: fc.constantFrom('', "'near-duplicate': {similarity: 0.5}", "'near-duplicate': {action: off}"),
    straight: fc.constantFrom('', "'straight-lining': {min_items: 3}"),
    breakOff: fc.constantFrom('', "'break-off': {min_answered: 0.9}"),
  })
  .map((r) => Object.values(r).filter(Boolean).join('\n'));

/** A study to clean: codebook, rows (copies and blanks among them) and rules. */
export const fuzzStudies: fc.Arbitrary<FuzzStudy> = fc
  .tuple(variableSpecs, fc.boolean())
  .chain(([vars, meta]) =>
    fc.record({
      vars: fc.constant(vars),
      meta: fc.constant(meta),
      rows: fc.array(fc.tuple(...vars.map(answer)), { minLength: 1, maxLength: 30 }),
      copies: fc.array(fc.nat(), { maxLength: 4 }),
      blanks: fc.array(fc.nat(), { maxLength: 2 }),
      durations: fc.array(fc.integer({ min: 1, max: 900 }), { minLength: 40, maxLength: 40 }),
      rules: rulesYaml,
    }),
  )
  .map(({ vars, meta, rows, copies, blanks, durations, rules }) => {
    const answers: string[][] = rows.map((r) => [...r]);
    for (const c of copies) answers.push([...answers[c % answers.length]]);
    for (const b of blanks) answers.splice(b % (answers.length + 1), 0, vars.map(() => ''));
    const header = [...(meta ? ['序号', '所用时间'] : []), ...vars.map((v) => v.name)];
    const table = answers.map((a, i) => [...(meta ? [String(i + 1), `${durations[i % durations.length]}秒`] : []), ...a]);
    let dataRows = table.length;
    while (dataRows > 0 && table[dataRows - 1].every((c) => c.trim() === '')) dataRows--;
    const q1Levels = vars[0].type === 'single' ? Array.from({ length: vars[0].choices }, (_, k) => String(k + 1)) : [];
    return { codebook: codebookYaml(vars, meta), header, rows: table, rules, dataRows, q1Levels };
  })
  .filter((s) => s.dataRows > 0);

/** The study's raw CSV text (quoted where needed). */
export function studyCsv(study: FuzzStudy): string {
  const field = (c: string) => (/[",\r\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c);
  return `${[study.header, ...study.rows].map((r) => r.map(field).join(',')).join('\n')}\n`;
}
