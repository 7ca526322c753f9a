/**
 * zod's issues turned into plain data with messages in the project's
 * wording ("Unexpected X, expected Y"): the value found and, in words, what
 * would have been valid, with the schema's own words where it registered
 * some in {@link expectations}. Front matter validation and the lint
 * configuration both report through it.
 */

import * as z from 'zod'

/**
 * What a value should look like, in words, for messages: "a duration such
 * as `4h`, `1h30m` or `2bd`". Metadata is inherited by clones, so
 * `.describe()` and `.optional()` keep it reachable.
 */
export const expectations = z.registry<{expected: string}>()

/** One problem found, as plain data. */
export interface SchemaIssue {
  /**
   * Where: keys and list indices from the top. For an unknown key, the path
   * of that key; for a missing key, the path of the mapping that lacks it
   * (the missing name is in `keys`). Every path exists in the data.
   */
  path: Array<string | number>
  /**
   * zod's issue code (`invalid_type`, `invalid_value`, `invalid_format`,
   * `unrecognized_keys`, `invalid_key`, `too_small`, `too_big`, …) or one of
   * ours: `missing_key` (a required key is absent), `exclusive_keys` (two
   * keys that cannot go together), `too_many_issues`, `internal_error`.
   */
  code: string
  /** "Unexpected X, expected Y". */
  message: string
  /**
   * What would have been valid: the allowed keys (unknown key), the allowed
   * values (enum), type names (wrong type), or a description of the form.
   */
  expected?: string[]
  /** What was found: a type name (wrong type), or the offending value or key as text. */
  received?: string
  /** The keys the issue is about: the unknown key, the missing key, or the exclusive pair. */
  keys?: string[]
}

type Path = Array<string | number>
type Issue = z.core.$ZodIssue

/** Collects issues up to a limit, without repeating a path/code pair. */
export class IssueSink {
  readonly issues: SchemaIssue[] = []
  readonly seen = new Set<string>()
  dropped = 0

  constructor(readonly max: number) {}

  /** Whether the limit is reached. */
  get full(): boolean {
    return this.issues.length >= this.max
  }

  /** Count issues past the limit without building them. */
  skip(count: number): void {
    this.dropped += count
  }

  /** Keep an issue (or count it, past the limit). */
  push(issue: SchemaIssue): void {
    if (this.full) {
      this.dropped++
      return
    }

    const key = issue.code + '\u0000' + JSON.stringify(issue.path) + '\u0000' + (issue.keys ?? []).join('\u0000')
    if (this.seen.has(key)) return
    this.seen.add(key)
    this.issues.push(issue)
  }

  /** The issues kept, with one `too_many_issues` issue for those past the limit. */
  finish(): SchemaIssue[] {
    if (this.dropped > 0) {
      this.issues.push({
        path: [],
        code: 'too_many_issues',
        message: `Unexpected ${this.dropped} more issues, expected at most ${this.max} to be reported`
      })
      this.dropped = 0
    }

    return this.issues
  }
}

/**
 * Turn zod issues into ours.
 *
 * @param issues
 *   Issues with paths relative to `base`.
 * @param base
 *   Absolute path of the value `schema` checked.
 * @param schema
 *   The schema that produced the issues (a union option when recursing).
 * @param root
 *   The whole data, to look values up.
 * @param sink
 *   Where the issues go.
 */
