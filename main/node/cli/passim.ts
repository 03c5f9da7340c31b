import type { ImportReport } from '../../core/reuse/imported.js'
import { exportPassim } from '../reuse/export.js'
import { type ImportProgress, importPassim, importTextPair } from '../reuse/import.js'
import type { Service } from '../service/service.js'
import type { CliIo } from './codebook.js'
import { parseSubcommand as parse, UsageError } from './error.js'

// CLI commands for batch text-reuse tools (passim on Spark, TextPAIR), whose results Parallax reads:
//   passim export [--project DIR] --out FILE      passim's input, one JSON line per document
//   passim import PATH [--project DIR] [--json]   passim's output folder (or out.json/, or one file)
//   textpair import FILE [--project DIR] [--json] alignments.jsonl or alignments.jsonl.lz4
// Progress goes to stderr; stdout carries the file written (or the report, with --json).

export const REUSE_USAGE = `  passim export --out FILE [--project DIR]    passim's input: JSON Lines, one record per document
  passim import PATH [--project DIR] [--json] read passim's clusters (its output folder, out.json/
                                              or one JSON Lines file) into reuse/passim.json
  textpair import FILE [--project DIR] [--json]
                                              read TextPAIR's alignments (.jsonl or .jsonl.lz4)
                                              into reuse/textpair.json`

/** Share of the input between two progress lines. */
const PROGRESS_STEP = 0.05

function megabytes(bytes: number): string {
  return bytes >= 2 ** 30 ? `${(bytes / 2 ** 30).toFixed(1)} GB` : `${Math.round(bytes / 2 ** 20)} MB`
}

/** A progress printer that writes a line each PROGRESS_STEP of the input. */
function progressLines(io: CliIo): (p: ImportProgress) => void {
  let next = PROGRESS_STEP
  return (p) => {
    const share = p.totalBytes ? p.bytes / p.totalBytes : 1
    if (share < next) return
    while (next <= share) next += PROGRESS_STEP
    io.err(
      `… ${Math.floor(share * 100)}% (${megabytes(p.bytes)} of ${megabytes(p.totalBytes)}): ${p.records.toLocaleString('en')} record(s), ${p.kept.toLocaleString('en')} kept`,
    )
  }
}

function printReport(report: ImportReport, path: string, json: boolean, io: CliIo): void {
  io.err(
    `read ${report.records} record(s) from ${report.files} file(s): ${report.overlaps} overlap(s) of ${report.passages} passage(s) between the project's documents`,
  )
  if (report.unknownRecords) {
    io.err(
      `${report.unknownRecords} record(s) name documents not in the project (skipped), e.g. ${report.unknownDocuments.map((d) => `"${d}"`).join(', ')}`,
    )
  }
  if (report.moved) io.err(`${report.moved} passage(s) were not at their offsets and were found by their text (the documents changed)`)
  if (report.unmatchedRecords) {
    io.err(`${report.unmatchedRecords} passage(s) are no longer in their documents (skipped), e.g.:`)
    for (const u of report.unmatched.slice(0, 3)) io.err(`  ${u.doc} ${u.start}-${u.end}: ${u.text.replace(/\s+/g, ' ').slice(0, 80)}`)
  }
  if (report.singleDocument) io.err(`${report.singleDocument} cluster(s) touch only one project document (not kept)`)
  io.err(`wrote ${path}`)
  io.out(json ? JSON.stringify({ file: path, ...report }, null, 2) : path)
}

/** `passim export|import ...` */
export async function passimCommand(args: string[], io: CliIo, open: (project?: string) => Promise<Service>): Promise<number> {
  const [sub, ...rest] = args
  if (sub === 'export') {
    const { values, positionals } = parse(rest, { out: { type: 'string' } }, 'passim export')
    if (positionals.length) throw new UsageError(`passim export: unexpected ${positionals[0]}`)
    if (!values.out) throw new UsageError('passim export: --out is required')
    const service = await open(values.project as string | undefined)
    const n = await exportPassim(service.project, values.out as string)
    io.err(`wrote ${n} document(s) as passim input to ${values.out}; run: passim ${values.out} OUT, then: passim import OUT`)
    io.out(values.out as string)
    return 0
  }
  if (sub === 'import') {
    const { values, positionals } = parse(rest, { json: { type: 'boolean' } }, 'passim import')
    if (positionals.length !== 1) throw new UsageError('passim import: name passim’s output folder or one JSON Lines file')
    const service = await open(values.project as string | undefined)
    const { report, path } = await importPassim(service.project, positionals[0], { onProgress: progressLines(io) })
    printReport(report, path, !!values.json, io)
    return 0
  }
  throw new UsageError(`passim: ${sub ? `unknown subcommand "${sub}"` : 'name a subcommand'} (export or import)`)
}

/** `textpair import FILE ...` */
export async function textpairCommand(args: string[], io: CliIo, open: (project?: string) => Promise<Service>): Promise<number> {
  const [sub, ...rest] = args
  if (sub !== 'import') throw new UsageError(`textpair: ${sub ? `unknown subcommand "${sub}"` : 'name a subcommand'} (import)`)
  const { values, positionals } = parse(rest, { json: { type: 'boolean' } }, 'textpair import')
  if (positionals.length !== 1) throw new UsageError('textpair import: name one alignments file (.jsonl or .jsonl.lz4)')
  const service = await open(values.project as string | undefined)
  const { report, path } = await importTextPair(service.project, positionals[0], { onProgress: progressLines(io) })
  printReport(report, path, !!values.json, io)
  return 0
}
