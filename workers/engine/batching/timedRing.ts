/**
 * A growable FIFO ring of queued requests, struct-of-arrays: the request id, the time it was
 * enqueued (ms) and its timeout deadline (ms, +Infinity when it has none). Power-of-two capacity;
 * it only allocates when it doubles, never per request.
 */
export class TimedRing {
  private ids: Int32Array;
  private enq: Float64Array;
  private deadline: Float64Array;
  private head = 0;
  /** Number of queued requests. */
  size = 0;

  /** `capacity` is rounded up to a power of two (at least 16). */
  constructor(capacity = 16) {
    let c = 16;
    while (c < capacity) c *= 2;
    this.ids = new Int32Array(c);
    this.enq = new Float64Array(c);
    this.deadline = new Float64Array(c);
  }

  /** Appends a request enqueued at `enqMs` with timeout deadline `deadlineMs` (+Infinity = none). */
  push(id: number, enqMs: number, deadlineMs: number): void {
    if (this.size === this.ids.length) this.grow();
    const k = (this.head + this.size) & (this.ids.length - 1);
    this.ids[k] = id;
    this.enq[k] = enqMs;
    this.deadline[k] = deadlineMs;
    this.size++;
  }

  /** Removes the oldest request and returns its id (size must be > 0). */
  shift(): number {
    const id = this.ids[this.head];
    this.head = (this.head + 1) & (this.ids.length - 1);
    this.size--;
    return id;
  }

  /** Id of the i-th queued request, 0 = oldest (i < size). */
  idAt(i: number): number {
    return this.ids[(this.head + i) & (this.ids.length - 1)];
  }

  /** Enqueue time (ms) of the i-th queued request (i < size). */
  enqAt(i: number): number {
    return this.enq[(this.head + i) & (this.ids.length - 1)];
  }

  /** Timeout deadline (ms) of the i-th queued request (i < size); +Infinity when it has none. */
  deadlineAt(i: number): number {
    return this.deadline[(this.head + i) & (this.ids.length - 1)];
  }

  private grow(): void {
    const n = this.ids.length;
    const ids = new Int32Array(n * 2);
    const enq = new Float64Array(n * 2);
    const deadline = new Float64Array(n * 2);
    for (let i = 0; i < this.size; i++) {
      const k = (this.head + i) & (n - 1);
      ids[i] = this.ids[k];
      enq[i] = this.enq[k];
      deadline[i] = this.deadline[k];
    }
    this.ids = ids;
    this.enq = enq;
    this.deadline = deadline;
    this.head = 0;
  }
}
