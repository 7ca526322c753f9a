/**
 * Types shared by the front-matter readers (YAML, TOML, JSON, Org).
 *
 * Each reader turns the text of one block into a {@link FormatResult}; the
 * entry point (`index.ts`) then checks that the top level is a mapping and
 * builds the public {@link ParsedFrontMatter}.
 */

import type {Diagnostic} from '../hugo/diagnostic.js'
import type {FrontMatterFormat} from '../hugo/types.js'

/**
 * A path to a value: mapping keys as strings, sequence indexes as numbers
 * (e.g. `['sla', 'parties', 'client', 'name']` or `['tags', 0]`).
 */
export type KeyPath = ReadonlyArray<string | number>

/**
 * Where a value is written, as offsets (UTF-16, 0-based, end exclusive) in
 * the whole file.
 */
export interface ValuePosition {
  /** Offset of the value's first character (an opening quote or bracket included). */
  start: number
  /** Offset just past the value's last character. */
  end: number
  /** Offset of the key's first character, when the value has a key. */
  keyStart?: number
  /** Offset just past the key's last character, when the value has a key. */
  keyEnd?: number
}

/** Find the position of the value at a key path; `undefined` when there is none. */
export type Locate = (path: KeyPath) => ValuePosition | undefined

/** What one format reader gives back for the text of a block. */
export interface FormatResult {
  /**
   * The top-level value, made of plain JSON-compatible values; `undefined`
   * when the text is unusable (Hugo would stop the build on it).
   * `null` stands for an empty block.
   */
  value: unknown
  /** Problems found, with offsets in the whole file. */
  diagnostics: Diagnostic[]
  /** Position of the value at a key path (`[]` is the top-level value). */
  locate: Locate
}

/** The front matter of a page, parsed, with a position for every value. */
export interface ParsedFrontMatter {
  /** The format the block is written in. */
  format: FrontMatterFormat
  /**
   * The parsed data; `{}` when the block is unusable. Plain JSON-compatible
   * values only (objects, arrays, strings, numbers, booleans, null).
   */
  data: Record<string, unknown>
  /** Problems found in the block, with offsets in the whole file. */
  diagnostics: Diagnostic[]
  /**
   * Position of the value at a key path (e.g. `['sla','parties','client','name']`
   * or `['tags', 0]`) in the whole file: offsets of the value, and of its key
   * when it has one. `undefined` when the path does not exist in `data`.
   */
  locate(path: KeyPath): ValuePosition | undefined
}
