import type { Api, ApiEvent } from '../../main/core/contract/api.js'
import type { ImportReport } from '../../main/core/reuse/imported.js'
import { el, select } from '../shared/dom.js'

// Importing a batch tool's results (passim's clusters, TextPAIR's alignments) from the page: the
// files are picked and sent by content, as the page's other imports (importReuseFiles); the
// services stream them and tell their progress as 'reuse-progress' events (records read, bytes),
// shown here while it runs; the overlaps list then shows the imported clusters with their source.
// The desktop app's File menu does the same from a native dialog (no upload).

/**
 * Largest output sent from the page, in bytes (the web host takes at most 96 MB of base64 in one
 * request). Larger outputs are read where they lie, by the CLI or the desktop app's File menu.
 */
export const UPLOAD_LIMIT_BYTES = 64 * 1024 * 1024

const TOOLS = [
  ['passim', 'passim: its out.json/ part files, or one JSON Lines file'],
  ['textpair', 'TextPAIR: alignments.jsonl or alignments.jsonl.lz4'],
] as const

/** "2.1 of 10 MB" */
function megabytes(bytes: number): string {
  return (bytes / 2 ** 20).toFixed(bytes < 10 * 2 ** 20 ? 1 : 0)
}

/** One sentence saying what an import read and kept. */
export function describeReport(r: ImportReport): string {
  const tool = r.source === 'passim' ? 'passim' : 'TextPAIR'
  const parts = [
    `Imported ${r.overlaps} ${tool} ${r.overlaps === 1 ? 'cluster' : 'clusters'} (${r.passages} passages) from ${r.records.toLocaleString('en')} records`,
  ]
  if (r.unknownRecords)
    parts.push(
      `${r.unknownRecords.toLocaleString('en')} ${r.unknownRecords === 1 ? 'record names a document' : 'records name documents'} not in the project`,
    )
  if (r.unmatchedRecords) parts.push(`${r.unmatchedRecords} passages are no longer in their documents`)
  if (r.moved) parts.push(`${r.moved} passages were found by their text`)
  return parts.join('; ') + '.'
}

export class ReuseImportDialog {
  readonly dom: HTMLDialogElement
  private readonly tool = select({ 'aria-label': 'Tool' }, TOOLS)
  private readonly files = el('input', { type: 'file', multiple: true, 'aria-label': 'Files to import' })
  private readonly progress = el('progress', {
    class: 'reuse-progress',
    max: '1',
    value: '0',
    hidden: true,
    'aria-label': 'Import progress',
  })
  private readonly message = el('p', { class: 'muted reuse-message', role: 'status', 'aria-live': 'polite' })
  private readonly go = el('button', { type: 'submit', class: 'primary' }, 'Import')
  private running = false

  /** The overlaps list follows from the services' 'reuse-imported' event, not from here. */
  constructor(private readonly api: Api) {
    const close = el('button', { type: 'button' }, 'Close')
    close.addEventListener('click', () => this.dom.close())
    const form = el(
      'form',
      { class: 'details-body' },
      el('h2', { class: 'popover-heading' }, 'Import passim or TextPAIR results'),
      el('label', {}, 'Results of', this.tool),
      el('label', {}, 'Files', this.files),
      el(
        'p',
        { class: 'muted' },
        `Only clusters between this project's documents are kept. Up to ${UPLOAD_LIMIT_BYTES / 2 ** 20} MB here; larger outputs: npm run cli -- passim import PATH (or textpair import FILE).`,
      ),
      this.progress,
      this.message,
      el('div', { class: 'popover-actions' }, this.go, close),
    )
    form.addEventListener('submit', (e) => {
      e.preventDefault()
      void this.import()
    })
    this.dom = el(
      'dialog',
      {
        class: 'popover modal-dialog reuse-dialog',
        'data-dialog': 'reuse',
        'aria-label': 'Import passim or TextPAIR results',
      },
      form,
    ) as HTMLDialogElement
  }

  open(): void {
    if (!this.running) {
      this.message.textContent = ''
      this.progress.hidden = true
    }
    this.dom.showModal()
    this.tool.focus()
  }

  /** Shows the progress of this dialog's import (the services' events; the analysis bar shows any import's). */
  showProgress(event: Extract<ApiEvent, { type: 'reuse-progress' }>): void {
    // An event read after the import's answer must not cover its report.
    if (!this.running) return
    this.progress.hidden = false
    this.progress.max = Math.max(1, event.totalBytes)
    this.progress.value = event.bytes
    this.message.textContent = `Reading: ${event.records.toLocaleString('en')} records, ${event.kept.toLocaleString('en')} kept (${megabytes(event.bytes)} of ${megabytes(event.totalBytes)} MB)`
  }

  private async import(): Promise<void> {
    const picked = [...(this.files.files ?? [])]
    if (picked.length === 0) {
      this.message.textContent = 'Choose the files first.'
      return
    }
    const size = picked.reduce((n, f) => n + f.size, 0)
    if (size > UPLOAD_LIMIT_BYTES) {
      this.message.textContent = `These files are ${megabytes(size)} MB, more than the ${UPLOAD_LIMIT_BYTES / 2 ** 20} MB sent from the page: import them with the CLI (npm run cli -- ${this.tool.value} import PATH) or the desktop app's File menu.`
      return
    }
    this.running = true
    this.go.disabled = true
    this.progress.hidden = false
    this.progress.removeAttribute('value')
    this.message.textContent = `Sending ${picked.length} ${picked.length === 1 ? 'file' : 'files'} (${megabytes(size)} MB)…`
    try {
      const files = await Promise.all(picked.map(read))
      const { report } = await this.api.importReuseFiles({ tool: this.tool.value as 'passim' | 'textpair', files })
      this.progress.max = 1
      this.progress.value = 1
      this.message.textContent = describeReport(report)
      this.files.value = ''
    } catch (e) {
      this.progress.hidden = true
      this.message.textContent = e instanceof Error ? e.message : String(e)
    } finally {
      this.running = false
      this.go.disabled = false
    }
  }
}

/** A picked file's name and content (base64). */
function read(f: File): Promise<{ name: string; data: string }> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader()
    reader.onload = () => resolve({ name: f.name, data: String(reader.result).replace(/^data:[^,]*,/, '') })
    reader.onerror = () => reject(reader.error)
    reader.readAsDataURL(f)
  })
}
