import { decompressBlock } from 'lz4js'

// LZ4 frames (the format of the `lz4` command and of python-lz4's lz4.frame, which TextPAIR uses
// for alignments.jsonl.lz4), decoded block by block with lz4js's block decoder. lz4js's own
// frame reader reads one frame only and misreads block checksums, so the frame layout is walked
// here (lz4 frame format 1.6.x): any number of frames, skippable frames skipped; per frame the
// optional content size and dictionary id, blocks (compressed or stored, each with an optional
// checksum) up to the end mark, and the optional content checksum. Checksums are skipped, not
// verified. Linked blocks (python-lz4's default) refer back up to 64 KiB into earlier output, so
// each block is decoded after the last 64 KiB of output.

const FRAME_MAGIC = 0x184d2204
const LEGACY_MAGIC = 0x184c2102
const SKIPPABLE_MIN = 0x184d2a50
const SKIPPABLE_MAX = 0x184d2a5f
/** How far back a linked block's matches may reach. */
const WINDOW = 64 * 1024
const BLOCK_SIZES: Record<number, number> = { 4: 64 * 1024, 5: 256 * 1024, 6: 1024 * 1024, 7: 4 * 1024 * 1024 }

/** Thrown for input that is not (complete, well-formed) LZ4 frame data. */
export class Lz4Error extends Error {}

/** True when `bytes` starts with the LZ4 frame magic number. */
export function isLz4Frame(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && readU32(bytes, 0) === FRAME_MAGIC
}

function readU32(b: Uint8Array, at: number): number {
  return (b[at] | (b[at + 1] << 8) | (b[at + 2] << 16) | (b[at + 3] << 24)) >>> 0
}

/**
 * Decodes LZ4 frame data, yielding the output a block at a time (each chunk a fresh copy) with
 * the number of input bytes consumed so far.
 */
export function* decodeLz4(src: Uint8Array): Generator<{ chunk: Uint8Array; consumed: number }> {
  let at = 0
  const need = (n: number) => {
    if (at + n > src.length) throw new Lz4Error(`the LZ4 data ends early (at byte ${src.length}, needed ${at + n})`)
  }
  let frames = 0
  while (at < src.length) {
    need(4)
    const magic = readU32(src, at)
    if (magic >= SKIPPABLE_MIN && magic <= SKIPPABLE_MAX) {
      need(8)
      at += 8 + readU32(src, at + 4)
      continue
    }
    if (magic === LEGACY_MAGIC) throw new Lz4Error('this is the legacy LZ4 format (lz4 -l); write it as a standard LZ4 frame')
    if (magic !== FRAME_MAGIC) {
      throw new Lz4Error(
        frames === 0 ? 'this is not LZ4 frame data (no LZ4 magic number)' : `unexpected data after LZ4 frame ${frames} (byte ${at})`,
      )
    }
    at += 4
    need(2)
    const flags = src[at]
    const bd = src[at + 1]
    if (flags >> 6 !== 1) throw new Lz4Error(`unsupported LZ4 frame version ${flags >> 6}`)
    const blockChecksum = (flags & 0x10) !== 0
    const contentSize = (flags & 0x08) !== 0
    const contentChecksum = (flags & 0x04) !== 0
    const dictionary = (flags & 0x01) !== 0
    if (dictionary) throw new Lz4Error('LZ4 frames compressed with a dictionary are not supported')
    const maxBlock = BLOCK_SIZES[(bd >> 4) & 7]
    if (!maxBlock) throw new Lz4Error(`invalid LZ4 block size code ${(bd >> 4) & 7}`)
    at += 2 + (contentSize ? 8 : 0) + 1 // + the header checksum byte
    need(0)
    const out = new Uint8Array(WINDOW + maxBlock)
    let pos = 0
    for (;;) {
      need(4)
      const word = readU32(src, at)
      at += 4
      if (word === 0) break
      const stored = (word & 0x80000000) !== 0
      const size = word & 0x7fffffff
      if (size > maxBlock) throw new Lz4Error(`LZ4 block of ${size} bytes is over the frame's ${maxBlock}-byte limit`)
      need(size + (blockChecksum ? 4 : 0))
      if (pos + maxBlock > out.length) {
        out.copyWithin(0, pos - WINDOW, pos)
        pos = WINDOW
      }
      let end: number
      if (stored) {
        out.set(src.subarray(at, at + size), pos)
        end = pos + size
      } else {
        end = decompressBlock(src, out, at, size, pos)
        if (end > pos + maxBlock || end < pos) throw new Lz4Error('corrupt LZ4 block')
      }
      at += size + (blockChecksum ? 4 : 0)
      yield { chunk: out.slice(pos, end), consumed: at }
      pos = end
    }
    if (contentChecksum) {
      need(4)
      at += 4
    }
    frames++
    yield { chunk: new Uint8Array(0), consumed: at }
  }
}
