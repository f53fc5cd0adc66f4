import type { SharedStringsState } from './xlsx-model.js';
import { escapeCellText } from './xlsx-text.js';

/**
 * The shared strings table (xl/sharedStrings.xml): each distinct text once, cells refer to it by
 * number. Survey data repeats its answer labels, so this is smaller and faster to compress than
 * inline strings. A shared-string cell is never a formula, so text such as `=1+1` stays text as
 * written; sheetXml also gives such cells Excel's quote prefix so that editing them keeps them text.
 */
export class SharedStrings {
  private readonly ids: Map<string, number>;
  private readonly items: string[];
  private uses: number;

  /** A table that goes on from `state` (same indices; copied, not re-escaped), or an empty one. */
  constructor(state?: SharedStringsState) {
    this.ids = new Map(state?.ids);
    this.items = [...(state?.items ?? [])];
    this.uses = state?.uses ?? 0;
  }

  /** What the table holds, for another table to go on from (read-only views: that table copies them). */
  state(): SharedStringsState {
    return { ids: this.ids, items: this.items, uses: this.uses };
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
