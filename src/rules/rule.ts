/**
 * What a lint rule is: a stable id, a default severity, its documentation
 * (why, options, ok and not-ok examples that run as tests), and a check that
 * only emits vfile messages. `defineRule` turns that into a unified plugin in
 * remark-lint's shape (`.use(rule, 'error')`, `.use(rule, ['warn', options])`)
 * that stamps `ruleId`, `source`, `url` and `fatal` on every message.
 *
 * A rule may also have a site part (`checkSite`), run once over the facts of
 * every page (links into other pages, drafts), because a page alone cannot
 * tell whether another page has a heading.
 */
import type {Root} from 'mdast'
import type {Plugin, Processor} from 'unified'
import type {Point, Position} from 'unist'
import type {VFile} from 'vfile'
import {VFileMessage} from 'vfile-message'
import type * as z from 'zod'
import type {RenderOptions} from '../render/types.js'
import {lineIndexFor, type LineIndex} from '../syntax/line-index.js'
import {ruleUrl} from '../syntax/messages.js'

/** How a rule's findings count: not at all, as warnings, or as errors (exit 1). */
export type Severity = 'off' | 'warn' | 'error'

/** A rule's setting, as remark-lint takes it: a severity, or a severity and options. */
export type RuleSetting<Options = unknown> = Severity | readonly [Severity, Options?]

/**
 * A certain fix: replace `[start, end)` of the file (UTF-16 offsets) with
 * `text`. `slamark lint --fix` applies fixes that do not overlap.
 */
export interface Fix {
  start: number
  end: number
  text: string
}

declare module 'vfile-message' {
  interface VFileMessage {
    /** The edit that fixes this finding with certainty, when there is one. */
    fix?: Fix | undefined
  }
}

/** Where rules look things up, shared by every page of a run. */
export interface LintSettings {
  /** Renderer options that decide heading ids (`markup`, `headingIdInput`). */
  render: RenderOptions
  /** SLA notices (breach, at risk, …) are errors rather than warnings. */
  failOnBreach: boolean
}

declare module 'unified' {
  interface Data {
    /** The run's lint settings, set by the lint chain for its rules. */
    slamarkLint?: LintSettings | undefined
  }
}

/** One documented example; the examples of every rule run as tests. */
export interface RuleExample {
  /** What it shows, starting `ok` or `not ok`. */
  title: string
  /** The page. */
  input: string
  /** Rule options for this example (default: the rule's defaults). */
  options?: unknown
  /** Other pages of the site (content path → source), for site checks; the example page is `example.md`. */
  site?: Readonly<Record<string, string>>
  /** "Now" for the example (SLA rules). */
  asOf?: string
  /** The rule's messages, as `line:column-line:column: reason`. */
  output: readonly string[]
  /** The page after `--fix` (fixable rules). */
  fixed?: string
}

/** The findings a site check sees of one page. */
export interface SitePage {
  /** The file's path as reported. */
  path: string
  /** Its path under `content/`, `/`-separated. */
  contentPath: string
  facts: import('./facts.js').PageFacts
}

/** What a site check gets. */
export interface SiteContext<Options> {
  options: Options
  pages: readonly SitePage[]
  /** Hugo's page look-up over every page of the site. */
  index: import('../render/page-index.js').HugoPageIndex
  /** The page at a content path, as `index` returns it. */
  page(contentPath: string): SitePage | undefined
  report(page: SitePage, input: ReportInput): void
}

/** A finding to report. */
export interface ReportInput {
  /** "Unexpected X, expected Y". */
  reason: string
  /** Where: a unist position or point, or offsets into the file. */
  place?: Position | Point | {start: number; end: number} | undefined
  /** What to do about it (the message's `note`). */
  hint?: string | undefined
  actual?: string | undefined
  expected?: string[] | undefined
  fix?: Fix | undefined
  /** A second place that explains the first ("first defined here"). */
  cause?: {reason: string; place?: ReportInput['place']; file?: string | undefined} | undefined
}

/** What a page check gets. */
export interface RuleContext<Options> {
  options: Options
  /** The page's source. */
  source: string
  lines: LineIndex
  settings: LintSettings
  report(input: ReportInput): VFileMessage
}

/** A rule as written: metadata, documentation and checks. */
export interface RuleDefinition<Options = undefined> {
  /** Stable kebab-case id. */
  id: string
  /** Severity without configuration. */
  severity: 'warn' | 'error'
  /** What the rule looks at, for grouping in the documentation. */
  category: 'links' | 'shortcodes' | 'front-matter' | 'text' | 'sla' | 'suppressions'
  /** One line: what it finds. */
  summary: string
  /** Why it matters (Markdown). */
  why: string
  /** The rule's options: schema (validated with the configuration), defaults and a description. */
  options?: {schema: z.ZodType<Options>; defaults: Options; description: string} | undefined
  examples: readonly RuleExample[]
  /** `--fix` can fix its findings. */
  fixable?: boolean | undefined
  /** Less specific rule ids this one replaces at the same place (`frontmatter-type` for a boolean written as a string). */
  supersedes?: readonly string[] | undefined
  /** The page check. */
  check?: ((tree: Root, file: VFile, context: RuleContext<Options>) => void) | undefined
  /** The site check, over the facts of every page. */
  checkSite?: ((context: SiteContext<Options>) => void) | undefined
}

