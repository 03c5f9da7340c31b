import { writeFile } from 'node:fs/promises'
import { resolve as resolvePath } from 'node:path'
import { parseArgs } from 'node:util'
import { positionOf, tagIdsOf } from '../../core/annotations/annotation-parts.js'
import { findOccurrences } from '../../core/annotations/quote.js'
import { ApiError } from '../../core/contract/api.js'
import { PARAPHRASE_MAX_WORDS } from '../../core/engine/paraphrase-bound.js'
import { EXPORT_FORMAT_IDS, isExportFormat } from '../../core/export/formats.js'
import { stableStringify } from '../../core/project/json.js'
import { fitColumns } from '../../core/text/columns.js'
import { OffsetMap } from '../../core/text/offsets.js'
import { asUsage, reportFailure, UsageError } from './error.js'
import { isEngineCommand, parseEngineCommand, runEngineCommand } from './engine-commands.js'
import { engineFlags } from './engine-script.mjs'
import { processIo, type CommandIo } from './stdout.js'
import { userDataDir } from '../project/paths.js'
import { CORPUS_DIR, isEntryPoint } from '../root.js'
import type { Service } from '../service/service.js'

// The headless CLI: the same services as the app, no UI. stdout carries only the result (JSON
// with --json); errors go to stderr. Exit codes: 0 done, 1 runtime error (one line), 2 usage.
// A command loads its own code when it runs (dynamic imports): `overlaps` and `definitions` load
// the engine and the folder reader, never the project store, import or export code or zod
// (test/unit/cli-entry.test.ts), so a script that runs the engine over folders starts in a
// fraction of the time the whole CLI takes to load.

/** The usage text: the codebook's and batch tools' lines are read from their commands' modules. */
async function usage(): Promise<string> {
  const [{ CODEBOOK_USAGE }, { REUSE_USAGE }] = await Promise.all([import('./codebook.js'), import('./passim.js')])
  return `Usage: parallax <command> [options]

Commands:
  import <files|folders>... [--project DIR]   add .txt, .md, .html, .docx, .pdf or .qdpx documents,
                                              and plain text named without an ending (README,
                                              GPL-2); creates the project if needed
  list [--project DIR] [--json]               documents and their annotation counts
  settings [--reader-name NAME] [--project DIR] [--json]
                                              the project's settings; --reader-name sets the
                                              reader's name (DOCX author, REFI-QDA user; '' clears)
  annotate --doc ID --quote TEXT [--occurrence N] [--tag NAME]... [--note TEXT] [--project DIR]
                                              annotate the N-th occurrence (default 1) of TEXT;
                                              prints the annotation once it is on disk
  overlaps <folder|project> [--json] [--limit N] [--paraphrases|--no-paraphrases]
                                              passages the documents share, best first;
                                              paraphrases are looked for in a corpus of
                                              ${PARAPHRASE_MAX_WORDS.toLocaleString('en-US')} words at most, unless asked
  definitions <folder|project> [--term TEXT] [--json]
                                              how each document defines the term (without
                                              --term: the corpus's key terms, defining the first)
  export --format ${EXPORT_FORMAT_IDS.join('|')} --out FILE [--tag NAME]... [--doc ID]...
         [--author NAME]... [--order document|tag] [--no-notes] [--context] [--orphans]
         [--definitions] [--term TEXT] [--project DIR]
                                              write annotated excerpts with their citations (qdc: the
                                              codebook); --orphans adds orphaned annotations, quoted
                                              as stored, instead of leaving them out; --definitions
                                              adds "How the authors define X" (md, html, docx, pdf;
                                              --term, else the key term); facets: that matrix as CSV
${CODEBOOK_USAGE}
${REUSE_USAGE}

Without --project, commands act on the default project of the bundled corpus.`
}

export { UsageError }

const COMMANDS = {
  import: { project: { type: 'string' } },
  list: { project: { type: 'string' }, json: { type: 'boolean' } },
  settings: { project: { type: 'string' }, json: { type: 'boolean' }, 'reader-name': { type: 'string' } },
  annotate: {
    project: { type: 'string' },
    doc: { type: 'string' },
    quote: { type: 'string' },
    occurrence: { type: 'string' },
    tag: { type: 'string', multiple: true },
    note: { type: 'string' },
  },
  export: {
    project: { type: 'string' },
    format: { type: 'string' },
    out: { type: 'string' },
    tag: { type: 'string', multiple: true },
    doc: { type: 'string', multiple: true },
    author: { type: 'string', multiple: true },
    order: { type: 'string' },
    'no-notes': { type: 'boolean' },
    context: { type: 'boolean' },
    orphans: { type: 'boolean' },
    definitions: { type: 'boolean' },
    term: { type: 'string' },
  },
} as const

