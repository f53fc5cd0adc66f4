import type { Code, Codebook, Variable } from '../../core/types.js';

/** The columns a collected submission fills from its paradata, named as ingest names 问卷星's metadata. */
export const PARADATA_COLUMNS = ['id', 'submitted_at', 'duration_s', 'source', 'source_detail', 'ip', 'ip_region'] as const;

/** One answer option as the form shows it. */
export interface FormChoice {
  code: Code;
  label: string;
  labelEn?: string;
  /** A declared missing code (说不清, 拒绝回答): offered apart, counts as an answer. */
  missing?: boolean;
}

/** One question of the web form: what the browser needs to show it and check it (no other codebook detail). */
export interface FormQuestion {
  name: string;
  type: Variable['type'];
  label: string;
  labelEn?: string;
  choices: FormChoice[];
  range?: [number, number];
  required: boolean;
  relevant?: string;
  constraint?: string;
  constraintMessage?: string;
  group?: string;
  unit?: string;
}

/** The questionnaire the form renders and the server checks against: the codebook's askable variables in order. */
export interface FormSpec {
  id: string;
  title: string;
  titleEn?: string;
  questions: FormQuestion[];
  /** Row checks of the codebook (EpiData style: each describes good data); failing one is a warning. */
  checks: { name: string; check: string; message: string; messageEn?: string }[];
}

/** Builds the form from a codebook: every variable except the paradata columns, in codebook order. */
export function formSpec(codebook: Codebook): FormSpec {
  const paradata = new Set<string>(PARADATA_COLUMNS);
  const questions = codebook.variables
    .filter((v) => !paradata.has(v.name))
    .map((v): FormQuestion => {
      const choices: FormChoice[] = [
        ...(v.choices ?? []).map((c) => ({ code: c.code, label: c.label, ...(c.labelEn ? { labelEn: c.labelEn } : {}) })),
        ...(v.missing ?? []).map((c) => ({ code: c.code, label: c.label, ...(c.labelEn ? { labelEn: c.labelEn } : {}), missing: true })),
      ];
      const q: FormQuestion = { name: v.name, type: v.type, label: v.label ?? v.name, choices, required: v.required === true };
      if (v.labelEn) q.labelEn = v.labelEn;
      if (v.range) q.range = v.range;
      if (v.relevant) q.relevant = v.relevant;
      if (v.constraint) q.constraint = v.constraint;
      if (v.constraintMessage) q.constraintMessage = v.constraintMessage;
      if (v.group) q.group = v.group;
      if (v.unit) q.unit = v.unit;
      return q;
    });
  return {
    id: codebook.id,
    title: codebook.title ?? codebook.id,
    ...(codebook.titleEn ? { titleEn: codebook.titleEn } : {}),
    questions,
    checks: codebook.checks.map((c) => ({ name: c.name, check: c.check, message: c.message ?? c.check, ...(c.messageEn ? { messageEn: c.messageEn } : {}) })),
  };
}
