/**
 * Call stages from span overlap. For each pair of callees of a service, the
 * visits that call both vote: the calls overlap in time (parallel) or one
 * ends before the other starts (sequential). Callees that overlap in most of
 * their shared visits join one stage (union–find); stages are numbered by
 * the mean start of their calls, measured from the start of the visit.
 */
import type { Visit } from './visits';

/** Stage number per callee service of these visits (all of one service); sync calls only. */
export function callStages(visits: readonly Visit[]): Map<string, number> {
  const overlap = new Map<string, { together: number; apart: number }>();
  const startSum = new Map<string, { sum: number; n: number }>();
  for (const v of visits) {
    const calls = v.calls.filter((c) => !c.async);
    const first = new Map<string, { startUs: number; endUs: number }>();
    for (const c of calls) {
      const prev = first.get(c.callee.service);
      if (!prev || c.startUs < prev.startUs) first.set(c.callee.service, { startUs: c.startUs, endUs: c.endUs });
    }
    const names = [...first.keys()].sort();
    for (const n of names) {
      const s = startSum.get(n) ?? { sum: 0, n: 0 };
      s.sum += (first.get(n)?.startUs ?? 0) - v.startUs;
      s.n++;
      startSum.set(n, s);
    }
    for (let i = 0; i < names.length; i++) {
      for (let j = i + 1; j < names.length; j++) {
        const a = first.get(names[i]) as { startUs: number; endUs: number };
        const b = first.get(names[j]) as { startUs: number; endUs: number };
        const key = `${names[i]}\u0000${names[j]}`;
        const o = overlap.get(key) ?? { together: 0, apart: 0 };
        if (a.startUs < b.endUs && b.startUs < a.endUs) o.together++;
        else o.apart++;
        overlap.set(key, o);
      }
    }
  }
  const parent = new Map<string, string>([...startSum.keys()].map((k) => [k, k]));
  const find = (k: string): string => {
    let r = k;
    while (parent.get(r) !== r) r = parent.get(r) as string;
    return r;
  };
  for (const [key, o] of overlap) {
    if (o.together > o.apart) {
      const [a, b] = key.split('\u0000');
      parent.set(find(a), find(b));
    }
  }
  const groups = new Map<string, { members: string[]; sum: number; n: number }>();
  for (const [name, s] of startSum) {
    const g = groups.get(find(name)) ?? { members: [], sum: 0, n: 0 };
    g.members.push(name);
    g.sum += s.sum;
    g.n += s.n;
    groups.set(find(name), g);
  }
  const ordered = [...groups.values()].sort((a, b) => a.sum / a.n - b.sum / b.n);
  const out = new Map<string, number>();
  if (ordered.length < 2 && (ordered[0]?.members.length ?? 0) < 2) return out;
  ordered.forEach((g, i) => {
    for (const m of g.members) out.set(m, i);
  });
  return out;
}
