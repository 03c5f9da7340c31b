import { readdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { anchorAnnotation, anchorSelectors, SHORT_QUOTE } from '../../main/core/annotations/anchor.js'
import { makeAnnotation, PREFIX_LENGTH, quoteOf } from '../../main/core/annotations/annotation.js'
import { OffsetMap } from '../../main/core/text/offsets.js'
import { CORPUS } from '../helpers.js'

// Property tests: annotate spans of a random text, edit the text at random, re-anchor.

/** Words of random letters (and now and then an astral character), so passages rarely repeat. */
const word = fc.string({ unit: fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz😀é'.split(/(?:)/u)), minLength: 2, maxLength: 9 })
/** Distinct words: a text that repeats itself (aa aa aa …) is ambiguous for any reader. */
const words = (min: number, max: number) => fc.uniqueArray(word, { minLength: min, maxLength: max })
const text = words(30, 120).map((w) => w.join(' '))

interface Edit {
  at: number
  remove: number
  insert: string
}
const edit = fc.record({ at: fc.nat(), remove: fc.nat({ max: 12 }), insert: fc.string({ maxLength: 15 }) })

/** Applies an edit in code points, keeping it inside [lo, hi). */
function apply(points: string[], e: Edit, lo: number, hi: number): { points: string[]; at: number; delta: number } | null {
  if (hi <= lo) return null
  const at = lo + (e.at % (hi - lo))
  const remove = Math.min(e.remove, hi - at)
  const insert = [...e.insert]
  return { points: [...points.slice(0, at), ...insert, ...points.slice(at + remove)], at, delta: insert.length - remove }
}

function annotate(source: string, start: number, end: number) {
  return makeAnnotation({ id: 'a', now: 't', docId: 'd', text: new OffsetMap(source), start, end, tagIds: [] })
}

describe('re-anchoring', () => {
  it('moves nothing after edits outside annotated spans: exact, or an orphan when both sides were rewritten', () => {
    fc.assert(
      fc.property(
        text,
        fc.nat(),
        fc.integer({ min: 3, max: 40 }),
        fc.array(edit, { minLength: 1, maxLength: 5 }),
        (source, s, length, edits) => {
          const original = [...source]
          const start = s % (original.length - length)
          const end = start + length
          const annotation = annotate(source, start, end)
          const quote = original.slice(start, end).join('')
          let points = original
          let spanStart = start
          for (const e of edits) {
            // Edit before the span (shifting it) or after it, never touching it or its neighbours.
            const before = e.at % 2 === 0
            const result = before
              ? apply(points, e, 0, Math.max(0, spanStart - 1))
              : apply(points, e, spanStart + length + 1, points.length)
            if (!result) continue
            points = result.points
            if (before) spanStart += result.delta
          }
          const edited = points.join('')
          // A passage that now occurs twice with the same surroundings is ambiguous for anyone.
          fc.pre(edited.split(quote).length === 2 || quoteOf(annotation).prefix.length === 32)
          const anchor = anchorAnnotation(new OffsetMap(edited), annotation)
          const { prefix, suffix } = quoteOf(annotation)
          // A context shorter than 32 reached the start or end of the text; it is kept only if it still does.
          const atStart = [...prefix].length < PREFIX_LENGTH
          const atEnd = [...suffix].length < PREFIX_LENGTH
          const prefixKept = points.slice(atStart ? 0 : spanStart - PREFIX_LENGTH, spanStart).join('') === prefix
          const suffixKept = points.slice(spanStart + length, atEnd ? undefined : spanStart + length + PREFIX_LENGTH).join('') === suffix
          if (anchor.status === 'orphan') {
            // Both sides rewritten: nothing tells this occurrence from the same words elsewhere. One
            // side rewritten: found only near where it was (see NEAR in anchor.ts), and a short quote
            // only where its other side is not rewritten beyond recognition (SHORT_QUOTE).
            const far = Math.abs(new OffsetMap(edited).toUtf16(spanStart) - new OffsetMap(source).toUtf16(start)) > 2 * PREFIX_LENGTH
            const short = quote.length < SHORT_QUOTE
            expect(
              (prefixKept && suffixKept) || ((prefixKept || suffixKept) && !far && !short),
              'orphaned although its context is intact',
            ).toBe(false)
            expect([anchor.start, anchor.end]).toEqual([start, end])
          } else {
            expect(anchor.start).toBe(spanStart)
            expect(points.slice(anchor.start, anchor.end).join('')).toBe(quote)
            expect(anchor.status).toBe(spanStart === start ? 'anchored' : 'moved')
          }
        },
      ),
      { numRuns: 300 },
    )
  })

  it('puts no annotation on other text after edits inside spans, with the same words elsewhere', () => {
    // Texts of unique words and a few phrases that recur: an annotated occurrence of a phrase is
    // edited or rewritten while the same words stay elsewhere, the case that must not jump.
    // Distinct words: the first ones make up to three phrases, the others the text between them.
    const repetitive = fc.tuple(words(30, 100), fc.array(fc.boolean(), { minLength: 30, maxLength: 100 })).map(([w, recur]) => {
      const phrases = [w.slice(0, 3).join(' '), w.slice(3, 6).join(' '), w.slice(6, 8).join(' ')]
      return w
        .slice(8)
        .map((x, i) => (recur[i] ? `${x} ${phrases[i % 3]}` : x))
        .join(' ')
    })
    fc.assert(
      fc.property(repetitive, fc.nat(), fc.integer({ min: 3, max: 40 }), edit, (source, s, length, e) => {
        const original = [...source]
        fc.pre(original.length > length)
        const start = s % (original.length - length)
        const annotation = annotate(source, start, start + length)
        const result = apply(original, e, start, start + length)!
        const edited = new OffsetMap(result.points.join(''))
        const anchor = anchorAnnotation(edited, annotation)
        if (anchor.status === 'orphan') {
          // An orphan keeps its stored span; nothing about it is changed.
          expect([anchor.start, anchor.end]).toEqual([start, start + length])
        } else {
          // Anywhere but on what is left of the edited passage is someone else's text.
          const passageEnd = start + length + result.delta
          expect(anchor.end > anchor.start).toBe(true)
          expect(
            anchor.start < passageEnd && anchor.end > start,
            `moved to ${anchor.start}..${anchor.end}, passage ${start}..${passageEnd}`,
          ).toBe(true)
        }
      }),
      {
        numRuns: 600,
        // Found by CI: a text of repeated letters, where the same words elsewhere have surroundings
        // 90% alike; the annotated passage's own surroundings are intact around what is left of it.
        examples: [
          [
            'ad aaa aaaaaaaa aa aaaaaa😀 aaaa aaaaa aay ae aaaaaaa ay aaat aaa aaaaaaaa aa oa aaaaaa aaaaaae aaa aaaaaaaa aa aaaaaaao aaaa aaaaa aay aak aaaaaaa ay jaa aaa aaaaaaaa aa aaaaai aaaa aaaaa aay ah aaaaaaa ay ag aaa aaaaaaaa aa aaaé fa aaaaaaa ay aaw aaga aaaaaan aac ata aaaaaaaaa aaaaaaa ay aaaaaay aaa aaaaaaaa aa aaaaaoa ua aaaaw aaa aaaaaaaa aa aaaap aaaa aaaaa aay',
            1046464939,
            4,
            { at: 0, remove: 2, insert: '' },
          ],
        ],
      },
    )
  })

  it('re-anchors in place after a one-word change inside a quote', () => {
    fc.assert(
      fc.property(text, fc.nat(), fc.nat(), word, (source, s, w, replacement) => {
        const words = source.split(' ')
        // A quote of eight words; one of the six inside it replaced.
        const first = s % (words.length - 8)
        const changed = first + 1 + (w % 6)
        const start = [...words.slice(0, first).join(' ')].length + (first > 0 ? 1 : 0)
        const length = [...words.slice(first, first + 8).join(' ')].length
        // A word, not a rewrite: the change is at most a fifth of the quote.
        fc.pre(words[changed] !== replacement && Math.max(words[changed].length, replacement.length) <= length / 5)
        const annotation = annotate(source, start, start + length)
        const edited = [...words.slice(0, changed), replacement, ...words.slice(changed + 1)]
        const newLength = [...edited.slice(first, first + 8).join(' ')].length
        const anchor = anchorAnnotation(new OffsetMap(edited.join(' ')), annotation)
        expect(anchor.status).not.toBe('orphan')
        expect([anchor.start, anchor.end]).toEqual([start, start + newLength])
      }),
      {
        numRuns: 300,
        // A quote ending two words before the text's end, whose suffix " wt" also begins its last word.
        examples: [
          [
            'aa ac ai ay aw at al aé ak wa ga ad au ea am aj as ap aq oa af sa av ar ka ra ua va na ba ab ta xa gp az bz tc aaa nk ya kv ao vz wtaa wt',
            444972729,
            0,
            'aa',
          ],
        ],
      },
    )
  })

  it('follows a fixed typo and orphans a rewritten passage', () => {
    const before = 'Intro. New quality productive forces are, in essence, advanced productivity. Outro.'
    const a = annotate(before, 7, 76)
    const typo = 'Intro. Some words first. New quality productive forces are, in esence, advanced productivity. Outro.'
    const fixed = anchorAnnotation(new OffsetMap(typo), a)
    expect(fixed.status).toBe('moved')
    expect(typo.slice(fixed.start, fixed.end)).toBe('New quality productive forces are, in esence, advanced productivity.')
    const rewritten = 'Intro. Something else entirely is said here now, about other things. Outro.'
    expect(anchorAnnotation(new OffsetMap(rewritten), a).status).toBe('orphan')
  })

  it('orphans the first or last words of a deleted sentence rather than put them on the next one, and keeps them after an edit beside them', () => {
    // The bundled corpus's words: the sentence after repeats the annotated words (a tester).
    const before =
      'Digital and intelligent tools. The subjects of labor include data and algorithms. On the one hand, the subjects of labor involved in new quality forces are broader.'
    const start = before.indexOf('The subjects')
    const first = annotate(before, start, start + 'The subjects'.length)
    const deleted = before.replace('The subjects of labor include data and algorithms. ', '')
    expect(anchorAnnotation(new OffsetMap(deleted), first).status).toBe('orphan')
    // A word of the deleted sentence's start at the same place: "The" of the next one.
    const word = annotate(before, start, start + 'The'.length)
    const next = 'Digital and intelligent tools. The scope of new quality forces is broader. The tools are new.'
    expect(anchorAnnotation(new OffsetMap(next), word).status).toBe('orphan')
    // A short passage whose sentence before was deleted is an orphan too (nothing tells it from the
    // last case but that its words are the text's only ones): the reader re-attaches it.
    const last = annotate(before, before.indexOf('are broader'), before.indexOf('are broader') + 'are broader'.length)
    const shortened = before.replace(
      'On the one hand, the subjects of labor involved in new quality forces are broader.',
      'Its scope: they are broader.',
    )
    expect(anchorAnnotation(new OffsetMap(shortened), last).status).toBe('orphan')
    // Edited beside, the same short passage is found: a word added after it, a word before.
    const added = before.replace('The subjects of labor include', 'The subjects of labor now include')
    expect(anchorAnnotation(new OffsetMap(added), first)).toEqual({ status: 'anchored', start, end: start + 'The subjects'.length })
    const prefixed = before.replace('intelligent tools.', 'intelligent new tools.')
    const found = anchorAnnotation(new OffsetMap(prefixed), first)
    expect(found.status).toBe('moved')
    expect(prefixed.slice(found.start, found.end)).toBe('The subjects')
  })

  it('picks the occurrence whose context matches among repeated phrases', () => {
    const text = new OffsetMap('alpha: the phrase here. beta: the phrase here. gamma: the phrase here.')
    const anchor = anchorSelectors(
      text,
      { type: 'TextQuoteSelector', exact: 'the phrase', prefix: 'beta: ', suffix: ' here. gamma' },
      { type: 'TextPositionSelector', start: 0, end: 10 },
    )
    expect(anchor).toEqual({ status: 'moved', start: 30, end: 40 })
  })
})

describe('re-anchoring in text that repeats itself', () => {
  // Records of one template with their own words: a register, minutes, a form letter.
  const records = fc.uniqueArray(word, { minLength: 14, maxLength: 40 }).map((w) => {
    const lead = 'Entered in the register of the parish on the day of '
    const trail = ' by the clerk, in the presence of two witnesses here.'
    const out: string[] = []
    for (let i = 0; i + 1 < w.length; i += 2) out.push(`${lead}${w[i]} ${w[i + 1]}${trail}`)
    return out.join('\n')
  })
  /** A record's own words: UTF-16 offset, code point span, the words. */
  function payload(source: string, k: number) {
    const found = [...source.matchAll(/of (\S+ \S+) by/g)]
    const m = found[k % found.length]
    const u16 = m.index + 3
    const start = [...source.slice(0, u16)].length
    return { u16, start, end: start + [...m[1]].length, words: m[1] }
  }

  it('orphans a passage deleted whole, rather than put it on the next record', () => {
    fc.assert(
      fc.property(records, fc.nat(), (source, k) => {
        const p = payload(source, k)
        const edited = source.slice(0, p.u16) + source.slice(p.u16 + p.words.length)
        expect(anchorAnnotation(new OffsetMap(edited), annotate(source, p.start, p.end)).status).toBe('orphan')
      }),
      {
        numRuns: 300,
        // The second record's words deleted: the third's ("ae rea", one letter from "am re" after
        // its own intact surroundings) are not the passage.
        examples: [
          [
            ['aa ai', 'am re', 'ae rea', 'ag aw', 'ao al', 'av ah', 'ja af']
              .map((w) => `Entered in the register of the parish on the day of ${w} by the clerk, in the presence of two witnesses here.`)
              .join('\n'),
            1,
          ],
        ],
      },
    )
  })

  it('finds a passage after an edit beside it, though another record has its surroundings intact', () => {
    fc.assert(
      fc.property(records, fc.nat(), fc.integer({ min: 1, max: 20 }), (source, k, back) => {
        const p = payload(source, k)
        const at = p.u16 - back
        const edited = new OffsetMap(`${source.slice(0, at)}X${source.slice(at)}`)
        const anchor = anchorAnnotation(edited, annotate(source, p.start, p.end))
        expect(anchor.status).toBe('moved')
        expect(edited.slice(anchor.start, anchor.end)).toBe(p.words)
      }),
      { numRuns: 300 },
    )
  })

  it('puts a rewritten passage on no other record, after text inserted before it', () => {
    fc.assert(
      fc.property(records, fc.nat(), fc.nat(), fc.string({ maxLength: 200 }), word, (source, k, i, inserted, rewrite) => {
        const p = payload(source, k)
        fc.pre(!p.words.includes(rewrite) && !rewrite.includes(p.words))
        const at = i % (p.u16 + 1)
        const edited = new OffsetMap(
          source.slice(0, at) + inserted + source.slice(at, p.u16) + rewrite + source.slice(p.u16 + p.words.length),
        )
        const anchor = anchorAnnotation(edited, annotate(source, p.start, p.end))
        if (anchor.status === 'orphan') return
        // Only the rewritten words are the passage's place now.
        const from = [...inserted].length + p.start
        expect(anchor.start < from + [...rewrite].length && anchor.end > from, `moved to ${anchor.start}..${anchor.end}`).toBe(true)
      }),
      { numRuns: 300 },
    )
  })

  it('snaps a near match to the nearest copy of its context, not the first in reach', () => {
    const tail = ' and then the singer finally stopped and the audience went home.'
    const source = `Refrain: ${'la '.repeat(20)}${tail}`
    const start = source.indexOf('and then')
    const end = start + 'and then the singer finally stopped'.length
    const edited = new OffsetMap(source.replace('finally', 'finaly'))
    const anchor = anchorAnnotation(edited, annotate(source, start, end))
    expect(edited.slice(anchor.start, anchor.end)).toBe('and then the singer finaly stopped')
    // A row of leader dots before a title whose last letter went.
    const dots = `Chapter One${'.'.repeat(40)}A Long Voyage Out To Sea`
    const title = annotate(dots, dots.indexOf('A Long'), dots.length)
    const cut = new OffsetMap(dots.slice(0, -1))
    const found = anchorAnnotation(cut, title)
    expect(cut.slice(found.start, found.end)).toBe('A Long Voyage Out To Se')
  })

  it('keeps a repeated word on its own occurrence after an edit before it shifted the text', () => {
    const source = 'Alas! He said: no, no, no. And then he left the room without another word.'
    const second = source.indexOf('no', source.indexOf('no,') + 1)
    const annotation = annotate(source, second, second + 2)
    const edited = new OffsetMap(`Now ${source}`)
    const anchor = anchorAnnotation(edited, annotation)
    expect(anchor).toEqual({ status: 'moved', start: second + 4, end: second + 6 })
  })

  it('follows a record of a register when text before it shifts every record', () => {
    const record = (x: string) => `Baptised in this parish church on the day of ${x} by the curate.\n`
    const source = ['3 May 1851', '4 May 1851', '5 May 1851', '6 May 1851'].map(record).join('')
    const start = source.indexOf('5 May 1851')
    const annotation = annotate(source, start, start + 10)
    const edited = new OffsetMap(`Register of baptisms, 1851.\nTranscribed 2024.\n${source}`)
    const anchor = anchorAnnotation(edited, annotation)
    expect(edited.slice(anchor.start, anchor.end)).toBe('5 May 1851')
    // The first record deleted: the others move back by one record.
    const names = ['Mary Cole', 'John Hart', 'Anne Lowe', 'Ruth Ames', 'Jane Reed'].map(record).join('')
    const anne = names.indexOf('Anne Lowe')
    const cut = new OffsetMap(names.slice(record('Mary Cole').length))
    const found = anchorAnnotation(cut, annotate(names, anne, anne + 9))
    expect(cut.slice(found.start, found.end)).toBe('Anne Lowe')
  })

  it('keeps a record whose end was rewritten off another record edited elsewhere', () => {
    const record = (d: string) =>
      `Entered in the register of the parish on the day of ${d} by the clerk, in the presence of two witnesses.\n`
    const source = ['3 May 1851', '4 July 1851', '14 May 1851'].map(record).join('')
    const quote = 'the day of 4 July 1851 by the clerk'
    const start = source.indexOf(quote)
    const annotation = annotate(source, start, start + quote.length)
    const edited = new OffsetMap(
      source
        .replace('4 July 1851 by the clerk, in the presence of two witnesses.', '4 July 1851 by the clerk; the witnesses were not named.')
        .replace('3 May', '3rd May'),
    )
    const anchor = anchorAnnotation(edited, annotation)
    if (anchor.status !== 'orphan') expect(edited.slice(anchor.start, anchor.end)).toBe(quote)
  })

  it('orphans a deleted name rather than put it on a like one beside it', () => {
    const source = 'At the dinner on Sunday the guests were Mr. Smith, Mrs. Smith and the vicar, who arrived late as always.'
    const start = source.indexOf('Mr. Smith, ')
    const annotation = annotate(source, start, start + 'Mr. Smith, '.length)
    const edited = source.replace('Mr. Smith, ', '')
    expect(anchorAnnotation(new OffsetMap(edited), annotation).status).toBe('orphan')
  })
})

describe('re-anchoring a few words after a sentence or line is deleted, on the bundled corpus', () => {
  // Each sentence and line of the five texts annotated at its first and last one, two and three
  // words (a tester's test), on its own or with the sentence next to it deleted.

  /** The five texts, each with its sentences and lines ([start, end) in UTF-16). */
  const texts = async () =>
    Promise.all(
      (await readdir(CORPUS))
        .filter((f) => f.endsWith('.txt'))
        .map(async (file) => {
          const source = await readFile(join(CORPUS, file), 'utf8')
          const lines: [number, number][] = []
          for (let i = 0; i < source.length;) {
            const next = source.indexOf('\n', i)
            const j = next === -1 ? source.length : next + 1
            lines.push([i, j])
            i = j
          }
          const sentences = [...source.matchAll(/[A-Z][^.\n]*?[.!?] /g)].map((m): [number, number] => [m.index, m.index + m[0].length])
          return { source, map: new OffsetMap(source), lines, sentences }
        }),
    )

  /** The spans of the first and last one, two and three words of text [a, b), where it has three words. */
  const edgeSpans = (source: string, a: number, b: number): [number, number][] => {
    const words = [...source.slice(a, b).matchAll(/\S+/g)]
    if (words.length < 3) return []
    return [1, 2, 3].flatMap((k): [number, number][] => [
      [a + words[0].index, a + words[k - 1].index + words[k - 1][0].length],
      [a + words[words.length - k].index, a + words[words.length - 1].index + words[words.length - 1][0].length],
    ])
  }

  const annotateAt = (map: OffsetMap, [s, e]: [number, number]) =>
    makeAnnotation({ id: 'a', now: 't', docId: 'd', text: map, start: map.toCodePoint(s), end: map.toCodePoint(e), tagIds: [] })

  // Its own sentence or line deleted, an annotation's words are gone: it is an orphan. Those still
  // placed are on other words: a title the text repeats, or sentences that open or close with the
  // same formula and the same words around it ("Accelerating the development of new quality
  // productive forces"), which no context of 32 characters tells apart. 91 of 1,656 were placed so
  // before SHORT_QUOTE (anchor.ts), 29 since.
  it('orphans nearly all whose sentence or line was deleted: never more than 30 of 1,656 on other text', async () => {
    let total = 0
    let placed = 0
    for (const { source, map, lines, sentences } of await texts())
      for (const [a, b] of [...lines, ...sentences]) {
        const edited = new OffsetMap(source.slice(0, a) + source.slice(b))
        for (const span of edgeSpans(source, a, b)) {
          total++
          if (anchorAnnotation(edited, annotateAt(map, span)).status !== 'orphan') placed++
        }
      }
    expect(total).toBe(1656)
    expect(placed).toBeLessThanOrEqual(30)
  })

  // The sentence before or after deleted, its words are where they were in their sentence: found
  // there, or an orphan where its context is gone (SHORT_QUOTE's price). 666 of 858 were found
  // before SHORT_QUOTE (4 placed elsewhere), 577 since (2 elsewhere).
  it('finds most of those whose neighbouring sentence was deleted: at least 570 of 858, never elsewhere but 2', async () => {
    const found = { correct: 0, orphan: 0, elsewhere: 0 }
    for (const { source, map, sentences } of await texts())
      sentences.forEach(([a, b], i) => {
        for (const [c, d] of [sentences[i - 1], sentences[i + 1]].filter((n) => n !== undefined)) {
          if (c < a ? d !== a : c !== b) continue
          const edited = new OffsetMap(source.slice(0, c) + source.slice(d))
          const shift = c < a ? d - c : 0
          for (const [s, e] of edgeSpans(source, a, b)) {
            const anchor = anchorAnnotation(edited, annotateAt(map, [s, e]))
            const at = [edited.toCodePoint(s - shift), edited.toCodePoint(e - shift)]
            if (anchor.status === 'orphan') found.orphan++
            else if (anchor.start === at[0] && anchor.end === at[1]) found.correct++
            else found.elsewhere++
          }
        }
      })
    expect(found.correct + found.orphan + found.elsewhere).toBe(858)
    expect(found.correct).toBeGreaterThanOrEqual(570)
    expect(found.elsewhere).toBeLessThanOrEqual(2)
  })
})
