import { mkdir, mkdtemp, rename, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { basename, dirname, join } from 'node:path'
import type { Tag } from '../../core/annotations/codebook.js'
import type { OperationInput, Results } from '../../core/contract/api.js'
import { EXPORT_FORMATS } from '../../core/export/formats.js'
import { exportBaseName } from '../../core/export/jsonld.js'
import { stableStringify } from '../../core/project/json.js'
import type { PdfPrinter } from '../export/export.js'
import type { ImportOutcome } from '../import/importer.js'
import type { FacetTable } from '../../core/definitions/facet-table.js'
import type { ProjectStore } from '../project/store.js'

// Documents, codebooks and excerpts in and out of the open project. The readers and writers
// (pdf.js, mammoth, Readability, docx, Playwright) load on first use, not at every start.

/**
 * Adds documents (files, or folders searched for importable files) to the project; `shownAs`
 * names a file by what the user chose where its path is a temporary copy (importer.ts).
 */
export async function importDocuments(
  store: ProjectStore,
  paths: readonly string[],
  report: string[],
  readerWorker: string | undefined,
  shownAs?: ReadonlyMap<string, string>,
): Promise<ImportOutcome> {
  const { importDocuments } = await import('../import/importer.js')
  return importDocuments(store, paths, report, { readerWorker, shownAs })
}

/**
 * Writes files given by content (dropped or picked in the page, base64) to a temporary folder,
 * runs `use` on their paths and removes the folder. Only each file's own name is kept: a name with
 * folders in it cannot write elsewhere.
 */
export async function withUploadedFiles<T>(
  files: OperationInput<'importFiles'>['files'],
  use: (paths: string[]) => Promise<T>,
): Promise<T> {
  const dir = await mkdtemp(join(tmpdir(), 'parallax-upload-'))
  try {
    const paths: string[] = []
    for (const f of files) {
      const name = basename(f.name.replace(/\\/g, '/')).replace(/^\.+/, '') || 'document.txt'
      const path = join(dir, `${paths.length}`, name)
      await mkdir(dirname(path), { recursive: true })
      await writeFile(path, Buffer.from(f.data, 'base64'))
      paths.push(path)
    }
    return await use(paths)
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
}

/**
 * Writes a batch tool's output given by content to a temporary folder and runs `use` on what
 * to read: the one file, or a folder of part-* files (several files, in name order, as Spark
 * writes out.json/); removes the folder after.
 */
export async function withUploadedOutput<T>(
  files: OperationInput<'importReuseFiles'>['files'],
  use: (path: string) => Promise<T>,
): Promise<T> {
  const sorted = [...files].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
  return withUploadedFiles(
    sorted.map((f, k) =>
      sorted.length === 1 ? f : { ...f, name: `part-${String(k).padStart(5, '0')}-${basename(f.name.replace(/\\/g, '/'))}` },
    ),
    async (paths) => {
      if (paths.length === 1) return use(paths[0])
      const folder = join(dirname(dirname(paths[0])), 'out.json')
      await mkdir(folder)
      for (const p of paths) await rename(p, join(folder, basename(p)))
      return use(folder)
    },
  )
}

/** Adds the codes of a REFI-QDA codebook (.qdc, or a .qdpx's) to the tags; returns the tags added. */
export async function importCodebook(store: ProjectStore, path: string): Promise<Tag[]> {
  const { importCodebook } = await import('../import/qdpx.js')
  return importCodebook(store, path)
}

/** Annotated excerpts in a format, as the API hands them over (binary formats in base64). */
export async function exportExcerpts(
  store: ProjectStore,
  input: OperationInput<'exportExcerpts'> & { facetTable?: FacetTable },
  printPdf: PdfPrinter | undefined,
): Promise<Results['exportExcerpts']> {
  const { exportExcerpts, exportResult } = await import('../export/export.js')
  return exportResult(await exportExcerpts(store, input, printPdf))
}

/** Every annotation of the project, document by document, as one W3C AnnotationCollection (JSON-LD). */
/** Every annotation as one W3C AnnotationCollection: the JSON-LD export, orphans quoted as stored. */
export async function exportAnnotations(store: ProjectStore): Promise<Results['exportAnnotations']> {
  const { allAnnotationsJsonLd } = await import('../export/export.js')
  const { suffix, mediaType } = EXPORT_FORMATS.jsonld
  return { fileName: exportBaseName(store.name) + suffix, mediaType, content: stableStringify(await allAnnotationsJsonLd(store)) }
}
