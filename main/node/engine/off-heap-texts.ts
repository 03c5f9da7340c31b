// Texts whose characters live outside V8's heap. A corpus's texts are the largest thing the engine
// holds for its whole run (the changelogs of a Debian system: 150 MB of files, 260 MB as strings,
// most of them two bytes a character for one name or quotation mark beyond Latin-1). On the heap
// they count towards the live size from which V8 sets how far the heap may grow before its next
// full collection (up to a few times the live size), so every later stage's garbage was allowed
// to pile up in proportion to them: peak RSS far above what was live.
// Node turns a decoded buffer of over about a megabyte into an external string (its characters
// in memory V8 does not collect or scan), and a slice of a string is a view of it, not a copy.
// So texts are packed a chunk at a time into one buffer, decoded once as one external string,
// and each text is handed back as its slice of that string: the same characters, an ordinary
// string to every reader, a few dozen bytes of heap each. Texts with no character beyond Latin-1
// are packed one byte a character, the others two (as V8 holds them). A chunk under Node's
// threshold simply stays on the heap, as the texts would have.
// Packing copies every character twice (into the buffer, out of it), so a corpus whose texts are
// few is left on the heap (OFF_HEAP_FROM_UNITS): there they are a small part of what the engine
// holds, and the copies cost more than they save.

/**
 * UTF-16 units packed into one string: two million is 2-4 MB, twice Node's threshold for external
 * strings (about a megabyte), so that every full chunk is one. Larger chunks raised the peak of
 * the whole run, not only of loading: the C library's allocator takes a block it has freed as the
 * size from which it maps memory of its own (up to 32 MB), so once a chunk's buffer of 16-32 MB was
 * let go, every array under that size was carved from one heap that fragments and is never given
 * back. The changelogs (260 M units): peak RSS 958-985 MB at 16 M units, 849 at 4 M, 828 at 2 M,
 * 824 at 1 M; the same time.
 */
export const CHUNK_UNITS = 2 << 20

/**
 * UTF-16 units of text from which texts are packed (see above); below, they stay on the heap.
 * Debian's copyright files (25 M units) took 0.2 s less unpacked, with a lower peak (280-290
 * against 295-315 MB: packing holds a chunk twice for a moment); the changelogs (260 M units) are
 * why texts are packed at all. 64 M units are 64-128 MB of text, about seven million words.
 */
export const OFF_HEAP_FROM_UNITS = 64 << 20

/** Characters outside Latin-1: such a text is held two bytes a character. */
const WIDE = /[^\u0000-\u00ff]/

interface Queued {
  text: string
  place: (text: string) => void
}

/** A queue of texts copied out of the heap a chunk at a time (see above). */
export class OffHeapTexts {
  private readonly narrow: Queued[] = []
  private readonly wide: Queued[] = []
  private narrowUnits = 0
  private wideUnits = 0
  private units = 0
  private packing: boolean
  /** The bytes each pack writes its texts into, kept from pack to pack while packing (see pack). */
  private readonly scratch: Scratch = { bytes: undefined }

  /** `fromUnits`: the units of text from which texts are packed (OFF_HEAP_FROM_UNITS). */
  constructor(private readonly fromUnits = OFF_HEAP_FROM_UNITS) {
    this.packing = fromUnits <= 0
  }

  /**
   * Queues `text`; `place` is called with its off-heap copy (equal to it) when its chunk is
   * packed, by a later add or by flush(), or with the text itself when the texts stay on the heap
   * (see above). Until then the caller holds the text as it is.
   */
  add(text: string, place: (text: string) => void): void {
    this.units += text.length
    if (!this.packing && this.units >= this.fromUnits) {
      // From here on the texts are packed: those queued so far first, a chunk at a time.
      this.packing = true
      this.wideUnits = packInChunks(this.wide, 'utf16le', this.scratch)
      this.narrowUnits = packInChunks(this.narrow, 'latin1', this.scratch)
    }
    if (WIDE.test(text)) {
      this.wide.push({ text, place })
      this.wideUnits += text.length
      if (this.packing && this.wideUnits >= CHUNK_UNITS) this.wideUnits = pack(this.wide, 'utf16le', this.scratch)
    } else {
      this.narrow.push({ text, place })
      this.narrowUnits += text.length
      if (this.packing && this.narrowUnits >= CHUNK_UNITS) this.narrowUnits = pack(this.narrow, 'latin1', this.scratch)
    }
  }

