import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { AnalysedDocument } from '../../main/core/engine/analyse.js'
import { VARIANT_SIMILARITY } from '../../main/core/engine/kept-pair.js'
import {
  EDITED_RUN_SHARE,
  editedAround,
  editedCopy,
  editedWords,
  MAX_EDITED_WORDINGS,
  reorderedWords,
  runShare,
} from '../../main/core/engine/order.js'
import { REORDERED } from '../../main/core/engine/reasons.js'
import { findOverlaps } from '../../main/core/engine/overlaps.js'
import { loadFolder } from '../../main/node/engine/inline.js'
import { ROOT, analysed, measuredPair } from '../helpers.js'

// Order in a loose match (order.ts): an edited copy shares its words in runs, a restatement does
// not.

const whole = (doc: AnalysedDocument): [number, number] => [0, doc.starts.length - 1]

describe('how much of a loose match is shared in order', () => {
  it('counts the shared words in runs of three content words or more', () => {
    const [a, b] = analysed(
      'If a member brings a grain claim against another member alleging that a cart directly spoiled any harvest.',
      'If a member brings a grain claim (excluding small debts and boundary quarrels) alleging that a cart directly spoiled any harvest.',
    )
    // member brings grain claim | alleging cart directly spoiled harvest: 4 + 5 of 9 shared.
    expect(runShare(a, ...whole(a), b, ...whole(b), 9)).toBe(1)
    expect(runShare(a, ...whole(a), b, ...whole(b), 9)).toBeGreaterThanOrEqual(EDITED_RUN_SHARE)
  })

  it('counts runs of three words, not of two, and tells an edited copy at half of them', () => {
    const [a, b, c, d] = analysed(
      'copper kettles wooden spoons brass lamps iron gates',
      'copper kettles silver spoons brass lamps iron gates',
      'copper kettles brass lamps woollen scarves iron gates stone walls',
      'copper kettles brass lamps linen shirts iron gates oak tables',
    )
    // copper kettles (two) | spoons brass lamps iron gates (five): 5 of 7.
    expect(runShare(a, ...whole(a), b, ...whole(b), 7)).toBeCloseTo(5 / 7)
    expect(editedCopy(a, ...whole(a), b, ...whole(b), 7)).toBe(true)
    // copper kettles brass lamps (four) | iron gates (two): 4 of 6, then 4 of 9 shared.
    expect(runShare(c, ...whole(c), d, ...whole(d), 6)).toBeCloseTo(4 / 6)
    expect(editedCopy(c, ...whole(c), d, ...whole(d), 6)).toBe(true)
    expect(editedCopy(c, ...whole(c), d, ...whole(d), 9)).toBe(false)
  })

  it('tells a long copy with its parts moved, too far apart for a diff, by its runs in any order (a tester)', () => {
    // Two change logs listing the same commits in other orders: a diff of the two lists needs more
    // edits than MAX_EDIT_LENGTH, and the runs in order cannot be counted.
    // Sixty items of eight words of their own ("* zabk zbbk ..."), as commit messages are.
    const word = (k: number, w: number) =>
      `z${String.fromCharCode(97 + w)}${String.fromCharCode(97 + (k % 26))}${String.fromCharCode(97 + Math.floor(k / 26))}`
    const items = Array.from({ length: 60 }, (_, k) => `* ${Array.from({ length: 8 }, (_, w) => word(k, w)).join(' ')}`)
    // The same items, each list in its own order: the second's a fixed shuffle of the first's.
    const shuffled = items.map((_, k) => items[(k * 37) % 60])
    const [a, b] = analysed(items.join('\n'), shuffled.join('\n'))
    const shared = a.content.length
    expect(runShare(a, ...whole(a), b, ...whole(b), shared)).toBe(0)
    expect(editedCopy(a, ...whole(a), b, ...whole(b), shared)).toBe(true)
    // Nor is a text that shares single words with another, in no run, however long.
    const [c, d] = analysed(
      items.map((_, k) => `${word(k, 0)} alpha ${word(k, 3)} beta ${word(k, 6)}`).join('. '),
      shuffled.map((_, k) => `${word((k * 37) % 60, 6)} gamma ${word((k * 37) % 60, 0)} delta ${word((k * 37) % 60, 3)}`).join('. '),
    )
    expect(editedCopy(c, ...whole(c), d, ...whole(d), 180)).toBe(false)
  })

  it('finds no run in a restatement that keeps single words', () => {
    const [a, b] = analysed(
      'The swift growth of the railroad brought the farmers of the valley to the markets.',
      'Farmers in the valley reached distant markets through the rapid growth of the railway.',
    )
    // farmers, valley, markets, growth: shared one at a time, in another order.
    expect(runShare(a, ...whole(a), b, ...whole(b), 4)).toBe(0)
  })

  it('reports a copy with clauses inserted as near-verbatim, not as a paraphrase', async () => {
    const { texts } = await loadFolder(join(ROOT, 'test/fixtures/engine/inserted'))
    const { overlaps } = findOverlaps(texts)
    expect(overlaps).toHaveLength(1)
    const [o] = overlaps
    // Less similar than a variant by its words weighed by rarity (the insertions weigh), in order
    // all the same.
    expect(measuredPair(texts, o.passages[0], o.passages[1]).similarity).toBeLessThan(VARIANT_SIMILARITY)
    expect(o.kind).toBe('variant')
    for (const p of o.passages) expect(p.text).toMatch(/^If a member brings a grain claim .* the date the claim is filed\.$/)
  })
})

