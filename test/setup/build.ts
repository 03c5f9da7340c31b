import { build } from '../../electron.config.js'

/** Builds dist/ (main, preload, renderer) once per test run, so the e2e tests see current code. */
export default async function setup(): Promise<void> {
  await build()
}