  /** Places what is queued (packed, or as it is: see above); every text added so far has been placed on return. */
  flush(): void {
    if (!this.packing) {
      for (const queue of [this.wide, this.narrow]) {
        for (const q of queue) q.place(q.text)
        queue.length = 0
      }
      this.wideUnits = 0
      this.narrowUnits = 0
      return
    }
    this.wideUnits = pack(this.wide, 'utf16le', this.scratch)
    this.narrowUnits = pack(this.narrow, 'latin1', this.scratch)
    // (Let go with the last pack: texts packed after this, added later, get a buffer again.)
    this.scratch.bytes = undefined
  }
}

/**
 * The buffer a pack writes its texts into before decoding them as one string, which copies them
 * out (Node's external strings are made from a copy), so the next pack writes into the same
 * bytes. A new buffer each time was memory never touched before, each page of it a fault: in a
 * process whose malloc maps every large block afresh (allocator.mjs), packing the changelogs of a
 * Debian system took 1.35 s with a new buffer at each pack and 0.77 s with one (260 M units,
 * medians of two). A buffer grown past a chunk's size for one long text is not kept (SCRATCH_BYTES).
 */
interface Scratch {
  bytes: Buffer | undefined
}

/** The bytes of the buffer kept from pack to pack (Scratch): a full chunk, two bytes a character. */
const SCRATCH_BYTES = 2 * CHUNK_UNITS

/** Packs the queued texts a chunk (CHUNK_UNITS) at a time; returns the units left queued (0). */
function packInChunks(queue: Queued[], encoding: 'latin1' | 'utf16le', scratch: Scratch): number {
  const all = queue.splice(0)
  let chunk: Queued[] = []
  let units = 0
  for (const q of all) {
    chunk.push(q)
    units += q.text.length
    if (units >= CHUNK_UNITS) {
      pack(chunk, encoding, scratch)
      chunk = []
      units = 0
    }
  }
  return pack(chunk, encoding, scratch)
}

/**
 * Packs the queued texts into one string, places each one's slice of it, empties the queue; 0.
 * The texts are written into `scratch`'s bytes, grown where they do not fit (see Scratch).
 */
function pack(queue: Queued[], encoding: 'latin1' | 'utf16le', scratch: Scratch): number {
  if (queue.length === 0) return 0
  let units = 0
  for (const q of queue) units += q.text.length
  const size = encoding === 'latin1' ? units : 2 * units
  // (Room for a full chunk two bytes a character at least: the sizes packs need most.)
  if (!scratch.bytes || scratch.bytes.length < size) scratch.bytes = Buffer.allocUnsafeSlow(Math.max(size, SCRATCH_BYTES))
  const bytes = scratch.bytes
  // One text longer than a chunk made it larger: the next pack makes one of the usual size again.
  if (bytes.length > SCRATCH_BYTES) scratch.bytes = undefined
  let at = 0
  for (const q of queue) at += bytes.write(q.text, at, encoding)
  const whole = bytes.toString(encoding, 0, at)
  let from = 0
  for (const q of queue) {
    q.place(whole.slice(from, from + q.text.length))
    from += q.text.length
  }
  queue.length = 0
  return 0
}

/**
 * A copy of `text` that holds its own characters. A string cut from a text (a title read from its
 * first line) may be a view of the whole text and keep all of it alive on the heap after the text
 * itself was moved out; a short piece that outlives its text is copied with this.
 */
export function detached(text: string): string {
  return Buffer.from(text, 'utf16le').toString('utf16le')
}
