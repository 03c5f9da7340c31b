import { spawnSync } from 'node:child_process'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { EngineRunner } from '../../main/node/engine/runner.js'
import { ENGINE_WORKER } from '../../main/node/root.js'
import { ROOT } from '../helpers.js'

// The app's engine runner (runner.ts) with its real worker, dist/main/engine-worker.cjs (the test
// run builds it first: test/setup/build.ts).

const documents = [
  { id: 'a', text: 'The committee agreed that the new rules would apply from the first of May in every region.' },
  { id: 'b', text: 'After a long debate the committee agreed that the new rules would apply from the first of May.' },
]

describe('EngineRunner', () => {
  it('runs a job in a worker and gives its result', async () => {
    const result = await new EngineRunner(ENGINE_WORKER).run<{ overlaps: { kind: string }[] }>({ kind: 'overlaps', documents })
    expect(result.overlaps.map((o) => o.kind)).toEqual(['verbatim'])
  })

  it('leaves its host process able to run its own regular expressions again after an analysis', () => {
    // (It had set V8's regexp flag for its workers, a flag of the whole process: the host's
    // expressions run once before were then run as compiled code they did not have, and the
    // process ended on a segmentation fault. It ended the test suite's process in an end-to-end
    // file in 3 of 7 CI runs, and could end the app's.)
    const run = spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'test/support/regexps-around-analysis.ts')], {
      cwd: ROOT,
      encoding: 'utf8',
    })
    expect({ signal: run.signal, status: run.status, stdout: run.stdout.trim() }).toEqual({ signal: null, status: 0, stdout: 'ok 1' })
  })

  it('rejects with "cancelled" when its jobs are cancelled', async () => {
    const runner = new EngineRunner(ENGINE_WORKER)
    const job = runner.run({ kind: 'overlaps', documents })
    expect(await runner.cancel()).toBe(1)
    await expect(job).rejects.toMatchObject({ code: 'cancelled' })
  })
})
