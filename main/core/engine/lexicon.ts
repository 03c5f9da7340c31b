import { isStopword, matchForm, surfaceForm } from './normalise.js'
import { unitHash } from './tokenize.js'

// Interns token texts as numbers. Every distinct raw token text is normalised once (NFKC,
// spelling and the stemmer are the costly part, and a corpus has far fewer distinct words than
// words), and each distinct surface and match form gets a small integer id, so documents can be
// held as typed arrays of ids instead of strings.

export class Lexicon {
  /** Surface form of each surface id. */
  readonly surfaces: string[] = []
  /** Match form of each match id. */
  readonly matches: string[] = []
  /** 1 when the surface id is a function word. */
  private stopFlags = new Uint8Array(1024)
  private readonly byRaw = new Map<string, number>()
  /** Per raw entry: surface id and match id (raw entry index = position in these arrays / 1). */
  private rawSurface: Uint32Array = new Uint32Array(1024)
  private rawMatch: Uint32Array = new Uint32Array(1024)
  private readonly surfaceIds = new Map<string, number>()
  private readonly matchIds = new Map<string, number>()

  constructor(readonly stem: boolean) {}

  /** Number of distinct match forms so far. */
  get matchCount(): number {
    return this.matches.length
  }

  /** Open-addressing table of raw entries by a hash of their UTF-16 units: slot -> index + 1. */
  private slots = new Uint32Array(1 << 12)
  private slotHash = new Uint32Array(1 << 12)
  private readonly raws: string[] = []

  /**
   * Index of the token text[start, end), interning it on first sight: as intern(), but found by a
   * hash of the text's units (unitHash; the tokenizer computes it as it reads, tokenize.ts), so a
   * known token (nearly every token) costs no string.
   */
  internSpan(text: string, start: number, end: number, h: number = unitHash(text, start, end)): number {
    const mask = this.slots.length - 1
    let slot = h & mask
    for (;;) {
      const entry = this.slots[slot]
      if (entry === 0) break
      if (this.slotHash[slot] === h) {
        const raw = this.raws[entry - 1]
        if (raw.length === end - start && text.startsWith(raw, start)) return entry - 1
      }
      slot = (slot + 1) & mask
    }
    const index = this.intern(text.slice(start, end))
    this.raws[index] = text.slice(start, end)
    this.slots[slot] = index + 1
    this.slotHash[slot] = h
    if (this.raws.length * 2 > this.slots.length) this.rehash()
    return index
  }

  private rehash(): void {
    const oldSlots = this.slots
    const oldHash = this.slotHash
    this.slots = new Uint32Array(oldSlots.length * 2)
    this.slotHash = new Uint32Array(oldSlots.length * 2)
    const mask = this.slots.length - 1
    for (let s = 0; s < oldSlots.length; s++) {
      if (oldSlots[s] === 0) continue
      let slot = oldHash[s] & mask
      while (this.slots[slot] !== 0) slot = (slot + 1) & mask
      this.slots[slot] = oldSlots[s]
      this.slotHash[slot] = oldHash[s]
    }
  }

  /** Index of the raw token text, interning it (and its forms) on first sight. */
  intern(raw: string): number {
    const known = this.byRaw.get(raw)
    if (known !== undefined) return known
    const index = this.byRaw.size
    if (index === this.rawSurface.length) {
      this.rawSurface = grow(this.rawSurface)
      this.rawMatch = grow(this.rawMatch)
    }
    const surface = surfaceForm(raw)
    let sid = this.surfaceIds.get(surface)
    if (sid === undefined) {
      sid = this.surfaces.length
      this.surfaces.push(surface)
      this.surfaceIds.set(surface, sid)
      if (sid === this.stopFlags.length) {
        const bigger = new Uint8Array(sid * 2)
        bigger.set(this.stopFlags)
        this.stopFlags = bigger
      }
      this.stopFlags[sid] = isStopword(surface) ? 1 : 0
    }
    const match = matchForm(surface, this.stem)
    let mid = this.matchIds.get(match)
    if (mid === undefined) {
      mid = this.matches.length
      this.matches.push(match)
      this.matchIds.set(match, mid)
    }
    this.rawSurface[index] = sid
    this.rawMatch[index] = mid
    this.byRaw.set(raw, index)
    return index
  }

  surfaceOfRaw(index: number): number {
    return this.rawSurface[index]
  }

  matchOfRaw(index: number): number {
    return this.rawMatch[index]
  }

  /** True when the surface id is a function word. */
  isStop(surfaceId: number): boolean {
    return this.stopFlags[surfaceId] === 1
  }

  /** Match id of a word (normalised as a token would be), or -1 when the corpus never has it. */
  matchIdOf(word: string): number {
    return this.matchIds.get(matchForm(surfaceForm(word), this.stem)) ?? -1
  }
}

function grow(a: Uint32Array): Uint32Array {
  const b = new Uint32Array(a.length * 2)
  b.set(a)
  return b
}
