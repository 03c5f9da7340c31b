import { diffArrays } from 'diff'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { uniqueAnchors } from '../../main/core/engine/anchors.js'
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { closestPart, findOverlaps, type Overlap } from '../../main/core/engine/overlaps.js'
import { loadFolder } from '../../main/node/engine/inline.js'
import { comparedPairs, MAX_DIFF_WORDS, MAX_DIFFS, MAX_PAIRWISE_PASSAGES } from '../../main/core/engine/variant-pairs.js'
import {
  type Change,
  DiffMemo,
  diffPassages,
  MAX_EDIT_LENGTH,
  MIN_MOVED_WORDS,
  sameWords,
  variantOf,
} from '../../main/core/engine/variants.js'
import { passageVariants } from '../../main/core/reuse/variants.js'
import { legend, pairsByPanes, type PairShown, pairsShown, summary } from '../../renderer/compare/variants-panel.js'
import { OffsetMap } from '../../main/core/text/offsets.js'
import { writingDifferences } from '../../main/core/text/written-alike.js'
import { analysed, ROOT, tokenSpan } from '../helpers.js'

const words = (n: number, prefix: string) => Array.from({ length: n }, (_, k) => `${prefix}${k}`)

/** The passages [0, last] of the given texts, analysed together as the engine does. */
function sides(...texts: string[]) {
  return analysed(...texts).map((doc) => ({ doc, start: 0, end: doc.starts.length - 1, map: new OffsetMap(doc.text) }))
}

/** The token of `side` that is `word` (its first). */
function tokenOf(side: ReturnType<typeof sides>[number], word: string): number {
  return [...side.doc.starts].findIndex((start, t) => side.doc.text.slice(start, side.doc.ends[t]) === word)
}

describe('diffPassages', () => {
  it('shows a number written in pieces whole on both sides of a change (a reviewer: "insert 0")', () => {
    const changed = (x: string, y: string) =>
      diffPassages(...(sides(x, y) as [ReturnType<typeof sides>[number], ReturnType<typeof sides>[number]]))
        ?.filter((c) => c.op !== 'equal')
        .map((c) => [c.op, c.a, c.b])
    expect(changed('under the GNU General Public License, Version 2', 'under the GNU General Public License, Version 2.0')).toEqual([
      ['replace', '2', '2.0'],
    ])
    expect(changed('Python 3.10.0 is the release tested here', 'Python 3.9.0 is the release tested here')).toEqual([
      ['replace', '3.10.0', '3.9.0'],
    ])
    expect(changed('paid 1,000 dollars for the licence', 'paid 1,500 dollars for the licence')).toEqual([['replace', '1,000', '1,500']])
    // A range is two numbers, and a name joined to a number is not widened over.
    expect(changed('Copyright 2002-2012 the authors of the library', 'Copyright 2002-2013 the authors of the library')).toEqual([
      ['replace', '2012', '2013'],
    ])
    expect(changed('distributed under the GPL-2 or any later version', 'distributed under the GPL-3 or any later version')).toEqual([
      ['replace', '2', '3'],
    ])
    // Two changes stay two, an equal token between them (a reviewer: "libfoo (1:1.0.5" was one change).
    expect(changed('libfoo (1:1.0.5-1) unstable; urgency=medium', 'libbar (1:1.0.3-1) unstable; urgency=medium')).toEqual([
      ['replace', 'libfoo', 'libbar'],
      ['replace', '1.0.5', '1.0.3'],
    ])
    // A change with words in it is widened at its start only (a tester: "1 in March" / "2 in
    // April"; a reviewer: "and v12.19.0" replaced by "0").
    expect(
      changed('The report was revised as version 2.1 in March and sent on', 'The report was revised as version 2.2 in April and sent on'),
    ).toEqual([['replace', '2.1 in March', '2.2 in April']])
    expect(changed('added in v14.8.0 and v12.19.0 of the runtime', 'added in v14.0.0 of the runtime')).toEqual([
      ['delete', '8', ''],
      ['delete', 'and v12.19', ''],
    ])
    // A token deleted from a run of alike ones is deleted where no number goes on past it (a
    // tester: "<2.0.0-0" / "<2.0.0" read as "0.2.3" replaced by "2.3" on the next line).
    expect(
      changed(
        'Versions in the range >=1.2.7 <2.0.0-0\n* ^0.2.3 := >=0.2.3 <0.3.0-0',
        'Versions in the range >=1.2.7 <2.0.0\n* ^0.2.3 := >=0.2.3 <0.3.0-0',
      ),
    ).toEqual([['delete', '0', '']])
    // Numbers listed with commas are numbers of their own (a reviewer: "1989" replaced by "1989,1991").
    expect(
      changed('Copyright 1989 Free Software Foundation and the authors', 'Copyright 1989,1991 Free Software Foundation and the authors'),
    ).toEqual([['insert', '', '1991']])
    expect(changed('tested on Python 3.8,3.9 and later releases', 'tested on Python 3.8,3.10 and later releases')).toEqual([
      ['replace', '3.9', '3.10'],
    ])
  })

  it("shows the shortest diff where the anchors line the passages up on the wrong words (a reviewer of CMake's help)", () => {
    // The words once in each passage are "prop" and "tgt" of two different references and
    // "property"; "compatibility" and "version" are twice in one, in a name and in the text.
    // Anchored on "prop_tgt", the clause both say was deleted and inserted again (21 edits).
    const [a, b] = sides(
      'For shared libraries on Mach-O systems (e.g. macOS, iOS)\nthe ``MACHO_COMPATIBILITY_VERSION`` property corresponds to the\n*compatibility version* and :prop_tgt:`MACHO_CURRENT_VERSION` corresponds to\nthe *current version*',
      'For shared libraries and executables on Mach-O systems (e.g. macOS, iOS),\nthe :prop_tgt:`SOVERSION` property corresponds to the *compatibility version*\nand ``VERSION`` corresponds to the *current version*',
    )
    const changes = diffPassages(a, b)!
    const flat = (text: string) => text.replace(/\s+/g, ' ')
    expect(changes.filter((c) => c.op === 'equal').map((c) => flat(c.a))).toContain(
      'property corresponds to the *compatibility version* and',
    )
    expect(changes.filter((c) => c.op !== 'equal').map((c) => [c.op, flat(c.a), flat(c.b)])).toEqual([
      ['insert', '', 'and executables'],
      ['replace', 'MACHO_COMPATIBILITY_VERSION', 'prop_tgt:`SOVERSION'],
      ['delete', 'prop_tgt:`MACHO_CURRENT', ''],
    ])
  })

  it('shows the shortest diff of two longer passages too, where the anchors make it far longer (a tester: a sentence moved back)', async () => {
    // Two edited copies of a licence's clauses (a tester's generator, 400 words together), one
    // with its four-word heading moved back a sentence. Anchored, the heading stayed equal and
    // the 23 words it was moved over were deleted and inserted again (127 words changed, difflib 79).
    const texts = await Promise.all(
      ['a.txt', 'b.txt'].map((f) => readFile(join(ROOT, 'test/fixtures/engine/sentence-moved-back', f), 'utf8')),
    )
    const [a, b] = sides(...texts)
    const changes = diffPassages(a, b)!
    const flat = (text: string) => text.replace(/\s+/g, ' ')
    const steps = changes.map((c) => [c.op, flat(c.a), flat(c.b)])
    expect(steps).toContainEqual(['insert', '', 'Effect of New Versions'])
    expect(steps).toContainEqual(['delete', 'Effect of New Versions', ''])
    const equal = changes.filter((c) => c.op === 'equal').map((c) => flat(c.a))
    expect(equal.some((e) => e.includes('Once Covered Code has been published under a particular version of the License'))).toBe(true)
  })

  it('gives the same changes with a memo, and for identical texts the memo answers', () => {
    const base = 'the quick brown fox jumps over the lazy dog while the cat sleeps'
    const edited = 'the quick red fox leaps over the lazy dog while a cat sleeps'
    // The third text is the first again: analyse shares its arrays, so the memo knows the pair.
    const [a, b, c] = sides(base, edited, base)
    expect(c.doc.surface).toBe(a.doc.surface)
    const plain = diffPassages(a, b)
    expect(plain?.map((x) => x.op)).toContain('replace')
    const memo = new DiffMemo()
    expect(diffPassages(a, b, memo)).toEqual(plain)
    expect(diffPassages(c, b, memo)).toEqual(plain)
    expect(memo.size).toBe(1)
  })

  it('knows a pair diffed before in other documents by its words, and tells pairs of other words apart', () => {
    const base = 'the quick brown fox jumps over the lazy dog while the cat sleeps'
    const edited = 'the quick red fox leaps over the lazy dog while a cat sleeps'
    // The same two passages inside other texts (other arrays), and a pair one word apart.
    const [a, b, c, d, e, f] = sides(
      base,
      edited,
      `preface ${base}`,
      `${edited} after`,
      base.replace('lazy', 'busy'),
      edited.replace('sleeps', 'naps'),
    )
    const memo = new DiffMemo()
    const plain = diffPassages(a, b)
    expect(diffPassages(a, b, memo)).toEqual(plain)
    const c1 = { ...c, start: 1 }
    const d1 = { ...d, end: d.end - 1 }
    expect(c1.doc.surface).not.toBe(a.doc.surface)
    expect(diffPassages(c1, d1, memo)?.map((x) => x.op)).toEqual(plain?.map((x) => x.op))
    expect(diffPassages(c1, d1, memo)).toEqual(diffPassages(c1, d1))
    expect(memo.size).toBe(1)
    expect(diffPassages(e, b, memo)).toEqual(diffPassages(e, b))
    expect(diffPassages(a, f, memo)).toEqual(diffPassages(a, f))
    expect(memo.size).toBe(3)
  })

  it('gives the same changes with a memo as without, for any passages', () => {
    const text = fc.array(fc.constantFrom('a', 'b', 'c'), { minLength: 1, maxLength: 40 }).map((w) => w.join(' '))
    fc.assert(
      fc.property(
        fc.array(text, { minLength: 2, maxLength: 6 }),
        fc.array(fc.tuple(fc.nat(), fc.nat(), fc.nat(), fc.nat()), { maxLength: 20 }),
        (texts, picks) => {
          const all = sides(...texts)
          const memo = new DiffMemo()
          for (const [i, j, x, y] of picks) {
            const a = all[i % all.length]
            const b = all[j % all.length]
            // Passages of three to eight words: the same lengths and words come up again and again.
            const cut = (s: typeof a, k: number) => {
              const start = k % (s.end + 1)
              return { ...s, start, end: Math.min(s.end, start + 2 + (k % 6)) }
            }
            expect(diffPassages(cut(a, x), cut(b, y), memo)).toEqual(diffPassages(cut(a, x), cut(b, y)))
          }
        },
      ),
      { numRuns: 200 },
    )
  })

  it('diffs two versions of a history whatever the length of the entries one adds', () => {
    // A release's notes and the next one's: 600 words of new entries between two shared ones, an
    // entry reworded, and the rest as it was. The words added are more than MAX_EDIT_LENGTH edits
    // and are not counted against it; the reworded entry is.
    const before = words(150, 'old')
    const after = words(150, 'late')
    const added = words(600, 'new')
    const [a, b] = sides(
      [...before, 'the', 'shell', 'closed', ...after].join(' '),
      [...before, ...added, 'the', 'shell', 'stopped', ...after].join(' '),
    )
    const changes = diffPassages(a, b)
    expect(changes?.map((x) => x.op)).toEqual(['equal', 'insert', 'equal', 'replace', 'equal'])
    expect(changes?.[1].b.split(' ')).toHaveLength(600)
  })

  it('diffs two editions edited throughout, however many edits in all, where a diff of the whole gives up (each stretch between anchors within MAX_EDIT_LENGTH)', () => {
    // A book and its revision (the King James Version of Mark and the World English Bible's: 4,000
    // words changed in 15,000, in the same order): one word in six changed, 1,000 edits in all.
    const book = words(3000, 'w')
    const revised = book.map((w, k) => (k % 6 === 5 ? `revised${k}` : w))
    const [a, b] = sides(book.join(' '), revised.join(' '))
    const changes = diffPassages(a, b)
    expect(changes).not.toBeNull()
    const replaced = changes!.filter((c) => c.op === 'replace')
    expect(replaced).toHaveLength(500)
    expect(replaced[0]).toMatchObject({ a: 'w5', b: 'revised5' })
    expect(changes!.every((c) => c.op === 'equal' || c.op === 'replace')).toBe(true)
  })

  it('diffs the whole where the anchored diff needs more than MAX_EDIT_LENGTH edits in all and the whole fewer (a reviewer)', () => {
    // A block moved past a line: anchored on the line, both blocks are deleted and inserted again
    // (600 words); the whole's shortest diff moves the one block (302).
    const shared = words(1000, 's')
    const p = Array.from({ length: 150 }, (_, k) => (k % 2 ? 'beta' : 'alpha'))
    const q = Array.from({ length: 150 }, (_, k) => (k % 2 ? 'delta' : 'gamma'))
    const [a, b] = sides([...shared, ...p, 'pivot', ...q].join(' '), [...shared, ...q, 'pivot', ...p].join(' '))
    const edited = diffPassages(a, b)!
      .filter((c) => c.op !== 'equal')
      .reduce((n, c) => n + c.a.split(/\s+/).filter(Boolean).length + c.b.split(/\s+/).filter(Boolean).length, 0)
    expect(edited).toBe(302)
  })

  it('gives up on a pair that needs more than MAX_EDIT_LENGTH edits, as jsdiff does', () => {
    // Disjoint words: known at once from the words alone.
    const [a, b] = sides(words(300, 'a').join(' '), words(300, 'b').join(' '))
    expect(diffPassages(a, b)).toBeNull()
    // The same words reversed: pairable as multisets, so jsdiff itself has to give up.
    const forward = words(300, 'w')
    const [c, d] = sides(forward.join(' '), [...forward].reverse().join(' '))
    expect(diffArrays(forward, [...forward].reverse(), { maxEditLength: MAX_EDIT_LENGTH })).toBeUndefined()
    expect(diffPassages(c, d)).toBeNull()
    // Just within the limit: 200 words replaced, 400 edits.
    const [e, f] = sides([...words(200, 'x'), ...words(100, 'k')].join(' '), [...words(200, 'y'), ...words(100, 'k')].join(' '))
    const changes = diffPassages(e, f)
    expect(changes?.map((x) => x.op)).toEqual(['replace', 'equal'])
  })
})

