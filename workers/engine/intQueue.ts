/**
 * A growable ring buffer of integers: a FIFO (a station's waiting line), and a deque with
 * pushFront (an LLM replica's waiting queue, where preempted requests go back to the front).
 * `capacity` must be a power of two.
 */
export class IntQueue {
  private buf: Int32Array;
  private head = 0;
  /** Number of queued items. */
  size = 0;

  constructor(capacity = 16) {
    this.buf = new Int32Array(capacity);
  }

  push(x: number): void {
    if (this.size === this.buf.length) this.grow();
    this.buf[(this.head + this.size) & (this.buf.length - 1)] = x;
    this.size++;
  }

  /** Inserts at the front (vLLM's `waiting.prepend_request` for a preempted request). */
  pushFront(x: number): void {
    if (this.size === this.buf.length) this.grow();
    this.head = (this.head - 1) & (this.buf.length - 1);
    this.buf[this.head] = x;
    this.size++;
  }

  /** Removes and returns the oldest item (size must be > 0). */
  shift(): number {
    const x = this.buf[this.head];
    this.head = (this.head + 1) & (this.buf.length - 1);
    this.size--;
    return x;
  }

  /** Removes and returns the newest item (size must be > 0): a LIFO line. */
  pop(): number {
    this.size--;
    return this.buf[(this.head + this.size) & (this.buf.length - 1)];
  }

  /** The oldest item (size must be > 0). */
  peek(): number {
    return this.buf[this.head];
  }

  private grow(): void {
    const next = new Int32Array(this.buf.length * 2);
    for (let i = 0; i < this.size; i++) next[i] = this.buf[(this.head + i) & (this.buf.length - 1)];
    this.buf = next;
    this.head = 0;
  }
}
