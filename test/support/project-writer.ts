// A child process for the concurrent-writers test: annotates one project while another process does too.
//   app <project> <name> <count> <userData>  one long-lived Service, as the app holds it: annotates line
//                                            n with a new tag every third time, deletes every tenth
//                                            annotation it made; prints "ack <id> <tag>" and "del <id>"
//   cli <project> <name> <count> <userData>  the CLI's `annotate` command line per annotation (each opens
//                                            the project afresh); prints "ack <id> <tag>"
import { join } from 'node:path'
import { runCli } from '../../main/node/cli/cli.js'
import { Service } from '../../main/node/service/service.js'
import { ROOT } from '../helpers.js'

const [mode, project, name, countText, userData] = process.argv.slice(2)
const count = Number(countText)
const say = (line: string) => process.stdout.write(line + '\n')
/** The line writer `name`'s n-th annotation quotes: the writers share the document. */
const lineOf = (n: number) => `Line ${String(n).padStart(4, '0')} of the shared document.`
const tagOf = (n: number) => `${name}-tag-${Math.floor(n / 3)}`

if (mode === 'app') {
  const service = await Service.start({ corpusDir: join(ROOT, 'corpus'), userData, project })
  const { text } = await service.getDocument({ id: 'shared' })
  for (let n = 0; n < count; n++) {
    const start = [...text.slice(0, text.indexOf(lineOf(n)))].length
    const { annotation } = await service.createAnnotation({ docId: 'shared', start, end: start + lineOf(n).length, tags: [tagOf(n)] })
    say(`ack ${annotation.annotation.id} ${tagOf(n)}`)
    if (n % 10 === 9) {
      await service.deleteAnnotation({ docId: 'shared', id: annotation.annotation.id })
      say(`del ${annotation.annotation.id}`)
    }
  }
} else if (mode === 'cli') {
  for (let n = 0; n < count; n++) {
    let out = ''
    const code = await runCli(['annotate', '--project', project, '--doc', 'shared', '--quote', lineOf(count + n), '--tag', tagOf(n)], {
      out: (t) => (out += t),
      err: () => undefined,
    })
    if (code !== 0) throw new Error(`annotate exited ${code}`)
    say(`ack ${(JSON.parse(out) as { id: string }).id} ${tagOf(n)}`)
  }
}
