/**
 * Three test projects, chosen by file name (see CONTRIBUTING.md):
 *
 * - unit: in-process tests of src/ and rules/; no build, no ../shared corpora;
 * - e2e: tests that run the built bundle, the language server, remark-cli,
 *   pre-commit or the GitHub action's script as real processes; the bundle is
 *   built once per run by test/global-setup.ts;
 * - corpora: the RFC and KEP corpora in ../shared/corpora; they skip when
 *   ../shared is absent, except under `npm run test:corpora` (or with
 *   DESIGNLINT_REQUIRE_CORPORA=1), where a missing corpus is a failure.
 *
 * A new test that spawns a process from dist/ goes in `e2e` below (or under
 * test/e2e/); every other test file is a unit test by default.
 */
import {defineConfig} from 'vitest/config'

const e2e = [
  'test/adoption.test.ts',
  'test/ci-formats.test.ts',
  'test/cli.test.ts',
  'test/docs.test.ts',
  'test/language-server.test.ts',
  'test/remark-cli.test.ts',
  'test/e2e/**/*.test.ts',
]
const corpora = ['test/corpora.test.ts', 'test/findings-diff.test.ts', 'test/judged.test.ts', 'test/parse-diff.test.ts']

// Set explicitly, the variable wins; otherwise `npm run test:corpora` asks for the corpora.
const requireCorpora = process.env.DESIGNLINT_REQUIRE_CORPORA ?? (process.env.npm_lifecycle_event === 'test:corpora' ? '1' : '0')

export default defineConfig({
  test: {
    testTimeout: 30_000,
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['test/**/*.test.ts', 'rules/**/*.test.ts'],
          exclude: [...e2e, ...corpora],
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: e2e,
          globalSetup: ['test/global-setup.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'corpora',
          include: corpora,
          env: {DESIGNLINT_REQUIRE_CORPORA: requireCorpora},
        },
      },
    ],
  },
})
