import { appendFileSync, writeFileSync } from 'node:fs';
import fc from 'fast-check';
import { SurveyError } from '../../src/core/errors.js';

/**
 * The fuzz suite (issue #16): fast-check properties over hostile inputs, seeded so that every run
 * draws the same inputs. `npm test` runs a quick round; `npm run fuzz` (scripts/fuzz-campaign.mjs)
 * runs the campaign — SURVEY_FUZZ=campaign multiplies the runs and SURVEY_FUZZ_LOG collects a
 * line per input for the figures. SURVEY_FUZZ_SEED explores other inputs; a failure prints the
 * seed and path that replay it.
 */
export const CAMPAIGN = process.env.SURVEY_FUZZ === 'campaign';
export const SEED = Number(process.env.SURVEY_FUZZ_SEED ?? 20_250_316);

/** How many inputs a property draws: a few in `npm test`, many in the campaign. */
export function runs(quick: number, campaign: number): number {
  return CAMPAIGN ? campaign : quick;
}

/** fast-check parameters: seeded, no time limit on the whole run (each input is bounded instead). */
export function params(quick: number, campaign: number): fc.Parameters<unknown> {
  return { seed: SEED, numRuns: runs(quick, campaign), endOnFailure: true };
}

/** The longest one input may take in-process before it counts as a hang (ms). */
export const HANG_MS = 10_000;

/**
 * Notes the file about to be read in SURVEY_FUZZ_LAST: when the process itself dies (a native
 * abort takes the test worker with it), that file is the input that killed it.
 */
export function noteInput(path: string): void {
  if (process.env.SURVEY_FUZZ_LAST) writeFileSync(process.env.SURVEY_FUZZ_LAST, path);
}

/** Records one input's outcome for the campaign's figures (a JSON line; nothing outside the campaign). */
export function record(target: string, outcome: string, ms: number, extra: Record<string, unknown> = {}): void {
  const log = process.env.SURVEY_FUZZ_LOG;
  if (log) appendFileSync(log, `${JSON.stringify({ target, outcome, ms: Math.round(ms), ...extra })}\n`);
}

/**
 * Runs `job` on one input: it must finish within HANG_MS and either succeed or throw one of our
 * typed errors (a SurveyError: usage, unreadable input) — anything else would be exit 4. Returns
 * the outcome ('ok' or the error's name).
 */
export async function survives<T>(target: string, job: () => T | Promise<T>, accept: (err: unknown) => boolean = isSurveyError): Promise<{ outcome: string; value?: T }> {
  const started = performance.now();
  let outcome = 'ok';
  let value: T | undefined;
  try {
    value = await job();
  } catch (err) {
    if (!accept(err)) {
      record(target, 'crash', performance.now() - started);
      throw err;
    }
    outcome = (err as Error).name;
  }
  const ms = performance.now() - started;
  record(target, outcome, ms);
  if (ms > HANG_MS) throw new Error(`${target}: one input took ${Math.round(ms)} ms (bound ${HANG_MS} ms)`);
  return { outcome, value };
}

export function isSurveyError(err: unknown): boolean {
  return err instanceof SurveyError;
}

/** Text a hostile export holds: delimiters, quotes, line breaks, formula starts, 问卷星 markers, CJK, emoji, odd numbers. */
export const HOSTILE_PIECES = [
  '"', ',', ';', '\t', '\n', '\r', '\r\n', ' ', '  ', '=cmd()', '+1', '-1', '@x', '男', '女', '非常幸福', '比较幸福', '其他〖柜台〗', '运动┋阅读',
  '(跳过)', '-3', '-2', '(空)', '😀', '1e309', 'NaN', '1,234', '１２', '0x1F', '\u00a0', 'NULL', '2分3秒', '136秒',
  '183.192.16.69(上海-上海)', '2016/12/17 14:25:31', '&amp;', '<row>', '</c>', "'", '\\', '999999999999999999999',
] as const;

/** One cell of hostile text (no NUL, U+FFFD or BOM: those are for the mutation properties). */
export const hostileCell: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(...HOSTILE_PIECES),
  fc.array(fc.constantFrom(...HOSTILE_PIECES), { maxLength: 4 }).map((a) => a.join('')),
  fc.string({ unit: 'grapheme', maxLength: 12 }).filter((s) => !/[\u0000\uFFFD\uFEFF]/.test(s)),
  fc.integer({ min: -5, max: 120 }).map(String),
  fc.constant(''),
);

/** Byte-level damage to a file: flips, insertions, deletions, repeats and a cut at the end. */
export const mutations = fc.array(
  fc.oneof(
    fc.record({ kind: fc.constant('flip' as const), at: fc.nat(), byte: fc.nat(255) }),
    fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), bytes: fc.uint8Array({ minLength: 1, maxLength: 8 }) }),
    fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 64 }) }),
    fc.record({ kind: fc.constant('repeat' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 64 }) }),
    fc.record({ kind: fc.constant('cut' as const), at: fc.nat() }),
  ),
  { minLength: 1, maxLength: 5 },
);

export type Mutations = typeof mutations extends fc.Arbitrary<infer M> ? M : never;

/** Applies mutations (positions taken modulo the length) to a copy of `bytes`. */
export function mutate(bytes: Uint8Array, steps: Mutations): Buffer {
  let out = Buffer.from(bytes);
  for (const step of steps) {
    const at = out.length ? step.at % out.length : 0;
    if (step.kind === 'flip') {
      if (out.length) out[at] = step.byte;
    } else if (step.kind === 'insert') out = Buffer.concat([out.subarray(0, at), Buffer.from(step.bytes), out.subarray(at)]);
    else if (step.kind === 'delete') out = Buffer.concat([out.subarray(0, at), out.subarray(at + step.length)]);
    else if (step.kind === 'repeat') out = Buffer.concat([out.subarray(0, at + step.length), out.subarray(at, at + step.length), out.subarray(at + step.length)]);
    else out = out.subarray(0, Math.max(1, at));
  }
  return out;
}
