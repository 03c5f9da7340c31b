import { isMainThread, MessageChannel, type MessagePort, parentPort, receiveMessageOnPort, Worker, workerData } from 'node:worker_threads'
import { byteLines } from '../../core/text/byte-lines.js'
import { jsonLines } from '../../core/text/json-lines.js'
import { bytesOf, type CommandIo, writeAllSync } from './stdout.js'

// A command's JSON output: values written as JSON.stringify(value, null, 2) writes them, line by
// line (json-lines.ts), encoded through one reused buffer (byte-lines.ts). Where the output is a
// file descriptor (the process's standard output, CommandIo.descriptor), two threads make it: a
// writer thread writes every byte, in order, and turns into JSON the values it is handed; the
// command's thread hands it the next value while it has little to do, and otherwise turns the
// value into bytes itself and hands over those. Making and writing the JSON is a third of
// `overlaps --json` at corpus scale (Debian's copyright files: 256 MB, 2.8 s of 8 s of CPU), all of
// it after the engine has found the overlaps, while the second core had nothing to do.
// The bytes are the same on one thread or two.

/** Where a command writes its JSON. */
export interface JsonOutput {
  /** How many threads make it now: 2 once a writer thread has taken over, else 1. */
  threads(): 1 | 2
  /** Whether a writer thread has started (true once it is ready; false if it cannot). */
  readonly started: Promise<boolean>
  /** Writes a line as it is, and a line break. */
  line(text: string): void
  /** Writes `value` as jsonLines(value, sink, depth, prefix, suffix) does. */
  value(value: unknown, depth: number, prefix?: string, suffix?: string): void
  /** Writes what is still held; returns once every byte is written, or throws. */
  end(): void
}

/**
 * Values the writer thread holds (writing one, the next waiting) before the command's thread may
 * make the JSON of the next ones itself. One would leave the writer idle between a value and the
 * next.
 */
export const WRITER_VALUES = 2

/**
 * Beyond WRITER_VALUES, the command's thread makes a value's JSON itself only when the writer
 * holds at least this many times that value's work (weightOf), and hands it over otherwise: the
 * writer should still be busy when this thread has made the value and moved on to the next ones
 * (their diffs come first). Values range from a kilobyte to megabytes, and counted alone they
 * left the writer idle for 0.9 s of the 2.7 s in which the copyright files' overlaps are made and
 * written. At 1 it was idle 0.6 s, at 2 0.3 s, at 4 0.17 s (at 8, 0.2-0.3 s: this thread then
 * waits on the writer); the stage took 0.2 s less (8 alternating runs).
 */
export const WRITER_LEAD = 4

/**
 * Messages (values, and chunks of bytes of at most OUTPUT_BYTES each) waiting for the writer at
 * most: beyond, the command's thread waits, so what they hold stays bounded however slow the
 * reader of the output is.
 */
export const MAX_QUEUED = 16

/**
 * How long the command's thread waits for the writer with no sign of it before it reports that the
 * output stopped. A writer at work says so after every message and every wait on a full pipe; one
 * inside a write that blocks (a terminal that stopped reading, a slow disk) is marked as writing,
 * and waited for as long as the write takes, as the command's own writes would be. Only a thread
 * that died (out of memory) stays silent.
 */
export const WRITER_SILENCE_MS = 60_000

/**
 * Characters of input from which a command's JSON output is worth a writer thread (about 150,000
 * words). Starting one costs about 0.1 s of CPU on the other core, and a few hundredths of a second
 * of the command's own (the bundled corpus, 50,000 characters: 0.04 s more); the output of a
 * thousand copyright files (25 M characters) is made a second sooner.
 */
export const WRITER_FROM_CHARS = 1_000_000

