import { escapeCellText } from './xlsx-text.js';

/** What a SharedStrings table holds, as plain data (see prerenderSheet). */
export interface SharedStringsState {
  texts: string[];
  uses: number;
}

/**
 * The shared strings table (xl/sharedStrings.xml): each distinct text once, cells refer to it by
 * number. Survey data repeats its answer labels, so this is smaller and faster to compress than
 * inline strings. A shared-string cell is never a formula, so text such as `=1+1` stays text as
 * written; sheetXml also gives such cells Excel's quote prefix so that editing them keeps them text.
 */
export class SharedStrings {
  private readonly ids = new Map<string, number>();
  private readonly items: string[] = [];
  private uses = 0;

  /** A table that goes on from `state` (same indices), or an empty one. */
  constructor(state?: SharedStringsState) {
    for (const text of state?.texts ?? []) this.index(text);
    this.uses = state?.uses ?? 0;
  }

  /** The texts in index order and how many cells use them, for another table to go on from. */
  state(): SharedStringsState {
    return { texts: [...this.ids.keys()], uses: this.uses };
  }

  /** The index of a text, adding it on first use. */
  index(text: string): number {
    this.uses++;
    let id = this.ids.get(text);
    if (id === undefined) {
      id = this.items.push(`<si><t xml:space="preserve">${escapeCellText(text)}</t></si>`) - 1;
      this.ids.set(text, id);
    }
    return id;
  }

  /** Whether any cell holds text. */
  get empty(): boolean {
    return this.items.length === 0;
  }

  /** The shared strings part. */
  xml(): string {
    return (
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
      `<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="${this.uses}" uniqueCount="${this.items.length}">` +
      `${this.items.join('')}</sst>`
    );
  }
}
