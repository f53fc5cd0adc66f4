import { basename, extname } from 'node:path';
import { InputError, ProblemsError, type Problem } from '../core/errors.js';
import type { Choice, Codebook, Derivation, Variable, VariableType } from '../core/types.js';
import { didYouMean } from './closest-name.js';
import { convertXlsformExpression } from './convert-xlsform-expression.js';
import { identifierPattern } from './expression.js';
import { omitAbsent } from './omit-absent.js';
import { parseCode } from './parse-code.js';
import { rangeFromConstraint } from './range-from-constraint.js';
import { readInputFile } from '../io/read-input-file.js';
import { openXlsx } from '../io/xlsx/read/open-xlsx.js';
import { isDamagedZip } from '../io/zip/is-damaged-zip.js';
import { validateCodebook } from './validate-codebook.js';
import {
  languageColumns,
  localizedText,
  readXlsformSheet,
  type LanguageColumns,
  type XlsformRow,
  type XlsformSheet,
} from './xlsform-sheet.js';

const questionTypes: Record<string, VariableType> = {
  select_one: 'single',
  select_multiple: 'multi',
  rank: 'rank',
  integer: 'numeric',
  decimal: 'numeric',
  text: 'text',
  date: 'datetime',
  datetime: 'datetime',
  time: 'datetime',
  // Metadata the form records by itself: kept so that ingest maps their columns.
  start: 'datetime',
  end: 'datetime',
  today: 'datetime',
  deviceid: 'id',
  subscriberid: 'id',
  simserial: 'id',
  phonenumber: 'id',
  username: 'id',
  email: 'id',
};
const withList = new Set(['select_one', 'select_multiple', 'rank']);
// Rows that hold no answer.
const skippedTypes = new Set(['note', 'audit', 'begin_group', 'begin_repeat', 'end_group', 'end_repeat']);

/**
 * Converts an XLSForm (.xlsx with `survey`, `choices` and optional `settings` sheets) into a
 * Codebook: select_one/select_multiple/rank → single/multi/rank, integer/decimal → numeric,
 * calculate → derive, groups → `group`; Chinese labels (`label::中文 (zh)`) into `label`, English
 * into `labelEn`; expressions rewritten (`${x}` → `x`, `=` → `==`). Every problem is reported
 * at once, located by sheet and row (ProblemsError, exit 2); the result passes validateCodebook.
 */
export async function importXlsform(path: string): Promise<Codebook> {
  const { survey, choices, settings: settingsSheet } = await readXlsformSheets(path, await readInputFile(path, 'XLSForm'));
  if (!survey) throw new InputError('not an XLSForm: the workbook has no "survey" sheet', { file: path });
  const problems: Problem[] = [];
  const lists = readChoiceLists(choices, problems);
  const { variables, derive, rows } = readSurvey(survey, lists, problems);
  const settings = settingsSheet?.rows[0];
  const title = settings?.get('form_title');
  const codebook: Codebook = {
    id: settings?.get('form_id') || basename(path, extname(path)),
    ...(title ? { title } : {}),
    variables,
    checks: [],
    derive,
  };
  for (const { path: at, message } of validateCodebook(codebook, rows.unchecked)) {
    problems.push({ path: locate(at, rows), message: message.replace(entryPattern, (entry) => locate(entry, rows)) });
  }
  if (problems.length > 0) throw new ProblemsError(path, 'XLSForm', problems);
  return codebook;
}

/**
 * The form's survey, choices and settings sheets, read from its bytes (a form may come through a
 * pipe) with our .xlsx reader: a zip bomb or a damaged file is an InputError about the file.
 */
async function readXlsformSheets(path: string, bytes: Buffer): Promise<Record<'survey' | 'choices' | 'settings', XlsformSheet | undefined>> {
  try {
    const workbook = await openXlsx(bytes, bytes.length);
    return {
      survey: await readXlsformSheet(workbook, 'survey'),
      choices: await readXlsformSheet(workbook, 'choices'),
      settings: await readXlsformSheet(workbook, 'settings'),
    };
  } catch (err) {
    if (!isDamagedZip(err)) throw err;
    const reason = err instanceof Error ? err.message : String(err);
    throw new InputError(`not an .xlsx workbook (${reason})`, { file: path, hint: 'save the form as .xlsx (Excel 2007 or later)', cause: err });
  }
}

/** The choices sheet as lists of choices, by list name. */
function readChoiceLists(sheet: XlsformSheet | undefined, problems: Problem[]): Map<string, Choice[]> {
  const lists = new Map<string, Choice[]>();
  if (!sheet) return lists;
  const labels = languageColumns(sheet.headers, 'label');
  const rowOf = new Map<string, number>();
  for (const row of sheet.rows) {
    const list = row.get('list_name') || row.get('list name');
    const name = row.get('name');
    if (!list && !name) continue;
    const problem = (message: string) => problems.push({ path: `choices row ${row.row}`, message });
    const { text: label, textEn: labelEn } = localizedText(row, labels);
    const key = `${list}\u0000${name}`;
    if (!list || !name) problem('a choice needs both list_name and name');
    else if (rowOf.has(key)) problem(`name "${name}" is already in list "${list}" on row ${rowOf.get(key)}`);
    else if (!label) problem(`choice "${name}" of list "${list}" has no label`);
    else {
      rowOf.set(key, row.row);
      const choices = lists.get(list) ?? lists.set(list, []).get(list)!;
      choices.push({ code: parseCode(name), label, ...(labelEn ? { labelEn } : {}), aliases: [] });
    }
  }
  return lists;
}

