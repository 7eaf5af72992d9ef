/**
 * A station's waiting line with the two things issue 11 adds to the engine's
 * FIFO `IntQueue`: `queueDiscipline: lifo` (a free server takes the newest
 * waiting request: under overload the newest still has time left before its
 * caller's timeout, the idea behind the adaptive LIFO of Maurer, "Fail at
 * Scale", ACM Queue 13(8), 2015; ours is plain LIFO) and cancellation of a
 * waiting entry (a hedged attempt that lost, hedging.ts) without searching
 * the line: the caller marks the entry dead in its own flag array and calls
 * {@link WaitLine.cancelled}; the entry is dropped when a server meets it, and
 * never counts in {@link WaitLine.live} (queue-length statistics, capacity).
 * A growable ring buffer of Int32; no allocation except when it doubles.
 */
export class WaitLine {
  private buf: Int32Array;
  private head = 0;
  /** Entries held, dead ones included. */
  size = 0;
  /** Entries waiting and not cancelled. */
  live = 0;

  constructor(capacity = 16) {
    this.buf = new Int32Array(capacity);
  }

  /** Adds item x (≥ 0) at the tail. */
  push(x: number): void {
    if (this.size === this.buf.length) this.grow();
    this.buf[(this.head + this.size) & (this.buf.length - 1)] = x;
    this.size++;
    this.live++;
  }

  /** An entry still in the line was cancelled (the caller has set dead[x] = 1 for it). */
  cancelled(): void {
    this.live--;
  }

  /**
   * Removes and returns the next live item, the oldest (lifo false) or the
   * newest (lifo true), dropping dead entries met on the way; −1 if none is live.
   */
  take(lifo: boolean, dead: Uint8Array): number {
    const mask = this.buf.length - 1;
    while (this.size > 0) {
      let x: number;
      if (lifo) {
        x = this.buf[(this.head + this.size - 1) & mask];
      } else {
        x = this.buf[this.head];
        this.head = (this.head + 1) & mask;
      }
      this.size--;
      if (dead[x] === 0) {
        this.live--;
        return x;
      }
    }
    return -1;
  }

  private grow(): void {
    const next = new Int32Array(this.buf.length * 2);
    for (let i = 0; i < this.size; i++) next[i] = this.buf[(this.head + i) & (this.buf.length - 1)];
    this.buf = next;
    this.head = 0;
  }
}
