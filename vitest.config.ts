import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // The end-to-end tests drive the built renderer: build it once before any test runs.
    globalSetup: ['test/setup/build.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Two cores: keep Chromium and the kill -9 tests from fighting over them.
    maxWorkers: 2,
  },
})
