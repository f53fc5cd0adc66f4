/** Character tests of the xlsx readers, on a byte or a UTF-16 unit alike (both are ASCII here). */

/** Whether c is one of [\w:.-], what the general reader accepts in an attribute name. */
export function isNameByte(c: number): boolean {
  return (c >= 48 && c <= 58) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || c === 45 || c === 46;
}

/** Whether c is XML white space (space, tab, LF, CR). */
export function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13;
}
