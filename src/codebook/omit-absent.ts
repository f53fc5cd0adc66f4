/** A copy without the fields that are undefined or null, so that absent and missing read the same in deep equality. */
export function omitAbsent<T extends object>(value: T): { [K in keyof T]: Exclude<T[K], null> } {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined && v !== null)) as {
    [K in keyof T]: Exclude<T[K], null>;
  };
}
