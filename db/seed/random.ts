/** Seeded randomness for the demo store: the same seed and `now` always give the same rows (and ids). */
import { ID_PREFIXES, type IdKind } from '@domain/core/ids';

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** A small deterministic PRNG (mulberry32) with the helpers the generator needs. */
export class Rng {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** A float in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** An integer in [min, max]. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  /** True with probability p. */
  chance(p: number): boolean {
    return this.next() < p;
  }

  /** One element of a non-empty list. */
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)] as T;
  }

  /** `n` distinct elements in list order (n is capped at the list length). */
  sample<T>(items: readonly T[], n: number): T[] {
    const chosen = new Set<number>();
    const want = Math.min(n, items.length);
    while (chosen.size < want) chosen.add(Math.floor(this.next() * items.length));
    return [...chosen].sort((a, b) => a - b).map((i) => items[i] as T);
  }

  /** An id in the same layout as domain/ids newId (prefix, 10 time chars, 16 random chars), but reproducible. */
  id(kind: IdKind, at: number): string {
    let time = '';
    let t = Math.max(0, Math.floor(at));
    for (let i = 0; i < 10; i++) {
      time = ALPHABET[t % 32] + time;
      t = Math.floor(t / 32);
    }
    let rand = '';
    for (let i = 0; i < 16; i++) rand += ALPHABET[Math.floor(this.next() * 32)];
    return `${ID_PREFIXES[kind]}_${time}${rand}`;
  }
}
