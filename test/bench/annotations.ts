import { readFile, writeFile } from 'node:fs/promises'
import { availableParallelism } from 'node:os'
import { PerformanceObserver } from 'node:perf_hooks'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { setFlagsFromString } from 'node:v8'
import { runInNewContext } from 'node:vm'
import type { Browser } from 'playwright-core'
import { AnnotationFile, annotationFile, positionOf } from '../../main/core/annotations/annotation.js'
import { stableStringify } from '../../main/core/project/json.js'
import { OffsetMap } from '../../main/core/text/offsets.js'
import { writeDurable } from '../../main/node/project/durable.js'
import { Service } from '../../main/node/service/service.js'
import { ProjectStore } from '../../main/node/project/store.js'
import { launchChromium } from '../e2e/browser.js'
import {
  type App,
  BENCH_TAGS,
  bigEntry,
  CORPUS,
  corpusDocuments,
  describeMetrics,
  type GeneratedText,
  generateText,
  machineLoad,
  type Metrics,
  metrics,
  ms,
  newPage,
  prepareApp,
  progress,
  ROOT,
  type Request,
  requests,
  round1,
  serve,
  spreadAnnotations,
  type Summary,
  summarise,
  tempDir,
  timeOperations,
  verdict,
  watched,
  watchNavigation,
  withCdp,
  writeProject,
} from './ui.js'
import { random, table } from './common.js'

// The annotations benchmark.
//   create  service.createAnnotation until it resolves (the document's annotations file re-read,
//           validated, written to a temporary file, fsynced, renamed, its folder fsynced) on a
//           document that already has 0, 1,000 or 10,000 annotations; with the parts of that
//           work timed one by one on the same file, and the memory the undo history keeps
//   load    a project whose 1 MiB document has 10,000 annotations: Service.start (open, validate,
//           re-anchor), and in Chromium through the web host, navigation to the first frame that
//           shows that document with its highlights in the first pane; the same project without
//           annotations beside it, so the highlights' own cost shows; and a probe: the renderer's
//           Reader alone in a page of its own, each step timed (fetch, JSON.parse, show(),
//           decorations, DecorationSet.create, setAnnotations(), layout, next frame)
// The projects live in a temporary folder (os.tmpdir()): where that is a tmpfs, fsync costs nothing
// and the create figures flatter the app.

const CREATE_TARGET_MS = 100
const LOAD_TARGET_MS = 1000
const LEVELS = [0, 1_000, 10_000]
/** Measured creations per level (after one warm-up): fewer where each one rewrites megabytes. */
const CREATES: Record<number, number> = { 0: 30, 1_000: 30, 10_000: 12 }
const PART_RUNS = 5
const LOAD_ANNOTATIONS = 10_000
const START_RUNS = 5
const PAGE_RUNS = 5
const PROBE_RUNS = 3

interface CreateLevel {
  existing: number
  fileBytes: number
  create: Summary
  /** The parts of one change, each timed on its own on the same file (median ms). */
  parts: { read: number; parse: number; validate: number; serialise: number; writeDurable: number }
  /** Heap kept per creation (MB), mostly the undo history's copies of the file before and after. */
  heapPerCreateMB: number
}

async function median(runs: number, task: () => Promise<unknown> | unknown): Promise<number> {
  const times: number[] = []
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now()
    await task()
    times.push(performance.now() - t0)
  }
  return summarise(times).median
}

/** A full garbage collection (without starting Node with --expose-gc). */
function gc(): void {
  setFlagsFromString('--expose-gc')
  ;(runInNewContext('gc') as () => void)()
}

/** Memory the process holds in JavaScript objects and strings (large strings can live outside the heap). */
function heldBytes(): number {
  const m = process.memoryUsage()
  return m.heapUsed + m.external
}

