/**
 * `slamark.config.json` / `.yaml` / `.yml`: rule severities and options,
 * ignore globs, Hugo's markup settings. Found upward from the working
 * folder (or named with `--config`), read with positions, and checked
 * against its schema: every mistake is a located `config-invalid` message.
 */
import {existsSync, readFileSync} from 'node:fs'
import path from 'node:path'
import {VFile} from 'vfile'
import * as z from 'zod'
import {readFormat} from '../frontmatter/index.js'
import type {KeyPath, Locate} from '../frontmatter/types.js'
import type {MarkupOptions} from '../render/types.js'
import {knownRuleIds, lintRule} from '../rules/index.js'
import type {RuleSetting} from '../rules/rule.js'
import {LineIndex} from '../syntax/line-index.js'
import {ruleUrl} from '../syntax/messages.js'
import {convertIssues, expectations, IssueSink} from '../schema/issues.js'
import {didYouMean} from '../util/did-you-mean.js'

/** The names looked for, in this order, in each folder from the working folder up. */
export const configNames = ['slamark.config.json', 'slamark.config.yaml', 'slamark.config.yml'] as const

/** A configuration, as written. */
export interface LintConfig {
  /** Rule settings by id: `off`, `warn`, `error`, or `[severity, options]`. */
  rules?: Record<string, RuleSetting>
  /** Globs (from the configuration's folder) of files not to lint. */
  ignores?: string[]
  /** Hugo's `markup` settings (heading ids, attributes, typographer). */
  markup?: MarkupOptions
  /** Heading id input: `plain-text` (Hugo 0.144+, default) or `source` (Hugo 0.143 and earlier). */
  headingIdInput?: 'plain-text' | 'source'
  /** SLA notices are errors (as `--fail-on-breach`). */
  failOnBreach?: boolean
  /** More warnings than this fail the run (as `--max-warnings`). */
  maxWarnings?: number
  /** More shortcodes the site has (`true`: takes a body), besides its `layouts/`. */
  shortcodes?: Record<string, boolean>
}

/** A configuration that was read. */
export interface LoadedConfig {
  config: LintConfig
  /** The file, or `undefined` when none was found. */
  path: string | undefined
  /** The folder ignore globs are read from. */
  root: string
  /** The file's text (for the cache key). */
  text: string
}

const severity = z.enum(['off', 'warn', 'error'])
const setting = z
  .union([severity, z.tuple([severity, z.unknown().optional()])])
  .register(expectations, {expected: '`off`, `warn` or `error`, or a list of one of them and the rule’s options'})
const flags = (keys: readonly string[]) => z.strictObject(Object.fromEntries(keys.map((key) => [key, z.boolean().optional()])))

const markupSchema = z.strictObject({
  goldmark: z
    .strictObject({
      extensions: flags(['table', 'strikethrough', 'taskList', 'footnote', 'definitionList', 'linkify'])
        .extend({linkifyProtocol: z.string().optional(), typographer: z.union([z.boolean(), z.strictObject({disable: z.boolean().optional()})]).optional()})
        .optional(),
      parser: z
        .strictObject({
          autoHeadingID: z.boolean().optional(),
          autoHeadingIDType: z.enum(['github', 'github-ascii', 'blackfriday']).optional(),
          attribute: flags(['title', 'block']).optional(),
          wrapStandAloneImageWithinParagraph: z.boolean().optional()
        })
        .optional(),
      renderer: flags(['unsafe', 'hardWraps', 'xhtml']).optional()
    })
    .optional(),
  tableOfContents: z.strictObject({startLevel: z.int().optional(), endLevel: z.int().optional(), ordered: z.boolean().optional()}).optional(),
  highlight: z.strictObject({codeFences: z.boolean().optional(), noClasses: z.boolean().optional(), tabWidth: z.int().optional()}).optional()
})

/** The configuration's schema. */
export const configSchema = z.strictObject({
  $schema: z.string().optional(),
  rules: z.record(z.string(), setting).optional(),
  ignores: z.array(z.string()).optional(),
  markup: markupSchema.optional(),
  headingIdInput: z.enum(['plain-text', 'source']).optional(),
  failOnBreach: z.boolean().optional(),
  maxWarnings: z.int().min(0).optional(),
  shortcodes: z.record(z.string(), z.boolean()).optional()
})

/** A configuration that could not be used: its file, with located messages. */
export class ConfigError extends Error {
  /**
   * @param file
   *   The configuration file with its messages.
   */
  constructor(readonly file: VFile) {
    super(`Invalid configuration ${file.path}`)
  }
}

/**
 * Find the configuration: the file named, else the first of
 * {@link configNames} in the working folder or a folder above it.
 *
 * @param cwd
 *   The working folder.
 * @param explicit
 *   A file given with `--config`.
 */
