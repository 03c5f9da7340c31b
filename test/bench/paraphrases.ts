import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { OffsetMap } from '../../main/core/text/offsets.js'
import { lowerBound } from '../../main/core/text/sorted.js'
import { ROOT } from '../helpers.js'
import { cliEntry, table } from './common.js'
import { meets } from './reader.js'
import { buildCorpus, REVIEW_CORPORA } from './review-corpora.js'

// The engine's paraphrases on real text against reviewers' verdicts. The review corpora
// (review-corpora.ts: man pages, info manuals, READMEs, NEWS, copyright files, change logs,
// licences, Node.js's docs of this machine) are built into a temporary folder, and the CLI a user
// runs (`overlaps FOLDER --json`) reads each. Every paraphrase it found there was judged once
// (paraphrase-verdicts.json): true (the passages make the same claim), partial, or false, with the
// reason and its pattern. A paraphrase found now takes the verdict whose passages it meets in two
// documents at least (a passage of each meeting one of the verdict's there: MIN_MEETING of the
// shorter's words; or meeting it where another document holds it as a copy, copiedPlaces, or holds
// its text where its own document is not in the corpus, elsewhere); none met, it is unjudged. Printed per corpus: the paraphrases found, how many
// are judged true, partial, false, or not at all, the precision (true of those judged), and the
// verdicts no paraphrase meets any more, each counted once as one of:
//   not here    fewer than two of its passages, of two documents and two different texts, are in
//               its corpus as built on this machine (other packages, other versions of their
//               files): neither found nor lost;
//   in copies   an overlap of another kind (verbatim, near-verbatim) meets two of its passages of
//               different texts in two documents, at one place of the overlap's passages
//               (SAME_PLACE_SHARE): the engine now reports those passages as shared text, which a
//               reader sees (gzip's info manual and man page share the paragraph a verdict's
//               paraphrase was judged in, and the engine now reports the two passages as one
//               near-verbatim overlap); copies of one side alone meet none (a licence clause in
//               three files, restated in a fourth);
//   lost        none: a true one lost is a paraphrase a reader no longer sees.
// --verbose lists the unjudged, the false, the true ones lost and those in copies; --json prints
// it all as JSON; --corpus NAME,... measures only those corpora.

/**
 * Share of the shorter of a verdict's passage and a paraphrase's passage in one document, in words,
 * that the two must share to meet: the engine may now start or end a passage a clause apart from
 * the one judged, and a lower share would take a neighbouring sentence for it.
 */
const MIN_MEETING = 0.5

/**
 * Share of its passages' length, at most, that two passages of a verdict may lie apart in the
 * passages of an overlap of another kind and still be at one place of it (see above; a place is
 * the middle of a verdict's passage as a share of the overlap's passage that holds it): an edited
 * copy's passages differ in length by their edits, so a clause is not at the same share of both;
 * a quarter of a passage apart is another part of the text the overlap shares (two clauses of one
 * licence that two files hold whole).
 */
const SAME_PLACE_SHARE = 0.25

/** The CLI's JSON on one corpus, at most (the copyright files give about 20 MB). */
const MAX_OUTPUT_BYTES = 256 << 20

/** Characters of a passage printed with --verbose: enough to recognise it. */
const SHOWN = 100

type Judgement = 'true' | 'partial' | 'false'

const JUDGEMENTS: Judgement[] = ['true', 'partial', 'false']

interface Passage {
  doc: string
  text: string
}

interface Verdict {
  corpus: string
  verdict: Judgement
  pattern: string
  why: string
  passages: Passage[]
}

interface Output {
  documents: { id: string; path: string }[]
  overlaps: { kind: string; passages: { doc: string; start: number; end: number; text: string }[] }[]
}

/** A document's text and where each of its words starts (UTF-16 offsets), to measure spans in words. */
interface Words {
  map: OffsetMap
  starts: number[]
  /** Each word, in lower case. */
  words: string[]
}

/** Words [first, last) of one document. */
type Span = [number, number]

/** A paraphrase found or a verdict lost, as --verbose and --json show it. */
interface Listed {
  corpus: string
  passages: string[]
  verdict?: Judgement
  pattern?: string
  why?: string
}

