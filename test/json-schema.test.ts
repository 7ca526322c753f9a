import {mkdtempSync, readFileSync, readdirSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import Ajv2020 from 'ajv/dist/2020.js'
import addFormatsModule from 'ajv-formats'
import {describe, expect, it} from 'vitest'
import {main} from '../src/cli/main.js'
import {parseFrontMatter} from '../src/frontmatter/index.js'
import {detectFrontMatter} from '../src/hugo/index.js'
import {validateFrontMatter} from '../src/schema/frontmatter.js'
import {frontMatterJsonSchema, frontMatterSchemaId} from '../src/schema/json-schema.js'
import {checkReferences} from '../src/schema/references.js'

// Both packages are CommonJS with a default export; under NodeNext the class
// or function sits on `.default` of the namespace TypeScript sees.
const Ajv = Ajv2020 as unknown as typeof Ajv2020.default
const addFormats = addFormatsModule as unknown as typeof addFormatsModule.default

type Json = Record<string, unknown>

function frontMatterOf(file: string): Record<string, unknown> {
  const detected = detectFrontMatter(readFileSync(file, 'utf8'))
  if (!detected.block) throw new Error(`no front matter in ${file}`)
  const parsed = parseFrontMatter(detected.block)
  expect(parsed.diagnostics).toEqual([])
  return parsed.data
}

function markdownFiles(folder: string): string[] {
  return readdirSync(folder, {recursive: true, encoding: 'utf8'})
    .filter((name) => name.endsWith('.md'))
    .map((name) => path.join(folder, name))
    .sort()
}

/** Every subschema, with its JSON pointer. */
function* walk(node: unknown, pointer = ''): Generator<[string, Json]> {
  if (typeof node !== 'object' || node === null) return
  if (Array.isArray(node)) {
    for (const [index, item] of node.entries()) yield* walk(item, `${pointer}/${index}`)
    return
  }

  yield [pointer, node as Json]
  for (const [key, value] of Object.entries(node)) {
    if (key === 'examples' || key === 'default' || key === 'const' || key === 'enum') continue
    yield* walk(value, `${pointer}/${key}`)
  }
}

const schema = frontMatterJsonSchema()
const ajv = new Ajv({allErrors: true, strict: true})
addFormats(ajv)
const validate = ajv.compile(schema)

/**
 * Broken pages: each has one mistake; `instancePath` is where Ajv reports it
 * and `path` where `validateFrontMatter` does (`undefined`: the zod side
 * leaves it to the reference rules).
 */
const fixtures: Array<{file: string; instancePath: string; keyword: string; path?: Array<string | number>}> = [
  {file: 'unknown-key-in-sla.md', instancePath: '/sla/support', keyword: 'additionalProperties', path: ['sla', 'support', 'chanels']},
  {file: 'unknown-seo-key.md', instancePath: '/seo', keyword: 'additionalProperties', path: ['seo', 'canonicl']},
  {file: 'wrong-enum.md', instancePath: '/sla/targets/resolution/measure', keyword: 'enum', path: ['sla', 'targets', 'resolution', 'measure']},
  {file: 'missing-schema.md', instancePath: '/sla', keyword: 'required', path: ['sla']},
  {file: 'schema-version-2.md', instancePath: '/sla/schema', keyword: 'const', path: ['sla', 'schema']},
  {file: 'wrong-type-weight.md', instancePath: '/weight', keyword: 'type', path: ['weight']},
  {file: 'wrong-type-version.md', instancePath: '/sla/version', keyword: 'type', path: ['sla', 'version']},
  {file: 'bad-duration.md', instancePath: '/sla/targets/first-response/goals/P1', keyword: 'pattern', path: ['sla', 'targets', 'first-response', 'goals', 'P1']},
  {file: 'bare-number-duration.md', instancePath: '/sla/targets/first-response/goals/P1', keyword: 'type', path: ['sla', 'targets', 'first-response', 'goals', 'P1']},
  {file: 'bad-percent.md', instancePath: '/sla/availability/objective', keyword: 'pattern', path: ['sla', 'availability', 'objective']},
  {file: 'bad-credit-tier.md', instancePath: '/sla/availability/creditTiers/1/credit', keyword: 'pattern', path: ['sla', 'availability', 'creditTiers', 1, 'credit']},
  {file: 'bad-hours.md', instancePath: '/sla/calendars/office/hours/mon-fri', keyword: 'pattern', path: ['sla', 'calendars', 'office', 'hours', 'mon-fri']},
  {file: 'bad-day-key.md', instancePath: '/sla/calendars/office/hours', keyword: 'propertyNames', path: ['sla', 'calendars', 'office', 'hours', 'weekdays']},
  {file: 'bad-date.md', instancePath: '/date', keyword: 'pattern', path: ['date']},
  {file: 'bad-sla-id.md', instancePath: '/sla/id', keyword: 'pattern', path: ['sla', 'id']},
  {file: 'bad-timezone.md', instancePath: '/sla/timeZone', keyword: 'type', path: ['sla', 'timeZone']},
  {file: 'tickets-and-file.md', instancePath: '/sla', keyword: 'not', path: ['sla', 'ticketsFile']},
  {file: 'csat-responses-and-counts.md', instancePath: '/sla/kpis/csat', keyword: 'not', path: ['sla', 'kpis', 'csat', 'counts']},
  {file: 'priority-event-without-to.md', instancePath: '/sla/tickets/0/events/0', keyword: 'required', path: ['sla', 'tickets', 0, 'events', 0]},
  {file: 'milestone-start-and-after.md', instancePath: '/sla/milestones/1', keyword: 'not'}
]

describe('frontMatterJsonSchema', () => {
  it('should be a draft 2020-12 schema with an id, a title and a description', () => {
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema')
    expect(schema.$id).toBe(frontMatterSchemaId)
    expect(schema.title).toBe('slamark page front matter')
    expect(typeof schema.description).toBe('string')
    expect(JSON.parse(JSON.stringify(schema))).toEqual(schema)
  })

  it('should allow unknown top-level keys but not inside `sla` and `seo`', () => {
    const properties = schema.properties as Record<string, Json>
    expect(schema.additionalProperties).toEqual({})
    expect(properties.sla!.additionalProperties).toBe(false)
    expect(properties.seo!.additionalProperties).toBe(false)
  })

  it('should describe every property', () => {
    const missing: string[] = []
    for (const [pointer, node] of walk(schema)) {
      if (!pointer.endsWith('/properties') || pointer.includes('/not/') || pointer.includes('/if/') || pointer.includes('/then/') || pointer.includes('/else/') || pointer.includes('/anyOf/')) continue
      for (const [key, property] of Object.entries(node)) {
        if (property === true) continue
        if (typeof (property as Json).description !== 'string') missing.push(`${pointer}/${key}`)
      }
    }

    expect(missing.filter((pointer) => !/\/anyOf\/\d+\/properties/.test(pointer))).toEqual([])
  })

  it('should carry a pattern for every grammar', () => {
    const sla = (schema.properties as Record<string, Json>).sla as Json
    const properties = sla.properties as Record<string, Json>
    expect(properties.id!.pattern).toBe('^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$')
    expect(properties.timeZone!.pattern).toBeTypeOf('string')
    expect(properties.asOf!.pattern).toBeTypeOf('string')
    const target = (properties.targets!.additionalProperties as Json).properties as Record<string, Json>
    expect((target.goals!.additionalProperties as Json).pattern).toBeTypeOf('string')
  })

  it('should give examples for the main objects, each valid against its own subschema', () => {
    let count = 0
    for (const [pointer, node] of walk(schema)) {
      if (!Array.isArray(node.examples)) continue
      const {examples, $schema, $id, ...rest} = node
      const check = ajv.compile(rest)
      for (const example of examples as unknown[]) {
        count++
        expect(check(example), `${pointer}: ${JSON.stringify(check.errors)}`).toBe(true)
      }
    }

    expect(count).toBeGreaterThanOrEqual(25)
  })
})

describe('content-examples against the JSON Schema (Ajv 2020)', () => {
  const pages = markdownFiles('content-examples')

  it('should find the example pages', () => {
    expect(pages.length).toBeGreaterThanOrEqual(6)
  })

  for (const file of pages) {
    it(`should accept ${file}`, () => {
      const valid = validate(frontMatterOf(file))
      expect(validate.errors ?? []).toEqual([])
      expect(valid).toBe(true)
    })
  }
})

describe('broken fixtures against the JSON Schema and the zod schema', () => {
  it('should have a row for every fixture', () => {
    expect(markdownFiles('test/fixtures/schema').map((file) => path.basename(file)).sort()).toEqual(fixtures.map((row) => row.file).sort())
  })

  for (const {file, instancePath, keyword, path: zodPath} of fixtures) {
    it(`should reject ${file} at ${instancePath}`, () => {
      const data = frontMatterOf(path.join('test/fixtures/schema', file))
      expect(validate(data)).toBe(false)
      const errors = validate.errors ?? []
      expect(errors.map((error) => [error.instancePath, error.keyword])).toContainEqual([instancePath, keyword])
      // One mistake per fixture: every error is at that place or around it (union branches).
      for (const error of errors) expect(instancePath.startsWith(error.instancePath) || error.instancePath.startsWith(instancePath)).toBe(true)

      const result = validateFrontMatter(data)
      if (zodPath) {
        expect(result.issues.map((issue) => issue.path)).toEqual([zodPath])
      } else {
        expect(result.issues).toEqual([])
        // The zod side leaves `start` + `after` to the reference rules.
        expect(checkReferences(data.sla as Record<string, unknown>)).toMatchObject([{ruleId: 'milestone-anchor', path: ['sla', 'milestones', 1, 'after']}])
      }
    })
  }
})

describe('slamark schema', () => {
  function context() {
    const output = {stdout: '', stderr: ''}
    return {
      output,
      context: {
        cwd: mkdtempSync(path.join(tmpdir(), 'slamark-schema-')),
        stdout: (text: string) => (output.stdout += text),
        stderr: (text: string) => (output.stderr += text),
        color: false
      }
    }
  }

  it('should print the schema to stdout', async () => {
    const {output, context: ctx} = context()
    expect(await main(['schema'], ctx)).toBe(0)
    expect(JSON.parse(output.stdout)).toEqual(schema)
    expect(output.stdout.endsWith('}\n')).toBe(true)
    expect(output.stderr).toBe('')
  })

  it('should write the schema to `--out` (relative to cwd) and to `-o`', async () => {
    const {output, context: ctx} = context()
    expect(await main(['schema', '--out', 'front-matter.schema.json'], ctx)).toBe(0)
    expect(JSON.parse(readFileSync(path.join(ctx.cwd, 'front-matter.schema.json'), 'utf8'))).toEqual(schema)
    expect(await main(['schema', '-o', path.join(ctx.cwd, 'b.json')], ctx)).toBe(0)
    expect(JSON.parse(readFileSync(path.join(ctx.cwd, 'b.json'), 'utf8'))).toEqual(schema)
    expect(output.stdout).toBe('')
  })

  it('should exit 2 on bad usage or an unwritable file', async () => {
    for (const args of [['schema', 'extra'], ['schema', '--out'], ['schema', '--out', ''], ['schema', '--out', 'missing/folder/x.json'], ['schema', '--bogus']]) {
      const {output, context: ctx} = context()
      expect(await main(args, ctx), args.join(' ')).toBe(2)
      expect(output.stderr).toMatch(/Unexpected|slamark/)
      expect(output.stdout).toBe('')
    }
  })

  it('should list the command in the usage', async () => {
    const {output, context: ctx} = context()
    expect(await main(['--help'], ctx)).toBe(0)
    expect(output.stdout).toContain('schema [--out file]')
  })
})
