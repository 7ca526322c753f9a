/**
 * Parse a page's front matter, whatever its format, into plain data with a
 * position in the whole file for every value.
 *
 * The format readers (`yaml.ts`, `toml.ts`, `json.ts`, `org.ts`) do the
 * parsing; this module picks the reader, checks that the top level is a
 * mapping, and guarantees the contract callers rely on: nothing throws, and
 * every diagnostic lies inside the block's text.
 */

import {diagnostic, type Diagnostic} from '../hugo/diagnostic.js'
import type {FrontMatterBlock, FrontMatterFormat} from '../hugo/types.js'
import {parseJsonFrontMatter} from './json.js'
import {parseOrgFrontMatter} from './org.js'
import {internalRuleId, notMappingRuleId} from './rules.js'
import {parseTomlFrontMatter} from './toml.js'
import {parseYamlFrontMatter} from './yaml.js'
import type {FormatResult, KeyPath, ParsedFrontMatter, ValuePosition} from './types.js'
import {isRecord} from '../util/is-record.js'

export type {FormatResult, KeyPath, Locate, ParsedFrontMatter, ValuePosition} from './types.js'
export {
  duplicateKeyRuleId,
  internalRuleId,
  jsonRuleId,
  notMappingRuleId,
  orgRuleId,
  tomlRuleId,
  yamlRuleId
} from './rules.js'
export {parseJsonFrontMatter} from './json.js'
export {parseOrgFrontMatter} from './org.js'
export {parseTomlFrontMatter} from './toml.js'
export {parseYamlFrontMatter} from './yaml.js'

/** Names of the formats, for messages. */
const formatNames: Record<FrontMatterFormat, string> = {
  yaml: 'YAML',
  toml: 'TOML',
  json: 'JSON',
  org: 'Org'
}

/** How to write a mapping in each format, for hints. */
const mappingExamples: Record<FrontMatterFormat, string> = {
  yaml: '`title: My page` lines',
  toml: '`title = "My page"` lines',
  json: 'an object such as `{"title": "My page"}`',
  org: '`#+title: My page` lines'
}

/**
 * Parse the front matter block of a page.
 *
 * @param block
 *   The block as the page lexer delimited it; `valueStart` is the offset of
 *   `value` in the whole file.
 * @returns
 *   The data (`{}` when the block is unusable), diagnostics with offsets in
 *   the whole file (all inside `[valueStart, valueStart + value.length]`), and
 *   a locator for values. Never throws.
 */
export function parseFrontMatter(block: FrontMatterBlock): ParsedFrontMatter {
  const {format, value: text, valueStart} = block
  const result = readFormat(format, text, valueStart)
  const diagnostics = result.diagnostics
  let data: Record<string, unknown> = {}
  let usable = false

  if (isRecord(result.value)) {
    data = result.value
    usable = true
  } else if (result.value !== undefined && result.value !== null) {
    // `null` is an empty block (or an explicit `~`), which Hugo treats as no
    // front matter; anything else that is not a mapping stops Hugo's build.
    diagnostics.push(clampToBlock(notMapping(format, result, valueStart), {start: valueStart, end: valueStart + text.length}))
  }

  return {
    format,
    data,
    diagnostics,
    locate(path: KeyPath): ValuePosition | undefined {
      return usable ? result.locate(path) : undefined
    }
  }
}

/**
 * Read a text in one of the front matter formats, whatever its top-level
 * value (a data file may hold a list): the reader's result, with the same
 * guarantees as {@link parseFrontMatter}: nothing throws (a reader bug
 * becomes a diagnostic), every diagnostic lies inside the text, and the
 * locator never throws either.
 *
 * @param format
 *   The format.
 * @param text
 *   The text.
 * @param offset
 *   Offset of the text in the whole file.
 * @param subject
 *   What the text is, for the message of a reader bug (default `front matter`).
 */
export function readFormat(format: FrontMatterFormat, text: string, offset: number, subject = 'front matter'): FormatResult {
  let result: FormatResult

  try {
    result = read(format, text, offset)
  } catch (error) {
    // A reader bug must not take the whole lint run down: report it where
    // the text starts and carry on without data.
    result = {
      value: undefined,
      diagnostics: [
        diagnostic({
          ruleId: internalRuleId,
          severity: 'error',
          reason: `Unexpected failure while reading the ${formatNames[format] ?? String(format)} ${subject}, expected it to be read`,
          hint: `This is a bug in slamark; please report it with this ${subject} (${error instanceof Error ? error.message : String(error)}).`,
          start: offset
        })
      ],
      locate: () => undefined
    }
  }

  const limit = {start: offset, end: offset + text.length}
  return {
    value: result.value,
    diagnostics: result.diagnostics.map((item) => clampToBlock(item, limit)),
    locate(path: KeyPath): ValuePosition | undefined {
      try {
        return result.locate(path)
      } catch {
        return undefined
      }
    }
  }
}

/**
 * Run the reader of a format.
 *
 * @param format
 *   The format.
 * @param text
 *   The block's text.
 * @param offset
 *   Offset of the text in the whole file.
 */
function read(format: FrontMatterFormat, text: string, offset: number): FormatResult {
  switch (format) {
    case 'yaml': {
      return parseYamlFrontMatter(text, offset)
    }

    case 'toml': {
      return parseTomlFrontMatter(text, offset)
    }

    case 'json': {
      return parseJsonFrontMatter(text, offset)
    }

    case 'org': {
      return parseOrgFrontMatter(text, offset)
    }

    default: {
      throw new Error(`unknown front matter format ${String(format)}`)
    }
  }
}

/**
 * Build the diagnostic for a top level that is not a mapping.
 *
 * @param format
 *   The format.
 * @param result
 *   What the reader gave.
 * @param offset
 *   Offset of the block's text in the whole file.
 */
function notMapping(
  format: FrontMatterFormat,
  result: FormatResult,
  offset: number
): Diagnostic {
  const value = result.value
  const kind = Array.isArray(value)
    ? format === 'json' ? 'array' : 'sequence'
    : typeof value === 'string'
      ? `string ${JSON.stringify(value.length > 40 ? value.slice(0, 40) + '…' : value)}`
      : typeof value
  const where = result.locate([])
  return diagnostic({
    ruleId: notMappingRuleId,
    severity: 'error',
    reason: `Unexpected ${kind}, expected a mapping of keys to values`,
    hint: `Front matter is a set of named fields: write ${mappingExamples[format]}.`,
    start: where?.start ?? offset,
    end: where?.end ?? offset
  })
}

/**
 * Keep a diagnostic inside the block's text, whatever a reader computed.
 *
 * @param item
 *   The diagnostic.
 * @param limit
 *   Offsets of the block's text in the whole file.
 */
function clampToBlock(
  item: Diagnostic,
  limit: {start: number; end: number}
): Diagnostic {
  const clamp = (value: number): number =>
    Math.min(Math.max(Number.isFinite(value) ? value : limit.start, limit.start), limit.end)
  const start = clamp(item.start)
  const end = Math.max(start, clamp(item.end))
  return start === item.start && end === item.end ? item : {...item, start, end}
}