async function createLevel(existing: number, big: GeneratedText, dir: string, userData: string): Promise<CreateLevel> {
  const entry = bigEntry()
  const source = entry.id
  await writeProject(
    dir,
    `Bench: ${existing} annotations`,
    [{ entry, text: big.text }],
    existing ? { [entry.id]: spreadAnnotations(big.text, existing, source) } : {},
    BENCH_TAGS,
  )
  const service = await Service.start({ corpusDir: CORPUS, userData, project: dir })
  const map = new OffsetMap(big.text)
  const words = [...big.text.matchAll(/\S+/g)]
  const rand = random(11 + existing)
  const span = () => {
    const i = Math.floor(rand() * (words.length - 10))
    const j = i + Math.floor(rand() * 8)
    return { start: map.toCodePoint(words[i].index), end: map.toCodePoint(words[j].index + words[j][0].length) }
  }
  const create = (k: number) =>
    service.createAnnotation({
      docId: entry.id,
      ...span(),
      tags: [BENCH_TAGS[k % 5].name],
      note: k % 3 ? undefined : 'Compare with the definition in the other texts.',
    })
  await create(0) // warm-up: first compile of every step
  gc()
  const heapBefore = heldBytes()
  const times: number[] = []
  const n = CREATES[existing]
  for (let k = 1; k <= n; k++) {
    const t0 = performance.now()
    await create(k)
    times.push(performance.now() - t0)
  }
  gc()
  const heapPerCreateMB = round1((heldBytes() - heapBefore) / n / 1048576)
  const path = service.project.annotationsPath(entry.id)
  const raw = await readFile(path, 'utf8')
  const data = JSON.parse(raw) as unknown
  const file = AnnotationFile.parse(data)
  const content = stableStringify(annotationFile(entry.id, [...file.items]))
  const parts = {
    read: round1(await median(PART_RUNS, () => readFile(path, 'utf8'))),
    parse: round1(await median(PART_RUNS, () => JSON.parse(raw))),
    validate: round1(await median(PART_RUNS, () => AnnotationFile.safeParse(data))),
    serialise: round1(await median(PART_RUNS, () => stableStringify(annotationFile(entry.id, [...file.items])))),
    writeDurable: round1(await median(PART_RUNS, () => writeDurable(path, content))),
  }
  return { existing, fileBytes: Buffer.byteLength(content), create: summarise(times), parts, heapPerCreateMB }
}

/** Garbage-collection pauses of this process (the server's), as they happen. */
const gcPauses: { start: number; ms: number }[] = []
const gcObserver = new PerformanceObserver((list) => {
  for (const e of list.getEntries()) gcPauses.push({ start: e.startTime, ms: e.duration })
})

interface LoadRun {
  ms: number
  /** The server's garbage-collection pauses during the run: total and longest (ms). */
  gc: { total: number; max: number }
  seen: number
  requests: Request[]
  domContentLoaded: number
  metrics: Metrics
  server: { op: string; ms: number }[]
}

