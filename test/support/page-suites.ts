/**
 * The two page collections several suites run the same check over: the
 * project's own content examples (which must exist) and the getdoks.org
 * corpus beside the checkout (read when it exists, said when it does not).
 */
import {describe, expect, it} from 'vitest'
import {corpusRoot, type Page} from './tree.js'

/**
 * Describe `content examples` and `getdoks.org corpus` suites that `run`
 * fills with one test per page.
 *
 * @param label
 *   Name of the calling suite, for the warning when the corpus is missing.
 * @param examples
 *   Pages of `content-examples/`.
 * @param corpus
 *   Pages of the corpus; empty when its folder does not exist.
 * @param run
 *   Defines the tests for a list of pages.
 */
export function describeExamplesAndCorpus(label: string, examples: Page[], corpus: Page[], run: (pages: Page[]) => void): void {
  describe('content examples', () => {
    // The examples are part of the project: their absence is a failure, not a skip.
    it('has the content-examples pages', () => {
      expect(examples.length).toBeGreaterThan(0)
    })

    run(examples)
  })

  describe('getdoks.org corpus', () => {
    // ../shared/ is read when it exists; say so when it does not.
    if (corpus.length === 0) {
      console.warn(`${label}: corpus folder ${corpusRoot} does not exist; not checked`)
      // A suite needs a test: this one states why nothing else ran, and fails if pages were there after all.
      it('is not checked: the corpus folder is missing beside the checkout', () => {
        expect(corpus).toEqual([])
      })
    } else {
      run(corpus)
    }
  })
}
