import { DecodeError } from '../project/decode.js'
import { plausibleTitle } from './docx.js'
import type { ExtractedText } from './html.js'
import { type PdfLine, rebuildParagraphs } from './paragraphs.js'

// PDF import: the text layer, page by page, read by Mozilla's pdf.js (the legacy build, which runs
// in Node), with its paragraphs rebuilt (paragraphs.ts): printed lines joined, words hyphenated at
// a line end mended, running headers and footers (and page numbers) dropped. A PDF without a text
// layer (scanned pages) is refused with a hint to run OCR first; Parallax does not guess text
// from images.

/**
 * Most pages read. 5,000: more than any book; a PDF claiming more is more likely a generated
 * stress file, and reading it would take minutes.
 */
export const MAX_PDF_PAGES = 5000

interface TextItem {
  str?: string
  hasEOL?: boolean
  /** [a, b, c, d, x, y]: the item's position and scale on the page. */
  transform?: number[]
  width?: number
  height?: number
}

/** The printed lines of a page, from pdf.js's text items (a line ends at an item with hasEOL). */
function pageLines(items: readonly TextItem[]): PdfLine[] {
  const lines: PdfLine[] = []
  let line: PdfLine | null = null
  for (const item of items) {
    const str = item.str ?? ''
    const t = item.transform ?? [1, 0, 0, 1, 0, 0]
    if (!line) line = { text: '', x0: Infinity, x1: -Infinity, y: t[5], size: 0 }
    if (str) {
      if (!line.text) line.y = t[5]
      line.text += str
      line.x0 = Math.min(line.x0, t[4])
      line.x1 = Math.max(line.x1, t[4] + (item.width ?? 0))
      line.size = Math.max(line.size, item.height || Math.hypot(t[2], t[3]))
    }
    if (item.hasEOL) {
      lines.push(line)
      line = null
    }
  }
  if (line) lines.push(line)
  return lines.map((l) => ({ ...l, text: l.text.replace(/(?<![ \t])[ \t]+$/, '') }))
}

/**
 * Reads a PDF file's text layer and document information; `onPage` is called after each page read
 * (the reader worker reports it, so a long book is told apart from a stuck file).
 */
export async function readPdf(bytes: Uint8Array, path: string, onPage: (page: number) => void = () => {}): Promise<ExtractedText> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs')
  // pdf.js takes ownership of (and detaches) the buffer it is given: hand it a copy.
  const task = pdfjs.getDocument({
    data: new Uint8Array(bytes),
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    verbosity: 0,
    stopAtErrors: false,
  })
  let doc: Awaited<typeof task.promise>
  try {
    doc = await task.promise
  } catch (e) {
    const name = (e as Error).name
    if (name === 'PasswordException') throw new DecodeError(path, 'this PDF is password-protected; remove the password and import it again')
    throw new DecodeError(path, `this is not a readable PDF (${(e as Error).message})`)
  }
  try {
    if (doc.numPages > MAX_PDF_PAGES)
      throw new DecodeError(path, `this PDF has ${doc.numPages} pages, over the ${MAX_PDF_PAGES}-page limit`)
    const pages: PdfLine[][] = []
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n)
      const content = await page.getTextContent()
      pages.push(pageLines(content.items as TextItem[]))
      page.cleanup()
      onPage(n)
    }
    const { text, dropped } = rebuildParagraphs(pages)
    if (!text.trim()) {
      throw new DecodeError(
        path,
        'this PDF has no text layer (its pages are images, probably scanned); run OCR on it first (e.g. ocrmypdf) and import the result',
      )
    }
    const meta = await doc.getMetadata().catch(() => null)
    const info = (meta?.info ?? {}) as Record<string, unknown>
    const str = (v: unknown) => (typeof v === 'string' ? v.trim() : '')
    return {
      text: text + '\n',
      // The creation date is when the PDF was made, not necessarily when the text was published: it is
      // left out, as a wrong date is worse than none in a citation (the text's own date is read).
      metadata: { title: plausibleTitle(str(info.Title)), author: str(info.Author) },
      notes: dropped.length ? [`running headers and footers left out: ${dropped.map((d) => `“${d}”`).join(', ')}`] : [],
    }
  } finally {
    await doc.destroy()
  }
}