interface Figures {
  corpus: string
  documents: number
  paraphrases: number
  true: number
  partial: number
  false: number
  unjudged: number
  verdicts: number
  /** Verdicts a paraphrase meets. */
  met: number
  /** Verdicts no overlap meets (see above), by verdict. */
  lost: Record<Judgement, number>
  /** Verdicts no paraphrase meets and an overlap of another kind does (see above), by verdict. */
  copies: Record<Judgement, number>
  /** Verdicts no paraphrase meets whose passages are not here (see above). */
  absent: number
  /** Verdict passages whose text the corpus built here does not have. */
  missing: number
}

interface Judged {
  figures: Figures
  unjudged: Listed[]
  false: Listed[]
  lost: Listed[]
  copies: Listed[]
}

export async function main(args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: { json: { type: 'boolean' }, verbose: { type: 'boolean' }, corpus: { type: 'string' } },
    strict: true,
  })
  const names = values.corpus !== undefined ? values.corpus.split(',').filter(Boolean) : REVIEW_CORPORA
  for (const name of names) if (!REVIEW_CORPORA.includes(name)) throw new Error(`unknown corpus ${name} (${REVIEW_CORPORA.join(', ')})`)
  const { verdicts } = JSON.parse(readFileSync(join(ROOT, 'test/bench/paraphrase-verdicts.json'), 'utf8')) as { verdicts: Verdict[] }
  const entry = await cliEntry()
  const dir = mkdtempSync(join(tmpdir(), 'parallax-bench-'))
  const results: Judged[] = []
  const skipped: { corpus: string; reason: string; verdicts: number }[] = []
  try {
    for (const name of names) {
      const ofCorpus = verdicts.filter((v) => v.corpus === name)
      const built = buildCorpus(name, join(dir, name))
      if ('skipped' in built) {
        skipped.push({ corpus: name, reason: built.skipped, verdicts: ofCorpus.length })
        continue
      }
      const t0 = performance.now()
      const judged = judge(name, run(entry, join(dir, name)), ofCorpus)
      results.push(judged)
      if (!values.json)
        process.stderr.write(
          `${name}: ${built.documents} texts, ${judged.figures.paraphrases} paraphrases (${((performance.now() - t0) / 1000).toFixed(1)} s)\n`,
        )
    }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
  const total = sum(results.map((r) => r.figures))
  if (values.json) {
    const figures = [...results.map((r) => r.figures), total].map((f) => ({ ...f, precision: precision(f) }))
    const lists = {
      unjudged: results.flatMap((r) => r.unjudged),
      false: results.flatMap((r) => r.false),
      lost: results.flatMap((r) => r.lost),
      copies: results.flatMap((r) => r.copies),
    }
    process.stdout.write(JSON.stringify({ corpora: figures.slice(0, -1), total: figures.at(-1), skipped, ...lists }, null, 2) + '\n')
    return 0
  }
  const rows = [
    [
      'corpus',
      'texts',
      'paraphrases',
      'true',
      'partial',
      'false',
      'unjudged',
      'precision',
      'lost true',
      'lost partial',
      'lost false',
      'true in copies',
      'not here',
    ],
  ]
  for (const f of [...results.map((r) => r.figures), total])
    rows.push([
      f.corpus,
      String(f.documents),
      String(f.paraphrases),
      String(f.true),
      String(f.partial),
      String(f.false),
      String(f.unjudged),
      percent(precision(f)),
      ...JUDGEMENTS.map((j) => String(f.lost[j])),
      String(f.copies.true),
      String(f.absent),
    ])
  process.stdout.write(
    `${results.length} corpora, ${total.paraphrases} paraphrases; ${total.verdicts} verdicts: ${total.met} met by a paraphrase, ` +
      `${JUDGEMENTS.reduce((n, j) => n + total.copies[j], 0)} only by a verbatim or near-verbatim overlap (in copies), ` +
      `${JUDGEMENTS.reduce((n, j) => n + total.lost[j], 0)} by no overlap (lost), ${total.absent} not here\n${table(rows)}`,
  )
  for (const s of skipped) process.stdout.write(`skipped: ${s.corpus} (${s.reason}; ${s.verdicts} verdicts)\n`)
  if (total.missing) process.stdout.write(`${total.missing} verdict passages are not in their corpus as built here (other files)\n`)
  if (values.verbose)
    for (const r of results) {
      for (const o of r.unjudged) process.stdout.write(`unjudged: ${o.corpus} ${o.passages.join(' / ')}\n`)
      for (const o of r.false) process.stdout.write(`false (${o.pattern || '-'}): ${o.corpus} ${o.passages.join(' / ')}: ${o.why}\n`)
      for (const v of r.lost.filter((v) => v.verdict === 'true'))
        process.stdout.write(`lost true: ${v.corpus} ${v.passages.join(' / ')}: ${v.why}\n`)
      for (const v of r.copies.filter((v) => v.verdict === 'true'))
        process.stdout.write(`true in copies: ${v.corpus} ${v.passages.join(' / ')}: ${v.why}\n`)
    }
  return 0
}

