import {
  closeSync,
  fstatSync,
  mkdirSync,
  openSync,
  read,
  readdirSync,
  readFileSync,
  renameSync,
  statSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs'
import { basename, dirname, join } from 'node:path'
import { threadId } from 'node:worker_threads'
import { userDataDir } from '../project/paths.js'
import { DATA_FILE_NAMES, type DataFiles, wordLinks } from './word-links.js'

// WordNet's index.sense (7 MB of text, a line per sense of a word, sorted by sense key) held as
// typed arrays: each lemma once, its senses as numbers, found through a hash table. Reading the
// text file and parsing the lines a lookup lands on cost more than the engine's whole analysis of
// a short corpus; the compact index is built from the text once, in one pass, kept in a cache
// file (`senseIndexCacheFile`) and read from there by later runs (7.6 MB with the links below, no
// parsing). A cache file is used only when it was built, by this format, from files of the same
// sizes and times as the index.sense and data files read now (SourceStamp); anything else is
// rebuilt from the text (a second, the data files read too). Lookups give exactly what the lines
// say, in the file's order.
//
// index.sense lines: "sense_key synset_offset sense_number tag_cnt", e.g.
//   "growth%1:22:00:: 13510240 1 37"
// the key starting with the lemma, "%" and the part of speech (1 noun, 2 verb, 3 adjective,
// 4 adverb, 5 satellite adjective); the offset (8 digits) names the meaning; tag_cnt is how often
// WordNet's tagged texts used the lemma in that sense.
//
// With the senses, the links between them (word-links.ts, read from the data files beside
// index.sense when they are there): per sense, the senses of other words it is joined to, both
// ways, by a derivation link ("necessity" in its first sense and "necessary" in its first) and by
// an antonym link ("minimum" and "maximum" as quantities).

/** One sense of a lemma, as index.sense gives it. */
export interface Sense {
  /** Part of speech digit of the sense key ('1' to '5'). */
  pos: string
  /** The synset offset, 8 digits as written. */
  offset: string
  /** How often the tagged texts used the lemma in this sense. */
  tagged: number
}

/**
 * Where a cache file came from: the size and modification time of the files it was built from
 * (index.sense and the data files beside it: sizes summed, times summed).
 */
export interface SourceStamp {
  size: number
  mtimeMs: number
}

const MAGIC = 0x4e575850 // "PXWN"
/** Changes whenever the layout below changes: an older cache file is then rebuilt, never misread. */
const FORMAT_VERSION = 4
/**
 * Header: magic, version, lemma count, sense count, key bytes, table slots, then the stamp as two
 * float64 (bytes 24-39), the derivation link count (40-43), the antonym link count (44-47).
 */
const HEADER_BYTES = 48
/**
 * Hash table slots per lemma, at least (rounded up to a power of two): more slots, fewer probes
 * per lookup but a larger file to read (4 bytes a slot; 147,000 lemmas take 262,144 slots, 1 MB).
 */
const SLOTS_PER_LEMMA = 1.5
/** A sense's part of speech and offset in one number: pos << OFFSET_BITS | offset. */
const OFFSET_BITS = 28

/** FNV-1a, 32 bits, over a lemma's bytes (ASCII: a byte per character, as `find` hashes them). */
const FNV_OFFSET = 0x811c9dc5
const FNV_PRIME = 0x01000193

function hash(keys: Uint8Array, k0: number, k1: number): number {
  let h = FNV_OFFSET
  for (let k = k0; k < k1; k++) h = Math.imul(h ^ keys[k], FNV_PRIME)
  return h >>> 0
}

/** The data files' letter for each part of speech digit of a sense key (a satellite adjective's 5 as "a"). */
const LETTERS = ['', 'n', 'v', 'a', 'r', 'a']

const NEWLINE = 0x0a
const SPACE = 0x20
const PERCENT = 0x25
const ZERO = 0x30

/** The lemmas of index.sense and their senses (see above). */
export class SenseIndex {
  private constructor(
    /** Lemma k's bytes are keys[keyStart[k], keyStart[k + 1]), lemmas sorted by their bytes. */
    private readonly keyStart: Uint32Array,
    /** Lemma k's senses are code/taggedCounts[senseStart[k], senseStart[k + 1]), in the file's order. */
    private readonly senseStart: Uint32Array,
    private readonly code: Uint32Array,
    private readonly taggedCounts: Uint32Array,
    /** Open addressing, linear probing, by `hash` of the lemma's bytes: lemma number + 1, 0 for empty. */
    private readonly table: Uint32Array,
    private readonly keys: Uint8Array,
    readonly stamp: SourceStamp,
    /** Sense s's derivation links are the senses links[linkStart[s], linkStart[s + 1]), ascending. */
    private readonly linkStart: Uint32Array = new Uint32Array(senseStart[senseStart.length - 1] + 1),
    private readonly links: Uint32Array = new Uint32Array(0),
    /** Sense s's antonym links are the senses opposites[oppositeStart[s], oppositeStart[s + 1]), ascending. */
    private readonly oppositeStart: Uint32Array = new Uint32Array(senseStart[senseStart.length - 1] + 1),
    private readonly opposites: Uint32Array = new Uint32Array(0),
  ) {}

  /** Number of lemmas. */
  get size(): number {
    return this.keyStart.length - 1
  }

  /**
   * Builds the index from index.sense's bytes, in one pass, and the links from the data files when
   * given. Throws on a line not of the form above, or if the lemmas are not sorted and
   * each in one run of lines (what makes bisection right).
   */
  static build(text: Uint8Array, stamp: SourceStamp, data?: DataFiles): SenseIndex {
    let lines = 0
    for (let i = 0; i < text.length; i++) if (text[i] === NEWLINE) lines++
    if (text.length && text[text.length - 1] !== NEWLINE) lines++
    const keyStart = new Uint32Array(lines + 1)
    const senseStart = new Uint32Array(lines + 1)
    const code = new Uint32Array(lines)
    const tagged = new Uint32Array(lines)
    const keys = new Uint8Array(text.length)
    let lemmas = 0
    let senses = 0
    let keyBytes = 0
    const bad = (at: number): Error => {
      const end = text.indexOf(NEWLINE, at)
      return new Error(`index.sense: unexpected line "${Buffer.from(text.subarray(at, end < 0 ? text.length : end)).toString('latin1')}"`)
    }
    for (let at = 0; at < text.length;) {
      const lineStart = at
      while (at < text.length && text[at] !== PERCENT && text[at] !== SPACE && text[at] !== NEWLINE) at++
      const lemmaEnd = at
      if (text[at] !== PERCENT || lemmaEnd === lineStart) throw bad(lineStart)
      const pos = text[at + 1] - ZERO
      if (!(pos >= 1 && pos <= 5)) throw bad(lineStart)
      // A new lemma unless it is the previous one; then it must sort after it.
      const order = lemmas === 0 ? 1 : compareBytes(text, lineStart, lemmaEnd, keys, keyStart[lemmas - 1], keyBytes)
      if (order < 0) throw new Error('index.sense: lemmas are not sorted')
      if (order > 0) {
        keyStart[lemmas] = keyBytes
        senseStart[lemmas] = senses
        keys.set(text.subarray(lineStart, lemmaEnd), keyBytes)
        keyBytes += lemmaEnd - lineStart
        lemmas++
      }
      while (at < text.length && text[at] !== SPACE) at++
      at++
      // The offset: exactly 8 digits, so that it is written back as it was.
      let offset = 0
      const offsetStart = at
      while (at < text.length && text[at] >= ZERO && text[at] <= ZERO + 9) offset = offset * 10 + text[at++] - ZERO
      if (at - offsetStart !== 8 || text[at] !== SPACE || offset >= 1 << OFFSET_BITS) throw bad(lineStart)
      at++
      while (at < text.length && text[at] >= ZERO && text[at] <= ZERO + 9) at++
      if (text[at] !== SPACE) throw bad(lineStart)
      at++
      let count = 0
      const countStart = at
      while (at < text.length && text[at] >= ZERO && text[at] <= ZERO + 9) count = count * 10 + text[at++] - ZERO
      if (at === countStart || (at < text.length && text[at] !== NEWLINE)) throw bad(lineStart)
      code[senses] = (pos << OFFSET_BITS) | offset
      tagged[senses] = count
      senses++
      at++
    }
    keyStart[lemmas] = keyBytes
    senseStart[lemmas] = senses
    let slots = 1
    while (slots < lemmas * SLOTS_PER_LEMMA) slots *= 2
    const table = new Uint32Array(slots)
    for (let k = 0; k < lemmas; k++) {
      let slot = hash(keys, keyStart[k], keyStart[k + 1]) & (slots - 1)
      while (table[slot] !== 0) slot = (slot + 1) & (slots - 1)
      table[slot] = k + 1
    }
    // The senses without links first: the links are read through them (senseAt).
    const parts = [
      keyStart.slice(0, lemmas + 1),
      senseStart.slice(0, lemmas + 1),
      code.slice(0, senses),
      tagged.slice(0, senses),
      table,
      keys.slice(0, keyBytes),
    ] as const
    const index = new SenseIndex(...parts, stamp)
    if (!data) return index
    const { derived, opposed } = wordLinks(data, (lemma, pos, offset) => index.senseAt(lemma, pos, offset))
    return new SenseIndex(...parts, stamp, ...linkTable(derived, senses), ...linkTable(opposed, senses))
  }

  /** The number of sense `offset` (as a number) of `lemma` in part of speech `pos` (data files' letters), or -1. */

  private senseAt(lemma: string, pos: keyof DataFiles, offset: number): number {
    const k = this.find(lemma)
    if (k < 0) return -1
    for (let s = this.firstSense(k); s < this.endSense(k); s++)
      if (LETTERS[this.pos(s)] === pos && (this.code[s] & ((1 << OFFSET_BITS) - 1)) === offset) return s
    return -1
  }

  /** The index as a cache file's bytes (read back by `fromBytes`). */
  toBytes(): Uint8Array {
    const lemmas = this.size
    const senses = this.code.length
    const total =
      HEADER_BYTES +
      4 * (2 * (lemmas + 1) + 4 * senses + 2 + this.table.length + this.links.length + this.opposites.length) +
      this.keys.length
    const bytes = new Uint8Array(total)
    const header = new Uint32Array(bytes.buffer, 0, 6)
    header.set([MAGIC, FORMAT_VERSION, lemmas, senses, this.keys.length, this.table.length])
    new Float64Array(bytes.buffer, 24, 2).set([this.stamp.size, this.stamp.mtimeMs])
    new Uint32Array(bytes.buffer, 40, 2).set([this.links.length, this.opposites.length])
    let at = HEADER_BYTES
    const { keyStart, senseStart, code, taggedCounts, table, linkStart, links, oppositeStart, opposites } = this
    for (const part of [keyStart, senseStart, code, taggedCounts, table, linkStart, links, oppositeStart, opposites]) {
      bytes.set(new Uint8Array(part.buffer, part.byteOffset, part.byteLength), at)
      at += part.byteLength
    }
    bytes.set(this.keys, at)
    return bytes
  }

  /**
   * The index a cache file holds, or null when it is not one this code wrote from a source with
   * this stamp (another format version, another index.sense, a file cut short).
   */
  static fromBytes(given: Uint8Array, stamp: SourceStamp): SenseIndex | null {
    // Typed arrays need aligned offsets: a file's buffer starts at 0, a slice of a pool may not.
    const bytes = given.byteOffset % 8 === 0 ? given : given.slice()
    if (bytes.length < HEADER_BYTES) return null
    const [magic, version, lemmas, senses, keyBytes, slots] = new Uint32Array(bytes.buffer, bytes.byteOffset, 6)
    const [size, mtimeMs] = new Float64Array(bytes.buffer, bytes.byteOffset + 24, 2)
    const [linkCount, oppositeCount] = new Uint32Array(bytes.buffer, bytes.byteOffset + 40, 2)
    if (magic !== MAGIC || version !== FORMAT_VERSION || size !== stamp.size || mtimeMs !== stamp.mtimeMs) return null
    // The table's size a power of two (its mask) and above the lemma count (a probe ends).
    if (slots <= lemmas || (slots & (slots - 1)) !== 0) return null
    if (bytes.length !== HEADER_BYTES + 4 * (2 * (lemmas + 1) + 4 * senses + 2 + slots + linkCount + oppositeCount) + keyBytes) return null
    let at = bytes.byteOffset + HEADER_BYTES
    const words = (n: number): Uint32Array => {
      const part = new Uint32Array(bytes.buffer, at, n)
      at += 4 * n
      return part
    }
    const keyStart = words(lemmas + 1)
    const senseStart = words(lemmas + 1)
    const code = words(senses)
    const tagged = words(senses)
    const table = words(slots)
    const linkStart = words(senses + 1)
    const links = words(linkCount)
    const oppositeStart = words(senses + 1)
    const opposites = words(oppositeCount)
    const keys = new Uint8Array(bytes.buffer, at, keyBytes)
    if (keyStart[lemmas] !== keyBytes || senseStart[lemmas] !== senses) return null
    if (linkStart[senses] !== linkCount || oppositeStart[senses] !== oppositeCount) return null
    // Indexed, not for...of: run once a process, before V8 optimises it, an iterator over the
    // 75,000 links took 8 ms, an index 1.3 ms.
    for (let k = 0; k < links.length; k++) if (links[k] >= senses) return null
    for (let k = 0; k < opposites.length; k++) if (opposites[k] >= senses) return null
    return new SenseIndex(keyStart, senseStart, code, tagged, table, keys, { size, mtimeMs }, linkStart, links, oppositeStart, opposites)
  }

  /** The number of a lemma (ASCII, as index.sense writes it), or -1 when it has no senses. */
  find(lemma: string): number {
    const { table, keyStart, keys } = this
    const mask = table.length - 1
    let h = FNV_OFFSET
    for (let k = 0; k < lemma.length; k++) h = Math.imul(h ^ lemma.charCodeAt(k), FNV_PRIME)
    // At most one pass over the table: a damaged cache file (one with no empty slot) ends too.
    for (let slot = (h >>> 0) & mask, probes = 0; probes <= mask; slot = (slot + 1) & mask, probes++) {
      const entry = table[slot]
      if (entry === 0) return -1
      if (entry < keyStart.length && sameKey(keys, keyStart[entry - 1], keyStart[entry], lemma)) return entry - 1
    }
    return -1
  }

  /** Lemma k's senses are the numbers firstSense(k) to endSense(k) - 1, in the file's order. */
  firstSense(k: number): number {
    return this.senseStart[k]
  }

  endSense(k: number): number {
    return this.senseStart[k + 1]
  }

  /** Sense s's part of speech (1 to 5, as the sense key writes it). */
  pos(s: number): number {
    return this.code[s] >>> OFFSET_BITS
  }

  /** Sense s's synset offset, 8 digits as written. */
  offset(s: number): string {
    return String(this.code[s] & ((1 << OFFSET_BITS) - 1)).padStart(8, '0')
  }

  /** How often the tagged texts used the lemma in sense s. */
  tagged(s: number): number {
    return this.taggedCounts[s]
  }

  /** The senses sense s is joined to by a derivation link (see above), ascending. */
  linked(s: number): Uint32Array {
    return this.links.subarray(this.firstLink(s), this.endLink(s))
  }

  /**
   * Sense s's links are the numbers firstLink(s) to endLink(s) - 1, each joining it to sense
   * link(k): `linked` without an array made for each sense (a few thousand a run).
   */
  firstLink(s: number): number {
    return this.linkStart[s]
  }

  endLink(s: number): number {
    return this.linkStart[s + 1]
  }

  link(k: number): number {
    return this.links[k]
  }

  /** The senses sense s is joined to by an antonym link (see above), ascending. */
  opposed(s: number): Uint32Array {
    return this.opposites.subarray(this.oppositeStart[s], this.oppositeStart[s + 1])
  }

  /** The lemma sense s is a sense of. */
  lemmaOf(s: number): number {
    // The last lemma whose first sense is s or before.
    let lo = 0
    let hi = this.senseStart.length - 1
    while (lo < hi) {
      const mid = (lo + hi + 1) >>> 1
      if (this.senseStart[mid] <= s) lo = mid
      else hi = mid - 1
    }
    return lo
  }

  /** Every sense of a lemma, in the file's order; [] when it has none. */
  senses(lemma: string): Sense[] {
    const k = this.find(lemma)
    const out: Sense[] = []
    if (k < 0) return out
    for (let s = this.firstSense(k); s < this.endSense(k); s++)
      out.push({ pos: String(this.pos(s)), offset: this.offset(s), tagged: this.tagged(s) })
    return out
  }
}

/**
 * Links given as pairs of senses [s, t, ...] as a table of `senses` senses: [start, links], sense
 * s's links links[start[s], start[s + 1]), each both ways, each once, ascending.
 */
function linkTable(pairs: readonly number[], senses: number): [Uint32Array, Uint32Array] {
  const start = new Uint32Array(senses + 1)
  for (let k = 0; k < pairs.length; k += 2) {
    start[pairs[k] + 1]++
    start[pairs[k + 1] + 1]++
  }
  for (let s = 0; s < senses; s++) start[s + 1] += start[s]
  const filled = start.slice(0, senses)
  const links = new Uint32Array(pairs.length)
  for (let k = 0; k < pairs.length; k += 2) {
    links[filled[pairs[k]]++] = pairs[k + 1]
    links[filled[pairs[k + 1]]++] = pairs[k]
  }
  // Each sense's links ascending, each once (WordNet lists a link in both synsets).
  let kept = 0
  for (let s = 0, from = 0; s < senses; s++) {
    const to = start[s + 1]
    const own = links.subarray(from, to).sort()
    start[s] = kept
    for (let k = 0; k < own.length; k++) if (k === 0 || own[k] !== own[k - 1]) links[kept++] = own[k]
    from = to
  }
  start[senses] = kept
  return [start, links.slice(0, kept)]
}

/** Byte order of a[a0, a1) against b[b0, b1): negative, 0 or positive; a prefix sorts first. */
function compareBytes(a: Uint8Array, a0: number, a1: number, b: Uint8Array, b0: number, b1: number): number {
  const n = Math.min(a1 - a0, b1 - b0)
  for (let k = 0; k < n; k++) if (a[a0 + k] !== b[b0 + k]) return a[a0 + k] - b[b0 + k]
  return a1 - a0 - (b1 - b0)
}

/** Whether keys[k0, k1) are the bytes of an ASCII string. */
function sameKey(keys: Uint8Array, k0: number, k1: number, lemma: string): boolean {
  if (k1 - k0 !== lemma.length) return false
  for (let k = 0; k < lemma.length; k++) if (keys[k0 + k] !== lemma.charCodeAt(k)) return false
  return true
}

/**
 * Where the engine keeps WordNet's compact index between runs: the user data folder's Cache
 * (where Electron keeps its own caches; PARALLAX_USER_DATA moves it with the rest).
 */
export function senseIndexCacheFile(env: NodeJS.ProcessEnv = process.env): string {
  return join(userDataDir(env), 'Cache', `wordnet-senses-v${FORMAT_VERSION}.bin`)
}

/** The name of a cache file as senseIndexCacheFile names it, with its format version. */
const CACHE_NAME = /^wordnet-senses-v(\d+)\.bin$/

/**
 * Removes the cache files of older formats beside `cacheFile` (senseIndexCacheFile's names only),
 * which no version of this code reads again: 5.5 MB each, kept forever otherwise.
 */
function removeOlderCaches(cacheFile: string): void {
  if (!CACHE_NAME.test(basename(cacheFile))) return
  try {
    for (const name of readdirSync(dirname(cacheFile))) {
      const version = CACHE_NAME.exec(name)?.[1]
      if (version !== undefined && Number(version) < FORMAT_VERSION) unlinkSync(join(dirname(cacheFile), name))
    }
  } catch {
    // Not removed: no harm, only space.
  }
}

/**
 * The data files beside the index.sense at `source` (word-links.ts), when all four are there:
 * a folder holding index.sense alone (a test's) gives senses without links.
 */
function dataFilesBeside(source: string): string[] {
  const paths = Object.values(DATA_FILE_NAMES).map((name) => join(dirname(source), name))
  return paths.every((path) => statSync(path, { throwIfNoEntry: false })?.isFile()) ? paths : []
}

/** The stamp of the files an index of the index.sense at `source` is built from (see SourceStamp). */
function stampOf(source: string): SourceStamp {
  let size = 0
  let mtimeMs = 0
  for (const path of [source, ...dataFilesBeside(source)]) {
    const info = statSync(path)
    size += info.size
    mtimeMs += info.mtimeMs
  }
  return { size, mtimeMs }
}

/**
 * The index of the index.sense at `source` and the data files beside it: read from `cacheFile`
 * when that holds one built from these very files, else built from their text and written there
 * for the next run (atomically, by a rename; a cache that cannot be written is no error, only
 * rebuilt next time). Without a cache file, built in memory.
 */
export function loadSenseIndex(source: string, cacheFile?: string): SenseIndex {
  const stamp = stampOf(source)
  if (cacheFile) {
    let cached: Uint8Array | null = null
    try {
      cached = readFileSync(cacheFile)
    } catch {
      // No cache yet: built below.
    }
    const index = cached && SenseIndex.fromBytes(cached, stamp)
    if (index) return index
  }
  const data = dataFilesBeside(source).map((path) => readFileSync(path))
  const [n, v, a, r] = data
  const text = readFileSync(source)
  let index: SenseIndex
  try {
    index = SenseIndex.build(text, stamp, data.length ? { n, v, a, r } : undefined)
  } catch (e) {
    // A data file damaged (cut short, edited): the senses without the links, which only the
    // related forms need, rather than no synonyms at all; built again once the files change.
    if (!data.length) throw e
    index = SenseIndex.build(text, stamp)
  }
  if (cacheFile) {
    const temporary = `${cacheFile}.${process.pid}-${threadId}.tmp`
    try {
      mkdirSync(dirname(cacheFile), { recursive: true })
      writeFileSync(temporary, index.toBytes())
      renameSync(temporary, cacheFile)
      removeOlderCaches(cacheFile)
    } catch {
      try {
        unlinkSync(temporary)
      } catch {
        // Never written.
      }
    }
  }
  return index
}

/**
 * The index `cacheFile` holds for the index.sense at `source` (see loadSenseIndex), read in the
 * background: the file is opened here and read whole by one read on libuv's thread pool, so its
 * 7.6 MB are read, and their pages first touched (16 ms for 5.5 MB on a virtual machine, a tenth of the
 * engine's own work on a short corpus), on another thread while this one goes on. Null when
 * there is no usable cache file (loadSenseIndex then builds one); never rejects.
 */
export function readSenseIndexCache(source: string, cacheFile: string): Promise<SenseIndex | null> {
  let fd: number
  let bytes: Uint8Array
  let stamp: SourceStamp
  try {
    stamp = stampOf(source)
    fd = openSync(cacheFile, 'r')
  } catch {
    return Promise.resolve(null)
  }
  try {
    bytes = new Uint8Array(fstatSync(fd).size)
  } catch {
    closeSync(fd)
    return Promise.resolve(null)
  }
  return new Promise((resolve) => {
    read(fd, bytes, 0, bytes.length, 0, (error, count) => {
      closeSync(fd)
      resolve(error || count !== bytes.length ? null : SenseIndex.fromBytes(bytes, stamp))
    })
  })
}