export function findConfig(cwd: string, explicit?: string): string | undefined {
  if (explicit !== undefined) return path.resolve(cwd, explicit)
  let folder = path.resolve(cwd)
  for (;;) {
    for (const name of configNames) {
      const candidate = path.join(folder, name)
      if (existsSync(candidate)) return candidate
    }

    const parent = path.dirname(folder)
    if (parent === folder) return undefined
    folder = parent
  }
}

/**
 * Read and check the configuration; throws a {@link ConfigError} with
 * located messages when it cannot be used.
 *
 * @param cwd
 *   The working folder.
 * @param explicit
 *   A file given with `--config`.
 */
export function loadConfig(cwd: string, explicit?: string): LoadedConfig {
  const file = findConfig(cwd, explicit)
  if (file === undefined) return {config: {}, path: undefined, root: cwd, text: ''}
  const shown = path.relative(cwd, file) || file
  const vfile = new VFile({path: shown, cwd})

  let text: string
  try {
    text = readFileSync(file, 'utf8')
  } catch (error) {
    fail(vfile, undefined, `Unexpected unreadable configuration (${(error as Error).message}), expected a readable file`)
    throw new ConfigError(vfile)
  }

  vfile.value = text
  const lines = new LineIndex(text)
  const read = readFormat(file.endsWith('.json') ? 'json' : 'yaml', text, 0, 'configuration')
  for (const item of read.diagnostics) {
    if (item.severity === 'error') fail(vfile, {start: lines.toPoint(item.start), end: lines.toPoint(item.end)}, item.reason, item.hint)
  }

  if (vfile.messages.length > 0) throw new ConfigError(vfile)
  const value = read.value ?? {}
  const place = (keys: KeyPath, atKey = false) => located(read.locate, keys, lines, atKey)

  const parsed = configSchema.safeParse(value)
  if (!parsed.success) {
    const sink = new IssueSink(100)
    convertIssues(parsed.error.issues, [], configSchema, value, sink)
    for (const issue of sink.finish()) {
      const unknown = issue.code === 'unrecognized_keys' ? issue.keys?.[0] : undefined
      const suggestion = unknown === undefined ? undefined : didYouMean(unknown, issue.expected ?? [])
      // An unknown key's path ends with the key (placed on the key); a missing key's is its mapping's.
      const at = place(issue.path, unknown !== undefined)
      // Where the value is, in words too: a message read without its position still says which one.
      const reason = issue.path.length > 0 && unknown === undefined ? issue.message.replace(', expected ', ` at \`${issue.path.join('.')}\`, expected `) : issue.message
      fail(vfile, at, reason, suggestion === undefined ? undefined : `Did you mean \`${suggestion}\`?`)
    }

    throw new ConfigError(vfile)
  }

  const config = parsed.data as LintConfig & {$schema?: string}
  const known = new Set(knownRuleIds())
  for (const [id, value] of Object.entries(config.rules ?? {})) {
    if (!known.has(id)) {
      const suggestion = didYouMean(id, known)
      fail(vfile, place(['rules', id], true), `Unexpected rule \`${id}\`, expected a rule id of slamark`, suggestion === undefined ? 'See the Rules section of the README' : `Did you mean \`${suggestion}\`?`)
      continue
    }

    if (typeof value === 'string' || value.length < 2) continue
    const rule = lintRule(id)
    if (!rule?.options) {
      fail(vfile, place(['rules', id, 1]), `Unexpected options for \`${id}\`, expected a severity only: the rule takes no options`)
      continue
    }

    try {
      rule.resolveOptions(value[1])
    } catch (error) {
      fail(vfile, place(['rules', id, 1]), `Unexpected options for \`${id}\`, expected ${rule.options.description}`, (error as Error).message)
    }
  }

  if (vfile.messages.length > 0) throw new ConfigError(vfile)
  delete config.$schema
  return {config, path: file, root: path.dirname(file), text}
}

/**
 * Where a path is in the file: its value, or its key (`atKey`, for a key
 * that should not be there); the nearest enclosing value when the path is
 * not in the file.
 */
function located(locate: Locate, keys: KeyPath, lines: LineIndex, atKey = false) {
  for (let length = keys.length; length >= 0; length--) {
    const where = locate(keys.slice(0, length))
    if (!where) continue
    if (atKey && length === keys.length && where.keyStart !== undefined && where.keyEnd !== undefined) {
      return {start: lines.toPoint(where.keyStart), end: lines.toPoint(where.keyEnd)}
    }

    return {start: lines.toPoint(where.start), end: lines.toPoint(where.end)}
  }

  return undefined
}

function fail(file: VFile, place: {start: import('unist').Point; end: import('unist').Point} | undefined, reason: string, hint?: string): void {
  const message = file.message(reason, {...(place ? {place} : {}), ruleId: 'config-invalid', source: 'slamark'})
  message.fatal = true
  message.url = ruleUrl('config-invalid')
  if (hint !== undefined) message.note = hint
}