/** The CLI's overlaps of a folder. */
function run(entry: string, folder: string): Output {
  const result = spawnSync(process.execPath, [entry, 'overlaps', folder, '--json'], { encoding: 'utf8', maxBuffer: MAX_OUTPUT_BYTES })
  if (result.status !== 0) throw new Error(`the CLI failed on ${folder} (${result.status}): ${result.stderr}`)
  return JSON.parse(result.stdout) as Output
}

/** The paraphrases of one corpus matched to its verdicts. */
function judge(corpus: string, output: Output, verdicts: Verdict[]): Judged {
  const words = new Map(output.documents.map((d) => [d.id, wordsOf(readFileSync(d.path, 'utf8'))]))
  const paraphrases = output.overlaps.filter((o) => o.kind === 'paraphrase')
  const copies = output.overlaps.filter((o) => o.kind !== 'paraphrase')
  const spansOf = (o: Output['overlaps'][number]) =>
    o.passages.map((p) => ({ doc: p.doc, span: wordSpan(words.get(p.doc)!, p.start, p.end) }))
  const copySpans = copies.map(spansOf)
  const judged = verdicts.map((v) => ({
    verdict: v,
    places: v.passages.map((p, passage) => {
      const spans = placesOf(p, words)
      const copied = words.has(p.doc) ? copiedPlaces(p.doc, spans, copySpans, words) : elsewhere(p.text, words)
      return { doc: p.doc, passage, text: p.text.replace(/\s+/g, ' ').trim(), spans, copies: copied }
    }),
  }))
  const met = new Set<Verdict>()
  const figures: Figures = {
    corpus,
    documents: output.documents.length,
    paraphrases: paraphrases.length,
    true: 0,
    partial: 0,
    false: 0,
    unjudged: 0,
    verdicts: verdicts.length,
    met: 0,
    lost: { true: 0, partial: 0, false: 0 },
    copies: { true: 0, partial: 0, false: 0 },
    absent: 0,
    missing: judged.reduce((n, j) => n + j.places.filter((p) => p.spans.length === 0).length, 0),
  }
  const unjudged: Listed[] = []
  const falseOnes: Listed[] = []
  for (const o of paraphrases) {
    const spans = spansOf(o)
    // The verdict met in the most documents (of those, the one met in the most at its own places,
    // not as copies; then the first): a paraphrase found now may span two judged.
    let best: Verdict | undefined
    let most = [1, 0]
    for (const j of judged) {
      const count = [documentsMet(spans, j.places, true), documentsMet(spans, j.places, false)]
      if (count[0] >= 2) met.add(j.verdict)
      if (count[0] >= 2 && (count[0] > most[0] || (count[0] === most[0] && count[1] > most[1]))) [best, most] = [j.verdict, count]
    }
    const listed = { corpus, passages: o.passages.map((p) => shown(p.text)) }
    if (!best) {
      figures.unjudged++
      unjudged.push(listed)
      continue
    }
    figures[best.verdict]++
    if (best.verdict === 'false') falseOnes.push({ ...listed, verdict: best.verdict, pattern: best.pattern, why: best.why })
  }
  // Each verdict no paraphrase meets: not here, in copies or lost (see above).
  figures.met = met.size
  const lost: Verdict[] = []
  const inCopies: Verdict[] = []
  for (const j of judged) {
    if (met.has(j.verdict)) continue
    // (Here too where its document is not, and another holds its text: elsewhere, each such
    // document's place read as the passage's.)
    const here = j.places.flatMap((p) =>
      words.has(p.doc) ? (p.spans.length > 0 ? [p] : []) : p.copies.map((c) => ({ doc: c.doc, text: p.text, spans: [c.span] })),
    )
    if (new Set(here.map((p) => p.doc)).size < 2 || new Set(here.map((p) => p.text)).size < 2) figures.absent++
    else if (copySpans.some((spans) => copiesMeet(spans, here))) inCopies.push(j.verdict)
    else lost.push(j.verdict)
  }
  for (const v of lost) figures.lost[v.verdict]++
  for (const v of inCopies) figures.copies[v.verdict]++
  const listed = (v: Verdict): Listed => ({
    corpus,
    passages: v.passages.map((p) => shown(p.text)),
    verdict: v.verdict,
    pattern: v.pattern,
    why: v.why,
  })
  return { figures, unjudged, false: falseOnes, lost: lost.map(listed), copies: inCopies.map(listed) }
}