describe('what a change shows', () => {
  /** The changes from x to y that are not equal, as [op, a, b], each checked against its offsets. */
  const changed = (x: string, y: string) => {
    const [a, b] = sides(x, y)
    return diffPassages(a, b)!
      .filter((c) => c.op !== 'equal')
      .map((c) => {
        expect([...x].slice(c.aStart, c.aEnd).join('')).toBe(c.a)
        expect([...y].slice(c.bStart, c.bEnd).join('')).toBe(c.b)
        return [c.op, c.a, c.b]
      })
  }

  it('shows words a sign stands for as replaced by it, not as removed', () => {
    expect(changed('Copyright (C) 2001 Free Software Foundation', 'Copyright © 2001 Free Software Foundation')).toEqual([
      ['replace', '(C)', '©'],
    ])
    expect(changed('Copyright © 2001 Free Software Foundation', 'Copyright (c) 2001 Free Software Foundation')).toEqual([
      ['replace', '©', '(c)'],
    ])
    expect(changed('you and me and them', 'you & me and them')).toEqual([['replace', 'and', '&']])
    expect(changed('pay 5 EUR now please', 'pay 5 € now please')).toEqual([['replace', 'EUR', '€']])
    // A sign beside the same words is no change; a rule under a heading is no sign.
    expect(changed('Copyright 2001 Free Software Foundation', 'Copyright © 2001 Free Software Foundation')).toEqual([])
    // (The notice added is shown whole, from its "Copyright" on: slid-changes.ts.)
    expect(changed('Copyright © 2005 Trolltech AS Oslo', 'Copyright © 2004 Nicholas Miell, Copyright © 2005 Trolltech AS Oslo')).toEqual([
      ['insert', '', 'Copyright © 2004 Nicholas Miell'],
    ])
    expect(changed('Title Other\n^^^^^^\nSome text', 'Title\n^^^^^\nSome text')).toEqual([['delete', 'Other', '']])
    // Only the words a sign is read as: a year removed beside one is removed, not written as a sign.
    expect(changed('Copyright 2005 Free Software Foundation', 'Copyright © Free Software Foundation')).toEqual([['delete', '2005', '']])
    expect(changed('Copyright (C) 2005 Free Software Foundation', 'Copyright © Free Software Foundation')).toEqual([
      ['delete', '(C) 2005', ''],
    ])
    expect(changed('Tom and the cat Jerry run home', 'Tom & Jerry run home')).toEqual([['delete', 'and the cat', '']])
  })

  it("says words one passage has past the other one's edge, which its text has there too, are beyond it, not removed", () => {
    const text = 'Copyright holders may not alter this agreement without the written consent of the Licensor and You. Then more.'
    const [a, b, c] = sides(text, text, text.replace('Licensor and You', 'Licensor and others'))
    const stopsAt = (side: typeof b, word: string) => ({ ...side, end: tokenOf(side, word) })
    // b's passage stops at "and" (its text goes on "You."); c's text goes on otherwise.
    const short = stopsAt(b, 'and')
    const beyond = diffPassages({ ...a, end: tokenOf(a, 'You') }, short)!.filter((x) => x.op !== 'equal')
    expect(beyond.map((x) => [x.op, x.a, x.beyond])).toEqual([['delete', 'You', true]])
    const otherwise = diffPassages({ ...a, end: tokenOf(a, 'You') }, stopsAt(c, 'and'))!.filter((x) => x.op !== 'equal')
    expect(otherwise.map((x) => [x.op, x.a, x.beyond])).toEqual([['delete', 'You', undefined]])
    // The same at the start: b's passage starts a word later than a's.
    const late = diffPassages(a, { ...b, start: 1 })!.filter((x) => x.op !== 'equal')
    expect(late.map((x) => [x.op, x.a, x.beyond])).toEqual([['delete', 'Copyright', true]])
    // Words of a longer identifier just outside the other passage ("CMAKE_VS_JUST_MY_CODE") are
    // not the same words as a name of their own ("VS_JUST_MY_CODE").
    const [named, prefixed] = sides(
      'VS_JUST_MY_CODE enables the debugger for this target.',
      'CMAKE_VS_JUST_MY_CODE enables the debugger for this target.',
    )
    const partOf = diffPassages(named, { ...prefixed, start: tokenOf(prefixed, 'enables') })!.filter((x) => x.op !== 'equal')
    expect(partOf.map((x) => [x.op, x.a, x.beyond])).toEqual([['delete', 'VS_JUST_MY_CODE', undefined]])
    // Nor the start of one: "GPL" is not beyond a passage whose text goes on "GPL-2"; the folders
    // before it, which the other text goes on with, are.
    const [gpl, gpl2] = sides('found in /usr/share/common-licenses/GPL today', 'found in /usr/share/common-licenses/GPL-2 today')
    const cut = diffPassages({ ...gpl, end: tokenOf(gpl, 'GPL') }, { ...gpl2, end: tokenOf(gpl2, 'in') })!.filter((x) => x.op !== 'equal')
    expect(cut.map((x) => [x.a, x.beyond])).toEqual([
      ['usr/share/common-licenses', true],
      ['GPL', undefined],
    ])
    // The panel marks no change there, and says what the grey words are.
    expect(legend(beyond, 'A', 'B')).toBe(
      'Identical wording; the passages do not start or end alike: the words in grey are in both texts, one passage stops short of them.',
    )
  })

  it('splits words at an edge into those the other text has just outside its passage and those it lacks', () => {
    // A licence's "may not copy" against another's "may copy", whose passage starts at "copy": the
    // "may" is beyond it, the "not" is the change (two licences of /usr/share/common-licenses).
    const [a, b] = sides(
      'Intro words here. The licensee may not copy the program without written permission of the author.',
      'Intro words here. The licensee may copy the program without written permission of the author.',
    )
    const start = diffPassages({ ...a, start: tokenOf(a, 'may') }, { ...b, start: tokenOf(b, 'copy') })!.filter((x) => x.op !== 'equal')
    expect(start.map((x) => [x.op, x.a, x.beyond])).toEqual([
      ['delete', 'may', true],
      ['delete', 'not', undefined],
    ])
    // At the end: a page's last option, which the other page lacks, then a section the other page
    // has just after its passage (a reviewer of gcloud's pages).
    const [c, d] = sides(
      'Map this domain even if mapped. --region=REGION Region of the resource. GLOBAL FLAGS These flags are for all commands.',
      'Map this domain even if mapped. GLOBAL FLAGS These flags are for all commands.',
    )
    const end = diffPassages(c, { ...d, end: tokenOf(d, 'mapped') })!.filter((x) => x.op !== 'equal')
    expect(end.map((x) => [x.op, x.a.replace(/\s+/g, ' '), x.beyond])).toEqual([
      ['delete', '--region=REGION Region of the resource', undefined],
      ['delete', 'GLOBAL FLAGS These flags are for all commands', true],
    ])
    // The same on the added side, and at the start with more words beyond than not: the words
    // beyond first, then the change.
    const added = diffPassages({ ...d, end: tokenOf(d, 'mapped') }, c)!.filter((x) => x.op !== 'equal')
    expect(added.map((x) => [x.op, x.b.replace(/\s+/g, ' '), x.beyond])).toEqual([
      ['insert', '--region=REGION Region of the resource', undefined],
      ['insert', 'GLOBAL FLAGS These flags are for all commands', true],
    ])
    const [e, f] = sides(
      'Intro words here. The licensee may well not copy the program without written permission of the author.',
      'Intro words here. The licensee may well copy the program without written permission of the author.',
    )
    const two = diffPassages({ ...e, start: tokenOf(e, 'licensee') }, { ...f, start: tokenOf(f, 'copy') })!.filter((x) => x.op !== 'equal')
    expect(two.map((x) => [x.op, x.a, x.beyond])).toEqual([
      ['delete', 'licensee may well', true],
      ['delete', 'not', undefined],
    ])
    // Words beyond only as whole written words: "GPL" before the other passage is the end of
    // "sub-GPL" there.
    const [g, h] = sides('GPL now and then the text stays here.', 'Read the sub-GPL the text stays here.')
    const piece = diffPassages(g, { ...h, start: tokenOf(h, 'text') - 1 })!.filter((x) => x.op !== 'equal')
    expect(piece.map((x) => [x.op, x.a, x.beyond])).toEqual([['delete', 'GPL now and then', undefined]])
    // Nor a piece of one of the words removed: "bar" of "foo-bar" is not the other text's "bar".
    const [i, j] = sides('Same start here. Then go foo-bar.', 'Same start here. bar again.')
    const own = diffPassages(i, { ...j, end: tokenOf(j, 'here') })!.filter((x) => x.op !== 'equal')
    expect(own.every((x) => !x.beyond)).toBe(true)
  })

  it('splits a removal of one word repeated at the longest run the other text has (a reviewer: 19,000 times)', () => {
    // A text of one word repeated is where trying each length of run took seconds; the search
    // is Knuth-Morris-Pratt's, linear in the words.
    const [long, short] = sides(`Same start here. ${'la '.repeat(2_000)}end.`, `Same start here. ${'la '.repeat(3)}end.`)
    const changes = diffPassages(long, { ...short, end: tokenOf(short, 'here') })!.filter((x) => x.op !== 'equal')
    // The other text has "la la la end" after its passage: those four words are beyond it.
    expect(changes.map((x) => [x.op, x.a.split(/\s+/).length, x.beyond])).toEqual([
      ['delete', 1997, undefined],
      ['delete', 4, true],
    ])
  })

  it('splits words at an edge the other text goes on with alike, then parts from, into those and the change', () => {
    // One edition's passage stops before the example the other's goes on with; after the example
    // the two part (a reviewer of Python's reference: 98 words said removed, 53 of them there).
    const [a, b] = sides(
      'The saved exception is discarded. An example follows here. The exception information is lost.',
      'The saved exception is discarded. An example follows here. A continue statement is illegal.',
    )
    const end = diffPassages(a, { ...b, end: tokenOf(b, 'discarded') })!.filter((x) => x.op !== 'equal')
    expect(end.map((x) => [x.op, x.a, x.beyond])).toEqual([
      ['delete', 'An example follows here', true],
      ['delete', 'The exception information is lost', undefined],
    ])
    // At the start, read back: the other passage starts after words its text has just before it.
    const [c, d] = sides(
      'First part differs now. An example follows here. The rest is the same.',
      'Other opening words. An example follows here. The rest is the same.',
    )
    const start = diffPassages(c, { ...d, start: tokenOf(d, 'rest') - 1 })!.filter((x) => x.op !== 'equal')
    expect(start.map((x) => [x.op, x.a, x.beyond])).toEqual([
      ['delete', 'First part differs now', undefined],
      ['delete', 'An example follows here', true],
    ])
    // A function word the texts go on with alike is met by chance: no words beyond.
    const [e, f] = sides('Same start here. The default is on.', 'Same start here. The value is off.')
    const chance = diffPassages(e, { ...f, end: tokenOf(f, 'here') })!.filter((x) => x.op !== 'equal')
    expect(chance.map((x) => [x.op, x.a, x.beyond])).toEqual([['delete', 'The default is on', undefined]])
  })

  it('says words the other text has a few words of its own past its passage are beyond it too, when they are many', () => {
    // One edition adds a note between the paragraph both passages end with and the next, which one
    // passage takes in (reviewers of Python's reference and IDLE's NEWS files).
    const next = 'The return value of a function is determined by the last return statement executed in it.'
    const [a, b, c, d] = sides(
      `The saved exception is discarded. ${next}`,
      `The saved exception is discarded. A continue statement is illegal here. ${next}`,
      `The saved exception is discarded. ${'A note of its own. '.repeat(12)}${next}`,
      'The saved exception is discarded. A continue statement is illegal here. The return value of a function.',
    )
    const stopped = (side: typeof b) => ({ ...side, end: tokenOf(side, 'discarded') })
    const gapped = diffPassages(a, stopped(b))!.filter((x) => x.op !== 'equal')
    expect(gapped.map((x) => [x.op, x.a, x.beyond])).toEqual([['delete', next.slice(0, -1), true]])
    // Further than MAX_BEYOND_GAP words on, another place of the text; fewer than
    // MIN_GAPPED_BEYOND words alike, met by chance.
    expect(diffPassages(a, stopped(c))!.filter((x) => x.beyond)).toEqual([])
    expect(diffPassages(a, stopped(d))!.filter((x) => x.beyond)).toEqual([])
  })

  it('reads words past a gap at the start too, and only as whole words, more of them than the gap holds', () => {
    const said = 'Members agreed that the research division should receive additional funding for equipment and staff training next year.'
    const met = 'The committee met on Monday to discuss the annual budget and the new hiring plan for the spring.'
    // At the start: the other passage starts after a heading its text puts between.
    const [a, b] = sides(`${said} ${met}`, `${said}\n\nMinutes of the spring meeting\n\n${met}`)
    const late = diffPassages(a, { ...b, start: tokenOf(b, 'The') })!.filter((x) => x.op !== 'equal')
    expect(late.map((x) => [x.op, x.a, x.beyond])).toEqual([['delete', said.slice(0, -1), true]])
    // At the end, the words past the gap first, then those the other text has not there.
    const [g, h] = sides(`${met} ${said} Zebra quantum violet pancake.`, `${met}\n\nMinutes of the spring meeting\n\n${said}`)
    const part = diffPassages(g, { ...h, end: tokenOf(h, 'spring') })!.filter((x) => x.op !== 'equal')
    expect(part.map((x) => [x.op, x.a, x.beyond])).toEqual([
      ['delete', said.slice(0, -1), true],
      ['delete', 'Zebra quantum violet pancake', undefined],
    ])
    // Past a gap as long as the words alike: another place where a formula is met again.
    const [c, d] = sides(
      `${met} On Debian systems the complete text of the licence is in the common licences folder here.`,
      `${met}\n\nFiles: doc/manual/* Copyright: 2004 Bob Writer License: GFDL Permission is granted to copy under the Free Documentation License with no invariant sections at all.\n\nOn Debian systems the complete text of the licence is in the common licences folder here.`,
    )
    const formula = diffPassages(c, { ...d, end: tokenOf(d, 'spring') })!.filter((x) => x.op !== 'equal')
    expect(formula.map((x) => x.beyond)).toEqual([undefined])
    // Words alike past a gap that are the end of a longer written word there are none.
    const [e, f] = sides(`${met} ${said}`, `${met} A heading here.\n\nsecretary_${said}`)
    const joined = diffPassages(e, { ...f, end: tokenOf(f, 'spring') })!.filter((x) => x.op !== 'equal')
    expect(joined.map((x) => x.beyond)).toEqual([undefined])
  })

  it('slides a change only across words spelled alike, and never so far that two changes meet', () => {
    // "colour" and "color" are one surface form spelled otherwise (respelled.ts): sliding the
    // added word across the other would show "colour" equal to "color".
    const [p, q] = sides('we paint\n\ncolour it is red and fine', 'we paint\n\ncolour color it is red and fine')
    expect(diffPassages(p, q)!.map((c) => [c.op, c.a.replace(/\s+/g, ' '), c.b.replace(/\s+/g, ' ')])).toEqual([
      ['equal', 'we paint colour', 'we paint colour'],
      ['insert', '', 'color'],
      ['equal', 'it is red and fine', 'it is red and fine'],
    ])
    // An equal run between two changes keeps a word at least: no change slides into the next.
    const [a, b] = sides('alpha zz beta beta gamma delta', 'alpha yy\n\nbeta beta beta gamma delta')
    const ops = diffPassages(a, b)!.map((x) => x.op)
    for (let k = 1; k < ops.length; k++) expect(ops[k] === 'equal' || ops[k - 1] === 'equal').toBe(true)
    // Of two places, the one at a paragraph break rather than a line break, at a line break
    // rather than a sentence's end, at a sentence's end rather than a space.
    const insert = (x: string, y: string) => changed(x, y).filter(([op]) => op === 'insert')
    expect(insert('one two three. go on here.', 'one two three. go on here. extra three. go on here.')).toEqual([
      ['insert', '', 'extra three. go on here'],
    ])
    expect(insert('one two\nthree four five', 'one two\nthree mid\n\nthree four five')).toEqual([['insert', '', 'three mid']])
    expect(insert('one two\nthree four five', 'one two\nthree mid\nthree four five')).toEqual([['insert', '', 'three mid']])
  })

  it("shows an entry added before others whole, not from its second word to the next one's first", () => {
    // Two versions of a change log, one adding an entry: jsdiff pairs the added entry's "bpo" with
    // the next one's (a reviewer of IDLE's NEWS files).
    const log = 'Intro line.\n\nbpo-29706: IDLE now colors async and await.\n\nbpo-32984: Set file while running a startup file.\n'
    const [a, b, c] = sides(log.replace(/bpo-29706.*\n\n/, ''), log, log)
    const changes = diffPassages(a, b)!.filter((x) => x.op !== 'equal')
    expect(changes.map((x) => [x.op, x.b])).toEqual([['insert', 'bpo-29706: IDLE now colors async and await']])
    // At a passage's edge, the entry is words the other text has just before its passage.
    const bpo = (side: typeof c) =>
      [...side.doc.starts].flatMap((start, t) => (side.doc.text.slice(start, side.doc.ends[t]) === 'bpo' ? [t] : []))
    const late = diffPassages({ ...c, start: bpo(c)[1] }, { ...b, start: bpo(b)[0] })!.filter((x) => x.op !== 'equal')
    expect(late.map((x) => [x.op, x.b, x.beyond])).toEqual([['insert', 'bpo-29706: IDLE now colors async and await', true]])
  })

  it('keeps every diff true where it moves a change to better gaps: equal steps the same words, both texts whole', () => {
    // Texts of a few words, repeated, with sentence and paragraph breaks: where changes can slide.
    const word = fc.constantFrom('bpo', 'fix', 'the', 'idle', 'shell', '1', 'a')
    const gap = fc.constantFrom(' ', ' ', ' ', '-', '. ', '\n', '\n\n')
    const text = fc.array(fc.tuple(word, gap), { minLength: 1, maxLength: 14 }).map((ws) => ws.map(([w, g]) => w + g).join('') + 'end')
    fc.assert(
      fc.property(text, text, (x, y) => {
        const [a, b] = sides(x, y)
        const changes = diffPassages(a, b)
        if (!changes) return
        const wordsOf = (s: string) => s.toLowerCase().match(/\w+/g) ?? []
        for (const c of changes) if (c.op === 'equal') expect(wordsOf(c.a)).toEqual(wordsOf(c.b))
        // No two changes meet but pieces of one (moved words, words beyond the other passage).
        for (let k = 1; k < changes.length; k++)
          if (changes[k].op !== 'equal' && changes[k - 1].op !== 'equal')
            expect(changes[k].moved || changes[k - 1].moved || changes[k].beyond || changes[k - 1].beyond).toBe(true)
        expect(changes.flatMap((c) => wordsOf(c.a))).toEqual(wordsOf(x))
        expect(changes.flatMap((c) => wordsOf(c.b))).toEqual(wordsOf(y))
      }),
      { numRuns: 300, seed: 7 },
    )
  })

  it('shows no change where two texts write the same words and read a line-end hyphen otherwise', () => {
    // One text writes "left-hand" elsewhere and reads "left-\nhand" as that compound, the other
    // reads it as one word (line-end-hyphens.ts): the same writing (a reviewer of Python's reference).
    const [a, b] = sides('The left-hand side. It evaluates the left-\nhand side first.', 'So it evaluates the left-\nhand side first.')
    expect(a.doc.starts.length - tokenOf(a, 'evaluates')).toBe(b.doc.starts.length - tokenOf(b, 'evaluates') + 1)
    const same = diffPassages({ ...a, start: tokenOf(a, 'evaluates') }, { ...b, start: tokenOf(b, 'evaluates') })!
    expect(same.filter((x) => x.op !== 'equal')).toEqual([])
    expect(same.map((x) => x.a).join(' ')).toBe('evaluates the left-\nhand side first')
    expect(changed('It is an expression-less clause here.', 'It is an expression-\nless clause here.')).toEqual([])
    expect(changed('Values were pre-\ncomputed once here.', 'Values were precomputed once here.')).toEqual([])
    // Not numbers, nor characters written otherwise: a range broken at its hyphen is no number,
    // a superscript no digit (a reviewer).
    expect(changed('the range 5-\n10 in the model here', 'the range 510 in the model here')).not.toEqual([])
    expect(changed('growth was 10²-\nfold in the test', 'growth was 102-fold in the test')).not.toEqual([])
    // A hyphen of a compound against none is a change still.
    expect(changed('It is an expression-less clause here.', 'It is an expressionless clause here.')).toEqual([
      ['replace', 'expression-less', 'expressionless'],
    ])
  })

  it('takes a word or two left equal between two changes into them: one clause replaced by another', () => {
    // jsdiff pairs "of" with "of", and one text's article "the" with the other's next "The".
    expect(
      changed(
        'Projects should be aware of the abstraction.  The policy setting is recorded.',
        'Projects should expect the lack of warning flags.  The policy setting is recorded.',
      ),
    ).toEqual([['replace', 'be aware of the abstraction', 'expect the lack of warning flags']])
    // A number between two changes is met by chance: two licences' names, two headings' versions.
    expect(changed('License: GPL-3+ Bash is free software.', 'License: LGPL-3+ This program is free software.')).toEqual([
      ['replace', 'GPL-3+ Bash', 'LGPL-3+ This program'],
    ])
    // Between two removals the words are kept: no replacement by them (a reviewer's licences).
    expect(changed('They said that the text of it was long and dull.', 'They said that the text was long and dull.')).toEqual([
      ['delete', 'of it', ''],
    ])
    expect(changed('Keep the words of one and the words of two here.', 'Keep the one the two here.')).toEqual([
      ['delete', 'words of', ''],
      ['delete', 'and', ''],
      ['delete', 'words of', ''],
    ])
    // Longer runs stay equal, and so do the words between two respellings (each a change of its own).
    expect(changed('the red fox jumps over the lazy dog today', 'the blue fox leaps over the lazy dog today')).toEqual([
      ['replace', 'red', 'blue'],
      ['replace', 'jumps', 'leaps'],
    ])
  })

  it('shows "&c" and "etc." as one word written otherwise, the ampersand with it', () => {
    // A reviewer saw "&c" compared with "etc." as "c" replaced by "etc".
    expect(changed('bread, wine, &c. for the use of the church', 'bread, wine, etc. for the use of the church')).toEqual([
      ['replace', '&c', 'etc'],
    ])
  })

  it('shows words removed or added with the brackets around them', () => {
    expect(changed('the (C) notice', 'the notice')).toEqual([['delete', '(C)', '']])
    expect(changed('see tcsh(1) and more', 'see tcsh and more')).toEqual([['delete', '(1)', '']])
    expect(changed('see tcsh and more', 'see tcsh [1] and more')).toEqual([['insert', '', '[1]']])
    expect(changed('see tcsh(1), csh and more', 'see tcsh, csh and more')).toEqual([['delete', '(1)', '']])
    expect(changed('Copyright (C) 2005 Free Software Foundation', 'Copyright Free Software Foundation')).toEqual([
      ['delete', '(C) 2005', ''],
    ])
    // An option's hyphens go with its name (a reviewer: "q, --quiet"); a compound's stays.
    expect(changed('print each name; -q, --quiet print no names at all', 'print each name; print no names at all')).toEqual([
      ['delete', '-q, --quiet', ''],
    ])
    expect(changed('see the well-known tools here', 'see the well tools here')).toEqual([['delete', 'known', '']])
    // Brackets that hold more than the words, or words at the passage's edge, are left out.
    expect(changed('a (b c) d e', 'a (c) d e')).toEqual([['delete', 'b', '']])
    expect(changed('(b) c d e', 'c d e')).toEqual([['delete', 'b', '']])
  })
})

