import { Document, type Node } from 'yaml';
import type { Choice, Codebook, Variable } from '../core/types.js';
import { omitAbsent } from './omit-absent.js';

// Short collections on one line, as in DESIGN §3: `choices: {1: 城市, 2: 农村}`.
const flowWidth = 72;

/** Writes a codebook as YAML in the DESIGN §3 format; parseCodebook reads it back to an equal Codebook. */
export function stringifyCodebook(cb: Codebook): string {
  const doc = new Document();
  const node = (value: unknown, flow = false): Node => doc.createNode(value, { flow }) as Node;
  const line = (value: unknown): Node => node(value, JSON.stringify(value).length <= flowWidth);

  const choices = (list: Choice[] | undefined): Node | undefined => {
    if (!list) return undefined;
    const isPlain = (c: Choice) => c.labelEn === undefined && c.aliases.length === 0;
    const plain = list.every(isPlain);
    const entries = list.map((c): [Choice['code'], unknown] => [
      c.code,
      isPlain(c) ? c.label : node({ label: c.label, label_en: c.labelEn, aliases: listOrNothing(c.aliases) }, true),
    ]);
    const width = list.reduce((sum, c) => sum + String(c.code).length + c.label.length + 4, 0);
    return node(new Map(entries), plain && width <= flowWidth);
  };

  const variable = (v: Variable, index: number): Node => {
    const result = node({
      name: v.name,
      label: v.label,
      label_en: v.labelEn,
      short_label: v.shortLabel,
      short_label_en: v.shortLabelEn,
      type: v.type,
      unit: v.unit,
      group: v.group,
      ordered: v.ordered,
      reverse: v.reverse,
      choices: choices(v.choices),
      missing: choices(v.missing),
      range: v.range && node(v.range, true),
      required: v.required,
      relevant: v.relevant,
      constraint: v.constraint,
      constraint_message: v.constraintMessage,
      aliases: listOrNothing(v.aliases) && node(v.aliases, true),
    });
    // A blank line between variables keeps a long codebook readable.
    result.spaceBefore = index > 0;
    return result;
  };

  doc.contents = node({
    id: cb.id,
    title: cb.title,
    title_en: cb.titleEn,
    variables: cb.variables.map(variable),
    groups: cb.groups && node(Object.fromEntries(Object.entries(cb.groups).map(([name, g]) => [name, line(omitAbsent({ label: g.label, label_en: g.labelEn }))]))),
    checks: listOrNothing(
      cb.checks.map((c) => line(omitAbsent({ name: c.name, check: c.check, message: c.message, message_en: c.messageEn }))),
    ),
    derive: listOrNothing(
      cb.derive.map((d) => line(omitAbsent({ name: d.name, expr: d.expr, label: d.label, label_en: d.labelEn }))),
    ),
  }) as Document['contents'];
  return doc.toString({ lineWidth: 0, flowCollectionPadding: false });
}

function listOrNothing<T>(list: T[]): T[] | undefined {
  return list.length > 0 ? list : undefined;
}
