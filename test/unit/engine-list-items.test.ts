import { describe, expect, it } from 'vitest'
import type { AnalysedDocument } from '../../main/core/engine/analyse.js'
import { type ItemSource, listItems, sharedItems } from '../../main/core/engine/list-items.js'
import { findOverlaps } from '../../main/core/engine/overlaps.js'
import { SAME_ITEMS } from '../../main/core/engine/reasons.js'
import { analysed } from '../helpers.js'

// Two lists of the same things, each in its own words and order, are a paraphrase (list-items.ts).

/** A whole text as one sentence, each content word its own stem (its match id). */
function sentence(doc: AnalysedDocument): ItemSource {
  const n = doc.content.length
  return { c0: 0, c1: n, stems: Array.from(doc.content, (t) => doc.match[t]), at: Uint32Array.from({ length: n + 1 }, (_, k) => k) }
}

/** The text of content words [c0, c1) of `doc`. */
function textOf(doc: AnalysedDocument, [c0, c1]: [number, number]): string {
  return doc.text.slice(doc.starts[doc.content[c0]], doc.ends[doc.content[c1 - 1]])
}

/** The items of a whole text read as one sentence, every stem counted as rare. */
const itemsOf = (doc: AnalysedDocument) => listItems(doc, sentence(doc), () => true)

describe('listItems and sharedItems', () => {
  it('finds two lists of the same items in other words and order, from the first shared item to the last', () => {
    const [a, b] = analysed(
      'Examples of "iconic products" include humanoid robots, quantum computers, new-type displays, 6G networks, brain-computer interfaces, and third-generation internet.',
      'The new goals for future-oriented sectors include artificial intelligence, humanoid robots, the metaverse, next-generation internet, 6G, quantum information, and deep sea, deep air, and deep space.',
    )
    const shared = sharedItems(itemsOf(a), itemsOf(b))
    expect(shared).toBeDefined()
    expect(textOf(a, shared!.a)).toBe(
      'include humanoid robots, quantum computers, new-type displays, 6G networks, brain-computer interfaces, and third-generation internet',
    )
    expect(textOf(b, shared!.b)).toBe('humanoid robots, the metaverse, next-generation internet, 6G, quantum information')
  })

  it('reads no option, flag or code as an item word', () => {
    const [apt, dpkg, os, processDoc] = analysed(
      'Options: --simulate, --just-print, --dry-run, --recon, --no-act.',
      'Ask for a trial run with --no-act, --dry-run, --simulate.',
      'Possible values are `arm`, `mips`, `sparc`, `alpha` and `x64`.',
      'The values are `alpha`, `sparc`, `arm`, `mips`, `ppc` or `s390`.',
    )
    expect(itemsOf(apt).length).toBeGreaterThanOrEqual(3)
    expect(sharedItems(itemsOf(apt), itemsOf(dpkg))).toBeUndefined()
    expect(sharedItems(itemsOf(os), itemsOf(processDoc))).toBeUndefined()
  })

  it('does not take a long list for three items it shares among many of its own, nor two lists of single words', () => {
    const [short, long, words, reversed] = analysed(
      'The report covers three crops: winter wheat, spring barley, and rolled oats.',
      'Farms in the valley grow many crops: winter wheat, rye grass, sweet maize, red sorghum, pearl millet, brown rice, white quinoa, spelt flour, spring barley, and rolled oats.',
      'My grandmother baked this cake every Sunday: flour, sugar, eggs, butter, milk, salt.',
      'This loaf keeps well for a week: salt, milk, butter, eggs, sugar, flour.',
    )
    expect(sharedItems(itemsOf(short), itemsOf(long))).toBeUndefined()
    expect(sharedItems(itemsOf(short), itemsOf(short))).toBeDefined()
    expect(sharedItems(itemsOf(words), itemsOf(reversed))).toBeUndefined()
  })

  it('does not take two lists whose items share one word each, one list of names with words of its own', () => {
    // C string pages: a table's "stpcpy(), strcpy(), strcat" and the NAME line of string(3);
    // dpkg's pages: the compressors with their extensions, and with their default levels.
    const [table, names, extensions, levels] = analysed(
      'Interface stpcpy(), strcpy(), strcat() and the others are thread safe.',
      'NAME stpcpy, strcasecmp, strcat, strchr, strcmp, strcoll, strcpy - string operations',
      'Members can be compressed with gzip (with .gz extension), xz (with .xz extension), zstd (with .zst extension).',
      'The level to compress with (default is 9 for gzip, 6 for xz, 3 for zstd) can be set.',
    )
    expect(sharedItems(itemsOf(table), itemsOf(names))).toBeUndefined()
    expect(sharedItems(itemsOf(extensions), itemsOf(levels))).toBeUndefined()
  })
})

describe('findOverlaps, two lists of the same things', () => {
  it('reports them as a paraphrase, because the same items are listed', () => {
    const texts = [
      {
        id: 'ministry',
        text:
          'The ministry published its plan for the coming decade in January.\n\n' +
          'Its priorities for the new decade include humanoid robots, quantum computers, satellite networks, brain-computer interfaces, and gene therapies.\n\n' +
          'Local governments are asked to report on their progress every year.\n',
      },
      {
        id: 'speech',
        text:
          'The minister spoke to the assembly about industrial policy on Tuesday.\n\n' +
          'She named gene therapies, satellite networks, the metaverse, quantum information, and humanoid robots as the sectors to support.\n\n' +
          'The speech was broadcast on national television in the evening.\n',
      },
    ]
    const { overlaps } = findOverlaps(texts)
    const list = overlaps.find((o) => o.because?.includes(SAME_ITEMS))
    expect(list?.kind).toBe('paraphrase')
    expect(list?.passages.map((p) => p.doc).sort()).toEqual(['ministry', 'speech'])
  })
})