/** A rule: its definition and its unified plugin. */
export interface LintRule<Options = unknown> extends RuleDefinition<Options> {
  plugin: Plugin<[RuleSetting<Options>?], Root>
  /** The options of a setting, validated, with the defaults filled in. */
  resolveOptions(given: unknown): Options
}

/**
 * Make a rule from its definition.
 *
 * @param definition
 *   The rule.
 */
export function defineRule<Options = undefined>(definition: RuleDefinition<Options>): LintRule<Options> {
  const resolveOptions = (given: unknown): Options => {
    const spec = definition.options
    if (!spec) return undefined as Options
    if (given === undefined) return spec.defaults
    const parsed = spec.schema.safeParse(given)
    if (!parsed.success) {
      throw new Error(`Invalid options for \`${definition.id}\`: ${parsed.error.issues.map((issue) => issue.message).join('; ')}`)
    }

    return parsed.data
  }

  const plugin = function (this: Processor, setting?: RuleSetting<Options>) {
    const [severity, given] = typeof setting === 'string' ? [setting, undefined] : setting ? [setting[0], setting[1]] : [definition.severity, undefined]
    if (severity === 'off' || !definition.check) return undefined
    const options = resolveOptions(given)
    const check = definition.check
    const processor = this

    return function (tree: Root, file: VFile): undefined {
      const settings = processor.data('slamarkLint') ?? defaultSettings
      const source = String(file.value ?? '')
      const lines = lineIndexFor(file)
      const context: RuleContext<Options> = {
        options,
        source,
        lines,
        settings,
        report: (input) => emit(file, lines, definition.id, severity, input)
      }
      check(tree, file, context)
      return undefined
    }
  } as Plugin<[RuleSetting<Options>?], Root>

  return {...definition, plugin, resolveOptions}
}

/**
 * The setting a rule runs with: the configured one, else its default; with
 * `failOnBreach`, the SLA notice rules report errors (unless turned off).
 *
 * @param rule
 *   The rule.
 * @param configured
 *   Settings by rule id.
 * @param failOnBreach
 *   Whether SLA notices are errors.
 */
export function ruleSetting(rule: RuleDefinition<any>, configured: Readonly<Record<string, RuleSetting>> | null | undefined, failOnBreach: boolean): RuleSetting {
  const setting = configured?.[rule.id] ?? rule.severity
  if (!failOnBreach || !noticeRules.has(rule.id)) return setting
  if (typeof setting === 'string') return setting === 'off' ? 'off' : 'error'
  return setting[0] === 'off' ? setting : ['error', setting[1]]
}

/** The rules that report the engine's notices, which `--fail-on-breach` makes errors. */
export const noticeRules: ReadonlySet<string> = new Set(['sla-breach', 'sla-at-risk', 'sla-overdue-milestone', 'sla-review-due'])

/**
 * The severity of a setting.
 *
 * @param setting
 *   A rule's setting.
 */
export function severityOf(setting: RuleSetting): Severity {
  return typeof setting === 'string' ? setting : setting[0]
}

const defaultSettings: LintSettings = {render: {}, failOnBreach: false}

/**
 * Put a finding on a file as slamark's messages look: `ruleId`, `source`,
 * `url`, `note`, `fatal` by severity.
 *
 * @param file
 *   The file.
 * @param lines
 *   Its line index.
 * @param ruleId
 *   The rule.
 * @param severity
 *   `warn` or `error`.
 * @param input
 *   The finding.
 */
export function emit(file: VFile, lines: LineIndex, ruleId: string, severity: 'warn' | 'error', input: ReportInput): VFileMessage {
  const place = toPlace(input.place, lines)
  const message = file.message(input.reason, {...(place ? {place} : {}), ruleId, source: 'slamark'})
  message.fatal = severity === 'error'
  message.url = ruleUrl(ruleId)
  if (input.hint !== undefined) message.note = input.hint
  if (input.actual !== undefined) message.actual = input.actual
  if (input.expected !== undefined) message.expected = input.expected
  if (input.fix) message.fix = input.fix
  if (input.cause) {
    const causePlace = input.cause.file === undefined ? toPlace(input.cause.place, lines) : (input.cause.place as Position | undefined)
    const cause = new VFileMessage(input.cause.reason, {...(causePlace ? {place: causePlace} : {}), ruleId, source: 'slamark'})
    if (input.cause.file !== undefined) cause.file = input.cause.file
    message.cause = cause
  }

  return message
}

function toPlace(place: ReportInput['place'], lines: LineIndex): Position | Point | undefined {
  if (!place) return undefined
  if ('line' in place) return place
  if (typeof place.start === 'number' && typeof place.end === 'number') {
    return {start: lines.toPoint(place.start), end: lines.toPoint(place.end)}
  }

  return place as Position
}
