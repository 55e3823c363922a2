/**
 * Builds large ASCII text in a growing byte buffer and decodes it once. Writing an LP of 100 MB
 * as millions of small strings costs seconds of garbage collection; bytes do not.
 */
const MINUS = 45;
const ZERO = 48;

export class AsciiWriter {
  private buf: Uint8Array;
  private pos = 0;
  /** Formatted non-integer numbers, reused: the same coefficient repeats across periods. */
  private readonly numbers = new Map<number, string>();

  constructor(initialBytes = 1 << 16) {
    this.buf = new Uint8Array(initialBytes);
  }

  get length(): number {
    return this.pos;
  }

  private ensure(n: number): void {
    if (this.pos + n <= this.buf.length) return;
    let size = this.buf.length * 2;
    while (size < this.pos + n) size *= 2;
    const next = new Uint8Array(size);
    next.set(this.buf.subarray(0, this.pos));
    this.buf = next;
  }

  /** ASCII text only (callers pass names, keywords and formatted numbers). */
  text(s: string): void {
    this.ensure(s.length);
    for (let k = 0; k < s.length; k++) this.buf[this.pos++] = s.charCodeAt(k);
  }

  byte(code: number): void {
    this.ensure(1);
    this.buf[this.pos++] = code;
  }

  /** A safe integer in decimal. */
  int(n: number): void {
    this.ensure(22);
    if (n < 0) {
      this.buf[this.pos++] = MINUS;
      n = -n;
    }
    if (n < 10) {
      this.buf[this.pos++] = ZERO + n;
      return;
    }
    let digits = 0;
    for (let m = n; m >= 1; m = Math.floor(m / 10)) digits++;
    let end = this.pos + digits;
    this.pos = end;
    while (n >= 1) {
      const q = Math.floor(n / 10);
      this.buf[--end] = ZERO + (n - q * 10);
      n = q;
    }
  }

  /** Shortest text that reads back as the same double. */
  number(v: number): void {
    if (Number.isSafeInteger(v)) {
      this.int(v === 0 ? 0 : v);
      return;
    }
    let s = this.numbers.get(v);
    if (s === undefined) {
      if (!Number.isFinite(v)) throw new RangeError(`not a finite number: ${v}`);
      s = String(v);
      if (this.numbers.size < 100_000) this.numbers.set(v, s);
    }
    this.text(s);
  }

  toString(): string {
    return new TextDecoder().decode(this.buf.subarray(0, this.pos));
  }
}
