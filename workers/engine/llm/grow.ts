/** Typed-array growth for the replica's per-slot and per-event buffers (allocation only when a buffer doubles). */

/** A copy of `a` in a new Int32Array of length n (≥ a.length). */
export function growI32(a: Int32Array, n: number): Int32Array<ArrayBuffer> {
  const b = new Int32Array(n);
  b.set(a);
  return b;
}

/** A copy of `a` in a new Float64Array of length n (≥ a.length). */
export function growF64(a: Float64Array, n: number): Float64Array<ArrayBuffer> {
  const b = new Float64Array(n);
  b.set(a);
  return b;
}
