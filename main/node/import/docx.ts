import { zipSync } from 'fflate'
import mammoth from 'mammoth'
import { XMLParser } from 'fast-xml-parser'
import { DecodeError } from '../project/decode.js'
import type { ExtractedText } from './html.js'
import { unzipWithin } from './zip.js'

// .docx import: the document's text by mammoth (paragraphs kept, one blank line between them) and
// its core properties (title, creator) as metadata. The container is inflated first
// within a byte budget (import-zip.ts), and mammoth reads a copy rebuilt from those entries only.

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
    raw = (await mammoth.extractRawText({ buffer: Buffer.from(rebuilt) })).value
  } catch (e) {
    throw new DecodeError(path, `this .docx file cannot be read (${(e as Error).message.split('\n')[0]})`)
  }
  const text = raw
    .replace(/\r\n?/g, '\n')
    .replace(/[ \t]+\n/g, '\n')
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