/**
 * Whether an overlap's passages (`found`) meet two of a verdict's passages (`verdict`, those here)
 * of different texts in two documents, at one place of the overlap's passages (SAME_PLACE_SHARE).
 */
function copiesMeet(found: { doc: string; span: Span }[], verdict: { doc: string; text: string; spans: Span[] }[]): boolean {
  const held: { doc: string; text: string; at: number }[] = []
  for (const p of found) {
    const length = Math.max(1, p.span[1] - p.span[0])
    for (const v of verdict)
      for (const s of v.spans)
        if (v.doc === p.doc && meets(p.span, s, MIN_MEETING))
          held.push({ doc: v.doc, text: v.text, at: ((s[0] + s[1]) / 2 - p.span[0]) / length })
  }
  return held.some((x, i) =>
    held.slice(i + 1).some((y) => x.doc !== y.doc && x.text !== y.text && Math.abs(x.at - y.at) <= SAME_PLACE_SHARE),
  )
}

function wordsOf(text: string): Words {
  const found = [...text.matchAll(/[\p{L}\p{N}]+/gu)]
  return { map: new OffsetMap(text), starts: found.map((m) => m.index), words: found.map((m) => m[0].toLowerCase()) }
}

/** The words of a span given in code points, as the engine gives its offsets. */
function wordSpan(words: Words, start: number, end: number): Span {
  return [lowerBound(words.starts, words.map.toUtf16(start)), lowerBound(words.starts, words.map.toUtf16(end))]
}

/** A verdict's passage as spans of words: every place its text is in its document (a sentence may be said twice), none if it is not. */
function placesOf(passage: Passage, words: Map<string, Words>): Span[] {
  const doc = words.get(passage.doc)
  const places: Span[] = []
  if (!doc) return places
  for (let at = doc.map.text.indexOf(passage.text); at >= 0; at = doc.map.text.indexOf(passage.text, at + 1))
    places.push([lowerBound(doc.starts, at), lowerBound(doc.starts, at + passage.text.length)])
  return places
}

/**
 * A verdict passage's places (`spans` of document `doc`) in the other documents that hold it as a
 * copy: in each passage of an overlap of another kind (verbatim, near-verbatim: `copies`) beside
 * one that holds a place, where its words are (or, edited there, at the same share of its length).
 * A restatement of a text that several documents copy is found once, with one of the copies
 * (restated-copies.ts: the copies are the copies' overlap's), and which one depends on the corpus:
 * the MPL 2.0's definitions restating the MPL 1.1's were found in one of the three copyright files
 * that print the MPL 2.0, and a verdict given on another of them was lost on one machine and met on
 * the other.
 */
