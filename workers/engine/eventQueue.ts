/**
 * The future-event list: a binary min-heap keyed by (time ms, sequence
 * number), so events at the same instant run in the order they were
 * scheduled (deterministic). Event payloads live in pooled slots (integer
 * kind, an int and a float argument) recycled through a free list: no
 * object is allocated per event. Arrays double when full.
 */
export class EventQueue {
  private heapTime: Float64Array;
  private heapSeq: Float64Array;
  private heapSlot: Int32Array;
  private kinds: Uint8Array;
  private argA: Int32Array;
  private argB: Float64Array;
  private freeSlots: Int32Array;
  private freeTop = 0;
  private seq = 0;
  /** Number of pending events. */
  size = 0;
  /** Payload of the event last returned by {@link pop}. */
  kind = 0;
  a = 0;
  b = 0;

  constructor(capacity = 1024) {
    this.heapTime = new Float64Array(capacity);
    this.heapSeq = new Float64Array(capacity);
    this.heapSlot = new Int32Array(capacity);
    this.kinds = new Uint8Array(capacity);
    this.argA = new Int32Array(capacity);
    this.argB = new Float64Array(capacity);
    this.freeSlots = new Int32Array(capacity);
    for (let i = 0; i < capacity; i++) this.freeSlots[i] = capacity - 1 - i;
    this.freeTop = capacity;
  }

  /** Time (ms) of the earliest pending event; +Infinity when empty. */
  peekTime(): number {
    return this.size > 0 ? this.heapTime[0] : Number.POSITIVE_INFINITY;
  }

  /**
   * Takes the next sequence number without scheduling anything: for an event kept outside the
   * heap (the simulator's next arrival) that must still be ordered as if it had been pushed now.
   */
  takeSeq(): number {
    return this.seq++;
  }

  /** Sequence number of the earliest pending event (size must be > 0). */
  peekSeq(): number {
    return this.heapSeq[0];
  }

  /** Schedules an event of `kind` at `time` (ms) with arguments a (int) and b (float). */
  push(time: number, kind: number, a: number, b: number): void {
    if (this.freeTop === 0) this.grow();
    const slot = this.freeSlots[--this.freeTop];
    this.kinds[slot] = kind;
    this.argA[slot] = a;
    this.argB[slot] = b;
    const seq = this.seq++;
    const ht = this.heapTime;
    const hs = this.heapSeq;
    const hl = this.heapSlot;
    let i = this.size++;
    while (i > 0) {
      const p = (i - 1) >> 1;
      const pt = ht[p];
      if (pt < time || (pt === time && hs[p] < seq)) break;
      ht[i] = pt;
      hs[i] = hs[p];
      hl[i] = hl[p];
      i = p;
    }
    ht[i] = time;
    hs[i] = seq;
    hl[i] = slot;
  }

  /** Removes the earliest event; returns its time and leaves its payload in kind/a/b. Size must be > 0. */
  pop(): number {
    const ht = this.heapTime;
    const hs = this.heapSeq;
    const hl = this.heapSlot;
    const time = ht[0];
    const slot = hl[0];
    this.kind = this.kinds[slot];
    this.a = this.argA[slot];
    this.b = this.argB[slot];
    this.freeSlots[this.freeTop++] = slot;
    const n = --this.size;
    if (n > 0) {
      // Bottom-up removal: the hole at the root moves down along the earlier children to a leaf, then
      // the last event rises from there. The last event usually belongs near the bottom, so this makes
      // about one comparison per level where the textbook sift-down makes two.
      let i = 0;
      for (let c = 1; c < n; c = 2 * i + 1) {
        const r = c + 1;
        if (r < n && (ht[r] < ht[c] || (ht[r] === ht[c] && hs[r] < hs[c]))) c = r;
        ht[i] = ht[c];
        hs[i] = hs[c];
        hl[i] = hl[c];
        i = c;
      }
      const lt = ht[n];
      const ls = hs[n];
      while (i > 0) {
        const p = (i - 1) >> 1;
        if (ht[p] < lt || (ht[p] === lt && hs[p] < ls)) break;
        ht[i] = ht[p];
        hs[i] = hs[p];
        hl[i] = hl[p];
        i = p;
      }
      ht[i] = lt;
      hs[i] = ls;
      hl[i] = hl[n];
    }
    return time;
  }

  private grow(): void {
    const old = this.kinds.length;
    const cap = old * 2;
    const f64 = (a: Float64Array) => {
      const b = new Float64Array(cap);
      b.set(a);
      return b;
    };
    const i32 = (a: Int32Array) => {
      const b = new Int32Array(cap);
      b.set(a);
      return b;
    };
    this.heapTime = f64(this.heapTime);
    this.heapSeq = f64(this.heapSeq);
    this.heapSlot = i32(this.heapSlot);
    this.argA = i32(this.argA);
    this.argB = f64(this.argB);
    const k = new Uint8Array(cap);
    k.set(this.kinds);
    this.kinds = k;
    this.freeSlots = new Int32Array(cap);
    for (let i = 0; i < old; i++) this.freeSlots[i] = cap - 1 - i;
    this.freeTop = old;
  }
}
