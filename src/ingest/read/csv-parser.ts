import { InputError } from '../../core/errors.js';

/** One CSV record: its cells and the 1-based physical line where it starts. */
export interface CsvRecord {
  cells: string[];
  line: number;
}

const QUOTE = 34;
const CR = 13;
/** A record longer than this is a quote never closed: Excel cells hold at most 32,767 characters. */
const MAX_RECORD_CHARS = 16 * 1024 * 1024;

/**
 * An incremental CSV parser for what Excel, WPS and 问卷星 write: fields may be quoted, with
 * doubled quotes and line breaks inside; records end at LF or CR LF, or at CR in files that use
 * lone CRs. Text arrives in pieces; a record cut by a piece boundary waits for the next piece.
 */
export class CsvParser {
  private carry = '';
  private line = 1;
  private newline: '\n' | '\r' | null = null;

  constructor(
    private readonly delimiter: string,
    private readonly file: string,
  ) {}

  /** Parses the records completed by `text` into `out`. */
  push(text: string, out: CsvRecord[]): void {
    this.parse(this.carry + text, out, false);
  }

  /** Parses what is left at the end of the file into `out`. */
  end(out: CsvRecord[]): void {
    this.parse(this.carry, out, true);
  }

  private parse(s: string, out: CsvRecord[], final: boolean): void {
    this.newline ??= detectNewline(s, final);
    const nl = this.newline;
    let pos = 0;
    let line = this.line;
    if (nl !== null) {
      let quoteAt = s.indexOf('"');
      while (pos < s.length) {
        let end = s.indexOf(nl, pos);
        if (quoteAt !== -1 && quoteAt < pos) quoteAt = s.indexOf('"', pos);
        if (quoteAt === -1 || (end !== -1 && quoteAt > end)) {
          // Most records have no quotes: one split does them.
          if (end === -1) {
            if (!final) break;
            end = s.length;
          }
          const stop = nl === '\n' && end > pos && s.charCodeAt(end - 1) === CR ? end - 1 : end;
          out.push({ cells: s.slice(pos, stop).split(this.delimiter), line });
          pos = end + 1;
          line++;
          continue;
        }
        const next = this.parseQuoted(s, pos, line, nl, final, out);
        if (next < 0) break;
        line += countChar(s, nl, pos, next);
        pos = next;
      }
    }
    this.carry = s.slice(pos);
    this.line = line;
    if (this.carry.length > MAX_RECORD_CHARS) {
      throw new InputError(`the record starting on line ${line} is over 16 million characters long`, {
        file: this.file,
        line,
        hint: 'a quoted field is probably never closed: add the closing " (write "" for a quote inside a field)',
      });
    }
  }

  /** Parses the record at `pos` that holds a quote; returns the index after it, or -1 when it is not complete yet. */
  private parseQuoted(s: string, pos: number, line: number, nl: string, final: boolean, out: CsvRecord[]): number {
    const cells: string[] = [];
    let i = pos;
    for (;;) {
      let value = '';
      if (s.charCodeAt(i) === QUOTE) {
        let j = i + 1;
        for (;;) {
          const q = s.indexOf('"', j);
          if (q === -1) {
            if (!final) return -1;
            const opened = line + countChar(s, nl, pos, i);
            throw new InputError(`a quoted field opened on line ${opened} is never closed`, {
              file: this.file,
              line: opened,
              hint: 'add the closing " (write "" for a quote inside a field)',
            });
          }
          value += s.slice(j, q);
          if (s.charCodeAt(q + 1) === QUOTE) {
            value += '"';
            j = q + 2;
            continue;
          }
          // A quote at the very end may be the first of a doubled pair cut by the piece boundary.
          if (q + 1 === s.length && !final) return -1;
          i = q + 1;
          break;
        }
      }
      // Text after a closing quote is kept, as Excel does ("ab"c → abc); unquoted fields are all such text.
      const stop = nextStop(s, i, this.delimiter, nl);
      const tailEnd = nl === '\n' && stop < s.length && s.charCodeAt(stop - 1) === CR && stop > i ? stop - 1 : stop;
      value += s.slice(i, tailEnd);
      cells.push(value);
      if (stop === s.length) {
        if (!final) return -1;
        out.push({ cells, line });
        return stop;
      }
      i = stop + 1;
      if (s[stop] !== this.delimiter) {
        out.push({ cells, line });
        return i;
      }
    }
  }
}

/** LF (also for CR LF files) or CR for files with lone CRs; null until the text shows which. */
function detectNewline(s: string, final: boolean): '\n' | '\r' | null {
  const cr = s.indexOf('\r');
  const lf = s.indexOf('\n');
  if (cr === -1 || (lf !== -1 && lf < cr)) return lf === -1 && !final ? null : '\n';
  if (cr + 1 === s.length && !final) return null;
  return s[cr + 1] === '\n' ? '\n' : '\r';
}

function nextStop(s: string, from: number, delimiter: string, nl: string): number {
  const d = s.indexOf(delimiter, from);
  const n = s.indexOf(nl, from);
  if (d === -1) return n === -1 ? s.length : n;
  return n === -1 || d < n ? d : n;
}

function countChar(s: string, c: string, from: number, to: number): number {
  let count = 0;
  for (let i = s.indexOf(c, from); i !== -1 && i < to; i = s.indexOf(c, i + 1)) count++;
  return count;
}
