import { readdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import Ajv from 'ajv-draft-04'
import addFormats from 'ajv-formats'

// The W3C Web Annotation test suite (w3c/web-annotation-tests, vendored in
// test/fixtures/export/w3c-web-annotation-tests): its MUST assertion lists, each a draft-04 JSON
// schema, run as the suite's runner does (Ajv, allErrors).
const SUITE = fileURLToPath(new URL('../fixtures/export/w3c-web-annotation-tests/', import.meta.url))

/** The suite's MUST lists an assertion file can name. */
export type MustList = 'annotations/annotationMusts.test' | 'collections/collectionMusts.test' | 'collections/pages/pageMusts.test'

/**
 * Compiles the suite's MUST lists; the returned function gives the assertions of `list` that `doc`
 * fails (empty when it passes them all).
 */
export async function mustRunner(): Promise<(list: MustList, doc: unknown) => string[]> {
  const ajv = new Ajv({ allErrors: true, strict: false })
  addFormats.default(ajv)
  for (const f of await readdir(join(SUITE, 'definitions')))
    ajv.addSchema(JSON.parse(await readFile(join(SUITE, 'definitions', f), 'utf8')))
  const lists = new Map<string, { rel: string; must: boolean; validate: (d: unknown) => boolean }[]>()
  for (const list of ['annotations/annotationMusts.test', 'collections/collectionMusts.test', 'collections/pages/pageMusts.test']) {
    const assertions = JSON.parse(await readFile(join(SUITE, list), 'utf8')).assertions as string[]
    const compiled = []
    for (const rel of assertions) {
      const schema = JSON.parse(await readFile(join(SUITE, rel), 'utf8'))
      const validate = ajv.getSchema(schema.id) ?? ajv.compile(schema)
      compiled.push({ rel, must: (schema.assertionType ?? 'must') === 'must', validate: (d: unknown) => validate(d) as boolean })
    }
    lists.set(list, compiled)
  }
  return (list, doc) =>
    lists
      .get(list)!
      .filter((a) => a.must && !a.validate(doc))
      .map((a) => a.rel)
}
