import { mkdir, readFile, stat } from 'node:fs/promises'
import { join } from 'node:path'
import { stableStringify } from '../../core/project/json.js'
import { writeDurable } from './durable.js'
import { defaultProjectDir } from './paths.js'
import { DOCUMENTS_DIR, PROJECT_FILE } from './layout.js'
import { readManifest } from './manifest.js'

/**
 * Returns the folder of the user's default project, creating it from the bundled corpus on first
 * use: the texts are copied into its documents/ and project.json is written last, so a first
 * start that was interrupted is simply completed by the next one. The bundled corpus itself is
 * never written to.
 */
export async function ensureDefaultProject(corpusDir: string, userData: string): Promise<string> {
  const dir = defaultProjectDir(userData)
  if (await stat(join(dir, PROJECT_FILE)).catch(() => null)) return dir
  const manifest = await readManifest(corpusDir)
  const docs = join(dir, DOCUMENTS_DIR)
  await mkdir(docs, { recursive: true })
  for (const doc of manifest.documents) await writeDurable(join(docs, doc.file), await readFile(join(corpusDir, doc.file)))
  await writeDurable(join(dir, PROJECT_FILE), stableStringify(manifest))
  return dir
}
