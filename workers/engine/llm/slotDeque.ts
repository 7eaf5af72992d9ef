/** A growable double-ended ring of integers: vLLM's waiting queue, where preempted requests go back to the front. */
export class SlotDeque {
  private buf: Int32Array;
  private head = 0;
  /** Number of items. */
  size = 0;

  /** `capacity` is rounded up to a power of two (at least 16). */
  constructor(capacity = 16) {
    let c = 16;
    while (c < capacity) c *= 2;
    this.buf = new Int32Array(c);
  }

  /** Appends at the back (a new arrival). */
  pushBack(x: number): void {
    if (this.size === this.buf.length) this.grow();
    this.buf[(this.head + this.size) & (this.buf.length - 1)] = x;
    this.size++;
  }

  /** Inserts at the front (a preempted request: vLLM's `waiting.prepend_request`). */
  pushFront(x: number): void {
    if (this.size === this.buf.length) this.grow();
    this.head = (this.head - 1) & (this.buf.length - 1);
    this.buf[this.head] = x;
    this.size++;
  }

  /** The front item (size must be > 0). */
  peek(): number {
    return this.buf[this.head];
  }

  /** Removes and returns the front item (size must be > 0). */
  shift(): number {
    const x = this.buf[this.head];
    this.head = (this.head + 1) & (this.buf.length - 1);
    this.size--;
    return x;
  }

  private grow(): void {
    const next = new Int32Array(this.buf.length * 2);
    for (let i = 0; i < this.size; i++) next[i] = this.buf[(this.head + i) & (this.buf.length - 1)];
    this.buf = next;
    this.head = 0;
  }
}
