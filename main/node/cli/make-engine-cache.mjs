// `node make-engine-cache.mjs DIR CORPUS` (build-cli.ts runs it, in a process of its own, its
// output unread): runs `overlaps` and `definitions` on the folder CORPUS with the engine script
// of the bundle in DIR and makes the script's code cache (engine-script.mjs). Exit code 0 where
// it did; else 1, and why on standard error.
import { runEngineScript } from './engine-script.mjs'

const [dir, corpus] = process.argv.slice(2)
const { code } = await runEngineScript(dir, ['overlaps', corpus, '--json'], { cacheAfter: [['definitions', corpus, '--json']] })
if (code !== 0) console.error(code === undefined ? `no engine script in ${dir}` : `the engine's commands ended with exit code ${code}`)
process.exitCode = code === 0 ? 0 : 1