/** Opens the app on `dir` PAGE_RUNS times, each in a fresh page, until the first pane shows the document (and `selector` in it). */
async function loadPages(
  browser: Browser,
  app: App,
  userData: string,
  dir: string,
  big: GeneratedText,
  selector?: string,
): Promise<{ runs: LoadRun[]; dom: Record<string, number>; errors: string[] }> {
  const service = await Service.start({ corpusDir: CORPUS, userData, project: dir, engineWorker: app.engineWorker })
  const log = timeOperations(service)
  const host = await serve(service, app)
  const runs: LoadRun[] = []
  let dom: Record<string, number> = {}
  let errors: string[] = []
  try {
    for (let i = 0; i < PAGE_RUNS; i++) {
      const { page, errors: pageErrors } = await newPage(browser)
      errors = pageErrors
      try {
        const cdp = await withCdp(page)
        await watchNavigation(page, {
          key: 'shown',
          panes: [{ index: 0, title: bigEntry().title, lastParagraph: big.lastParagraph, selector }],
        })
        const mark = log.length
        const gcFrom = gcPauses.length
        await page.goto(host.url)
        const w = await watched(page, 'shown', 60_000)
        const pauses = gcPauses.slice(gcFrom).map((p) => p.ms)
        const m = await metrics(cdp)
        const r = await requests(page)
        runs.push({
          ms: w.painted,
          seen: w.seen,
          gc: { total: round1(pauses.reduce((a, b) => a + b, 0)), max: round1(Math.max(0, ...pauses)) },
          requests: r.requests,
          domContentLoaded: r.domContentLoaded,
          metrics: m,
          server: log.slice(mark),
        })
        progress(`  page ${i + 1}/${PAGE_RUNS}: ${ms(w.painted)} ms`)
        if (i === PAGE_RUNS - 1) {
          dom = await page.evaluate(() => {
            const pane = document.querySelectorAll('.pane')[0]
            return {
              elements: pane.querySelectorAll('*').length,
              highlights: pane.querySelectorAll('.annotation').length,
              annotations: new Set([...pane.querySelectorAll('[data-annotation]')].map((e) => e.getAttribute('data-annotation'))).size,
            }
          })
        }
      } finally {
        await page.close()
      }
    }
  } finally {
    await host.close()
  }
  return { runs, dom, errors }
}

function loadBreakdown(run: LoadRun): { page: string; server: string; mainThread: string } {
  const find = (op: string) => run.requests.filter((r) => r.op === op)
  const describe = (op: string) => {
    const rs = find(op)
    if (!rs.length) return `${op} —`
    const big = rs.reduce((a, b) => (b.bytes > a.bytes ? b : a))
    return `${op} ${ms(big.start)}–${ms(big.end)} (${(big.bytes / 1048576).toFixed(2)} MiB, first byte ${ms(big.firstByte)})`
  }
  const server = (op: string) => {
    const t = run.server.filter((s) => s.op === op).map((s) => s.ms)
    return t.length ? t.map(ms).join('+') : '—'
  }
  return {
    page: [
      `DOMContentLoaded ${ms(run.domContentLoaded)}`,
      describe('getProject'),
      describe('getDocument'),
      describe('listAnnotations'),
      `in the DOM ${ms(run.seen)}`,
      `painted ${ms(run.ms)}`,
    ].join(', '),
    server: `getProject ${server('getProject')}, getDocument ${server('getDocument')}, listAnnotations ${server('listAnnotations')}; its garbage collection during the run ${ms(run.gc.total)} (longest pause ${ms(run.gc.max)})`,
    mainThread: describeMetrics(run.metrics),
  }
}

