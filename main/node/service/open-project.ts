import type { ProjectStore } from '../project/store.js'
import { Anchors } from './anchors.js'
import { TextCache } from './texts.js'

// What the service keeps for the project that is open: its files (ProjectStore), its documents'
// texts and where its annotations stand in them. Opening another project makes a new one, so
// nothing of the old project's texts or anchors can leak into the new one.

export class OpenProject {
  readonly texts: TextCache
  readonly anchors: Anchors

  constructor(readonly store: ProjectStore) {
    this.texts = new TextCache(store)
    this.anchors = new Anchors(store, this.texts)
  }
}
