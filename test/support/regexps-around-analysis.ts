import { EngineRunner } from '../../main/node/engine/runner.js'
import { ENGINE_WORKER } from '../../main/node/root.js'

// A host's process as the app's is: it runs regular expressions of its own once (a request
// parsed, a path checked), then an analysis in an engine worker, then its expressions again.
// Prints "ok" once all have run; V8's regexp flag changed between the two runs crashed such a
// process (cli/engine-script.mjs engineFlags).

/** How many expressions the host runs: enough that V8's state for one run once is certain to be met. */
const EXPRESSIONS = 500

const expressions = Array.from({ length: EXPRESSIONS }, (_, i) => new RegExp(`(\\p{L}+)${i}\\s+(?:one|two${i % 7})[a-z]*`, 'u'))
const subject = 'a host 12 one abc héllo 7  two3xyz '.repeat(10)
for (const e of expressions) e.exec(subject)
const documents = [
  { id: 'a', text: 'The committee agreed that the new rules would apply from the first of May in every region.' },
  { id: 'b', text: 'After a long debate the committee agreed that the new rules would apply from the first of May.' },
]
const result = await new EngineRunner(ENGINE_WORKER).run<{ overlaps: unknown[] }>({ kind: 'overlaps', documents })
for (let round = 0; round < 3; round++) for (const e of expressions) e.exec(subject + round)
console.log(`ok ${result.overlaps.length}`)
