import type { FailureClass } from './types.js';

/**
 * Job runs stored column by column (typed arrays and an interned string table), so a history
 * of millions of runs stays small in memory. Runs of one group are chained through `next`.
 */

export const CLASS_CODES: readonly FailureClass[] = ['pass', 'test', 'infra', 'unknown', 'novote', 'skipped'];
const CLASS_INDEX = new Map<FailureClass, number>(CLASS_CODES.map((c, i) => [c, i]));

export const FLAG_VOTING = 1;
export const FLAG_HAS_LOG = 2;
export const FLAG_TEST_EVIDENCE = 4;

export class RunColumns {
  length = 0;
  end: Float64Array = new Float64Array(1024);
  cls: Uint8Array = new Uint8Array(1024);
  flags: Uint8Array = new Uint8Array(1024);
  job: Int32Array = new Int32Array(1024);
  cell: Int32Array = new Int32Array(1024);
  reason: Int32Array = new Int32Array(1024);
  next: Int32Array = new Int32Array(1024);
  hashA: Int32Array = new Int32Array(1024);
  hashB: Int32Array = new Int32Array(1024);
  /** Interned canonical votes string of the run's report (`Verified=-1`), -1 when unknown. */
  votes: Int32Array = new Int32Array(1024);
  /** Log URLs of failed runs only (evidence). */
  readonly logs = new Map<number, string>();
  private readonly strings: string[] = [];
  private readonly stringIds = new Map<string, number>();

  intern(value: string): number {
    let id = this.stringIds.get(value);
    if (id === undefined) {
      id = this.strings.length;
      this.strings.push(value);
      this.stringIds.set(value, id);
    }
    return id;
  }

  string(id: number): string {
    return this.strings[id] as string;
  }

  private grow(): void {
    const size = this.end.length * 2;
    const growF64 = (a: Float64Array): Float64Array => {
      const b = new Float64Array(size);
      b.set(a);
      return b;
    };
    const growU8 = (a: Uint8Array): Uint8Array => {
      const b = new Uint8Array(size);
      b.set(a);
      return b;
    };
    const growI32 = (a: Int32Array): Int32Array => {
      const b = new Int32Array(size);
      b.set(a);
      return b;
    };
    this.end = growF64(this.end);
    this.cls = growU8(this.cls);
    this.flags = growU8(this.flags);
    this.job = growI32(this.job);
    this.cell = growI32(this.cell);
    this.reason = growI32(this.reason);
    this.next = growI32(this.next);
    this.hashA = growI32(this.hashA);
    this.hashB = growI32(this.hashB);
    this.votes = growI32(this.votes);
  }

  /** Appends a run; returns its index. */
  push(run: {
    end: number;
    class: FailureClass;
    voting: boolean;
    hasLog: boolean;
    testEvidence: boolean;
    job: string;
    cell: string;
    reason: string;
    next: number;
    hashA: number;
    hashB: number;
    log: string | undefined;
    votes?: Readonly<Record<string, number>> | undefined;
  }): number {
    if (this.length === this.end.length) this.grow();
    const i = this.length++;
    this.end[i] = run.end;
    this.cls[i] = CLASS_INDEX.get(run.class) ?? 3;
    this.flags[i] = (run.voting ? FLAG_VOTING : 0) | (run.hasLog ? FLAG_HAS_LOG : 0) | (run.testEvidence ? FLAG_TEST_EVIDENCE : 0);
    this.job[i] = this.intern(run.job);
    this.cell[i] = this.intern(run.cell);
    this.reason[i] = this.intern(run.reason);
    this.next[i] = run.next;
    this.hashA[i] = run.hashA;
    this.hashB[i] = run.hashB;
    this.votes[i] = run.votes === undefined ? -1 : this.intern(encodeVotes(run.votes));
    if (run.log !== undefined) this.logs.set(i, run.log);
    return i;
  }

  classOf(i: number): FailureClass {
    return CLASS_CODES[this.cls[i] as number] as FailureClass;
  }

  private readonly decodedVotes = new Map<number, Readonly<Record<string, number>>>();

  /** The votes of run i's report by label, or undefined when the source did not show them. */
  votesOf(i: number): Readonly<Record<string, number>> | undefined {
    const id = this.votes[i] as number;
    if (id === -1) return undefined;
    let decoded = this.decodedVotes.get(id);
    if (!decoded) {
      decoded = decodeVotes(this.string(id));
      this.decodedVotes.set(id, decoded);
    }
    return decoded;
  }
}

/** `{ Verified: -1, Code-Review: 0 }` as `Code-Review=0,Verified=-1` (sorted: one string per set). */
function encodeVotes(votes: Readonly<Record<string, number>>): string {
  return Object.keys(votes)
    .sort()
    .map((label) => `${label}=${votes[label] as number}`)
    .join(',');
}

function decodeVotes(text: string): Readonly<Record<string, number>> {
  const out: Record<string, number> = {};
  if (text === '') return out;
  for (const item of text.split(',')) {
    const at = item.lastIndexOf('=');
    out[item.slice(0, at)] = Number(item.slice(at + 1));
  }
  return out;
}

/** Two independent 32-bit hashes (FNV-1a and djb2) of a string, written to `out`: a 64-bit identity for dedupe. */
export function hashPair(value: string, out: Int32Array): void {
  let a = 0x811c9dc5;
  let b = 5381;
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = (Math.imul(b, 33) + c) | 0;
  }
  out[0] = a;
  out[1] = b;
}
