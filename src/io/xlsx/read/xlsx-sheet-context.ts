/** What turning a sheet's cells into text needs from the rest of the workbook. */
export interface SheetContext {
  sharedStrings: string[];
  /** Number format by cell style index (the `s` attribute). */
  formats: (string | undefined)[];
  date1904: boolean;
}
