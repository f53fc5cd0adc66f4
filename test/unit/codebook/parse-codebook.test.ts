import { describe, expect, test } from 'vitest';
import { parseCodebook } from '../../../src/codebook/load-codebook.js';
import { ProblemsError } from '../../../src/core/errors.js';
import { designCodebookYaml } from './design-codebook.js';

/** The `path: message` lines parseCodebook reports for a document. */
function problems(yaml: string): string[] {
  try {
    parseCodebook(yaml, 'q.yaml');
  } catch (err) {
    if (err instanceof ProblemsError) return err.problems.map((p) => `${p.path}: ${p.message}`);
    throw err;
  }
  return [];
}

/** A codebook whose variables are the given YAML list items (indented as list entries). */
function withVariables(items: string, rest = ''): string {
  return `id: t\nvariables:\n${items}\n${rest}`;
}

describe('parseCodebook: a DESIGN §3 codebook', () => {
  const cb = parseCodebook(designCodebookYaml, 'q.yaml');

  test('reads the top level', () => {
    expect(cb.id).toBe('bazhou-happiness-2025');
    expect(cb.title).toBe('巴州区城乡居民幸福生活调查（2025）');
    expect(cb.titleEn).toBe('Bazhou urban and rural well-being survey (2025)');
    expect(cb.variables.map((v) => v.name)).toEqual([
      'area', 'happiness', 'age', 'occupation', 'income', 'hobby', 'sat_health_cost', 'note',
    ]);
  });

  test('normalises a variable: camelCase, every list present, absent fields absent', () => {
    expect(cb.variables[0]).toStrictEqual({
      name: 'area',
      label: '您目前的居住地是？',
      labelEn: 'Where do you live?',
      type: 'single',
      choices: [
        { code: 1, label: '城市', aliases: [] },
        { code: 2, label: '农村', aliases: [] },
      ],
      aliases: ['3、您目前的居住地是？', 'Q3'],
    });
  });

  test('reads choice objects, missing codes and flags', () => {
    const happiness = cb.variables[1];
    expect(happiness.choices?.[3]).toStrictEqual({
      code: 4, label: '比较幸福', labelEn: 'Fairly happy', aliases: ['较幸福'],
    });
    expect(happiness.missing).toStrictEqual([
      { code: 8, label: '说不清', aliases: [] },
      { code: 9, label: '拒绝回答', aliases: [] },
    ]);
    expect(happiness).toMatchObject({ ordered: true, required: true });
    expect(cb.variables[2]).toMatchObject({ unit: '岁', range: [16, 100], constraint: '. >= 16', constraintMessage: '年龄至少16岁' });
    expect(cb.variables[6]).toMatchObject({ group: 'satisfaction', reverse: true, relevant: 'age >= 18' });
  });

  test('reads checks and derives', () => {
    expect(cb.checks[0]).toStrictEqual({
      name: 'retired-age',
      check: 'not (occupation == 6 and age < 40)',
      message: '退休人员年龄小于40岁',
      messageEn: 'Retired but younger than 40',
    });
    expect(cb.derive.map((d) => d.name)).toEqual(['happy', 'log_income', 'happy_num']);
    expect(cb.derive[0]).toStrictEqual({ name: 'happy', expr: 'happiness >= 4', label: '幸福' });
  });

  test('keeps choices in the order written, even numeric keys listed high to low', () => {
    const cb2 = parseCodebook(withVariables('  - {name: q, type: single, ordered: true, choices: {5: 高, 3: 中, 1: 低}}'), 'q.yaml');
    expect(cb2.variables[0].choices?.map((c) => c.code)).toEqual([5, 3, 1]);
  });

  test('numeric-looking keys become number codes, other keys stay text', () => {
    const cb2 = parseCodebook(withVariables('  - {name: q, type: single, choices: {"2": 是, yes: 对, -1: 不适用, 1.5: 半}}'), 'q.yaml');
    expect(cb2.variables[0].choices?.map((c) => c.code)).toEqual([2, 'yes', -1, 1.5]);
  });

  test('optional lists default to empty; a single alias may be written without brackets', () => {
    const cb2 = parseCodebook(withVariables('  - {name: q, type: text, aliases: Q1, label: 2024}'), 'q.yaml');
    expect(cb2.checks).toEqual([]);
    expect(cb2.derive).toEqual([]);
    expect(cb2.variables[0].aliases).toEqual(['Q1']);
    expect(cb2.variables[0].label).toBe('2024');
  });

  test('reports nothing for a sound codebook', () => {
    expect(problems(designCodebookYaml)).toEqual([]);
  });
});