export function convertIssues(issues: readonly Issue[], base: Path, schema: z.ZodType | undefined, root: unknown, sink: IssueSink): void {
  for (const issue of issues) {
    if (sink.full) {
      sink.skip(issue.code === 'unrecognized_keys' ? issue.keys.length : 1)
      continue
    }

    const relative = issue.path.map(pathKey)
    const path = [...base, ...relative]
    const at = lookup(root, path)
    const here = resolve(schema, relative)

    if (issue.code === 'invalid_union') {
      union(issue, path, here, root, sink)
      continue
    }

    if (issue.code === 'unrecognized_keys') {
      const allowed = allowedKeys(here)
      const expected = allowed.length > 0 ? oneOf(allowed) : 'no other keys'
      for (const [index, key] of issue.keys.entries()) {
        if (sink.full) {
          sink.skip(issue.keys.length - index)
          break
        }

        sink.push({
          path: [...path, key],
          code: 'unrecognized_keys',
          message: `Unexpected key ${code(key)}, expected ${expected}`,
          expected: [...allowed],
          received: key,
          keys: [key]
        })
      }

      continue
    }

    if (!at.found && at.parentIsMapping && path.length > 0 && issue.code !== 'custom') {
      missing(path, expectedOf(issue, here), sink)
      continue
    }

    switch (issue.code) {
      case 'invalid_type': {
        const number = unwrap(here)
        // `z.int()` reports `number` when the value is not a number at all.
        const integer = issue.expected === 'number' && number instanceof z.ZodNumber && number.isInt
        const expected = [integer ? 'integer' : typeName(issue.expected)]
        sink.push({
          path,
          code: issue.code,
          message: `Unexpected ${describe(at.value)}, expected ${phrase(here) ?? article(expected[0]!)}`,
          expected,
          received: typeOf(at.value)
        })
        break
      }

      case 'invalid_value': {
        const expected = issue.values.map((value) => String(value))
        if (!issue.values.some((value) => typeof value === typeof at.value)) {
          // `schema: "1"`: the type is wrong, not just the value.
          sink.push({
            path,
            code: 'invalid_type',
            message: `Unexpected ${describe(at.value)}, expected ${phrase(here) ?? oneOf(expected)}`,
            expected: [...new Set(issue.values.map((value) => typeOf(value)))],
            received: typeOf(at.value)
          })
          break
        }

        sink.push({
          path,
          code: issue.code,
          message: `Unexpected ${show(at.value)}, expected ${phrase(here) ?? oneOf(expected)}`,
          expected,
          received: text(at.value)
        })
        break
      }

      case 'invalid_format': {
        const expected = issue.format === 'regex' ? issue.message : `a ${issue.format} string`
        sink.push({
          path,
          code: issue.code,
          message: `Unexpected ${show(at.value)}, expected ${expected}`,
          expected: [expected],
          received: text(at.value)
        })
        break
      }

      case 'invalid_key': {
        const key = relative.at(-1)
        const expected = issue.issues.find((inner) => inner.code === 'invalid_format')?.message ?? 'a valid key'
        sink.push({
          path,
          code: issue.code,
          message: `Unexpected key ${code(String(key))}, expected ${expected}`,
          expected: [expected],
          received: String(key),
          keys: [String(key)]
        })
        break
      }

      case 'too_small':
      case 'too_big': {
        const expected = bound(issue)
        sink.push({
          path,
          code: issue.code,
          message: `Unexpected ${sized(at.value)}, expected ${expected}`,
          expected: [expected],
          received: text(at.value)
        })
        break
      }

      case 'custom': {
        const params = (issue.params ?? {}) as {code?: unknown; keys?: unknown}
        const keys = Array.isArray(params.keys) ? params.keys.map(String) : undefined
        sink.push({
          path,
          code: typeof params.code === 'string' ? params.code : 'custom',
          message: issue.message,
          ...(keys ? {keys} : {})
        })
        break
      }

      default: {
        sink.push({path, code: issue.code, message: `Unexpected ${show(at.value)}, expected a valid value (${issue.message})`})
      }
    }
  }
}

/**
 * A union failed. When one option got past the type check (the value has
 * that option's type but something inside is wrong), report that option's
 * issues; otherwise say which types or values would do.
 */
function union(issue: z.core.$ZodIssueInvalidUnion, path: Path, schema: z.ZodType | undefined, root: unknown, sink: IssueSink): void {
  const options = unwrap(schema) instanceof z.ZodUnion ? (unwrap(schema) as z.ZodUnion).options : []
  const branches = issue.errors.map((errors, index) => ({errors, option: options[index] as z.ZodType | undefined}))
  const typed = branches.filter(({errors}) => errors.some((inner) => inner.path.length > 0 || !shallow(inner)))

  if (typed.length > 0) {
    const best = typed.reduce((a, b) => (b.errors.length < a.errors.length ? b : a))
    convertIssues(best.errors, path, best.option, root, sink)
    return
  }

  const flat = issue.errors.flat()
  const expected = [...new Set(flat.flatMap((inner) => expectedValues(inner)))]
  const words = phrase(schema) ?? either([...new Set(flat.flatMap((inner) => expectedWords(inner)))])
  const at = lookup(root, path)

  if (!at.found && at.parentIsMapping && path.length > 0) {
    missing(path, {expected, words}, sink)
    return
  }

  // The value has the type of some option but not an allowed value (`always` for `24x7`).
  const value = flat.some(
    (inner) =>
      inner.code === 'invalid_value' &&
      inner.path.length === 0 &&
      inner.values.some((allowed) => typeof allowed === typeof at.value)
  )
  sink.push({
    path,
    code: value ? 'invalid_value' : 'invalid_type',
    message: `Unexpected ${value ? show(at.value) : describe(at.value)}, expected ${words}`,
    expected,
    received: value ? text(at.value) : typeOf(at.value)
  })
}