/** Where each variable and derive came from, to locate codebook problems by survey row. */
interface SourceRows {
  variables: number[];
  derive: number[];
  /** Variables already reported (an unknown list): the codebook check counts them by name only. */
  unchecked: Set<string>;
}

function readSurvey(sheet: XlsformSheet, lists: Map<string, Choice[]>, problems: Problem[]) {
  const variables: Variable[] = [];
  const derive: Derivation[] = [];
  const rows: SourceRows = { variables: [], derive: [], unchecked: new Set() };
  const labels = languageColumns(sheet.headers, 'label');
  const messages = languageColumns(sheet.headers, 'constraint_message');
  const groups: { name: string; row: number }[] = [];
  const rowOf = new Map<string, number>();
  for (const row of sheet.rows) {
    const [kind = '', list, extra] = normalizeType(row.get('type')).split(' ');
    const name = row.get('name');
    if (!kind && !name) continue;
    const problem = (message: string) => problems.push({ path: `survey row ${row.row}`, message });
    if (kind === 'begin_repeat') problem('repeat groups are not supported; a codebook holds one row per respondent');
    if (kind === 'begin_group' || kind === 'begin_repeat') groups.push({ name, row: row.row });
    else if ((kind === 'end_group' || kind === 'end_repeat') && !groups.pop()) problem(`${kind.replace('_', ' ')} without a begin`);
    if (skippedTypes.has(kind)) continue;
    if (kind !== 'calculate' && !(kind in questionTypes)) {
      problem(`type "${row.get('type')}" is not supported${didYouMean(kind, [...Object.keys(questionTypes), 'calculate'])}`);
      continue;
    }
    if (!identifierPattern.test(name)) {
      problem(name ? `name "${name}" must be a letter or _ followed by letters, digits or _ (ASCII)` : 'a question needs a name');
      continue;
    }
    if (rowOf.has(name)) {
      problem(`name "${name}" is already used on row ${rowOf.get(name)}`);
      continue;
    }
    rowOf.set(name, row.row);
    const { text: label, textEn: labelEn } = localizedText(row, labels);
    if (kind === 'calculate') {
      derive.push(omitAbsent({ name, expr: convertXlsformExpression(row.get('calculation')), label, labelEn }));
      rows.derive.push(row.row);
      continue;
    }
    const type = questionTypes[kind];
    const variable: Variable = omitAbsent({ name, label, labelEn, type, aliases: [] });
    if (withList.has(kind)) {
      const choices = list ? lists.get(list) : undefined;
      if (!list) problem(`${kind} needs a list name, e.g. "${kind} yes_no"`);
      else if (!choices) problem(`list "${list}" is not in the choices sheet${didYouMean(list, lists.keys())}`);
      else variable.choices = choices.map((choice) => ({ ...choice, aliases: [...choice.aliases] }));
      if (!choices) rows.unchecked.add(`variables[${variables.length}]`);
      if (extra) problem(`"${extra}" after the list name is not supported`);
    }
    Object.assign(variable, questionRules(row, messages, problem));
    if (type === 'numeric' && variable.constraint) {
      const range = rangeFromConstraint(variable.constraint);
      if (range) variable.range = range;
    }
    if (groups.length > 0 && groups[groups.length - 1].name) variable.group = groups[groups.length - 1].name;
    variables.push(variable);
    rows.variables.push(row.row);
  }
  for (const group of groups) problems.push({ path: `survey row ${group.row}`, message: `group "${group.name}" is never ended` });
  return { variables, derive, rows };
}

/** relevant, constraint (with its message) and required of a survey row. */
function questionRules(
  row: XlsformRow,
  messages: LanguageColumns,
  problem: (message: string) => void,
): Partial<Variable> {
  const relevant = row.get('relevant');
  const constraint = row.get('constraint');
  const required = row.get('required').toLowerCase();
  const requiredValue = /^(yes|true|true\(\)|1)$/.test(required) ? true : undefined;
  if (required && requiredValue === undefined && !/^(no|false|false\(\)|0)$/.test(required)) {
    problem(`required "${row.get('required')}" is not supported; use yes or no`);
  }
  return omitAbsent({
    relevant: relevant ? convertXlsformExpression(relevant) : undefined,
    constraint: constraint ? convertXlsformExpression(constraint) : undefined,
    constraintMessage: localizedText(row, messages).text,
    required: requiredValue,
  });
}

/** `begin group` and `begin_group` alike; `select_one  list` with any spacing. */
function normalizeType(type: string): string {
  return type.toLowerCase().trim().replace(/\s+/g, ' ').replace(/^(begin|end) (group|repeat)\b/, '$1_$2');
}

const entryPattern = /(variables|derive)\[\d+\]/g;

/** A codebook path (`variables[3].relevant`) as the survey row it came from (`survey row 5 (relevant)`). */
function locate(path: string, rows: SourceRows): string {
  const match = /^(variables|derive)\[(\d+)\](?:\.(\w+))?/.exec(path);
  if (!match) return path;
  const [, list, index, field] = match;
  const row = (list === 'variables' ? rows.variables : rows.derive)[Number(index)];
  const column = list === 'derive' && field === 'expr' ? 'calculation' : field;
  return `survey row ${row}${column ? ` (${column})` : ''}`;
}