/** The page side of the probe: the renderer's Reader on its own, each step timed. */
const PROBE_SOURCE = `
import { Decoration, DecorationSet } from 'prosemirror-view'
import { positionOf, tagIdsOf } from './main/core/annotations/annotation.ts'
import { OffsetMap } from './main/core/text/offsets.ts'
import { offsetToPos, textToDoc } from './renderer/compare/doc-model.ts'
import { lanes, Reader } from './renderer/compare/reader.ts'

const now = () => performance.now()
const frame = () => new Promise((resolve) => requestAnimationFrame(() => resolve(undefined)))
const token = new URLSearchParams(location.search).get('token')
async function call(op, input) {
  const t0 = now()
  const response = await fetch('/api/' + op, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-Parallax-Token': token },
    body: JSON.stringify(input),
  })
  const text = await response.text()
  const t1 = now()
  const envelope = JSON.parse(text)
  return { value: envelope.value, fetch: t1 - t0, parse: now() - t1, bytes: text.length }
}
window.probe = async (docId, width, height) => {
  const project = await call('getProject', {})
  const doc = await call('getDocument', { id: docId })
  const list = await call('listAnnotations', { docId })
  const slim = await call('listAnnotationSpans', { docId })
  const pane = document.createElement('section')
  pane.className = 'pane'
  pane.style.width = width + 'px'
  pane.style.height = height + 'px'
  document.body.append(pane)
  const reader = new Reader({})
  pane.append(reader.dom)
  await frame()
  await frame()
  const t = { fetchText: doc.fetch, parseText: doc.parse, fetchAnnotations: list.fetch, parseAnnotations: list.parse }
  let t0 = now()
  reader.show(doc.value)
  t.show = now() - t0
  t0 = now()
  void reader.body.scrollHeight
  t.layoutText = now() - t0
  await frame()
  await frame()
  // What setAnnotations computes before it updates the view, done again on its own.
  t0 = now()
  const { lines } = textToDoc(doc.value.text)
  const offsets = new OffsetMap(doc.value.text)
  const items = list.value.items.filter((i) => i.status !== 'orphan')
  const spans = items.map((i) => positionOf(i.annotation))
  const lane = lanes(spans)
  const decos = items.map((item, k) =>
    Decoration.inline(offsetToPos(lines, offsets.toUtf16(spans[k].start)), offsetToPos(lines, offsets.toUtf16(spans[k].end)), {
      class: 'annotation lane-' + lane[k],
      style: '--tag-colour: #e6a23c',
      title: 'Tagged: ' + tagIdsOf(item.annotation).join(', '),
      'data-tags': tagIdsOf(item.annotation).join(', '),
      'data-annotation': item.annotation.id,
    }),
  )
  t.decorations = now() - t0
  t0 = now()
  DecorationSet.create(reader.view.state.doc, decos)
  t.decorationSet = now() - t0
  t0 = now()
  reader.setLayers({ annotations: { spans: slim.value.spans, tags: project.value.tags } })
  t.setAnnotations = now() - t0
  t0 = now()
  void reader.body.scrollHeight
  t.layoutDecorated = now() - t0
  t0 = now()
  await frame()
  t.nextFrame = now() - t0
  return { t, bytes: { text: doc.bytes, annotations: list.bytes }, elements: pane.querySelectorAll('*').length }
}
`

interface ProbeRun {
  t: Record<
    | 'fetchText'
    | 'parseText'
    | 'fetchAnnotations'
    | 'parseAnnotations'
    | 'show'
    | 'layoutText'
    | 'decorations'
    | 'decorationSet'
    | 'setAnnotations'
    | 'layoutDecorated'
    | 'nextFrame',
    number
  >
  bytes: { text: number; annotations: number }
  elements: number
}

/**
 * Where the page's time goes: the renderer's Reader (renderer/compare/reader.ts, bundled as the app
 * bundles it) in a pane-sized box in a page of its own served by the web host, each step timed:
 * fetch and JSON.parse of the text and of the annotations, show() (text to ProseMirror document
 * and DOM), the layout of the plain text, the decorations built as setAnnotations builds them,
 * DecorationSet.create on its own, setLayers({ annotations }) (which also redraws the view), the layout
 * with highlights, and the next frame (paint).
 */
