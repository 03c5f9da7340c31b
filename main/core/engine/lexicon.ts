import { languageBits } from './languages.js'
import { isStopword, matchForm, spelledForm, surfaceForm, writtenForm } from './normalise.js'
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
  /** 1 when the surface id is an English function word (or a Chinese or Japanese one: normalise.ts). */
  private stopFlags = new Uint8Array(1024)
  /** Per surface id, the languages besides English that count it a function word (languages.ts languageBits). */
  private languageFlags = new Uint8Array(1024)
  /** Per raw entry: surface id and match id (raw entry index = position in these arrays / 1). */
  private rawSurface: Uint32Array = new Uint32Array(1024)
  private rawMatch: Uint32Array = new Uint32Array(1024)
  /** Per raw entry: 1 when its written form is respelled to its surface form (normalise.ts). */
  private rawRespelled: Uint8Array = new Uint8Array(1024)
  private readonly surfaceIds = new Map<string, number>()
  private readonly matchIds = new Map<string, number>()

  constructor(readonly stem: boolean) {}

  /** Number of distinct match forms so far. */
  get matchCount(): number {
    return this.matches.length
  }

  /**
   * Open-addressing table of raw entries by a hash of their UTF-16 units, two numbers a slot:
   * the hash and the entry's index + 1 (0: empty). Side by side, so a probe reads one cache line.
   */
  private table = new Uint32Array(2 << 12)
  /** The text of each raw entry. */
  private readonly raws: string[] = []

  /**
   * Index of the token text[start, end), interning it on first sight: found by a hash of the
   * text's units (unitHash; the tokenizer computes it as it reads, tokenize.ts), so a known token
   * (nearly every token) costs no string.
   */
  internSpan(text: string, start: number, end: number, h: number = unitHash(text, start, end)): number {
    const table = this.table
    const mask = (table.length >>> 1) - 1
    let slot = h & mask
    for (;;) {
      const entry = table[2 * slot + 1]
      if (entry === 0) break
      if (table[2 * slot] === h) {
        const raw = this.raws[entry - 1]
        if (raw.length === end - start && text.startsWith(raw, start)) return entry - 1
      }
      slot = (slot + 1) & mask
    }
    const index = this.add(text.slice(start, end))
    table[2 * slot] = h
    table[2 * slot + 1] = index + 1
    if (this.raws.length * 2 > mask + 1) this.rehash()
    return index
  }

  private rehash(): void {
    const old = this.table
    const table = new Uint32Array(old.length * 2)
    const mask = (table.length >>> 1) - 1
    for (let s = 0; s < old.length; s += 2) {
      if (old[s + 1] === 0) continue
      let slot = old[s] & mask
      while (table[2 * slot + 1] !== 0) slot = (slot + 1) & mask
      table[2 * slot] = old[s]
      table[2 * slot + 1] = old[s + 1]
    }
    this.table = table
  }

  /** Index of the raw token text, interning it (and its forms) on first sight. */
  intern(raw: string): number {
    return this.internSpan(raw, 0, raw.length)
  }

  /** A new raw entry and its forms. */
  private add(raw: string): number {
    const index = this.raws.length
    if (index === this.rawSurface.length) {
      this.rawSurface = grow(this.rawSurface)
      this.rawMatch = grow(this.rawMatch)
      const respelled = new Uint8Array(this.rawRespelled.length * 2)
      respelled.set(this.rawRespelled)
      this.rawRespelled = respelled
    }
    const written = writtenForm(raw)
    const surface = spelledForm(written)
    this.rawRespelled[index] = written === surface ? 0 : 1
    let sid = this.surfaceIds.get(surface)
    if (sid === undefined) {
      sid = this.surfaces.length
      this.surfaces.push(surface)
      this.surfaceIds.set(surface, sid)
      if (sid === this.stopFlags.length) {
        this.stopFlags = growBytes(this.stopFlags)
        this.languageFlags = growBytes(this.languageFlags)
      }
      this.stopFlags[sid] = isStopword(surface) ? 1 : 0
      this.languageFlags[sid] = languageBits(surface)
    }
    this.rawSurface[index] = sid
    this.rawMatch[index] = this.matchOfForm(surface)
    this.raws.push(raw)
    return index
  }

  surfaceOfRaw(index: number): number {
    return this.rawSurface[index]
  }

  matchOfRaw(index: number): number {
    return this.rawMatch[index]
  }

  /** True when the raw entry is written otherwise than its surface form ("labour" read as "labor"). */
  isRespelledRaw(index: number): boolean {
    return this.rawRespelled[index] === 1
  }

  /** True when the surface id is an English function word (or a Chinese or Japanese one: normalise.ts). */
  isStop(surfaceId: number): boolean {
    return this.stopFlags[surfaceId] === 1
  }

  /**
   * The match id of a word written `surface` (a surface form), interning its match form on first
   * sight: a raw token's (add), or a word a token is read as otherwise than its text (languages.ts
   * unelided).
   */
  matchOfForm(surface: string): number {
    const match = matchForm(surface, this.stem)
    let mid = this.matchIds.get(match)
    if (mid === undefined) {
      mid = this.matches.length
      this.matches.push(match)
      this.matchIds.set(match, mid)
    }
    return mid
  }

  /** The languages besides English that count the surface id a function word, as bits (languages.ts languageBits). */
  languagesOf(surfaceId: number): number {
    return this.languageFlags[surfaceId]
  }

  /** Match id of a word (normalised as a token would be), or -1 when the corpus never has it. */
  matchIdOf(word: string): number {
    return this.matchIds.get(matchForm(surfaceForm(word), this.stem)) ?? -1
  }
}

function growBytes(a: Uint8Array<ArrayBuffer>): Uint8Array<ArrayBuffer> {
  const b = new Uint8Array(a.length * 2)
  b.set(a)
  return b
}

function grow(a: Uint32Array): Uint32Array {
  const b = new Uint32Array(a.length * 2)
  b.set(a)
  return b
}
