import type { CodedRow } from '../ingest/ingest-file.js';
import type { CleanContext } from './clean-context.js';
import { hashText } from './hash-text.js';

/** What the row rules need to know of every row, gathered in one pass. */
export interface RowProfiles {
  count: number;
  answered: number[];
  applicable: number[];
  /** Grids answered with one answer throughout, per row (null when none). */
  straight: (string[] | null)[];
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
    attentionFailed: [],
    answerKey: [],
    idKey: [],
    duration: [],
    ip: [],
    time: [],
    cells,
    add(row) {
      const i = profiles.count++;
      let answered = 0;
      // Applicable = not skipped by 问卷星's logic (a cell marked skipped was never asked).
      let applicable = 0;
      for (const item of ctx.items) {
        if (item.columns.some((k) => row.values[k] !== null)) answered++;
        if (row.reasons[item.columns[0]] !== 'skipped') applicable++;
      }
      profiles.answered.push(answered);
      profiles.applicable.push(applicable);
      const straight = ctx.grids.filter((g) => {
        if (g.columns.length < minItems) return false;
        const first = row.values[g.columns[0]];
        return first !== null && g.columns.every((k) => row.values[k] === first);
      });
      profiles.straight.push(straight.length ? straight.map((g) => g.group) : null);
      profiles.attentionFailed.push(attention.some(({ k, expect }) => k === undefined || !expect.includes(row.values[k] as number)));
      if ((i + 1) * width > cells.length) {
        // Grow by half: a doubling copy of a million rows' cells would briefly need three times the memory.
        const grown = new Uint32Array(Math.ceil(cells.length * 1.5));
        grown.set(cells);
        cells = grown;
        profiles.cells = cells;
      }
      const texts = ctx.answerColumns.map((k) => (row.values[k] === null ? '' : String(row.values[k])));
      for (let c = 0; c < width; c++) cells[i * width + c] = texts[c] === '' ? 0 : hashText(texts[c]);
      const joined = texts.join(SEP);
      // Rows with the same key are taken as identical: with 53 bits, a false match among a
      // million rows has a chance of about 1 in 18,000.
      profiles.answerKey.push(hashText(joined) * 0x200000 + (hashText(joined, 0x2545f491) & 0x1fffff));
      const id = ctx.id === undefined ? null : row.values[ctx.id];
      profiles.idKey.push(id === null || id === undefined ? null : id);
      const duration = ctx.duration === undefined ? null : row.values[ctx.duration];
      profiles.duration.push(typeof duration === 'number' ? duration : Number.NaN);
      const ip = ctx.ip === undefined ? null : row.values[ctx.ip];
      profiles.ip.push(typeof ip === 'string' && ip ? ip : null);
      const time = ctx.submittedAt === undefined ? null : row.values[ctx.submittedAt];
      profiles.time.push(typeof time === 'string' ? Date.parse(`${time}Z`) / 1000 : Number.NaN);
    },
  };
  return profiles;
}