/** A type or value mismatch at the option's own level (the option does not apply at all). */
function shallow(issue: Issue): boolean {
  return issue.code === 'invalid_type' || issue.code === 'invalid_value' || issue.code === 'invalid_union'
}

function missing(path: Path, expected: {expected: string[]; words: string}, sink: IssueSink): void {
  const key = String(path.at(-1))
  sink.push({
    path: path.slice(0, -1),
    code: 'missing_key',
    message: `Unexpected missing key ${code(key)}, expected ${expected.words}`,
    expected: expected.expected,
    keys: [key]
  })
}

/** What an issue says would be valid: type names or allowed values. */
function expectedValues(issue: Issue): string[] {
  if (issue.code === 'invalid_type') return [typeName(issue.expected)]
  if (issue.code === 'invalid_value') return issue.values.map((value) => String(value))
  if (issue.code === 'invalid_union') return [...new Set(issue.errors.flat().flatMap((inner) => expectedValues(inner)))]
  return []
}

/** The same in words: "a mapping", "`24x7`". */
function expectedWords(issue: Issue): string[] {
  if (issue.code === 'invalid_type') return [article(typeName(issue.expected))]
  if (issue.code === 'invalid_value') return issue.values.map((value) => code(String(value)))
  if (issue.code === 'invalid_union') return issue.errors.flat().flatMap((inner) => expectedWords(inner))
  return []
}

/** The same, with words for the message. */
function expectedOf(issue: Issue, schema: z.ZodType | undefined): {expected: string[]; words: string} {
  const expected = expectedValues(issue)
  const words = phrase(schema) ?? (issue.code === 'invalid_type' ? article(expected[0] ?? 'value') : oneOf(expected))
  return {expected, words}
}

// ---------------------------------------------------------------------------
// Schemas.

/**
 * Follow a path through objects, records, arrays, optional wrappers and
 * unions (zod reports the issues of the one union option that matched the
 * type directly, at the union's path).
 */
function resolve(schema: z.ZodType | undefined, path: readonly (string | number)[]): z.ZodType | undefined {
  if (path.length === 0) return schema
  const current = unwrap(schema)

  if (current instanceof z.ZodUnion) {
    for (const option of current.options as readonly z.ZodType[]) {
      const found = resolve(option, path)
      if (found) return found
    }

    return undefined
  }

  const [key, ...rest] = path
  let next: z.ZodType | undefined
  if (current instanceof z.ZodObject) {
    const shape = current.shape as Record<string, z.ZodType>
    next = Object.hasOwn(shape, key!) ? shape[key!] : undefined
  } else if (current instanceof z.ZodRecord) {
    next = current.valueType as z.ZodType
  } else if (current instanceof z.ZodArray) {
    next = current.element as z.ZodType
  }

  return next && resolve(next, rest)
}

function unwrap(schema: z.ZodType | undefined): z.ZodType | undefined {
  let current = schema
  while (current instanceof z.ZodOptional || current instanceof z.ZodNullable) {
    current = current.unwrap() as z.ZodType
  }

  return current
}

/** Keys of the object schema (or of the object options of a union). */
function allowedKeys(schema: z.ZodType | undefined): string[] {
  const current = unwrap(schema)
  if (current instanceof z.ZodObject) return Object.keys(current.shape)
  if (current instanceof z.ZodUnion) {
    return [...new Set((current.options as readonly z.ZodType[]).flatMap((option) => allowedKeys(option)))]
  }

  return []
}

