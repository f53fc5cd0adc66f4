import type { Choice } from '../../core/types.js';

/** One answer cell of a 问卷星 export before it is written as text or code. */
export type WjxAnswer =
  | { kind: 'choice'; choice: Choice }
  | { kind: 'number'; value: number }
  | { kind: 'empty' }
  /** An answer no choice matches (a fault): `text` in the text layout, `code` in the code layout. */
  | { kind: 'unknown'; text: string; code: number };

/** The metadata of one submission. */
export interface WjxMeta {
  /** Seconds since 00:00 of the first fieldwork day. */
  time: number;
  /** 所用时间 in seconds. */
  duration: number;
  /** 所用时间 written as `2分3秒` rather than `123秒`. */
  minutes: boolean;
  source: string;
  sourceDetail: string;
  ip: string;
}

/** An injected fault as the ground truth records it. */
export interface WjxFault {
  fault: 'speeder' | 'duplicate' | 'near-duplicate' | 'straight-liner' | 'out-of-range' | 'unknown-answer' | 'blank';
  /** The variable (or grid) the fault is in; empty for whole-row faults. */
  variable: string;
}

/** One submission: metadata, one answer per answer column, and the fault it carries if any. */
export interface WjxRecord {
  meta: WjxMeta;
  answers: WjxAnswer[];
  fault?: WjxFault;
}