describe('variants only where the words differ', () => {
  it('sameWords: the same words as written, whatever the case or quotes; a respelling, an edit or a shift differs', () => {
    const [a, b, c, d, e] = sides(
      'The labour organisers met the Council on Tuesday’s agenda',
      "the LABOUR organisers met the council on Tuesday's agenda",
      'The labour organisers met the council on Monday’s agenda',
      'The labour organisers met the Council on Tuesday’s agenda again',
      'the labor organizers met the council on Tuesday’s agenda',
    )
    expect(sameWords(a, b)).toBe(true)
    expect(sameWords(a, c)).toBe(false)
    expect(sameWords(a, d)).toBe(false)
    expect(sameWords(a, { ...d, end: d.end - 1 })).toBe(true)
    expect(sameWords(a, { ...a, start: 1 })).toBe(false)
    expect(sameWords(a, e)).toBe(false)
  })

  it('shows a respelled word as a change of its own, the rest of the run equal', () => {
    const [a, b] = sides('The labour organisers met the harbour master today', 'the labor organizers met the harbour master today')
    expect(a.doc.respelled.length).toBe(3)
    expect(b.doc.respelled.length).toBe(1)
    const changes = diffPassages(a, b)!
    expect(changes.map((c) => [c.op, c.a, c.b])).toEqual([
      ['equal', 'The', 'the'],
      ['replace', 'labour organisers', 'labor organizers'],
      ['equal', 'met the harbour master today', 'met the harbour master today'],
    ])
    // Offsets are each text's own, the replace exactly the respelled words.
    const replace = changes[1]
    expect(a.doc.text.slice(replace.aStart, replace.aEnd)).toBe('labour organisers')
    expect(b.doc.text.slice(replace.bStart, replace.bEnd)).toBe('labor organizers')
    // A respelling beside an edit: both shown, each in its place.
    const [c, d] = sides('the labour party met in the town hall', 'the labor party met in the old town hall')
    expect(diffPassages(c, d)!.map((x) => [x.op, x.a, x.b])).toEqual([
      ['equal', 'the', 'the'],
      ['replace', 'labour', 'labor'],
      ['equal', 'party met in the', 'party met in the'],
      ['insert', '', 'old'],
      ['equal', 'town hall', 'town hall'],
    ])
    // Right after an insertion: one replace of the respelled word by the inserted and respelled words.
    const [e, f] = sides('the labour party met today', 'the new labor party met today')
    expect(diffPassages(e, f)!.map((x) => [x.op, x.a, x.b])).toEqual([
      ['equal', 'the', 'the'],
      ['replace', 'labour', 'new labor'],
      ['equal', 'party met today', 'party met today'],
    ])
  })

  it('comparedPairs: all pairs up to MAX_PAIRWISE_PASSAGES, then the first against the others, never within a document', () => {
    expect(comparedPairs(['x', 'y', 'z'])).toEqual([
      [0, 1],
      [0, 2],
      [1, 2],
    ])
    expect(comparedPairs(['x', 'x', 'y'])).toEqual([
      [0, 2],
      [1, 2],
    ])
    const many = Array.from({ length: MAX_PAIRWISE_PASSAGES + 1 }, (_, k) => `d${k}`)
    expect(comparedPairs(many)).toEqual(many.slice(1).map((_, k) => [0, k + 1]))
    const lots = Array.from({ length: 3 * MAX_DIFFS }, (_, k) => `d${k}`)
    expect(comparedPairs(lots)).toHaveLength(MAX_DIFFS)
  })

  it('lists no variant of a pair it does not compare where a compared pair differs (a tester: the pair closeKind read, listed besides)', async () => {
    // Five edited copies of a README's paragraphs (a tester's generator): the pair that made the
    // overlap near-verbatim was listed as a variant more, though the first passage's pairs with
    // the others showed differences.
    const { texts } = await loadFolder(join(ROOT, 'test/fixtures/engine/compared-pairs'))
    const { overlaps } = findOverlaps(texts)
    const five = overlaps.find((o) => o.passages.length === 5 && o.kind === 'variant')!
    const compared = comparedPairs(five.passages.map((p) => p.doc)).map(([a, b]) => `${a}-${b}`)
    expect(five.variants.length).toBeGreaterThan(0)
    for (const v of five.variants) expect(compared).toContain(`${v.a}-${v.b}`)
  })

  it('an imported overlap lists variants only for its pairs whose words differ', () => {
    const text = 'the committee visited the northern observatory in March'
    const edited = 'the committee visited the old northern observatory early in March'
    const passages = [
      { doc: 'a', start: 10, text },
      { doc: 'b', start: 0, text: text.toUpperCase() },
      { doc: 'c', start: 5, text: edited },
    ]
    const variants = passageVariants(passages)
    expect(variants.map((v) => [v.a, v.b])).toEqual([
      [0, 2],
      [1, 2],
    ])
    const inserted = variants[0].changes!.filter((c) => c.op !== 'equal')
    expect(inserted.map((c) => [c.op, c.b, c.bStart])).toEqual([
      ['insert', 'old', 5 + edited.indexOf('old')],
      ['insert', 'early', 5 + edited.indexOf('early')],
    ])
  })

  it('the variants panel shows a compared pair without a variant as identical, the others with their changes', () => {
    const passage = (doc: string, text: string) => ({ doc, start: 0, end: [...text].length, text })
    const changes: Change[] = [{ op: 'replace', a: 'x', b: 'y', aStart: 0, aEnd: 1, bStart: 0, bEnd: 1 }]
    const overlap: Overlap = {
      id: 'ov-1',
      score: 1,
      kind: 'variant',
      words: 6,
      similarity: 0.9,
      passages: [passage('a', 'x b c'), passage('b', 'x b c'), passage('c', 'y b c')],
      variants: [
        { a: 0, b: 2, changes },
        { a: 1, b: 2, changes },
      ],
    }
    expect(pairsShown(overlap)).toEqual([
      { a: 0, b: 1, changes: [], identical: true, written: [{ places: [], throughout: false }] },
      { a: 0, b: 2, changes, identical: false, written: [{ places: [], throughout: false }] },
      { a: 1, b: 2, changes, identical: false, written: [{ places: [], throughout: false }] },
    ])
    // A stored result whose variants include a pair outside the rule still shows it.
    const older = { ...overlap, passages: overlap.passages.slice(0, 2), variants: [{ a: 1, b: 0, changes: null }] }
    expect(pairsShown(older)).toEqual([
      { a: 0, b: 1, changes: [], identical: true, written: [{ places: [], throughout: false }] },
      { a: 1, b: 0, changes: null, identical: false, written: [] },
    ])
  })

  it('the variants panel says where the same words are written otherwise, not "identical" (a reviewer of manual pages)', () => {
    // Layout is not writing: spaces, a line end's hyphen, curly quotes.
    const writtenAlike = (a: string, b: string): boolean => writingDifferences(a, b).places.length === 0
    expect(writtenAlike('THIS IS INSE\u2010\n              CURE!', 'THIS  IS  INSECURE!')).toBe(true)
    expect(writtenAlike('over-the-\n   shoulder peeking', 'over-the-shoulder  peeking')).toBe(true)
    expect(writtenAlike('China\u2019s \u201cnew\u201d forces', 'China\'s "new" forces')).toBe(true)
    // Case and punctuation are, word by word: a place is its words in each text.
    expect(writtenAlike('Use password', 'use password')).toBe(false)
    expect(writtenAlike('Set it to -5 degrees.', 'Set it to 5 degrees.')).toBe(false)
    expect(writtenAlike('\u2212q and \u2010P', '-q and -P')).toBe(true)
    const places = (a: string, b: string) => writingDifferences(a, b).places.map((p) => [a.slice(...p.a), b.slice(...p.b)])
    expect(places('Use password to see any other\n user; even on', 'use password to see any other user, even on')).toEqual([
      ['Use', 'use'],
      ['user;', 'user,'],
    ])
    expect(places('the time zone (TZ) is set', 'the time zone TZ is set')).toEqual([['(TZ)', 'TZ']])
    expect(places('using # compression level', 'using compression level')).toEqual([['#', 'compression']])
    expect(places('Study Session of the Bureau', 'study session of the Bureau')).toEqual([['Study Session', 'study session']])
    // Each place paired with its own words in the other text (a reviewer: "even" titled "Tz").
    expect(places('Time use even use use tz" (on use)', 'time use: Even use use Tz on use')).toEqual([
      ['Time use even', 'time use: Even'],
      ['tz" (on use)', 'Tz on use'],
    ])
    // A letter whose lower case is longer ("İ") is compared as it is, the rest in its place.
    expect(places('\u0130 x', 'i\u0307 x')).toEqual([['\u0130', 'i\u0307']])
    // Beyond MAX_WRITING_EDITS differences other than case: throughout, one place.
    const brackets = Array.from({ length: 120 }, (_, k) => `(w${k})`).join(' ')
    const bare = brackets.replace(/[()]/g, '')
    expect(writingDifferences(brackets, bare).throughout).toBe(true)
    expect(legend([], 'A', 'B', false, [writingDifferences(brackets, bare)])).toBe(
      'The same words, written otherwise (case or punctuation) throughout, dotted: both passages are shown.',
    )
    const passage = (doc: string, text: string) => ({ doc, start: 0, end: [...text].length, text })
    const overlap = {
      passages: [passage('a', 'Study Session of the Political Bureau'), passage('b', 'study session of the Political Bureau')],
      variants: [],
    } as unknown as Overlap
    const [shown] = pairsShown(overlap)
    expect(legend(shown.changes, 'A', 'B', false, shown.written)).toBe(
      'The same words, written otherwise (case or punctuation) once, dotted: both passages are shown.',
    )
    // In a variant, the runs written otherwise are counted apart from the differences.
    const step = (op: Change['op'], a: string, b: string): Change => ({ op, a, b, aStart: 0, aEnd: 0, bStart: 0, bEnd: 0 })
    const steps = (changes: Change[]) =>
      pairsShown({ passages: [passage('a', ''), passage('b', '')], variants: [{ a: 0, b: 1, changes }] } as unknown as Overlap)[0]
    const alike = steps([step('equal', 'Use password', 'use password'), step('equal', 'to decrypt', 'to  decrypt')])
    expect(legend(alike.changes, 'A', 'B', false, alike.written)).toBe(
      'The same words, written otherwise (case or punctuation) once, dotted.',
    )
    const replaced = steps([step('equal', 'Use it', 'use it'), step('replace', 'decrypt', 'encrypt'), step('equal', '(TZ) is', 'TZ is')])
    expect(legend(replaced.changes, 'A', 'B', false, replaced.written)).toBe(
      '1 difference: struck through only in A, underlined only in B; the same words written otherwise (case or punctuation) 2 times, dotted.',
    )
  })
})

