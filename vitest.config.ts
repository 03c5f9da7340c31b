import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    // The end-to-end tests drive the built renderer: build it once before any test runs.
    globalSetup: ['test/setup/build.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    projects: [
      // The unit files share their workers' module cache (isolate: false): none mocks a module or
      // leaves a global changed (the few that set an environment variable restore it), and
      // importing the engine and services afresh for each of 81 files cost a third of the unit
      // tests' time (152 -> 113 s here; more on a loaded CI machine).
      { extends: true, test: { name: 'unit', include: ['test/unit/**/*.test.ts'], isolate: false } },
      // One browser at a time: each file starts Chromium, the web host and engine workers, and two
      // cores cannot run several of those and the unit tests without starving one of them.
      // expect.poll waits up to 15 s (vitest's default is 1 s): a poll waits for the app to react,
      // and on a loaded machine a save, a refresh or an analysis can take longer than a second
      // (polls that read the page before it had redrawn failed tests in 1 of ~4 CI runs).
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          fileParallelism: false,
          testTimeout: 90_000,
          expect: { poll: { timeout: 15_000 } },
        },
      },
    ],
  },
})
