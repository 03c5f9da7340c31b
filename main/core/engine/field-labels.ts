import { DocumentMemo } from './document-memo.js'
import type { AnalysedDocument } from './analyse.js'
import { lowerBound } from '../text/sorted.js'

// The labels of a form's fields: a word that opens a line, a colon after it, in a document that
// opens MIN_LABEL_LINES lines or more with it ("Problem:", "Solution:", "Files:" of each of vim's
// ten thousand patch notes; "Files:", "Copyright:", "License:" of each stanza of a Debian
// copyright file). They name what a line holds, in every entry alike, and say nothing of it: two
// unrelated patch notes ("does not take a message argument. Solution: Add the argument. Files:
// src/..." / "doesn't mention argument. Solution: Add argument number. Files: src/...") shared
// "Solution" and "Files" with "argument" and "Add", and were a paraphrase (a tester of vim's help
// files). A glossary's term, which opens one line, is a word of its entry.

/** Lines a document opens with a label, at least, for it to be a form's (see above). */
export const MIN_LABEL_LINES = 3

/**
 * Characters of a label, at most: a field's name is a word or two joined ("Build-Depends",
 * "Upstream-Contact"); a line's first word is read no further.
 */
const MAX_LABEL = 40

/**
 * The tokens of `doc` that are its forms' labels (see above), ascending: each line's first word
 * where a colon and a space or the line's end follow it, the label (case aside) opening
 * MIN_LABEL_LINES lines at least. Read once a document, a line at a time.
 */
export function fieldLabels(doc: AnalysedDocument): Uint32Array {
  return labelsOf.get(doc)
}

/** Per document read so far, its labels' tokens, ascending (fieldLabels). */
const labelsOf = new DocumentMemo(readLabels)

/** What fieldLabels gives for a document, read from it once (its memo keeps it). */
function readLabels(doc: AnalysedDocument): Uint32Array {
  const { text } = doc
  const found = new Map<string, number[]>()
  for (let line = 0; line < text.length;) {
    const next = text.indexOf('\n', line)
    const end = next < 0 ? text.length : next
    let k = line
    while (k < end && (text[k] === ' ' || text[k] === '\t')) k++
    const from = k
    while (k < end && k - from <= MAX_LABEL && labelChar(text.charCodeAt(k), text[k])) k++
    if (k > from && k < end && text[k] === ':' && (k + 1 === end || text[k + 1] === ' ' || text[k + 1] === '\t' || text[k + 1] === '\r')) {
      if (LETTER.test(text[from])) {
        const key = text.slice(from, k).toLowerCase()
        let at = found.get(key)
        if (!at) found.set(key, (at = []))
        at.push(from)
      }
    }
    line = end + 1
  }
  const tokens: number[] = []
  for (const offsets of found.values()) {
    if (offsets.length < MIN_LABEL_LINES) continue
    for (const offset of offsets) {
      // The label's words: its tokens from its first character to the colon.
      const colon = text.indexOf(':', offset)
      for (let t = lowerBound(doc.starts, offset); t < doc.starts.length && doc.starts[t] < colon; t++) tokens.push(t)
    }
  }
  return Uint32Array.from(tokens).sort()
}

/** Whether UTF-16 unit `code` (character `char`) may be in a label: a letter, digit, hyphen or underscore. */
function labelChar(code: number, char: string): boolean {
  if (code < 0x80)
    return (
      (code >= 0x61 && code <= 0x7a) || (code >= 0x41 && code <= 0x5a) || (code >= 0x30 && code <= 0x39) || code === 0x2d || code === 0x5f
    )
  return LABEL_CHAR.test(char)
}
const LABEL_CHAR = /[\p{L}\p{N}]/u
const LETTER = /\p{L}/u
