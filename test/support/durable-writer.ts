// A child process for the crash tests: writes without pause until it is killed.
//   file <path>            rewrites <path> with content A, B, A, … (each ~1 MB), printing "wrote <n>" after each
//   annotations <project>  adds annotations one by one through ProjectStore, printing "ack <id>" after each
import { OffsetMap } from '../../main/core/text/offsets.js'
import { makeAnnotation } from '../../main/core/annotations/annotation.js'
import { writeDurable } from '../../main/node/project/durable.js'
import { ProjectStore } from '../../main/node/project/store.js'

const [mode, target] = process.argv.slice(2)

/** Content number n: a JSON document of ~1 MB whose every line names n, so a mix of two is detectable. */
export function content(n: number): string {
  const lines = Array.from({ length: 20000 }, (_, i) => `"${n}-${i}-${'x'.repeat(32)}"`)
  return `{"n": ${n}, "lines": [${lines.join(',\n')}]}\n`
}

if (mode === 'file') {
  for (let n = 1; ; n++) {
    await writeDurable(target, content(n % 2))
    process.stdout.write(`wrote ${n % 2}\n`)
  }
} else if (mode === 'annotations') {
  // A short stale time: the writer before this one was killed holding the lock.
  const store = await ProjectStore.open(target, { lockStaleMs: 2000 })
  const doc = store.project.documents[0]
  const text = new OffsetMap(await store.text(doc.id))
  for (let n = 0; ; n++) {
    const start = n % (text.codePointLength - 10)
    const a = makeAnnotation({
      id: `urn:uuid:crash-${process.pid}-${n}`,
      now: new Date().toISOString(),
      docId: doc.id,
      text,
      start,
      end: start + 5,
      tagIds: [],
    })
    await store.updateAnnotations(doc.id, (items) => [...items, a])
    process.stdout.write(`ack ${a.id}\n`)
  }
}
