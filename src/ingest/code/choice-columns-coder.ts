import type { Issue, Variable } from '../../core/types.js';
import { choiceMatcher } from './choice-matcher.js';
import { missingReasonOf, parseNumber, splitFillIn } from './code-scalar.js';
import { setMissing, type ItemCoder, type Layout, type OutputColumn, type RowSink } from './coded-row.js';

/** The coded column of one choice of a multi-select or ranking variable: `hobby_3`. */
export function choiceColumnName(variable: Variable, code: number | string): string {
  return `${variable.name}_${code}`;
}

function outputsOf(variable: Variable, fillIn: Variable | null): OutputColumn[] {
  const outputs = (variable.choices ?? []).map((c) => ({ name: choiceColumnName(variable, c.code), variable: variable.name }));
  if (fillIn) outputs.push({ name: fillIn.name, variable: fillIn.name });
  return outputs;
}

function unknownPart(sink: RowSink, variable: Variable, raw: string, part: string): void {
  const issue: Issue = {
    sourceRow: sink.row,
    variable: variable.name,
    rawValue: raw,
    rule: 'unknown-label',
    severity: 'error',
    message: `"${part}" is not a choice of ${variable.name}`,
  };
  sink.issues.push(issue);
}

/**
 * Codes a 按文本 multi-select (`运动┋影视`, 0/1 per choice) or ranking (`价格→外观`, rank per
 * choice, unranked choices missing as not-ranked) held in one column.
 */
export function joinedAnswersCoder(
  variable: Variable,
  column: number,
  header: string,
  layout: Layout,
  fillIn: Variable | null = null,
): ItemCoder {
  const matcher = choiceMatcher(variable);
  const choices = variable.choices ?? [];
  const index = new Map(choices.map((c, i) => [c.code, i]));
  const rank = variable.type === 'rank';
  const separator = rank ? /→|->/u : /┋|\|/u;
  const outputs = outputsOf(variable, fillIn);
  return {
    outputs,
    headers: [header],
    code(cells, sink, at) {
      const raw = cells[column] ?? '';
      const reason = missingReasonOf(raw, layout);
      if (reason) return setMissing(sink, at, outputs.length, reason);
      for (let k = 0; k < choices.length; k++) {
        sink.values[at + k] = rank ? null : 0;
        sink.reasons[at + k] = rank ? 'not-ranked' : null;
      }
      let fillText: string | null = null;
      raw.trim().split(separator).forEach((piece, position) => {
        const { answer, fillIn: text } = splitFillIn(piece.trim());
        if (text !== null) fillText = fillText === null ? text : `${fillText}; ${text}`;
        const found = matcher.byLabel(answer) ?? (layout === 'wjx-text' ? null : matcher.byCode(answer));
        const k = found ? index.get(found.code) : undefined;
        if (k === undefined) return unknownPart(sink, variable, raw, answer);
        sink.values[at + k] = rank ? position + 1 : 1;
        sink.reasons[at + k] = null;
      });
      if (fillIn) {
        sink.values[at + choices.length] = fillText;
        sink.reasons[at + choices.length] = fillText === null ? 'empty' : null;
      }
    },
  };
}

/** One raw option column (`第6题(运动)`) and the choice it was matched to. */
export interface OptionColumn {
  column: number;
  header: string;
  code: number | string;
}

/**
 * Codes a 按序号 multi-select or ranking spread over one column per option (`第6题(运动)`:
 * 0/1, or the rank given; -2 not ranked, -3 skipped).
 */
export function optionColumnsCoder(variable: Variable, options: OptionColumn[], layout: Layout): ItemCoder {
  const choices = variable.choices ?? [];
  const slot = new Map(choices.map((c, i) => [c.code, i]));
  const rank = variable.type === 'rank';
  const outputs = outputsOf(variable, null);
  return {
    outputs,
    headers: options.map((o) => o.header),
    code(cells, sink, at) {
      // Choices without a column in this export stay missing.
      setMissing(sink, at, outputs.length, 'empty');
      for (const option of options) {
        const k = at + (slot.get(option.code) as number);
        const raw = cells[option.column] ?? '';
        const reason = missingReasonOf(raw, layout);
        if (reason) {
          sink.reasons[k] = reason;
          continue;
        }
        const n = parseNumber(raw);
        const valid = n !== null && Number.isInteger(n) && (rank ? n >= 1 : n === 0 || n === 1);
        if (valid) {
          sink.values[k] = n;
          sink.reasons[k] = null;
        } else {
          sink.reasons[k] = 'invalid';
          sink.issues.push({
            sourceRow: sink.row,
            variable: variable.name,
            rawValue: raw,
            rule: rank ? 'bad-rank' : 'not-binary',
            severity: 'error',
            message: `"${raw}" in ${option.header.trim()} is not ${rank ? 'a rank' : '0 or 1'}`,
          });
        }
      }
    },
  };
}