function copiedPlaces(
  doc: string,
  spans: readonly Span[],
  copies: readonly { doc: string; span: Span }[][],
  words: ReadonlyMap<string, Words>,
): { doc: string; span: Span }[] {
  const out: { doc: string; span: Span }[] = []
  const own = words.get(doc)?.words
  if (!own) return out
  for (const overlap of copies)
    for (const p of overlap) {
      if (p.doc !== doc) continue
      const length = Math.max(1, p.span[1] - p.span[0])
      for (const s of spans) {
        if (s[0] < p.span[0] || s[1] > p.span[1]) continue
        const said = own.slice(s[0], s[1])
        for (const q of overlap) {
          if (q.doc === doc) continue
          const theirs = words.get(q.doc)!.words
          let at = -1
          for (let k = q.span[0]; k + said.length <= q.span[1] && at < 0; k++) if (said.every((w, i) => theirs[k + i] === w)) at = k
          const scale = (q.span[1] - q.span[0]) / length
          out.push({
            doc: q.doc,
            span:
              at >= 0
                ? [at, at + said.length]
                : [q.span[0] + Math.round((s[0] - p.span[0]) * scale), q.span[0] + Math.round((s[1] - p.span[0]) * scale)],
          })
        }
      }
    }
  return out
}

/**
 * Where the documents of a corpus hold a verdict passage's text whose own document it does not
 * have: a copy of the document's file from another package of the same source (a copyright file
 * judged in libgl1-mesa-glx's, built on a machine with libegl-mesa0's), read as a copy
 * (copiedPlaces).
 */
function elsewhere(text: string, words: ReadonlyMap<string, Words>): { doc: string; span: Span }[] {
  const out: { doc: string; span: Span }[] = []
  for (const [doc, { map, starts }] of words)
    for (let at = map.text.indexOf(text); at >= 0; at = map.text.indexOf(text, at + 1))
      out.push({ doc, span: [lowerBound(starts, at), lowerBound(starts, at + text.length)] })
  return out
}

/**
 * How many of a verdict's passages a passage found meets, each in its own document: where it is,
 * or (`copies`) also where another document holds it as a copy (copiedPlaces).
 */
function documentsMet(
  found: { doc: string; span: Span }[],
  verdict: { doc: string; passage: number; spans: Span[]; copies: { doc: string; span: Span }[] }[],
  copies: boolean,
): number {
  const passages = new Set<number>()
  const docs = new Set<string>()
  for (const p of found)
    for (const v of verdict) {
      const at = (doc: string, s: Span) => doc === p.doc && meets(p.span, s, MIN_MEETING)
      if (v.spans.some((s) => at(v.doc, s)) || (copies && v.copies.some((c) => at(c.doc, c.span)))) {
        passages.add(v.passage)
        docs.add(p.doc)
      }
    }
  return Math.min(passages.size, docs.size)
}

function shown(text: string): string {
  return JSON.stringify(text.replace(/\s+/g, ' ').trim().slice(0, SHOWN))
}

function percent(share: number | null): string {
  return share === null ? '-' : `${(100 * share).toFixed(0)}%`
}

function precision(f: Figures): number | null {
  const judged = f.true + f.partial + f.false
  return judged ? f.true / judged : null
}

function sum(figures: Figures[]): Figures {
  const add = (field: 'documents' | 'paraphrases' | Judgement | 'unjudged' | 'verdicts' | 'met' | 'absent' | 'missing') =>
    figures.reduce((n, f) => n + f[field], 0)
  const lost = (j: Judgement) => figures.reduce((n, f) => n + f.lost[j], 0)
  const copies = (j: Judgement) => figures.reduce((n, f) => n + f.copies[j], 0)
  return {
    corpus: 'all',
    documents: add('documents'),
    paraphrases: add('paraphrases'),
    true: add('true'),
    partial: add('partial'),
    false: add('false'),
    unjudged: add('unjudged'),
    verdicts: add('verdicts'),
    met: add('met'),
    lost: { true: lost('true'), partial: lost('partial'), false: lost('false') },
    copies: { true: copies('true'), partial: copies('partial'), false: copies('false') },
    absent: add('absent'),
    missing: add('missing'),
  }
}
