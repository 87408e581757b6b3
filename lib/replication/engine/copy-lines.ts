// Text-format COPY lines: append the _sdc columns to each row, and read one field (the replication key) back.
// In text COPY a raw newline only ends a row and a raw tab only separates fields (both are escaped inside values).
import { Transform, type TransformCallback } from "node:stream";

const NL = 10;
const TAB = 9;

export type SdcValues = { extractedAt: Date; receivedAt: Date; batchedAt: Date; tableVersion: number };

export type Framed = { out: Buffer; rows: number; lastKey: string | null | undefined };

// Frames a stream of COPY bytes into rows with the _sdc columns appended; keeps the partial last row for the next chunk.
// With `values`, each row gets all five _sdc columns; without, only _sdc_sequence (the others are the loading
// table's column defaults, which spares the destination from parsing three timestamps per row).
export class SdcFramer {
  private tail: Buffer | null = null;
  private rowIndex = 0;
  // The bytes appended to a row: [prefix][16 + 3 sequence digits][suffix]; the digits are rewritten per row.
  private template!: Buffer;
  private digitsAt = 0;
  private readonly ends: number[] = [];

  // sequenceStartMicros: epoch µs at the start of the stream; row i gets (start + ⌊i/1000⌋)·1000 + i mod 1000.
  constructor(
    private readonly sequenceStartMicros: number,
    values: SdcValues | null,
    private readonly keyIndex: number | null = null,
  ) {
    this.setValues(values);
  }

  // The _sdc values of the rows framed from now on (null: only the sequence is appended).
  setValues(v: SdcValues | null): void {
    const prefix = v ? `\t${v.extractedAt.toISOString()}\t${v.receivedAt.toISOString()}\t${v.batchedAt.toISOString()}\t` : "\t";
    const suffix = v ? `\t${v.tableVersion}\n` : "\n";
    this.template = Buffer.from(prefix + "0".repeat(19) + suffix, "latin1");
    this.digitsAt = prefix.length;
    this.writeHighDigits();
  }

  private writeHighDigits(): void {
    const high = String(this.sequenceStartMicros + Math.floor(this.rowIndex / 1000));
    if (high.length !== 16) throw new Error("_sdc_sequence out of range");
    this.template.write(high, this.digitsAt, "latin1");
  }

  // The framed complete rows of `chunk` (after any rows left from the previous call), at most `maxRows` of them:
  // the rest stays for the next call (see hasCompleteRow).
  frame(chunk: Buffer, maxRows = Infinity): Framed {
    const data = this.tail ? (chunk.length ? Buffer.concat([this.tail, chunk]) : this.tail) : chunk;
    const ends = this.ends;
    ends.length = 0;
    for (let p = data.indexOf(NL); p !== -1 && ends.length < maxRows; p = data.indexOf(NL, p + 1)) ends.push(p);
    if (ends.length === 0) {
      this.tail = Buffer.from(data);
      return { out: Buffer.alloc(0), rows: 0, lastKey: undefined };
    }
    const last = ends[ends.length - 1];
    this.tail = last + 1 < data.length ? Buffer.from(data.subarray(last + 1)) : null;
    const template = this.template;
    const low = this.digitsAt + 16;
    const out = Buffer.allocUnsafe(last + 1 + ends.length * (template.length - 1));
    let o = 0;
    let start = 0;
    for (let i = 0; i < ends.length; i++) {
      const e = ends[i];
      o += data.copy(out, o, start, e);
      const r = this.rowIndex % 1000;
      if (r === 0) this.writeHighDigits();
      template[low] = 48 + Math.floor(r / 100);
      template[low + 1] = 48 + (Math.floor(r / 10) % 10);
      template[low + 2] = 48 + (r % 10);
      this.rowIndex++;
      o += template.copy(out, o);
      start = e + 1;
    }
    const lastKey = this.keyIndex === null ? undefined : lastNonNullKey(data, ends, this.keyIndex);
    return { out, rows: ends.length, lastKey };
  }

  // True when a whole row is left over from the last call (it stopped at `maxRows`).
  hasCompleteRow(): boolean {
    return this.tail !== null && this.tail.indexOf(NL) !== -1;
  }

  // True when bytes of an unfinished row are left (a COPY stream always ends with a newline).
  hasPartialRow(): boolean {
    return this.tail !== null && this.tail.length > 0;
  }
}

// The key field of the last row whose key is not NULL, unescaped; undefined when every row's key is NULL.
function lastNonNullKey(data: Buffer, ends: number[], keyIndex: number): string | undefined {
  for (let i = ends.length - 1; i >= 0; i--) {
    let s = i === 0 ? 0 : ends[i - 1] + 1;
    for (let k = 0; k < keyIndex; k++) s = data.indexOf(TAB, s) + 1;
    let e = data.indexOf(TAB, s);
    if (e === -1 || e > ends[i]) e = ends[i];
    const value = unescapeCopyText(data.toString("utf8", s, e));
    if (value !== null) return value;
  }
  return undefined;
}

const ESCAPES: Record<string, string> = { b: "\b", f: "\f", n: "\n", r: "\r", t: "\t", v: "\v" };

// A field of text-format COPY output as the value's text (null for \N).
export function unescapeCopyText(field: string): string | null {
  if (field === "\\N") return null;
  if (!field.includes("\\")) return field;
  return field.replace(/\\(?:([0-7]{1,3})|x([0-9a-fA-F]{1,2})|([\s\S]))/g, (_m, oct?: string, hex?: string, c?: string) => {
    if (oct) return String.fromCharCode(parseInt(oct, 8));
    if (hex) return String.fromCharCode(parseInt(hex, 16));
    return ESCAPES[c!] ?? c!;
  });
}

// A Transform from source COPY bytes to destination COPY bytes with the _sdc columns appended.
export class SdcAppender extends Transform {
  rows = 0;

  constructor(
    private readonly framer: SdcFramer,
    private readonly onRows: (rows: number) => void = () => {},
  ) {
    super();
  }

  _transform(chunk: Buffer, _enc: BufferEncoding, callback: TransformCallback): void {
    const framed = this.framer.frame(chunk);
    if (framed.rows) {
      this.rows += framed.rows;
      this.onRows(this.rows);
      this.push(framed.out);
    }
    callback();
  }

  _flush(callback: TransformCallback): void {
    callback(this.framer.hasPartialRow() ? new Error("the source's COPY output ended inside a row") : undefined);
  }
}