describe('parseCodebook: shape problems', () => {
  test('unknown keys, with a did-you-mean', () => {
    expect(problems(withVariables('  - {name: q, type: single, choises: {1: a}, choices: {1: a}}'))).toEqual([
      'variables[0]: unknown key "choises" (did you mean "choices"?)',
    ]);
    expect(problems('id: t\nvaribles: []\nvariables:\n  - {name: q, type: text}\n')).toEqual([
      '(top level): unknown key "varibles" (did you mean "variables"?)',
    ]);
    expect(problems(withVariables('  - {name: q, type: single, choices: {1: {label: a, lable_en: A}}}'))).toEqual([
      'variables[0].choices.1: unknown key "lable_en" (did you mean "label_en"?)',
    ]);
  });

  test('an unknown key with no close match lists the known keys', () => {
    expect(problems('id: t\nzzz: 1\nvariables:\n  - {name: q, type: text}\n')).toEqual([
      '(top level): unknown key "zzz" (known keys: id, title, title_en, variables, groups, checks, derive)',
    ]);
  });

  test('bad types and values', () => {
    expect(problems(withVariables('  - {name: q, type: singel, choices: {1: a}}'))).toEqual([
      'variables[0].type: "singel" is not one of single, multi, rank, numeric, text, duration, datetime, id (did you mean "single"?)',
    ]);
    expect(problems(withVariables('  - {name: q, type: numeric, range: 0-120, required: "yes"}'))).toEqual([
      'variables[0].range: expected [low, high], e.g. [0, 120]',
      'variables[0].required: expected boolean, received string',
    ]);
    expect(problems(withVariables('  - {name: q, type: single, choices: [a, b]}'))).toEqual([
      'variables[0].choices: expected a map of code: label, e.g. {1: 城市, 2: 农村}',
    ]);
    expect(problems(withVariables('  - {name: q, type: single, choices: {1: [a]}}'))).toEqual([
      'variables[0].choices.1: expected a label or {label, label_en, aliases}',
    ]);
  });

  test('required keys', () => {
    expect(problems('variables:\n  - {type: text}\n')).toEqual([
      'id: required but missing',
      'variables[0].name: required but missing',
    ]);
    expect(problems('id: t\nvariables: []\n')).toEqual(['variables: list at least one variable']);
    expect(problems('- a\n- b\n')).toEqual(['(top level): expected a map with id, title, variables, groups, checks, derive']);
  });

  test('names must be ASCII identifiers and not keywords', () => {
    expect(problems(withVariables('  - {name: 年龄, type: numeric}\n  - {name: 2q, type: numeric}\n  - {name: in, type: numeric}'))).toEqual([
      'variables[0].name: must be a letter or _ followed by letters, digits or _ (ASCII)',
      'variables[1].name: must be a letter or _ followed by letters, digits or _ (ASCII)',
      'variables[2].name: is a reserved word of expressions (and, or, not, in)',
    ]);
    expect(problems(withVariables('  - {name: q, type: numeric}', 'derive:\n  - {name: q-2, expr: "q * 2"}'))).toEqual([
      'derive[0].name: must be a letter or _ followed by letters, digits or _ (ASCII)',
    ]);
  });

  test('shape and meaning problems are reported together', () => {
    expect(problems(withVariables('  - {name: a, type: single, choises: {1: x}}\n  - {name: b, type: single, choices: {1: x, 2: x}}', 'checks:\n  - {name: c, check: "zz > 1"}'))).toEqual([
      'variables[0]: unknown key "choises" (did you mean "choices"?)',
      'variables[1].choices: label "x" of code 2 matches label "x" of code 1',
      'checks[0].check: unknown variable "zz" at character 1',
    ]);
  });

  test('an entry with a bad shape still counts by name, so references to it are not reported', () => {
    expect(problems(withVariables('  - {name: a, type: nope}\n  - {name: b, type: numeric, relevant: "a > 1"}'))).toEqual([
      'variables[0].type: "nope" is not one of single, multi, rank, numeric, text, duration, datetime, id',
    ]);
  });
});

