import type {Root} from 'mdast'
import remarkStringify from 'remark-stringify'
import {unified, type Processor} from 'unified'
import {remarkFrontmatterData} from './frontmatter/plugin.js'
import {createRegistry, type ShortcodeRegistry} from './hugo/registry.js'
import {remarkRender} from './render/remark-render.js'
import {remarkRenderChecks} from './render/render-checks.js'
import type {RenderOptions} from './render/types.js'
import {remarkLintFacts} from './rules/facts.js'
import {lintRules} from './rules/index.js'
import {ruleSetting, type LintSettings, type RuleSetting} from './rules/rule.js'
import type {ParsePageOptions} from './syntax/parse.js'
import {remarkHugo, type RemarkHugoOptions} from './syntax/remark-hugo.js'
import {remarkInjectSla, type InjectOptions} from './transform/inject/index.js'
import {remarkReport} from './transform/remark-report.js'
import {remarkValidate, type ValidateOptions} from './transform/remark-validate.js'

/** Options of {@link createProcessor}. */
export interface ProcessorOptions extends RemarkHugoOptions, ValidateOptions, InjectOptions, Omit<RenderOptions, 'parse'> {
  /**
   * What the processor compiles to: `html` (default), the page's `.Content`
   * as Hugo renders it, with `file.data.headings` and `file.data.toc`; or
   * `markdown`, the page written back as Hugo Markdown.
   */
  output?: 'html' | 'markdown' | null | undefined
}

/**
 * The one place that orders slamark's unified chain: the Hugo-aware parser,
 * the front matter reader, validation of the page and `sla:` data, the
 * engine's report, the SLA shortcodes filled from it, then the HTML renderer
 * (or the Hugo-aware serializer, which writes the shortcodes back as
 * written, so nothing is injected on that path).
 *
 * @param options
 *   Parser, validation and renderer options, and the output.
 */
export function createProcessor(options: ProcessorOptions = {}): Processor<Root, Root, Root, Root, string> {
  const parse = parseOptionsOf(options)
  const processor = readingChain(options, parse.registry)
  if (options.output === 'markdown') return processor.use(remarkStringify) as unknown as Processor<Root, Root, Root, Root, string>
  return processor.use(remarkInjectSla, options).use(remarkRender, {...options, parse}) as unknown as Processor<Root, Root, Root, Root, string>
}

/** Options of {@link createLintProcessor}. */
export interface LintProcessorOptions extends RemarkHugoOptions, ValidateOptions {
  /** Settings of the lint rules by id (`'off'`, `'warn'`, `'error'` or `[severity, options]`); default: each rule's own. */
  rules?: Readonly<Record<string, RuleSetting>> | null | undefined
  /** Renderer options that decide heading ids and what rendering checks (`markup`, `headingIdInput`). */
  render?: RenderOptions | null | undefined
  /** SLA notices are errors rather than warnings. */
  failOnBreach?: boolean | null | undefined
}

/**
 * The chain `slamark lint` runs on each page: the parser, front matter,
 * validation and the engine's report as `createProcessor` orders them, the
 * page's facts for the site checks, every lint rule, then the SLA
 * shortcodes and the renderer's own checks (on the pages that need them)
 * for their warnings. Nothing is compiled: run it with `run`, then read
 * `file.messages` and `file.data.lintFacts`.
 *
 * @param options
 *   Parser, validation and rule options.
 */
export function createLintProcessor(options: LintProcessorOptions = {}): Processor<Root, Root, Root> {
  const parse = parseOptionsOf(options)
  const render = options.render ?? {}
  const settings: LintSettings = {render, failOnBreach: options.failOnBreach === true}
  const processor = readingChain(options, parse.registry).use(remarkLintFacts)
  processor.data('slamarkLint', settings)
  for (const rule of lintRules) {
    if (rule.check) processor.use(rule.plugin, ruleSetting(rule, options.rules, settings.failOnBreach))
  }

  return processor.use(remarkInjectSla, {checkOnly: true}).use(remarkRenderChecks, {...render, parse}) as unknown as Processor<Root, Root, Root>
}

/**
 * How a chain parses pages and the Markdown strings its renderer parses
 * (titles): one shortcode registry for both.
 */
function parseOptionsOf(options: RemarkHugoOptions): ParsePageOptions & {registry: ShortcodeRegistry} {
  const registry = options.registry ?? createRegistry({site: options.site, shortcodes: options.shortcodes})
  return {registry, directives: options.directives, alerts: options.alerts, maxDepth: options.maxDepth}
}

/** The start of every chain: the Hugo-aware parser, the front matter, validation of the page and `sla:` data, the engine's report. */
function readingChain(options: RemarkHugoOptions & ValidateOptions, registry: ShortcodeRegistry) {
  return unified().use(remarkHugo, {...options, registry}).use(remarkFrontmatterData).use(remarkValidate, options).use(remarkReport, {asOf: options.asOf})
}