describe('uniqueAnchors', () => {
  it('pairs the words once in each run, the longest run of them in the same order', () => {
    //                          0  1  2  3  4  5
    const a = new Uint32Array([1, 2, 9, 3, 4, 9])
    const b = new Uint32Array([3, 1, 9, 2, 4, 5, 9])
    // 9 is twice in each, 5 only in b; of 1, 2, 3, 4 (at 1, 3, 0, 4 in b) the longest rising run is 1, 2, 4.
    expect(uniqueAnchors(a, 0, 5, b, 0, 6)).toEqual([
      [0, 1],
      [1, 3],
      [4, 4],
    ])
    // Within sub-ranges, counted there only: 9 is once in a[2..3] and once in b[2..4].
    expect(uniqueAnchors(a, 2, 3, b, 2, 4)).toEqual([[2, 2]])
    expect(uniqueAnchors(a, 0, 1, b, 5, 6)).toEqual([])
  })
})

describe('diffPassages cut at anchors', () => {
  const vocabulary = ['the', 'licence', 'permits', 'copying', 'and', 'use', 'of', 'this', 'work', 'by', 'anyone']
  const text = fc.array(fc.oneof(fc.constantFrom(...vocabulary), fc.constantFrom('alpha', 'beta', 'gamma', 'delta', 'omega')), {
    minLength: 1,
    maxLength: 80,
  })

  it('gives steps that rebuild both passages, equal steps having the same words', () => {
    fc.assert(
      fc.property(text, text, (wa, wb) => {
        const [a, b] = sides(wa.join(' '), wb.join(' '))
        const changes = diffPassages(a, b)
        expect(changes).not.toBeNull()
        const words = (s: string) => s.split(/\s+/).filter(Boolean)
        expect(changes!.flatMap((c) => words(c.a))).toEqual(wa)
        expect(changes!.flatMap((c) => words(c.b))).toEqual(wb)
        for (const c of changes!) if (c.op === 'equal') expect(words(c.a)).toEqual(words(c.b))
        // Steps are joined across anchors: two equal steps never follow each other.
        for (let k = 1; k < changes!.length; k++) expect(changes![k].op === 'equal' && changes![k - 1].op === 'equal').toBe(false)
      }),
      { numRuns: 300 },
    )
  })

  it('says a sentence put elsewhere is moved, rather than replacing what stands in its place', () => {
    const S = [
      'Free software is a matter of freedom.',
      'You must make sure that they receive the source code.',
      'Therefore you have certain responsibilities when you distribute copies.',
      'To protect your rights we need to prevent others from denying them.',
      'And you must show them these terms.',
    ]
    const [a, b] = sides([0, 1, 2, 3, 4].map((k) => S[k]).join(' '), [0, 3, 2, 1, 4].map((k) => S[k]).join(' '))
    const changes = diffPassages(a, b)!
    // Whichever sentences the diff keeps in order, the others are moved, each deleted and inserted whole.
    const others = changes.filter((c) => c.op !== 'equal')
    expect(others.length).toBeGreaterThan(0)
    for (const c of others) expect([c.op === 'delete' || c.op === 'insert', c.moved]).toEqual([true, true])
    const sentences = (side: 'a' | 'b') => others.flatMap((c) => c[side].split(/\.\s*/)).filter(Boolean)
    expect(sentences('a').sort()).toEqual(sentences('b').sort())
    expect(sentences('a').length).toBeGreaterThan(1)
    // The panel counts a move once (its delete and insert are one move) and never calls its words
    // "only in" either passage.
    const moves = others.filter((c) => c.op === 'delete').length
    expect(legend(changes, 'A', 'B')).toBe(
      `${moves} move${moves === 1 ? '' : 's'} (the same words, dashed): struck through where A has them, underlined where B has them.`,
    )
    // Words replaced by others stay a replace, however many: nothing of them is elsewhere.
    const [c, d] = sides(S[0] + ' ' + S[1] + ' ' + S[4], S[0] + ' ' + S[2] + ' ' + S[4])
    const replaced = diffPassages(c, d)!
    expect(replaced.some((x) => x.op === 'replace')).toBe(true)
    expect(replaced.some((x) => x.moved)).toBe(false)
    const n = replaced.filter((x) => x.op !== 'equal').length
    expect(legend(replaced, 'A', 'B')).toBe(`${n} difference${n === 1 ? '' : 's'}: struck through only in A, underlined only in B.`)
    expect(legend([...changes, ...replaced], 'A', 'B')).toContain(
      `difference${n === 1 ? '' : 's'}: struck through only in A, underlined only in B; ${moves} move`,
    )
    expect([legend([], 'A', 'B'), legend(null, 'A', 'B'), legend(null, 'A', 'B', true)]).toEqual([
      'Identical wording.',
      'The wordings differ too much in order for a word-by-word comparison.',
      'Too long to compare word by word (they differ over more than 20,000 words): both passages are shown whole.',
    ])
  })

  it('says a pair was too long to diff, not too different in order, when passages differ over more than MAX_DIFF_WORDS words', () => {
    // Two copies of a long history, one edited at its start and at its end: they differ over
    // the whole of it, past the limit.
    const text = words(MAX_DIFF_WORDS + 10, 'w').join(' ')
    const edited = text.replace('w3 ', 'changed ').replace(/ w\d+$/, ' last')
    const [a, b] = sides(text, edited)
    expect(diffPassages(a, b)).toBeNull()
    expect(variantOf(0, 1, a, b)).toEqual({ a: 0, b: 1, changes: null, tooLong: true })
    // Shorter, the same edits are diffed.
    const [c, d] = sides(...[text, edited].map((t) => t.split(' ').slice(0, 100).join(' ')))
    expect(variantOf(0, 1, c, d).changes?.some((x) => x.op === 'replace')).toBe(true)
    const shown = pairsShown({ passages: [{ doc: 'x' }, { doc: 'y' }], variants: [variantOf(0, 1, a, b)] } as unknown as Overlap)
    expect(shown).toEqual([{ a: 0, b: 1, changes: null, tooLong: true, identical: false, written: [] }])
  })

  it('diffs two long passages over the words where they differ, however long the words they begin and end with alike', () => {
    // Copies of a history of 60,000 words, each naming its own package in its last line, one
    // with a word changed in its middle too: each pair differs over a word or two, its changes.
    const history = words(3 * MAX_DIFF_WORDS, 'w').join(' ')
    const [a, b, c] = sides(
      `${history} apt changelog curl`,
      `${history} apt changelog wget`,
      `${history.replace(' w30000 ', ' altered ')} apt changelog wget`,
    )
    const changed = (x: typeof a, y: typeof a) =>
      variantOf(0, 1, x, y)
        .changes!.filter((step) => step.op !== 'equal')
        .map((step) => [step.op, step.a, step.b])
    expect(changed(a, b)).toEqual([['replace', 'curl', 'wget']])
    expect(changed(b, c)).toEqual([['replace', 'w30000', 'altered']])
    // A word replaced by 450 in the middle of 20,000 alike: diffed as it is in a shorter pair, the
    // words alike around it counted as the pair's equal words (a reviewer: "differ too much in order").
    const [head, tail] = [words(MAX_DIFF_WORDS / 2 + 1, 'h').join(' '), words(MAX_DIFF_WORDS / 2 + 1, 't').join(' ')]
    const added = words(450, 'n').join(' ')
    const [e, f] = sides(`${head} old ${tail}`, `${head} ${added} ${tail}`)
    expect(changed(e, f)).toEqual([['replace', 'old', added]])
    // Two changes 30,000 words apart: they differ over more than the diff reads.
    expect(variantOf(0, 1, a, c)).toEqual({ a: 0, b: 1, changes: null, tooLong: true })
  })

  it("says an overlap's kind as most of its pairs' and its figures as its best pair's", () => {
    const overlap = (pairKinds: Overlap['pairKinds']): Overlap => ({
      id: 'o',
      score: 12.34,
      kind: 'verbatim',
      pairKinds,
      words: 221,
      similarity: 0.8,
      passages: [],
      variants: [],
    })
    const figures = 'score 12.3 · 221 shared content words · similarity 80%'
    expect(summary(overlap({ verbatim: 12, variant: 10, paraphrase: 0 }))).toBe(
      `verbatim in 12 of 22 pairs, near-verbatim in 10 · best pair: ${figures}`,
    )
    // One pair: its kind and its figures are the overlap's.
    expect(summary(overlap({ verbatim: 1, variant: 0, paraphrase: 0 }))).toBe(`verbatim · ${figures}`)
    expect(summary(overlap(undefined))).toBe(`verbatim · ${figures}`)
    // Two passages, matched in two pieces: one pair to a reader.
    const two = { ...overlap({ verbatim: 0, variant: 2, paraphrase: 0 }), kind: 'variant' as const }
    two.passages = ['a', 'b'].map((doc) => ({ doc, start: 0, end: 4, text: 'text' }))
    expect(summary(two)).toBe(`near-verbatim · ${figures}`)
  })

  it('lists first the pairs whose documents the panes show, then those of which they show one (a tester: GPL-2 against GPL-3, which no pane showed)', () => {
    const passages = ['gpl2', 'gpl3', 'lgpl2', 'lgpl21'].map((doc) => ({ doc, start: 0, end: 4, text: 'text' }))
    const overlap = { passages } as unknown as Overlap
    const pair = (a: number, b: number) => ({ a, b }) as PairShown
    const pairs = [pair(0, 1), pair(0, 2), pair(2, 3), pair(1, 3)]
    const order = (inPanes: (string | null)[]) =>
      pairsByPanes(pairs, overlap, inPanes).map((v) => `${passages[v.a].doc}-${passages[v.b].doc}`)
    expect(order(['lgpl2', 'lgpl21', 'gpl2'])).toEqual(['gpl2-lgpl2', 'lgpl2-lgpl21', 'gpl2-gpl3', 'gpl3-lgpl21'])
    // No pane shows any of them: the engine's order.
    expect(order([null, 'other'])).toEqual(['gpl2-gpl3', 'gpl2-lgpl2', 'lgpl2-lgpl21', 'gpl3-lgpl21'])
  })

  it('marks as moved only deletes and inserts whose words the other passage has elsewhere', () => {
    fc.assert(
      fc.property(text, text, (wa, wb) => {
        const [a, b] = sides(wa.join(' '), wb.join(' '))
        for (const c of diffPassages(a, b) ?? []) {
          if (!c.moved) continue
          expect(['delete', 'insert']).toContain(c.op)
          const moved = c.op === 'delete' ? c.a : c.b
          expect(moved.split(' ').length).toBeGreaterThanOrEqual(MIN_MOVED_WORDS)
          expect((c.op === 'delete' ? wb : wa).join(' ')).toContain(moved)
        }
      }),
      { numRuns: 300 },
    )
  })

  it('lines an edited passage up on its rare words, with few edits', () => {
    const base = Array.from({ length: 120 }, (_, k) => (k % 10 === 0 ? `clause${k}` : vocabulary[k % vocabulary.length]))
    const edited = base.map((w, k) => (k % 7 === 3 ? `edit${k}` : w))
    const [a, b] = sides(base.join(' '), edited.join(' '))
    const changes = diffPassages(a, b)!
    const replaced = changes.filter((c) => c.op !== 'equal')
    expect(replaced.every((c) => c.op === 'replace')).toBe(true)
    expect(replaced.map((c) => c.b)).toEqual(edited.filter((w) => w.startsWith('edit')))
    expect(replaced.length * 2).toBeLessThanOrEqual(MAX_EDIT_LENGTH)
  })

  /** pg_dump's and pg_dumpall's pages: three options, two of them noted as ignored in one. */
  const pgDumpPages = (): [string, string] => {
    const option = (name: string, description: string, ignored: boolean) =>
      `       --${name}\n           ${description}\n` +
      (ignored
        ? '\n           This option is ignored when emitting an archive (non-text) output\n           file. For the archive formats, you can specify the option when you\n           call pg_restore.\n'
        : '')
    const access =
      'Do not output commands to select table access methods. With this option, all objects will be created with whichever table access method is the default during restore.'
    const spaces = (what: string) =>
      `Do not output commands to ${what}. With this option, all objects will be created in whichever tablespace is the default during restore.`
    const toast =
      'Do not output commands to set TOAST compression methods. With this option, all columns will be restored with the default compression setting.'
    return [
      [
        option('no-table-access-method', access, true),
        option('no-tablespaces', spaces('select tablespaces'), true),
        option('no-toast-compression', toast, false),
      ].join('\n'),
      [
        option('no-table-access-method', access, false),
        option('no-tablespaces', spaces('create tablespaces nor select tablespaces for objects'), false),
        option('no-toast-compression', toast, false),
      ].join('\n'),
    ]
  }

  it("diffs passages whole where a word once in each lines them up wrongly (pg_dump's and pg_dumpall's pages, a tester)", () => {
    const [a, b] = sides(...pgDumpPages())
    const changes = diffPassages(a, b)!
    const words = (t: string) => t.replace(/\s+/g, ' ').trim()
    expect(
      changes
        .filter((c) => c.op !== 'equal')
        .map((c) => [
          c.op,
          words(c.op === 'insert' ? c.b : c.a)
            .split(' ')
            .slice(0, 4)
            .join(' '),
        ]),
    ).toEqual([
      ['delete', 'This option is ignored'],
      ['insert', 'create tablespaces nor'],
      ['insert', 'for objects'],
      ['delete', 'This option is ignored'],
    ])
  })

  it('gives the engine the diff it gives outside it: the variants read nothing the engine lets go before them', () => {
    // The engine lets the match ids and content positions go before the variants (overlaps.ts);
    // a diff that read them there (the content words once anchored the diffs) was another than
    // the same passages' diff here. Two patent licences of Debian's copyright files (cmake-data's
    // Apache licence, libgd3's VP8 grant): "and otherwise transfer" against "transfer, and
    // otherwise run".
    const texts = [
      'hereby grants to You a perpetual, worldwide,\n  non-exclusive, no-charge, royalty-free, irrevocable (except as stated in this\n  section) patent license to make, have made, use, offer to sell, sell, import,\n  and otherwise transfer the Work, where such license applies only to those\n  patent claims',
      'hereby grants to you a perpetual, worldwide, non-exclusive,\n no-charge, royalty-free, irrevocable (except as stated in this\n section) patent license to make, have made, use, offer to sell, sell,\n import, transfer, and otherwise run, modify and propagate the\n contents of this implementation of VP8, where such license applies\n only to those patent claims',
    ]
    const { overlaps } = findOverlaps(texts.map((text, k) => ({ id: `d${k}`, text })))
    const overlap = overlaps.find((o) => o.passages.length === 2 && o.variants.some((v) => v.changes))!
    const variant = overlap.variants.find((v) => v.changes)!
    const [a, b] = [overlap.passages[variant.a], overlap.passages[variant.b]]
    const docs = analysed(...texts)
    const side = (k: number, p: typeof a) => ({ doc: docs[k], ...tokenSpan(docs[k], texts[k], p.text), map: new OffsetMap(texts[k]) })
    const steps = (changes: { op: string; a: string; b: string }[]) =>
      changes.filter((c) => c.op !== 'equal').map((c) => [c.op, c.a.trim(), c.b.trim()])
    expect(steps(variant.changes!)).toEqual(steps(diffPassages(side(Number(a.doc.slice(1)), a), side(Number(b.doc.slice(1)), b))!))
  })

  it('keeps the anchored diff where the one without anchors is a few edits shorter, a tie broken otherwise (a BSD licence, a reviewer)', async () => {
    // Two of Debian's copyright files: alsa-ucm-conf's third clause and disclaimer against
    // cmake-data's second clause and disclaimer, as the engine once paired them among nine.
    // Without anchors, the first "this software" was lined up with the disclaimer's "THIS
    // SOFTWARE", whose opening then read as deleted, for a few edits fewer.
    const folder = join(ROOT, 'test/fixtures/engine/content-anchor-tie')
    const texts = await Promise.all(
      ['alsa-ucm-conf--copyright.txt', 'cmake-data--copyright.txt'].map((f) => readFile(join(folder, f), 'utf8')),
    )
    const [alsa, cmake] = analysed(...texts)
    const passage = (doc: typeof alsa, from: string, to: string) => {
      const start = doc.text.indexOf(from)
      const part = doc.text.slice(start, doc.text.indexOf(to, start) + to.length)
      return { doc, ...tokenSpan(doc, doc.text, part), map: new OffsetMap(doc.text) }
    }
    const changes = diffPassages(
      passage(alsa, 'Neither the name of the copyright holder', 'POSSIBILITY OF SUCH DAMAGE'),
      passage(cmake, '2) Redistributions in binary form', 'DAMAGE.\n\nLicense: BSD-3-Clause'),
    )!
    const equal = changes.filter((c) => c.op === 'equal').map((c) => c.a.replace(/\s+/g, ' ').trim())
    expect(equal.some((t) => t.startsWith('THIS SOFTWARE IS PROVIDED BY'))).toBe(true)
  })
})