type CommandName = keyof typeof COMMANDS

function parse(command: CommandName, args: string[]) {
  return asUsage(command, () =>
    parseArgs({
      args,
      options: COMMANDS[command],
      strict: true,
      allowPositionals: command === 'import',
    }),
  )
}

function need<T>(value: T | undefined, flag: string, command: string): T {
  if (value === undefined) throw new UsageError(`${command}: ${flag} is required`)
  return value
}

async function open(project: string | undefined): Promise<Service> {
  const { Service } = await import('../service/service.js')
  return Service.start({ corpusDir: CORPUS_DIR, userData: userDataDir(), project })
}

/** A column of the CLI's tables: `s` in `n` columns of the terminal (a Chinese title's characters two each). */
function pad(s: string, n: number): string {
  return fitColumns(s, n)
}

/** Runs one CLI command line; resolves with the exit code. */
export async function runCli(argv: string[], io: CommandIo): Promise<number> {
  const [command, ...rest] = argv
  try {
    if (!command || command === '--help' || command === 'help') {
      io.out(await usage())
      return command ? 0 : 2
    }
    if (command === 'tags') return await (await import('./codebook.js')).tagsCommand(rest, io, open)
    if (command === 'annotations') return await (await import('./codebook.js')).annotationsCommand(rest, io, open)
    if (command === 'memo') return await (await import('./codebook.js')).memoCommand(rest, io, open)
    if (command === 'passim') return await (await import('./passim.js')).passimCommand(rest, io, open)
    if (command === 'textpair') return await (await import('./passim.js')).textpairCommand(rest, io, open)
    if (isEngineCommand(command)) return await runEngineCommand(parseEngineCommand(command, rest), io)
    if (!Object.prototype.hasOwnProperty.call(COMMANDS, command)) throw new UsageError(`unknown command: ${command}`)
    const { values, positionals } = parse(command as CommandName, rest) as { values: Record<string, unknown>; positionals: string[] }
    const project = values.project as string | undefined

    if (command === 'import') {
      if (positionals.length === 0) throw new UsageError('import: name at least one file or folder')
      const service = await open(project)
      const { added, report, failed } = await service.importDocuments({ paths: positionals })
      // (Each file the project holds already is named in the report too.)
      const { isAlreadyLine } = await import('../import/importer.js')
      const all = added.length === 0 && !failed && (report ?? []).every(isAlreadyLine) ? ' (all already in the project)' : ''
      io.err(`imported ${added.length} document(s) into ${service.project.dir}${all}`)
      for (const line of report ?? []) io.err(line)
      // Every file that could not be read, each on its line; the others were imported all the same.
      for (const f of failed ?? []) io.err(`not imported: ${f.file}: ${f.reason}`)
      for (const d of added) io.out(`${d.id}\t${d.title}`)
      return failed ? 1 : 0
    }

    if (command === 'list') {
      const service = await open(project)
      const view = await service.getProject()
      if (values.json) {
        io.out(
          JSON.stringify(
            {
              project: { name: view.name, dir: view.dir },
              documents: view.documents.map((d) => ({
                id: d.id,
                file: d.file,
                title: d.title,
                author: d.author,
                outlet: d.outlet,
                date: d.date,
                url: d.url,
                annotations: d.annotationCount,
                // Only when there is one: the output of projects without memos stays as it was.
                ...(d.memo ? { memo: d.memo } : {}),
              })),
              problems: view.problems,
            },
            null,
            2,
          ),
        )
      } else {
        io.out(`${view.name} (${view.dir})`)
        for (const d of view.documents) {
          io.out(
            `${pad(d.id, 36)} ${pad(d.title, 48)} ${pad(d.author || '—', 16)} ${pad(d.outlet || '—', 24)} ${pad(d.date || '—', 10)} ${d.annotationCount} annotation(s)`,
          )
        }
      }
      for (const p of view.problems) io.err(`warning: ${p.path}: ${p.reason}`)
      return 0
    }

    if (command === 'settings') {
      const service = await open(project)
      const given = values['reader-name'] as string | undefined
      const readerName =
        given === undefined
          ? (await service.getProject()).readerName
          : (await service.updateProjectSettings({ readerName: given })).readerName
      if (values.json) io.out(JSON.stringify({ readerName }, null, 2))
      else io.out(`reader name: ${readerName || '(not set)'}`)
      return 0
    }

    if (command === 'export') {
      const [{ exportExcerpts }, { omittedOrphansLine }] = await Promise.all([
        import('../export/export.js'),
        import('../../core/export/excerpts.js'),
      ])
      const format = need(values.format as string | undefined, '--format', command)
      if (!isExportFormat(format)) throw new UsageError(`export: --format is one of ${EXPORT_FORMAT_IDS.join(', ')}, not "${format}"`)
      const out = need(values.out as string | undefined, '--out', command)
      const order = (values.order as string | undefined) ?? 'document'
      if (order !== 'document' && order !== 'tag') throw new UsageError(`export: --order is document or tag, not "${order}"`)
      const service = await open(project)
      const term = values.term as string | undefined
      const definitions = values.definitions || term !== undefined ? { term } : undefined
      const file = await exportExcerpts(service.project, {
        format,
        facetTable: await service.facetTableFor({ format, definitions }),
        tags: values.tag as string[] | undefined,
        docs: values.doc as string[] | undefined,
        authors: values.author as string[] | undefined,
        order,
        notes: !values['no-notes'],
        context: !!values.context,
        orphans: !!values.orphans,
      })
      await writeFile(out, file.bytes)
      io.err(
        format === 'qdc'
          ? `exported the codebook as qdc to ${out}`
          : format === 'facets'
            ? `exported how the authors define the term as CSV to ${out}`
            : `exported ${file.excerpts} excerpt(s) as ${format} to ${out}`,
      )
      if (file.omittedOrphans) io.err(`${omittedOrphansLine(file.omittedOrphans)}; --orphans includes them`)
      io.out(resolvePath(out))
      return 0
    }

    // annotate
    const docId = need(values.doc as string | undefined, '--doc', command)
    const quote = need(values.quote as string | undefined, '--quote', command)
    const occurrence = values.occurrence === undefined ? 1 : Number(values.occurrence)
    if (!Number.isInteger(occurrence) || occurrence < 1)
      throw new UsageError(`annotate: --occurrence wants a whole number from 1, not "${values.occurrence}"`)
    const service = await open(project)
    const { text } = await service.getDocument({ id: docId })
    const map = new OffsetMap(text)
    const found = findOccurrences(map, quote)
    if (found.length === 0) throw new ApiError('not-found', `the quote does not occur in document "${docId}"`)
    if (occurrence > found.length) {
      throw new ApiError('not-found', `the quote occurs ${found.length} time(s) in "${docId}"; --occurrence ${occurrence} is past the last`)
    }
    if (found.length > 1 && values.occurrence === undefined) {
      io.err(`note: the quote occurs ${found.length} times in "${docId}"; annotating the first (choose with --occurrence N)`)
    }
    const start = found[occurrence - 1]
    const { annotation, createdTags } = await service.createAnnotation({
      docId,
      start,
      end: map.toCodePoint(map.toUtf16(start) + quote.length),
      tags: (values.tag as string[] | undefined) ?? [],
      note: values.note as string | undefined,
    })
    for (const t of createdTags) io.err(`created tag "${t.name}" (${t.id})`)
    io.out(stableStringify(annotation.annotation).trimEnd())
    const p = positionOf(annotation.annotation)
    io.err(`annotated ${docId} ${p.start}..${p.end} with ${tagIdsOf(annotation.annotation).length} tag(s)`)
    return 0
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(`parallax: ${e.message}\n\n${await usage()}`)
      return 2
    }
    return reportFailure(e, io)
  }
}

/**
 * Runs the CLI as its own process, on `argv` (the arguments after the script's name), with the
 * process's streams; returns the exit code. Called when this module is the script Node runs, and
 * by `npm run cli` (run.cjs), which runs this module's bundle or its source.
 */
export async function main(argv: string[]): Promise<number> {
  engineFlags(argv[0])
  return runCli(argv, processIo())
}

if (isEntryPoint(import.meta.url)) process.exitCode = await main(process.argv.slice(2))