async function probe(
  browser: Browser,
  app: App,
  userData: string,
  dir: string,
  docId: string,
): Promise<{ runs: ProbeRun[]; median: Record<string, number>; pane: { width: number; height: number } }> {
  const esbuild = await import('esbuild')
  await esbuild.build({
    stdin: { contents: PROBE_SOURCE, resolveDir: ROOT, loader: 'ts' },
    bundle: true,
    platform: 'browser',
    format: 'esm',
    target: ['chrome120'],
    minify: true,
    outfile: join(app.rendererDir, 'probe.js'),
    logLevel: 'error',
  })
  await writeFile(
    join(app.rendererDir, 'probe.html'),
    '<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="stylesheet" href="app-style.css"><script type="module" src="probe.js"></script></head><body></body></html>\n',
  )
  const service = await Service.start({ corpusDir: CORPUS, userData, project: dir, engineWorker: app.engineWorker })
  const host = await serve(service, app)
  const runs: ProbeRun[] = []
  let pane = { width: 0, height: 0 }
  try {
    for (let i = 0; i < PROBE_RUNS; i++) {
      const { page } = await newPage(browser)
      try {
        // The app's page shows how big a pane is.
        await page.goto(host.url)
        await page.locator('.pane').first().waitFor()
        pane = await page.evaluate(() => {
          const r = document.querySelector('.pane')!.getBoundingClientRect()
          return { width: Math.round(r.width), height: Math.round(r.height) }
        })
        // The probe page, like the app's, is served to the address with the token, which it sends as a header.
        await page.goto(new URL(`/probe.html${new URL(host.url).search}`, host.url).href)
        await page.waitForFunction(() => 'probe' in window)
        runs.push(
          await page.evaluate(
            ({ docId, pane }) =>
              (window as unknown as { probe: (id: string, w: number, h: number) => Promise<ProbeRun> }).probe(
                docId,
                pane.width,
                pane.height,
              ),
            { docId, pane },
          ),
        )
      } finally {
        await page.close()
      }
    }
  } finally {
    await host.close()
  }
  const keys = Object.keys(runs[0].t) as (keyof ProbeRun['t'])[]
  return { runs, median: Object.fromEntries(keys.map((k) => [k, summarise(runs.map((r) => r.t[k])).median])), pane }
}

