import { UsageError } from '../../core/errors.js';

/** The UsageError for a `--sheet` the workbook does not have, listing the sheets it has. */
export function noSuchSheet(file: string, wanted: string, available: string[]): UsageError {
  return new UsageError(`the workbook has no sheet "${wanted}"`, {
    file,
    hint: `its sheets are ${available.map((name) => `"${name}"`).join(', ')}: pass one of them with --sheet`,
  });
}
