/**
 * Lint one page in isolation (the part of a run that workers share out and
 * the cache keeps): the lint chain's messages, the page's facts for the site
 * checks, the data files it read (with their messages and hashes).
 */
import {VFile} from 'vfile'
import {createLintProcessor, type LintProcessorOptions} from '../pipeline.js'
import {emptyFacts, type PageFacts} from '../rules/facts.js'
import {contentHash} from '../util/content-hash.js'
import {toPlain, toPlainFile, type PlainFile, type PlainMessage} from '../util/plain-message.js'

/** A page to lint. */
export interface PageInput {
  /** The file's path as reported (relative to the working folder). */
  path: string
  /** Its path under `content/`. */
  contentPath: string
  source: string
}

/** What linting one page gives. */
export interface PageResult {
  path: string
  messages: PlainMessage[]
  facts: PageFacts
  /** The data files it read, with their own messages. */
  dataFiles: PlainFile[]
  /** Files besides the page its messages depend on, with their content hashes. */
  dependencies: Array<{path: string; hash: string}>
  /** Whether its messages depend on "now" (an SLA page). */
  usesAsOf: boolean
  /** Whether the page fixes its own "now" (`sla.asOf`), which only `--as-of` overrides. */
  ownAsOf: boolean
}

/** What a page linter is made from: the lint chain's options, plain data (it is sent to workers). */
export interface PageLinterOptions extends Omit<LintProcessorOptions, 'registry'> {
  /** The working folder: messages name files relative to it. */
  cwd: string
}

/**
 * A linter of single pages, with one processor for all of them.
 *
 * @param options
 *   Chain options.
 */
export function createPageLinter(options: PageLinterOptions): (input: PageInput) => Promise<PageResult> {
  const processor = createLintProcessor(options)
  return async (input) => {
    const file = new VFile({path: input.path, cwd: options.cwd, value: input.source})
    file.data.contentPath = input.contentPath
    try {
      await processor.run(processor.parse(file), file)
    } catch (error) {
      // The chain reports problems as messages; anything thrown is a bug, reported on the page rather than ending the run.
      const message = file.message(`Unexpected failure linting the page (${String(error)}), expected messages`, {ruleId: 'lint-internal', source: 'slamark'})
      message.fatal = true
      message.note = 'This is a bug in slamark; please report it with the page'
    }

    const dataFiles = file.data.dataFiles ?? []
    const sla = file.data.frontmatter?.sla
    const ownAsOf = typeof sla === 'object' && sla !== null && (sla as {asOf?: unknown}).asOf !== undefined
    return {
      path: input.path,
      messages: file.messages.map(toPlain),
      facts: file.data.lintFacts ?? emptyFacts(),
      dataFiles: dataFiles.map(toPlainFile),
      dependencies: dataFiles.map((data) => ({path: data.path, hash: contentHash(String(data.value ?? ''))})),
      usesAsOf: typeof sla === 'object' && sla !== null,
      ownAsOf
    }
  }
}
