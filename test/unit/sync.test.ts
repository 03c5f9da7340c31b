import { mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Api } from '../../main/core/contract/api.js'
import { Service } from '../../main/node/service/service.js'
import { Store } from '../../renderer/state/store.js'
import { Sync } from '../../renderer/state/sync.js'
import { CORPUS, tempDir } from '../helpers.js'

// The page's store follows the services (renderer/state/sync.ts) on the real services: an answer
// that left them before a change is never drawn over the state after it, and a resync (the event
// stream read again after a break) brings back what no event announced.

const TEXT = 'Growth Notes\n\nThe economy grew fast this year.\n\nTrade rose with it.\n'

let dir: string
let cleanup: () => Promise<void>
let service: Service

beforeEach(async () => {
  ;({ dir, cleanup } = await tempDir())
  await mkdir(join(dir, 'in'))
  await writeFile(join(dir, 'in', 'growth.txt'), TEXT)
  service = await Service.start({ corpusDir: CORPUS, userData: join(dir, 'user-data'), project: join(dir, 'project') })
  await service.importDocuments({ paths: [join(dir, 'in')] })
})
afterEach(() => cleanup())

/** The services, with the next answer of listAnnotationSpans held in transit until released. */
function withHeldSpans(): { api: Api; answered: Promise<void>; release: () => void } {
  let answer: () => void = () => {}
  const answered = new Promise<void>((resolve) => (answer = resolve))
  let release: () => void = () => {}
  let gate: Promise<void> | null = new Promise<void>((resolve) => (release = resolve))
  const api = new Proxy(service, {
    get(target, key, receiver) {
      if (key === 'listAnnotationSpans')
        return async (input: Parameters<Api['listAnnotationSpans']>[0]) => {
          const result = await target.listAnnotationSpans(input)
          const held = gate
          gate = null
          if (held) {
            answer()
            await held
          }
          return result
        }
      const value: unknown = Reflect.get(target, key, receiver)
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value
    },
  }) as Api
  return { api, answered, release }
}

const economy = () => {
  const start = [...TEXT.slice(0, TEXT.indexOf('The economy'))].length
  return { docId: 'growth', start, end: start + 'The economy grew fast'.length, tags: [] }
}

/** A page's store following `api`, its panes showing the one document. */
function following(api: Api): { store: Store; sync: Sync } {
  const store = new Store()
  return {
    store,
    sync: new Sync(
      api,
      store,
      () => ['growth'],
      (message) => expect.fail(message),
    ),
  }
}

describe('Sync', () => {
  it('never draws spans fetched before a change over the spans fetched after it', async () => {
    const { api, answered, release } = withHeldSpans()
    const { store, sync } = following(api)
    service.onEvent((event) => sync.onEvent(event))
    // A pane opens the document: its spans (none yet) are answered, and held on the way.
    const opening = sync.load('growth')
    await answered
    // The reader annotates; the change's refresh draws the annotation.
    await service.createAnnotation(economy())
    await sync.refresh()
    expect(store.state.spans.get('growth')).toHaveLength(1)
    // The older answer arrives last: it is not drawn.
    release()
    await opening
    expect(store.state.spans.get('growth')).toHaveLength(1)
  })

  it('fetches again on a resync what a refresh was fetching meanwhile', async () => {
    const { api, answered, release } = withHeldSpans()
    const { store, sync } = following(api)
    // The first refresh asks for the spans (none yet); the answer is held on the way.
    const first = sync.refresh()
    await answered
    // A change no event announced (the stream was broken), then the stream is back.
    await service.createAnnotation(economy())
    sync.resync()
    release()
    await first
    await expect.poll(() => store.state.spans.get('growth')?.length).toBe(1)
  })

  it('fetches everything again on a resync, when changes may have gone unannounced', async () => {
    const { store, sync } = following(service)
    await sync.refresh()
    expect(store.state.spans.get('growth')).toHaveLength(0)
    // A change while no event reached the page (its event stream broke off).
    await service.createAnnotation(economy())
    await sync.refresh()
    expect(store.state.spans.get('growth')).toHaveLength(0)
    sync.resync()
    await expect.poll(() => store.state.spans.get('growth')?.length).toBe(1)
    expect(store.state.project?.documents.find((d) => d.id === 'growth')).toBeDefined()
  })
})
