import { zipSync } from 'fflate'
import mammoth from 'mammoth'
import { XMLParser } from 'fast-xml-parser'
import { parseHTML } from 'linkedom'
import { DecodeError } from '../project/decode.js'
import { blockText, type ExtractedText } from './html.js'
import { unzipWithin } from './zip.js'

// .docx import: the document converted to HTML by mammoth, so its structure survives, then read
// as text the way an HTML page is (html.ts blockText): paragraphs with a blank line between them,
// list items kept ("- ", or numbered), table rows as lines with tab-separated cells, footnotes
// and endnotes as numbered notes at the end under "Notes", their references as "[1]" in the text.
// The core properties (title, creator) are the metadata. The container is inflated first within
// a byte budget (zip.ts), and mammoth reads a copy rebuilt from those entries only.

/** The text of mammoth's HTML: back-links of notes dropped, the notes under a "Notes" heading. */
function htmlToText(html: string): string {
  const { document } = parseHTML(`<!DOCTYPE html><html><body>${html}</body></html>`) as unknown as { document: Document }
  // "↑" links from a note back to its reference: navigation, not text.
  for (const a of document.querySelectorAll('a[href^="#footnote-ref-"], a[href^="#endnote-ref-"]')) a.remove()
  const notes = document.querySelector('li[id^="footnote-"], li[id^="endnote-"]')?.parentElement
  if (notes) {
    const heading = document.createElement('p')
    heading.textContent = 'Notes'
    notes.before(heading)
  }
  return blockText(document.body as unknown as Parameters<typeof blockText>[0])
}

const coreParser = new XMLParser({ removeNSPrefix: true, parseTagValue: false, ignoreAttributes: true })

function coreProperties(files: Map<string, Uint8Array>): { title: string; creator: string } {
  const xml = files.get('docProps/core.xml')
  if (!xml) return { title: '', creator: '' }
  try {
    const props = (coreParser.parse(new TextDecoder().decode(xml)) as { coreProperties?: Record<string, unknown> }).coreProperties ?? {}
    const str = (v: unknown) =>
      typeof v === 'string'
        ? v.trim()
        : typeof v === 'object' && v && '#text' in v
          ? String((v as { '#text': unknown })['#text']).trim()
          : ''
    return { title: str(props.title), creator: str(props.creator) }
  } catch {
    return { title: '', creator: '' }
  }
}

/** Reads a .docx file's text and metadata. Throws a DecodeError for what is not a readable .docx. */
export async function readDocx(bytes: Uint8Array, path: string): Promise<ExtractedText> {
  const files = unzipWithin(bytes, path, '.docx file')
  if (!files.has('word/document.xml'))
    throw new DecodeError(path, 'this is not a .docx file (it has no word/document.xml); an old .doc must be saved as .docx first')
  const rebuilt = zipSync(Object.fromEntries([...files].map(([name, data]) => [name, [data, { level: 0 }] as [Uint8Array, { level: 0 }]])))
  let raw: string
  try {
    // Images are left out (their alt text is not the document's text).
    raw = htmlToText(
      (
        await mammoth.convertToHtml(
          { buffer: Buffer.from(rebuilt) },
          { convertImage: mammoth.images.imgElement(async () => ({ src: '' })) },
        )
      ).value,
    )
  } catch (e) {
    throw new DecodeError(path, `this .docx file cannot be read (${(e as Error).message.split('\n')[0]})`)
  }
  const text = raw
    .replace(/\r\n?/g, '\n')
    .replace(/(?<![ \t])[ \t]+\n/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim()
  if (!text) throw new DecodeError(path, 'this .docx file has no text')
  const core = coreProperties(files)
  return {
    text: text + '\n',
    // Only title and creator: a .docx's created date is when the file was made (often from a
    // template), not when the text was published, and a wrong date is worse than none in a citation.
    metadata: { title: plausibleTitle(core.title), author: core.creator },
    notes: [],
  }
}

/** A title property, unless it is a file name or an editor's placeholder ("Microsoft Word - x.docx"). */
export function plausibleTitle(title: string): string {
  const t = title.trim()
  if (!t || /^microsoft (word|powerpoint)\s*-/i.test(t) || /\.(docx?|pdf|txt|rtf|odt|indd|tex)$/i.test(t) || /^untitled\b/i.test(t))
    return ''
  return t
}