describe('parseCodebook: meaning problems', () => {
  test('duplicate variable names', () => {
    expect(problems(withVariables('  - {name: age, type: numeric}\n  - {name: q, type: text}\n  - {name: age, type: numeric}'))).toEqual([
      'variables[2].name: "age" is already the name of variables[0]',
    ]);
  });

  test('duplicate codes, also when one is quoted', () => {
    expect(problems(withVariables('  - {name: q, type: single, choices: {1: a, 2: b, "2": c}}'))).toEqual([
      'variables[0].choices: code 2 appears twice',
    ]);
    expect(problems(withVariables('  - {name: q, type: single, choices: {1: a}, missing: {9: x, "9": y}}'))).toEqual([
      'variables[0].missing: code 9 appears twice',
    ]);
  });

  test('duplicate labels after normalising width, case and punctuation', () => {
    expect(problems(withVariables('  - {name: q, type: single, choices: {1: 比较幸福, 2: "比较 幸福！"}}'))).toEqual([
      'variables[0].choices: label "比较 幸福！" of code 2 matches label "比较幸福" of code 1',
    ]);
  });

  test('a choice alias equal to another choice label', () => {
    expect(problems(withVariables('  - {name: q, type: single, choices: {1: 一般, 2: {label: 较好, aliases: [一般]}}}'))).toEqual([
      'variables[0].choices: alias "一般" of code 2 matches label "一般" of code 1',
    ]);
  });

  test('a missing label equal to a choice label', () => {
    expect(problems(withVariables('  - {name: q, type: single, choices: {1: 是, 2: 不知道}, missing: {9: 不知道}}'))).toEqual([
      'variables[0].missing: label "不知道" of code 9 matches label "不知道" of code 2',
    ]);
  });

  test('choices required for single, multi and rank; refused for other types', () => {
    expect(problems(withVariables('  - {name: a, type: single}\n  - {name: b, type: multi, choices: {}}\n  - {name: c, type: rank}'))).toEqual([
      'variables[0]: type single needs choices',
      'variables[1]: type multi needs choices',
      'variables[2]: type rank needs choices',
    ]);
    expect(problems(withVariables('  - {name: a, type: numeric, choices: {1: x}}\n  - {name: b, type: text, choices: {1: x}}'))).toEqual([
      'variables[0].choices: type numeric takes no choices',
      'variables[1].choices: type text takes no choices',
    ]);
  });

  test('range only for numeric (and duration) variables, low end first', () => {
    expect(problems(withVariables('  - {name: a, type: single, choices: {1: x}, range: [1, 2]}\n  - {name: b, type: numeric, range: [10, 5]}\n  - {name: c, type: duration, range: [0, 3600]}'))).toEqual([
      'variables[0].range: range is only for numeric or duration variables, not single',
      'variables[1].range: low end 10 is above high end 5',
    ]);
  });

  test('missing codes that are also choice codes', () => {
    expect(problems(withVariables('  - {name: q, type: single, choices: {1: 是, 2: 否}, missing: {2: 拒答}}'))).toEqual([
      'variables[0].missing: code 2 is both a choice and a missing code',
    ]);
  });

  test('ordered without choices', () => {
    expect(problems(withVariables('  - {name: q, type: numeric, ordered: true}'))).toEqual([
      'variables[0].ordered: ordered needs choices',
    ]);
  });

  test('multi-select codes must make column names', () => {
    expect(problems(withVariables('  - {name: h, type: multi, choices: {1: a, -1: b, x y: c}}'))).toEqual([
      'variables[0].choices: code -1 cannot name a column (h_-1); use whole numbers or identifiers',
      'variables[0].choices: code "x y" cannot name a column (h_x y); use whole numbers or identifiers',
    ]);
  });

  test('a multi-select option column that is also a variable', () => {
    expect(problems(withVariables('  - {name: h, type: multi, choices: {1: a, 2: b}}\n  - {name: h_2, type: numeric}'))).toEqual([
      'variables[0].choices: code 2 makes column "h_2", which is already the name of variables[1]',
    ]);
  });

  test('names, labels and aliases that collide across variables name both variables', () => {
    expect(problems(withVariables(
      '  - {name: area, label: 居住地, type: text, aliases: [Q3]}\n' +
      '  - {name: city, label: "居住地？", type: text}\n' +
      '  - {name: town, type: text, aliases: [q3, AREA]}',
    ))).toEqual([
      'variables[1].label: label "居住地？" also matches the label "居住地" of variables[0] (area)',
      'variables[2].aliases: alias "q3" also matches the alias "Q3" of variables[0] (area)',
      'variables[2].aliases: alias "AREA" also matches the name "area" of variables[0] (area)',
    ]);
  });

  test('rows of different grids may share a label; rows of one grid may not', () => {
    expect(problems(withVariables(
      '  - {name: imp_1, label: 住房, type: numeric, group: importance}\n' +
      '  - {name: sat_1, label: 住房, type: numeric, group: satisfaction}\n' +
      '  - {name: sat_2, label: 住房, type: numeric, group: satisfaction}',
    ))).toEqual([
      'variables[2].label: label "住房" also matches the label "住房" of variables[1] (sat_1)',
    ]);
  });

  test('derive and check names that collide', () => {
    expect(problems(withVariables('  - {name: age, type: numeric}', 'derive:\n  - {name: age, expr: "1"}\n  - {name: d, expr: "1"}\n  - {name: d, expr: "2"}\nchecks:\n  - {name: age, check: "age > 0"}\n  - {name: c, check: "age > 0"}\n  - {name: c, check: "age < 99"}\n  - {name: d, check: "d > 0"}'))).toEqual([
      'derive[0].name: "age" is already the name of variables[0]',
      'derive[2].name: "d" is already the name of derive[1]',
      'checks[0].name: "age" is already the name of variables[0]',
      'checks[2].name: "c" is already the name of checks[1]',
      'checks[3].name: "d" is already the name of derive[1]',
    ]);
  });
});

