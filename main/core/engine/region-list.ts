import type { Region } from './chain.js'

// The candidate passages of a corpus (chain.ts), column by column in typed arrays: about a
// million at the changelogs' scale, all held from chaining to the end of alignment. As an object
// each (some 90 bytes on V8's heap, and the array holding them) they were over 100 MB of the heap
// while the seeds and alignment's pairs were alive too; here 28 bytes each, outside the heap. The
// parts of a candidate joined from several (Region.parts, a minority) stay objects, by candidate.

/** Candidates an array starts with; each array doubles when full. */
const INITIAL_CAPACITY = 1024

/** A growable list of candidate passages (see above); candidate k is at(k). */
export class RegionList {
  length = 0
  private docA: Uint32Array = new Uint32Array(INITIAL_CAPACITY)
  private docB: Uint32Array = new Uint32Array(INITIAL_CAPACITY)
  private seedCounts: Uint32Array = new Uint32Array(INITIAL_CAPACITY)
  /** a0, a1, b0, b1 of candidate k at 4k .. 4k + 3. */
  private bounds: Uint32Array = new Uint32Array(4 * INITIAL_CAPACITY)
  private readonly partsOf = new Map<number, Region[]>()

  /** Appends a candidate (its fields copied; its parts, if any, kept as they are). */
  push(region: Region): void {
    const k = this.length
    if (k === this.docA.length) this.grow()
    this.docA[k] = region.docA
    this.docB[k] = region.docB
    this.seedCounts[k] = region.seeds
    this.setBounds(k, region.a0, region.a1, region.b0, region.b1)
    if (region.parts) this.partsOf.set(k, region.parts)
    this.length++
  }

  /** Drops the candidates from `length` on (chain.ts reads a pair's again to join some). */
  truncate(length: number): void {
    for (let k = length; k < this.length; k++) this.partsOf.delete(k)
    this.length = Math.min(this.length, length)
  }

  /** Candidate k as a Region (a new object each call). */
  at(k: number): Region {
    const b = this.bounds
    const region: Region = {
      docA: this.docA[k],
      docB: this.docB[k],
      a0: b[4 * k],
      a1: b[4 * k + 1],
      b0: b[4 * k + 2],
      b1: b[4 * k + 3],
      seeds: this.seedCounts[k],
    }
    const parts = this.partsOf.get(k)
    if (parts) region.parts = parts
    return region
  }

  a0(k: number): number {
    return this.bounds[4 * k]
  }

  a1(k: number): number {
    return this.bounds[4 * k + 1]
  }

  b0(k: number): number {
    return this.bounds[4 * k + 2]
  }

  b1(k: number): number {
    return this.bounds[4 * k + 3]
  }

  seeds(k: number): number {
    return this.seedCounts[k]
  }

  setSeeds(k: number, seeds: number): void {
    this.seedCounts[k] = seeds
  }

  setBounds(k: number, a0: number, a1: number, b0: number, b1: number): void {
    const b = this.bounds
    b[4 * k] = a0
    b[4 * k + 1] = a1
    b[4 * k + 2] = b0
    b[4 * k + 3] = b1
  }

  /** The parts candidate k joins (Region.parts), made and kept on first call. */
  parts(k: number): Region[] {
    let parts = this.partsOf.get(k)
    if (!parts) {
      parts = []
      this.partsOf.set(k, parts)
    }
    return parts
  }

  hasParts(k: number): boolean {
    return this.partsOf.has(k)
  }

  private grow(): void {
    const size = 2 * this.docA.length
    const grown = (array: Uint32Array, length: number): Uint32Array => {
      const bigger = new Uint32Array(length)
      bigger.set(array)
      return bigger
    }
    this.docA = grown(this.docA, size)
    this.docB = grown(this.docB, size)
    this.seedCounts = grown(this.seedCounts, size)
    this.bounds = grown(this.bounds, 4 * size)
  }
}
