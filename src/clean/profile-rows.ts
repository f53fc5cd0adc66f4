import type { CodedRow } from '../ingest/ingest-file.js';
import type { CleanContext } from './clean-context.js';
import { FNV_PRIME, FNV_SEED, hashFinish, hashUpdate } from './hash-text.js';

/** What the row rules need to know of every row, gathered in one pass. */
export interface RowProfiles {
  count: number;
  answered: number[];
  applicable: number[];
  /** Grids answered with one answer throughout, per row (null when none). */
  straight: (string[] | null)[];
  /** Items of the longest grid answered with one answer throughout (0 when none). */
  straightItems: number[];
  attentionFailed: boolean[];
  /** 53-bit key of all answers (two 32-bit hashes folded into one safe integer). */
  answerKey: number[];
  idKey: (string | number | null)[];
  duration: number[];
  ip: (string | null)[];
  time: number[];
  /** Hashes of the answer cells, `answerColumns.length` per row. */
  cells: Uint32Array;
  add(row: CodedRow): void;
}

const SEP = '\u0001';
/** The seed of the answer key's second hash. */
const KEY_SEED = 0x2545f491;

/** Starts collecting row profiles for the row rules (blank, break-off, duplicates, straight-lining, speeders, IP bursts, attention). */
export function profileRows(ctx: CleanContext): RowProfiles {
  const width = ctx.answerColumns.length;
  let cells = new Uint32Array(width * 1024);
  const attention = Object.entries(ctx.rules.attention.items).map(([name, expect]) => {
    const k = ctx.column(name);
    return { k, expect: Array.isArray(expect) ? expect : [expect] };
  });
  const minItems = ctx.rules['straight-lining'].min_items;
  const profiles: RowProfiles = {
    count: 0,
    answered: [],
    applicable: [],
    straight: [],
    straightItems: [],
    attentionFailed: [],
    answerKey: [],
    idKey: [],
    duration: [],
    ip: [],
    time: [],
    cells,
    add(row) {
      const { values, reasons } = row;
      const i = profiles.count++;
      let answered = 0;
      // Applicable = not skipped by 问卷星's logic (a cell marked skipped was never asked).
      let applicable = 0;
      // Plain loops, not some()/every() with a closure per item and row (~350k closures a run).
      for (const { columns } of ctx.items) {
        if (anyAnswer(values, columns)) answered++;
        if (reasons[columns[0]] !== 'skipped') applicable++;
      }
      profiles.answered.push(answered);
      profiles.applicable.push(applicable);
      // Longstring equal to the grid's length (its intra-individual response variability is 0).
      let straight: string[] | null = null;
      let straightItems = 0;
      for (const { group, columns } of ctx.grids) {
        if (columns.length >= minItems && values[columns[0]] !== null && allSame(values, columns)) {
          (straight ??= []).push(group);
          straightItems = Math.max(straightItems, columns.length);
        }
      }
      profiles.straight.push(straight);
      profiles.straightItems.push(straightItems);
      let failed = false;
      for (const { k, expect } of attention) {
        if (k === undefined || !expect.includes(values[k] as number)) {
          failed = true;
          break;
        }
      }
      profiles.attentionFailed.push(failed);
      if ((i + 1) * width > cells.length) {
        // Grow by half: a doubling copy of a million rows' cells would briefly need three times the memory.
        const grown = new Uint32Array(Math.ceil(cells.length * 1.5));
        grown.set(cells);
        cells = grown;
        profiles.cells = cells;
      }
      // The answer key hashes the cells' texts joined by SEP; each cell's own FNV-1a hash is taken
      // in the same pass over its characters (hashUpdate's step, three hashes at once).
      let key = FNV_SEED;
      let check = KEY_SEED;
      for (let c = 0; c < width; c++) {
        const value = values[ctx.answerColumns[c]];
        if (c > 0) {
          key = hashUpdate(key, SEP);
          check = hashUpdate(check, SEP);
        }
        let cell = FNV_SEED;
        // A coded answer is mostly a small integer: its digits are hashed as String(value) spells
        // them without making that string (a million rows × 30 answers of garbage otherwise).
        const text = value === null ? '' : typeof value === 'number' && isSmallInteger(value) ? null : String(value);
        const start = text === null ? spellDigits(value as number) : 0;
        const end = text === null ? DIGITS.length : text.length;
        for (let k = start; k < end; k++) {
          const code = text === null ? DIGITS[k] : text.charCodeAt(k);
          cell = Math.imul(cell ^ code, FNV_PRIME) >>> 0;
          key = Math.imul(key ^ code, FNV_PRIME) >>> 0;
          check = Math.imul(check ^ code, FNV_PRIME) >>> 0;
        }
        cells[i * width + c] = start === end ? 0 : hashFinish(cell);
      }
      // Rows with the same key are taken as identical: with 53 bits, a false match among a
      // million rows has a chance of about 1 in 18,000.
      profiles.answerKey.push(hashFinish(key) * 0x200000 + (hashFinish(check) & 0x1fffff));
      const id = ctx.id === undefined ? null : values[ctx.id];
      profiles.idKey.push(id === null || id === undefined ? null : id);
      const duration = ctx.duration === undefined ? null : values[ctx.duration];
      profiles.duration.push(typeof duration === 'number' ? duration : Number.NaN);
      const ip = ctx.ip === undefined ? null : values[ctx.ip];
      profiles.ip.push(typeof ip === 'string' && ip ? ip : null);
      const time = ctx.submittedAt === undefined ? null : values[ctx.submittedAt];
      profiles.time.push(typeof time === 'string' ? Date.parse(`${time}Z`) / 1000 : Number.NaN);
    },
  };
  return profiles;
}

/** The character codes spellDigits wrote, most significant first, ending at the array's end. */
const DIGITS = new Int32Array(11);

/** Whether the number is whole with at most 9 digits: String() spells it as a sign and digits (−0 as "0"). */
function isSmallInteger(value: number): boolean {
  return (value | 0) === value && value > -1e9 && value < 1e9;
}

/** Writes the character codes of String(value) for a small integer at the end of DIGITS; returns where they start. */
function spellDigits(value: number): number {
  let n = value < 0 ? -value : value;
  let start = DIGITS.length;
  do {
    DIGITS[--start] = 48 + (n % 10);
    n = (n / 10) | 0;
  } while (n > 0);
  if (value < 0) DIGITS[--start] = 45;
  return start;
}

/** Whether any of the columns holds an answer. */
function anyAnswer(values: readonly unknown[], columns: readonly number[]): boolean {
  for (let c = 0; c < columns.length; c++) if (values[columns[c]] !== null) return true;
  return false;
}

/** Whether the columns all hold the first one's answer. */
function allSame(values: readonly unknown[], columns: readonly number[]): boolean {
  const first = values[columns[0]];
  for (let c = 1; c < columns.length; c++) if (values[columns[c]] !== first) return false;
  return true;
}