/** The words registered for a schema ("a duration such as `4h`"), looking through wrappers. */
function phrase(schema: z.ZodType | undefined): string | undefined {
  let current = schema
  while (current) {
    const found = expectations.get(current)?.expected
    if (found) return found
    if (current instanceof z.ZodOptional || current instanceof z.ZodNullable) current = current.unwrap() as z.ZodType
    else return undefined
  }

  return undefined
}

// ---------------------------------------------------------------------------
// Data.

/** The value at a path, without ever reading inherited properties. */
function lookup(root: unknown, path: Path): {found: boolean; value: unknown; parentIsMapping: boolean} {
  let current = root
  for (let index = 0; index < path.length; index++) {
    const key = path[index]!
    const container = current
    const isMapping = typeof container === 'object' && container !== null && !Array.isArray(container)
    const has =
      typeof container === 'object' &&
      container !== null &&
      (Array.isArray(container) ? typeof key === 'number' && key < container.length : Object.hasOwn(container, key))
    if (!has) return {found: false, value: undefined, parentIsMapping: index === path.length - 1 && isMapping}
    current = (container as Record<string | number, unknown>)[key]
  }

  return {found: true, value: current, parentIsMapping: false}
}
function pathKey(key: PropertyKey): string | number {
  return typeof key === 'number' ? key : String(key)
}

// ---------------------------------------------------------------------------
// Words.

const typeNames: Record<string, string> = {
  object: 'mapping',
  record: 'mapping',
  array: 'list',
  int: 'integer',
  undefined: 'nothing'
}

function typeName(type: string): string {
  return typeNames[type] ?? type
}

/** The type of a data value, in YAML words. */
function typeOf(value: unknown): string {
  if (value === null) return 'null'
  if (Array.isArray(value)) return 'list'
  if (typeof value === 'object') return 'mapping'
  if (typeof value === 'undefined') return 'nothing'
  return typeof value
}

function article(type: string): string {
  return ['mapping', 'list', 'string', 'number', 'integer', 'boolean'].includes(type)
    ? (type === 'integer' ? 'an ' : 'a ') + type
    : code(type)
}

/** A value with its type: "string `yes`", "number `4`", "list", "`null`". */
function describe(value: unknown): string {
  if (value === null || value === undefined) return code(String(value))
  if (typeof value === 'object') return typeOf(value)
  return `${typeOf(value)} ${code(text(value))}`
}

/** A scalar as code, a container by its type. */
function show(value: unknown): string {
  if (typeof value === 'object' && value !== null) return typeOf(value)
  if (typeof value === 'string' && value === '') return 'empty string'
  return code(text(value))
}

function sized(value: unknown): string {
  if (Array.isArray(value)) return `list of ${value.length} item${value.length === 1 ? '' : 's'}`
  return show(value)
}

/** A value as short text. */
function text(value: unknown): string {
  if (typeof value === 'object' && value !== null) return typeOf(value)
  const raw = String(value)
  return raw.length > 60 ? raw.slice(0, 57) + '…' : raw
}

function code(value: string): string {
  return '`' + value.replaceAll('`', "'") + '`'
}

function oneOf(values: readonly string[]): string {
  if (values.length === 0) return 'a valid value'
  if (values.length === 1) return code(values[0]!)
  return 'one of ' + values.map((value) => code(value)).join(', ')
}

/** "a, b or c". */
function either(words: readonly string[]): string {
  if (words.length === 0) return 'a valid value'
  if (words.length === 1) return words[0]!
  return words.slice(0, -1).join(', ') + ' or ' + words.at(-1)!
}

function bound(issue: z.core.$ZodIssueTooSmall | z.core.$ZodIssueTooBig): string {
  const small = issue.code === 'too_small'
  const limit = small ? (issue as z.core.$ZodIssueTooSmall).minimum : (issue as z.core.$ZodIssueTooBig).maximum
  const inclusive = issue.inclusive !== false
  switch (issue.origin) {
    case 'array':
    case 'set': {
      return `${small ? 'at least' : 'at most'} ${String(limit)} item${Number(limit) === 1 ? '' : 's'}`
    }

    case 'string': {
      return Number(limit) === 1 && small ? 'a non-empty string' : `${small ? 'at least' : 'at most'} ${String(limit)} characters`
    }

    default: {
      return `a number ${small ? (inclusive ? '≥' : '>') : inclusive ? '≤' : '<'} ${String(limit)}`
    }
  }
}