describe('a document holding the text in pieces', () => {
  // A BSD licence's conditions, and its disclaimer: one document has them as two passages of an
  // overlap (an edit between), another has the disclaimer alone, a third holds the whole text
  // twice, the second copy with a word changed.
  const conditions =
    'Redistribution and use in source and binary forms, with or without modification, are permitted provided that the following conditions are met: Redistributions of source code must retain the above copyright notice, this list of conditions and the following disclaimer.'
  const disclaimer =
    'THIS SOFTWARE IS PROVIDED BY THE COPYRIGHT HOLDERS AND CONTRIBUTORS "AS IS" AND ANY EXPRESS OR IMPLIED WARRANTIES, INCLUDING, BUT NOT LIMITED TO, THE IMPLIED WARRANTIES OF MERCHANTABILITY AND FITNESS FOR A PARTICULAR PURPOSE ARE DISCLAIMED.'
  const docs = analysed(
    `${conditions}\n\nNeither the name of the project nor its authors may be named.\n\n${disclaimer}`,
    disclaimer,
    `${conditions} ${disclaimer}\n\n${conditions} ${disclaimer.replace('EXPRESS', 'STATED')}`,
  )
  const span = (doc: number, from: number, words: number) => ({ doc, start: from, end: from + words - 1 })
  const [c, d] = [conditions, disclaimer].map((t) => analysed(t)[0].starts.length)
  const passages = [span(0, 0, c), span(0, docs[0].starts.length - d, d), span(1, 0, d), span(2, 0, c + d), span(2, c + d, c + d)]

  it("compares each piece with the part of another passage it is, not with another part (a reviewer of npm packages' licences)", () => {
    // The conditions against the disclaimer alone: another part.
    expect(closestPart(passages, 0, 2, docs)).toBe(false)
    expect(closestPart(passages, 1, 2, docs)).toBe(true)
    // Against the whole text, both pieces are parts of it.
    expect(closestPart(passages, 0, 3, docs)).toBe(true)
    expect(closestPart(passages, 1, 3, docs)).toBe(true)
    // Two copies of the whole text, a word apart, are each the same part as a passage elsewhere.
    expect(closestPart(passages, 3, 0, docs)).toBe(true)
    expect(closestPart(passages, 4, 0, docs)).toBe(true)
    // A document with one passage there is compared as it is.
    expect(closestPart(passages, 2, 0, docs)).toBe(true)
  })

  it('says so in the variants panel, not that the wordings differ too much', () => {
    expect(legend(null, 'A', 'B', false, [], true)).toBe(
      'Different parts of the shared text: A or B holds it in more than one passage, and these two are not the same part.',
    )
    expect(legend(null, 'A', 'B')).toBe('The wordings differ too much in order for a word-by-word comparison.')
  })
})