/** The cells of the state both threads share. */
const DONE = 0 // messages the writer has finished
const VALUES_DONE = 1 // of which values
const FAILED = 2 // 1 once a write failed (its error is posted on the `errors` port first)
const SIGNS = 3 // counts up at every sign of life of the writer
const READY = 4 // 1 once the writer takes messages
const WRITING = 5 // 1 while the writer is inside a write
const WEIGHT_DONE = 6 // the weights (weightOf) of the values finished, summed modulo 2^32

/** What tells the writer thread, started from this very module, what it is. */
const WRITER_ROLE = 'parallax-json-writer'

interface WriterData {
  role: typeof WRITER_ROLE
  fd: number
  state: Int32Array
  errors: MessagePort
}

interface ValueMessage {
  value: unknown
  depth: number
  prefix: string
  suffix: string
  weight: number
}

/**
 * The work of making a value's JSON, roughly: its strings' length and a few characters for every
 * other member. Read without reading any string, in a fraction of the time making its JSON takes.
 */
function weightOf(value: unknown): number {
  if (typeof value === 'string') return value.length
  if (value === null || typeof value !== 'object') return MEMBER_WEIGHT
  let weight = MEMBER_WEIGHT
  if (Array.isArray(value)) for (let i = 0; i < value.length; i++) weight += weightOf(value[i])
  else for (const key in value) weight += MEMBER_WEIGHT + weightOf((value as Record<string, unknown>)[key])
  return weight
}

/** What a member (a key, a number, a bracket and its indentation) weighs in weightOf. */
const MEMBER_WEIGHT = 8

/** The output in the command's thread alone: to `io.bytes`, or decoded to `io.out` (bytesOf). */
function inThread(io: CommandIo): JsonOutput {
  const { sink, flush } = byteLines(bytesOf(io))
  return {
    threads: () => 1,
    started: Promise.resolve(false),
    line: sink,
    value: (value, depth, prefix = '', suffix = '') => jsonLines(value, sink, depth, prefix, suffix),
    end: flush,
  }
}

/**
 * The JSON output of a command writing to `io`: on two threads where io.descriptor is given (see
 * above) and `writer` is not false, else in this one. Call it early: the writer thread loads while
 * the command works. Until it is ready (and always, if it cannot start) the command's thread
 * writes alone, so a short output never waits for it; once it is, what this thread has made is
 * written out, and the writer takes over from there.
 */
export function jsonOutput(io: CommandIo, options: { writer?: boolean } = {}): JsonOutput {
  const target = io.descriptor
  if (!target || options.writer === false) return inThread(io)
  const state = new Int32Array(new SharedArrayBuffer(7 * Int32Array.BYTES_PER_ELEMENT))
  const { port1: errors, port2 } = new MessageChannel()
  let worker: Worker
  try {
    worker = startWriter({ role: WRITER_ROLE, fd: target.fd, state, errors: port2 }, port2)
  } catch {
    return inThread(io)
  }
  // The process may end whatever the writer does: end() waits for every byte itself. A failure
  // is told through `state` (a writer that died, by its silence), not by the worker's events.
  worker.unref()
  const started = new Promise<boolean>((resolve) => {
    worker.once('message', () => resolve(true))
    worker.on('error', () => resolve(false))
  })
  const direct = bytesOf(io)
  let shared = false
  let posted = 0
  let valuesPosted = 0
  /** The weights of the values posted, summed modulo 2^32 as WEIGHT_DONE is. */
  let weightPosted = 0
  /** Throws the writer's error, if a write failed. */
  const check = (): void => {
    if (!Atomics.load(state, FAILED)) return
    const told = receiveMessageOnPort(errors)?.message as { message: string; code?: string } | undefined
    const error: NodeJS.ErrnoException = new Error(told?.message ?? 'the output could not be written')
    if (told?.code) error.code = told.code
    target.failed(error)
  }
  /** Waits until at most `most` messages wait for the writer. */
  const waitUntil = (most: number): void => {
    for (;;) {
      check()
      const signs = Atomics.load(state, SIGNS)
      if (posted - Atomics.load(state, DONE) <= most) return
      if (Atomics.wait(state, SIGNS, signs, WRITER_SILENCE_MS) === 'timed-out' && !Atomics.load(state, WRITING))
        throw new Error(`the output stopped: its writer thread gave no sign for ${WRITER_SILENCE_MS / 1000} s`)
    }
  }
  const post = (message: Uint8Array | ValueMessage, transfer: ArrayBuffer[] = []): void => {
    waitUntil(MAX_QUEUED - 1)
    worker.postMessage(message, transfer)
    posted++
  }
  // This thread's bytes: written as they are until the writer is there, then copied out of the
  // reused buffer and handed to it.
  const { sink, flush } = byteLines((chunk) => {
    if (!shared) return direct(chunk)
    const copy = chunk.slice()
    post(copy, [copy.buffer])
  })
  return {
    threads: () => (shared ? 2 : 1),
    started,
    line: sink,
    value(value, depth, prefix = '', suffix = '') {
      if (!shared && Atomics.load(state, READY)) {
        // All this thread has made is written before the writer writes anything.
        flush()
        shared = true
      }
      if (!shared) return jsonLines(value, sink, depth, prefix, suffix)
      check()
      const weight = weightOf(value)
      const held = valuesPosted - Atomics.load(state, VALUES_DONE)
      if (held < WRITER_VALUES || ((weightPosted - Atomics.load(state, WEIGHT_DONE)) | 0) < WRITER_LEAD * weight) {
        // What this thread holds goes before the value.
        flush()
        post({ value, depth, prefix, suffix, weight })
        valuesPosted++
        weightPosted = (weightPosted + weight) | 0
      } else jsonLines(value, sink, depth, prefix, suffix)
    },
    end() {
      flush()
      if (shared) waitUntil(0)
      void worker.terminate()
    },
  }
}