describe('parseCodebook: expressions', () => {
  const base = '  - {name: age, type: numeric}\n  - {name: hobby, type: multi, choices: {1: 运动, 2: 阅读}}\n  - {name: area, type: single, choices: {1: 城市, 2: 农村}}';

  test('syntax errors with their character', () => {
    expect(problems(withVariables(`${base}\n  - {name: q, type: numeric, relevant: "age >= ", constraint: ". = 1"}`))).toEqual([
      'variables[3].relevant: unexpected end of expression (expected a value) at character 8',
      'variables[3].constraint: unexpected "=" (use == to compare) at character 3',
    ]);
  });

  test('unknown variables, with a did-you-mean', () => {
    expect(problems(withVariables(`${base}\n  - {name: q, type: numeric, relevant: "agee > 18 and zzz == 1"}`))).toEqual([
      'variables[3].relevant: unknown variable "agee" (did you mean "age"?) at character 1',
      'variables[3].relevant: unknown variable "zzz" at character 15',
    ]);
  });

  test('"." only in a constraint', () => {
    expect(problems(withVariables(`${base}\n  - {name: q, type: numeric, relevant: ". > 1", constraint: ". > 1"}`))).toEqual([
      'variables[3].relevant: "." (the current answer) is only allowed in a constraint at character 1',
    ]);
  });

  test('option columns may be read; selected() needs a multi-select variable and one of its codes', () => {
    expect(problems(withVariables(`${base}\n  - {name: q, type: numeric, relevant: "hobby_1 == 1 or selected(hobby, 2)"}`))).toEqual([]);
    expect(problems(withVariables(`${base}\n  - {name: q, type: numeric, relevant: "selected(area, 1) or selected(hobby, 7) or count_selected(age) > 1"}`))).toEqual([
      'variables[3].relevant: selected() needs a multi-select variable; "area" is single at character 1',
      'variables[3].relevant: code 7 is not a choice of "hobby" at character 38',
      'variables[3].relevant: count_selected() needs a multi-select variable; "age" is numeric at character 44',
    ]);
  });

  test('derives see earlier derives; checks see all; variables see no derive', () => {
    expect(problems(withVariables(base, 'derive:\n  - {name: a, expr: "b + 1"}\n  - {name: b, expr: "age * 2"}\n  - {name: c, expr: "a + b"}\nchecks:\n  - {name: k, check: "c > 0"}'))).toEqual([
      'derive[0].expr: "b" is not derived yet (derive[1] comes later) at character 1',
    ]);
    expect(problems(withVariables(`${base}\n  - {name: q, type: numeric, relevant: "d > 1"}`, 'derive:\n  - {name: d, expr: "age"}'))).toEqual([
      'variables[3].relevant: "d" is derived after cleaning; relevant can only read questions at character 1',
    ]);
  });

  test('check expressions are validated', () => {
    expect(problems(withVariables(base, 'checks:\n  - {name: k, check: "log(age, 2) > 1"}'))).toEqual([
      'checks[0].check: log() takes 1 argument, got 2 at character 1',
    ]);
  });
});

describe('parseCodebook: documents that are not codebooks', () => {
  test('a YAML syntax error is one UsageError with line and column', () => {
    expect(() => parseCodebook('id: t\nvariables: [a, b\nx: 1\n', 'q.yaml')).toThrowError(
      expect.objectContaining({
        name: 'UsageError',
        location: expect.objectContaining({ file: 'q.yaml', line: 3 }),
        message: expect.stringMatching(/^YAML syntax error at column 1: /),
      }),
    );
  });

  test('duplicate YAML keys are a syntax error', () => {
    expect(() => parseCodebook('id: t\nid: u\n', 'q.yaml')).toThrow('YAML syntax error at column 1: Map keys must be unique');
  });

  test('an empty document says so', () => {
    for (const text of ['', '\n\n', '# only a comment\n']) {
      expect(() => parseCodebook(text, 'q.yaml')).toThrow('the codebook is empty');
    }
  });
});