export async function main(args: string[]): Promise<number> {
  const { values } = parseArgs({ args, options: { json: { type: 'boolean' } }, strict: true })
  const started = performance.now()
  const work = await tempDir('parallax-bench-annotations-')
  let browser: Browser | undefined
  const result: Record<string, unknown> = { loadBefore: machineLoad() }
  try {
    const userData = join(work.dir, 'user-data')
    const big = generateText(1024 * 1024)
    const entry = bigEntry()

    // 1. Creating an annotation, until durable, at 0, 1,000 and 10,000 existing ones.
    const levels: CreateLevel[] = []
    const floor = await median(10, () => writeDurable(join(work.dir, 'floor.json'), '{}\n'))
    for (const existing of LEVELS) {
      levels.push(await createLevel(existing, big, join(work.dir, `create-${existing}`), userData))
      const l = levels[levels.length - 1]
      progress(
        `create at ${existing}: median ${ms(l.create.median)} ms, p95 ${ms(l.create.p95)} ms, max ${ms(l.create.max)} ms (${(l.fileBytes / 1048576).toFixed(2)} MiB file)`,
      )
    }
    result.create = { target: CREATE_TARGET_MS, levels, writeDurableFloorMs: round1(floor) }

    // 2. A project with 10,000 annotations loads: Service.start, then the page.
    const corpus = corpusDocuments()
    const source = entry.id
    const withDir = join(work.dir, 'load-10k')
    const withoutDir = join(work.dir, 'load-plain')
    const items = spreadAnnotations(big.text, LOAD_ANNOTATIONS, source)
    await writeProject(withDir, 'Bench: 10,000 annotations', [{ entry, text: big.text }, ...corpus], { [entry.id]: items }, BENCH_TAGS)
    await writeProject(withoutDir, 'Bench: no annotations', [{ entry, text: big.text }, ...corpus], {}, BENCH_TAGS)
    const starts: number[] = []
    const opens: number[] = []
    for (let i = 0; i < START_RUNS; i++) {
      let t0 = performance.now()
      await ProjectStore.open(withDir)
      opens.push(performance.now() - t0)
      t0 = performance.now()
      const service = await Service.start({ corpusDir: CORPUS, userData, project: withDir })
      starts.push(performance.now() - t0)
      const items = (await service.listAnnotations({ docId: entry.id })).items
      if (i === 0 && items.filter((a) => a.status === 'anchored').length !== LOAD_ANNOTATIONS)
        progress(`  warning: ${items.length} annotations, not all anchored`)
    }
    progress(`Service.start with ${LOAD_ANNOTATIONS} annotations: median ${ms(summarise(starts).median)} ms`)

    const app = await prepareApp(join(work.dir, 'app'))
    browser = await launchChromium()
    gcObserver.observe({ entryTypes: ['gc'] })
    const last = items.reduce((a, b) => (positionOf(b).start > positionOf(a).start ? b : a))
    progress(`page, ${LOAD_ANNOTATIONS} annotations:`)
    const withPages = await loadPages(browser, app, userData, withDir, big, `[data-annotation="${last.id}"]`)
    progress('page, no annotations:')
    const withoutPages = await loadPages(browser, app, userData, withoutDir, big)
    progress('probe: the Reader on its own')
    const probed = await probe(browser, app, userData, withDir, entry.id)
    const summary = (p: { runs: LoadRun[] }) => {
      const s = summarise(p.runs.map((r) => r.ms))
      const near = p.runs.reduce((a, b) => (Math.abs(b.ms - s.median) < Math.abs(a.ms - s.median) ? b : a))
      return { ...s, breakdown: loadBreakdown(near) }
    }
    result.load = {
      target: LOAD_TARGET_MS,
      annotations: LOAD_ANNOTATIONS,
      fileBytes: Buffer.byteLength(stableStringify(annotationFile(entry.id, items))),
      serviceStart: summarise(starts),
      projectOpen: summarise(opens),
      page: { ...summary(withPages), dom: withPages.dom, errors: withPages.errors },
      pageWithoutAnnotations: { ...summary(withoutPages), dom: withoutPages.dom, errors: withoutPages.errors },
      probe: { ...probed.median, pane: probed.pane, bytes: probed.runs[0].bytes, elements: probed.runs[0].elements },
    }
  } finally {
    gcObserver.disconnect()
    await browser?.close()
    await work.cleanup()
  }
  result.loadAfter = machineLoad()
  result.seconds = round1((performance.now() - started) / 1000)

  if (values.json) {
    process.stdout.write(JSON.stringify(result, null, 2) + '\n')
    return 0
  }
  const create = result.create as { levels: CreateLevel[]; writeDurableFloorMs: number }
  type Page = Summary & { breakdown: ReturnType<typeof loadBreakdown>; dom: Record<string, number> }
  const load = result.load as {
    fileBytes: number
    serviceStart: Summary
    projectOpen: Summary
    page: Page
    pageWithoutAnnotations: Page
    probe: Record<string, number> & {
      pane: { width: number; height: number }
      bytes: { text: number; annotations: number }
      elements: number
    }
  }
  const rows = [['measure', 'median', 'p95', 'max', 'runs', 'target', '']]
  for (const l of create.levels) {
    rows.push([
      `create an annotation, ${l.existing.toLocaleString('en')} existing`,
      `${ms(l.create.median)} ms`,
      `${ms(l.create.p95)} ms`,
      `${ms(l.create.max)} ms`,
      String(l.create.runs.length),
      `≤ ${CREATE_TARGET_MS} ms`,
      verdict(l.create.median, CREATE_TARGET_MS),
    ])
  }
  rows.push([
    `Service.start, ${LOAD_ANNOTATIONS.toLocaleString('en')} annotations`,
    `${ms(load.serviceStart.median)} ms`,
    `${ms(load.serviceStart.p95)} ms`,
    `${ms(load.serviceStart.max)} ms`,
    String(load.serviceStart.runs.length),
    `≤ ${LOAD_TARGET_MS} ms`,
    verdict(load.serviceStart.median, LOAD_TARGET_MS),
  ])
  rows.push([
    `page shows the document + ${LOAD_ANNOTATIONS.toLocaleString('en')} highlights`,
    `${ms(load.page.median)} ms`,
    `${ms(load.page.p95)} ms`,
    `${ms(load.page.max)} ms`,
    String(load.page.runs.length),
    `≤ ${LOAD_TARGET_MS} ms`,
    verdict(load.page.median, LOAD_TARGET_MS),
  ])
  const lines = [table(rows)]
  lines.push(
    `create: the parts of one change, each timed alone on the same file (median ms); durable write of a 3-byte file: ${ms(create.writeDurableFloorMs)} ms`,
  )
  const partRows = [
    ['existing', 'file', 'read', 'JSON.parse', 'validate (zod)', 'sort+stableStringify', 'writeDurable', 'heap kept per create'],
  ]
  for (const l of create.levels) {
    partRows.push([
      l.existing.toLocaleString('en'),
      `${(l.fileBytes / 1048576).toFixed(2)} MiB`,
      ms(l.parts.read),
      ms(l.parts.parse),
      ms(l.parts.validate),
      ms(l.parts.serialise),
      ms(l.parts.writeDurable),
      `${l.heapPerCreateMB} MB`,
    ])
  }
  lines.push(table(partRows).trimEnd().replace(/^/gm, '  '))
  const [, l1, l10] = create.levels
  if (l1 && l10)
    lines.push(
      `  from 1,000 to 10,000 existing: +${ms((l10.create.median - l1.create.median) / 9)} ms per 1,000 annotations (${ms((l10.create.median - l1.create.median) / ((l10.fileBytes - l1.fileBytes) / 1048576))} ms per MiB of file): linear in the file, which every change re-reads, re-validates and rewrites`,
    )
  lines.push(
    `load: annotations file ${(load.fileBytes / 1048576).toFixed(2)} MiB; ProjectStore.open (read + validate) ${ms(load.projectOpen.median)} ms, so re-anchoring ${ms(load.serviceStart.median - load.projectOpen.median)} ms of Service.start (${load.serviceStart.runs.map(ms).join(', ')} ms)`,
  )
  for (const [label, p] of [
    [`${LOAD_ANNOTATIONS.toLocaleString('en')} annotations`, load.page],
    ['no annotations (same project otherwise)', load.pageWithoutAnnotations],
  ] as const) {
    lines.push(
      `page, ${label}: ${p.runs.map(ms).join(', ')} ms; pane: ${p.dom.elements} elements, ${p.dom.highlights} .annotation for ${p.dom.annotations} annotations`,
    )
    lines.push(`  median run, ms from navigation: ${p.breakdown.page}`)
    lines.push(`  server, ms: ${p.breakdown.server}`)
    lines.push(`  whole page load, ${p.breakdown.mainThread}`)
  }
  const p = load.probe
  lines.push(`probe, the Reader alone in a ${p.pane.width}×${p.pane.height} pane (median of ${PROBE_RUNS}, ms):`)
  lines.push(
    `  text ${(p.bytes.text / 1048576).toFixed(2)} MiB: fetch ${ms(p.fetchText)}, JSON.parse ${ms(p.parseText)}; show() ${ms(p.show)} (ProseMirror document, its DOM, and the layout its scrollTo forces: a layout read after it takes ${ms(p.layoutText)})`,
  )
  lines.push(
    `  annotations ${(p.bytes.annotations / 1048576).toFixed(2)} MiB: fetch ${ms(p.fetchAnnotations)}, JSON.parse ${ms(p.parseAnnotations)}; decorations built ${ms(p.decorations)}, DecorationSet.create ${ms(p.decorationSet)}; setAnnotations() in all ${ms(p.setAnnotations)} (so the view's redraw ≈ ${ms(p.setAnnotations - p.decorations - p.decorationSet)}); layout with highlights ${ms(p.layoutDecorated)}; next frame ${ms(p.nextFrame)}; ${p.elements} elements`,
  )
  lines.push(
    `(${result.seconds} s; 1-minute load average ${result.loadBefore} before, ${result.loadAfter} after, on ${availableParallelism()} cores)`,
  )
  process.stdout.write(lines.join('\n') + '\n')
  return 0
}