/**
 * A worker running this module as the writer. Run from TypeScript source (npm run cli: tsx), a
 * worker would not read TypeScript: it registers tsx's loader first. A bundle's worker runs the
 * bundle (root.ts's isEntryPoint is false there).
 */
function startWriter(data: WriterData, port: MessagePort): Worker {
  const url = import.meta.url
  if (!url.endsWith('.ts')) return new Worker(new URL(url), { workerData: data, transferList: [port] })
  const tsx = JSON.stringify(import.meta.resolve('tsx/esm/api'))
  const code = `import(${tsx}).then((tsx) => { tsx.register(); return import(${JSON.stringify(url)}) })`
  return new Worker(code, { eval: true, workerData: data, transferList: [port] })
}

/** The writer thread: writes what it is handed, in order, to `fd` (see above). */
function serve({ fd, state, errors }: WriterData): void {
  const sign = (): void => {
    Atomics.add(state, SIGNS, 1)
    Atomics.notify(state, SIGNS)
  }
  const write = (bytes: Uint8Array): void => {
    Atomics.store(state, WRITING, 1)
    try {
      writeAllSync(fd, bytes, sign)
    } finally {
      Atomics.store(state, WRITING, 0)
    }
  }
  const { sink, flush } = byteLines(write)
  parentPort!.on('message', (message: Uint8Array | ValueMessage) => {
    if (Atomics.load(state, FAILED)) return
    try {
      if (message instanceof Uint8Array) write(message)
      else {
        jsonLines(message.value, sink, message.depth, message.prefix, message.suffix)
        flush()
        Atomics.add(state, WEIGHT_DONE, message.weight)
        Atomics.add(state, VALUES_DONE, 1)
      }
      Atomics.add(state, DONE, 1)
    } catch (e) {
      errors.postMessage({ message: e instanceof Error ? e.message : String(e), code: (e as NodeJS.ErrnoException).code })
      Atomics.store(state, FAILED, 1)
    }
    sign()
  })
  Atomics.store(state, READY, 1)
  parentPort!.postMessage('ready')
}

if (!isMainThread && (workerData as Partial<WriterData> | null)?.role === WRITER_ROLE) serve(workerData as WriterData)
