/**
 * Validate a page's front matter against the Doks page fields and the
 * `sla:` model; zod's issues become plain data in the project's wording
 * (`./issues.ts`).
 */

import * as z from 'zod'
import {pageSchema} from './page.js'
import {convertIssues, IssueSink, type SchemaIssue} from './issues.js'
import {slaSchema} from './sla.js'

/** Any page's front matter: the Doks fields, an optional `sla`, and any other key. */
export const frontMatterSchema = pageSchema.extend({
  sla: slaSchema.optional()
})

export type FrontMatter = z.infer<typeof frontMatterSchema>

/** One problem found in front matter, as plain data; see {@link SchemaIssue}. */
export type FrontMatterIssue = SchemaIssue

export interface FrontMatterValidation {
  /** Whether the front matter is valid. */
  ok: boolean
  /** The validated data, when `ok`. */
  data?: FrontMatter
  issues: FrontMatterIssue[]
}

export interface ValidateOptions {
  /** Stop after this many issues (default 1000) and add one `too_many_issues` issue. */
  maxIssues?: number
}

/**
 * Validate front matter data. Never throws: hostile input (huge or deeply
 * nested mappings, `__proto__` keys, wrong types everywhere) gives issues.
 *
 * @param data
 *   Parsed front matter (plain JSON-compatible values).
 * @param options
 *   Limits.
 */
export function validateFrontMatter(data: unknown, options: ValidateOptions = {}): FrontMatterValidation {
  const sink = new IssueSink(options.maxIssues ?? 1000)

  try {
    const result = frontMatterSchema.safeParse(data)
    convertIssues(result.error ? result.error.issues : [], [], frontMatterSchema, data, sink)
    forbiddenKeys(data, sink)
    const issues = sink.finish()
    return result.success && issues.length === 0 ? {ok: true, data: result.data, issues} : {ok: false, issues}
  } catch (error) {
    return {
      ok: false,
      issues: [
        {
          path: [],
          code: 'internal_error',
          message: `Unexpected failure while validating the front matter, expected a result: ${error instanceof Error ? error.message : String(error)}`
        }
      ]
    }
  }
}

/**
 * zod leaves a `__proto__` key out of records without checking its value
 * (assigning it would replace the prototype of the output); report any in
 * `sla`, where every key must be a name.
 */
function forbiddenKeys(data: unknown, sink: IssueSink): void {
  if (typeof data !== 'object' || data === null || !Object.hasOwn(data, 'sla')) return
  // One path, extended and shortened as the walk goes, so that clean data
  // (the usual case) allocates nothing per value.
  const path: Array<string | number> = ['sla']
  // Shared or cyclic objects (possible when the caller builds the data) are visited once.
  const visited = new Set<object>()

  const walk = (value: unknown): void => {
    // The schema is at most ten levels deep; deeper data is already wrong.
    if (typeof value !== 'object' || value === null || path.length > 12 || visited.has(value)) return
    visited.add(value)
    if (Array.isArray(value)) {
      for (let index = 0; index < value.length; index++) {
        path.push(index)
        walk(value[index])
        path.pop()
      }

      return
    }

    for (const key of Object.keys(value)) {
      if (key === '__proto__') {
        // Where zod already reported it (a strict object), this is a duplicate the sink drops.
        sink.push({
          path: [...path, key],
          code: 'unrecognized_keys',
          message: 'Unexpected key `__proto__`, expected a name other than `__proto__`',
          expected: [],
          received: key,
          keys: [key]
        })
        continue
      }

      path.push(key)
      walk((value as Record<string, unknown>)[key])
      path.pop()
    }
  }

  walk((data as Record<string, unknown>).sla)
}