describe('copies of one sentence edited in different words (editedAround)', () => {
  const spans = (docs: AnalysedDocument[]) => docs.map((doc, d) => ({ doc: d, start: 0, end: doc.starts.length - 1 }))

  it('takes passages each a copy of one of them, a few words changed, though two differ in more', () => {
    const docs = analysed(
      'way you could satisfy both it and this License would be to refrain entirely from distribution of the Program',
      'way you could satisfy both those terms and this License would be to refrain entirely from conveying the Program',
      'way you could satisfy both it and this License would be to refrain entirely from distribution of the Library',
    )
    const whole = (d: number): [AnalysedDocument, number, number] => [docs[d], 0, docs[d].starts.length - 1]
    // The second and third differ in four of nineteen words: no edited copy of each other.
    expect(editedWords(...whole(1), ...whole(2))).toBe(false)
    expect(editedWords(...whole(0), ...whole(1))).toBe(true)
    expect(editedWords(...whole(0), ...whole(2))).toBe(true)
    expect(editedAround(spans(docs), docs)).toBe(true)
    // Without the first, nothing they are both copies of.
    expect(editedAround(spans(docs).slice(1), docs)).toBe(false)
  })

  it('takes the same words in every passage, and refuses a restatement', () => {
    const same = analysed(
      'Members must renew their permits before the first frost.',
      'Members must renew their permits before the first frost.',
    )
    expect(editedAround(spans(same), same)).toBe(true)
    const restated = analysed(
      'The swift growth of the railroad brought the farmers of the valley to the markets.',
      'Farmers in the valley reached distant markets through the rapid growth of the railway.',
    )
    expect(editedAround(spans(restated), restated)).toBe(false)
  })

  it('compares no more than MAX_EDITED_WORDINGS wordings', () => {
    const words = ['alder', 'birch', 'cedar', 'elm', 'fir', 'hazel', 'larch', 'maple', 'oak', 'pine']
    const texts = words
      .slice(0, MAX_EDITED_WORDINGS + 1)
      .map((w) => `the orchard keeper planted a young ${w} tree beside the old stone wall near the gate`)
    const docs = analysed(...texts)
    expect(editedAround(spans(docs).slice(0, MAX_EDITED_WORDINGS), docs)).toBe(true)
    expect(editedAround(spans(docs), docs)).toBe(false)
  })
})

describe('the same clauses in another order (reorderedWords)', () => {
  // Luke 6:27-28 and 23:44 against Matthew 5:44 and Mark 15:33 (World English Bible), as a tester
  // of the synoptic gospels gave them.
  const luke =
    'But I tell you who hear: love your enemies, do good to those who hate you, bless those who curse you, and pray for those who mistreat you.\n' +
    'It was now about the sixth hour, and darkness came over the whole land until the ninth hour.\n'
  const matthew =
    'But I tell you, love your enemies, bless those who curse you, do good to those who hate you, and pray for those who mistreat you and persecute you,\n' +
    'When the sixth hour had come, there was darkness over the whole land until the ninth hour.\n'

  it('reads a saying whose clauses come in another order as an edited copy, and a reworded sentence as none', () => {
    const [a, b] = analysed(luke, matthew)
    const token = (doc: AnalysedDocument, word: string, from = 0): number =>
      [...doc.starts].findIndex((start, t) => t >= from && doc.text.slice(start, doc.ends[t]) === word)
    const [a0, b0] = [token(a, 'love'), token(b, 'love')]
    const [a1, b1] = [token(a, 'mistreat'), token(b, 'persecute')]
    expect(editedWords(a, a0, a1, b, b0, b1)).toBe(false)
    expect(reorderedWords(a, a0, a1, b, b0, b1)).toBe(true)
    // The sixth hour: "the sixth hour" and "over the whole land until the ninth hour", 11 of 19 words.
    const [c0, d0] = [token(a, 'It'), token(b, 'When')]
    expect(reorderedWords(a, c0, a.starts.length - 1, b, d0, b.starts.length - 1)).toBe(false)
  })

  it('reads each word in one run at most: roles swapped are no clauses moved (a reviewer)', () => {
    // Every run of three words of each is in the other, but not each word once.
    const [a, b] = analysed(
      'The server sends the request to the client, and the client sends the response to the server.',
      'The client sends the request to the server, and the server sends the response to the client.',
    )
    expect(reorderedWords(a, 0, a.starts.length - 1, b, 0, b.starts.length - 1)).toBe(false)
  })

  it('makes such a pair near-verbatim, its clauses shown moved, and leaves the reworded one a paraphrase', () => {
    const { overlaps } = findOverlaps([
      { id: 'luke', text: luke },
      { id: 'matthew', text: matthew },
    ])
    const saying = overlaps.find((o) => o.passages[0].text.includes('enemies'))!
    expect(saying.kind).toBe('variant')
    expect(saying.because?.[0]).toBe(REORDERED)
    const changes = saying.variants[0].changes!.filter((c) => c.op !== 'equal').map((c) => [c.op, c.a, c.b])
    expect(changes).toContainEqual(['insert', '', 'bless those who curse you'])
    expect(changes).toContainEqual(['delete', 'bless those who curse you', ''])
    expect(overlaps.find((o) => o.passages[0].text.includes('sixth'))?.kind).toBe('paraphrase')
  })
})
