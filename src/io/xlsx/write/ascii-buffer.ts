/**
 * A growing byte buffer for ASCII text. A worksheet part is pure ASCII (its text lives in the
 * shared strings), so char codes go straight into bytes: no 15 MB string to build, garbage-collect
 * and encode for a survey's data sheet.
 */
export class AsciiBuffer {
  private bytes: Buffer;
  private length = 0;

  /**
   * A buffer of `capacity` bytes to start with: a good guess saves copying as it grows. With
   * `onFull`, it does not grow: each full buffer is handed over (and not touched again) and a new one begun.
   */
  constructor(
    capacity: number,
    private readonly onFull?: (bytes: Buffer) => void,
  ) {
    this.bytes = Buffer.allocUnsafe(capacity);
  }

  /** Appends ASCII text (each UTF-16 unit becomes one byte: callers pass only ASCII). */
  text(s: string): void {
    const n = s.length;
    if (this.length + n > this.bytes.length) this.grow(n);
    const bytes = this.bytes;
    let at = this.length;
    for (let i = 0; i < n; i++) bytes[at++] = s.charCodeAt(i);
    this.length = at;
  }

  /** Appends a whole number ≥ 0 in decimal, without making a string. */
  digits(n: number): void {
    let width = 1;
    for (let m = n; m >= 10; m = Math.floor(m / 10)) width++;
    if (this.length + width > this.bytes.length) this.grow(width);
    let at = (this.length += width);
    do {
      this.bytes[--at] = 48 + (n % 10);
      n = Math.floor(n / 10);
    } while (n > 0);
  }

  /** The bytes written so far (a view, not a copy); with `onFull`, those since the last buffer handed over. */
  result(): Buffer {
    return this.bytes.subarray(0, this.length);
  }

  private grow(needed: number): void {
    if (this.onFull) {
      this.onFull(this.bytes.subarray(0, this.length));
      this.bytes = Buffer.allocUnsafe(Math.max(this.bytes.length, needed));
      this.length = 0;
      return;
    }
    const bigger = Buffer.allocUnsafe(Math.max(this.bytes.length * 2, this.length + needed));
    this.bytes.copy(bigger, 0, 0, this.length);
    this.bytes = bigger;
  }
}
