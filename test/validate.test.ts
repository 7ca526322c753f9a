import {VFile} from 'vfile'
import {describe, expect, it} from 'vitest'
import {createProcessor} from '../src/pipeline.js'
import {checkSite} from '../src/transform/site-checks.js'
import {brief, byPlace} from './support/messages.js'

async function lint(value: string, path = 'page.md'): Promise<VFile> {
  const processor = createProcessor()
  const file = new VFile({path, value})
  await processor.run(processor.parse(file), file)
  return file
}

const valid = {
  yaml: [
    '---',
    'title: Care plan',
    'sla:',
    '  schema: 1',
    '  id: care-plan',
    '  timeZone: Europe/Amsterdam',
    '  calendars:',
    '    office: {hours: {mon-fri: "09:00-17:00"}, holidays: [2024-12-25]}',
    '  priorities: {P1: {label: Critical}}',
    '  targets:',
    '    reply: {measure: first-response, calendar: office, goals: {P1: 4h}}',
    '---',
    'Body.',
    ''
  ].join('\n')
}

describe('validation through the processor', () => {
  it('should accept a valid page and set file.data.page and file.data.sla', async () => {
    const file = await lint(valid.yaml)
    expect(file.messages).toEqual([])
    expect(file.data.sla?.id).toBe('care-plan')
    expect(file.data.page?.title).toBe('Care plan')
  })

  it('should read a goal in words, warn at it, and keep the short form in file.data.sla', async () => {
    const source = valid.yaml
      .replace('{P1: 4h}', '{P1: "4 hours"}')
      .replace('reply: {measure: first-response', 'always: {measure: resolution, calendar: 24x7, goals: {P1: "2 business hours"}}\n    reply: {measure: first-response')
    const file = await lint(source)
    expect(brief(file)).toEqual(['11:63-11:81 goal-wording-mismatch warning', '12:68-12:77 duration-spelled-out warning'])
    expect(file.messages[1]!.reason).toBe('Unexpected duration in words `4 hours`, expected `4h`')
    expect(file.data.sla?.targets?.reply?.goals).toEqual({P1: '4h'})
    expect(file.data.sla?.targets?.always?.goals).toEqual({P1: '2h'})
  })

  it('should point at each offending YAML value, key, or the mapping missing a key', async () => {
    const source = valid.yaml
      .replace('  schema: 1\n', '')
      .replace('timeZone: Europe/Amsterdam', 'timeZone: Europe/Amsterdm')
      .replace('calendar: office', 'calender: office')
      .replace('{P1: 4h}', '{P1: 4}')
    const file = await lint(source)
    // Lines move up one: the `schema` line is gone. The typo `calender` is one
    // finding (unknown key with a did-you-mean), not also a missing `calendar`.
    expect(brief(file).sort(byPlace)).toEqual([
      '4:3-10:71 sla-schema-missing error',
      '5:13-5:28 time-zone-unknown error',
      '10:38-10:46 frontmatter-unknown-key error',
      '10:68-10:69 duration-unitless error'
    ])
    const zone = file.messages.find((message) => message.ruleId === 'time-zone-unknown')!
    expect(zone.reason).toBe('Unexpected time zone `Europe/Amsterdm`, expected an IANA time-zone name such as `Europe/Amsterdam`')
    expect(zone.note).toBe('Did you mean `Europe/Amsterdam`?')
    const key = file.messages.find((message) => message.ruleId === 'frontmatter-unknown-key')!
    expect(key.note).toBe('Did you mean `calendar`?')
    expect(key.expected?.[0]).toBe('calendar')
  })

  it('should point into TOML and JSON front matter too', async () => {
    const toml = await lint(
      ['+++', 'title = "T"', '[sla]', 'schema = 1', 'id = "t"', 'timeZone = "Mars/Olympus"', '+++', 'Body.', ''].join('\n')
    )
    expect(brief(toml)).toEqual(['6:12-6:26 time-zone-unknown error'])
    const json = await lint('{"title": "J", "sla": {"schema": 2, "id": "j"}}\nBody.\n')
    expect(brief(json)).toEqual(['1:34-1:35 sla-schema-unknown error'])
  })

  it('should report a DST gap in an offset-less ticket time as an error at that value', async () => {
    const source = valid.yaml.replace(
      '---\nBody.',
      '  tickets:\n    - {id: T-1, priority: P1, opened: "2024-03-31T02:30"}\n---\nBody.'
    )
    const file = await lint(source)
    expect(brief(file)).toEqual(['13:39-13:57 instant-in-dst-gap error'])
  })

  it('should report an SLA id used twice across the site, on the later page, with the first as cause', async () => {
    const first = await lint(valid.yaml, 'a.md')
    const second = await lint(valid.yaml, 'b.md')
    checkSite([first, second])
    expect(first.messages).toEqual([])
    expect(brief(second)).toEqual(['5:7-5:16 sla-id-duplicate error'])
    const cause = second.messages[0]!.cause as {file?: string; place?: {start: {line: number}}}
    expect(cause.file).toBe('a.md')
    expect(cause.place?.start.line).toBe(5)
  })

  it('should never crash on hostile front matter and never pollute prototypes', async () => {
    const keys = Array.from({length: 100_000}, (_, index) => `  k${index}: ${index}`).join('\n')
    const big = await lint(`---\ntitle: x\nsla:\n  schema: 1\n  id: big\n  extra:\n${keys.replaceAll('\n  ', '\n    ').replace(/^ {2}/, '    ')}\n---\nBody.\n`)
    expect(big.messages.some((message) => message.ruleId === 'frontmatter-unknown-key')).toBe(true)
    const deep = '{"a":'.repeat(1000) + '1' + '}'.repeat(1000)
    const nested = await lint(`---\ntitle: x\nsla: ${deep}\n---\nBody.\n`)
    expect(nested.messages.length).toBeGreaterThan(0)
    const polluting = await lint('{"title": "p", "__proto__": {"polluted": true}, "sla": {"constructor": {"prototype": {"polluted": true}}}}\nBody.\n')
    expect(polluting.messages.length).toBeGreaterThan(0)
    expect(({} as {polluted?: boolean}).polluted).toBeUndefined()
    expect((Object.prototype as {polluted?: boolean}).polluted).toBeUndefined()
  })
})

describe('rule ids of structural problems', () => {
  const sla = (extra: string) =>
    ['---', 'title: R', 'sla:', '  schema: 1', '  id: r', extra, '---', 'Body.', ''].filter((line) => line !== '').join('\n')

  it('should give each kind of structural problem its own rule id', async () => {
    const cases: Array<[string, string]> = [
      ['  ticketsFile: data/t.yaml\n  tickets: []', 'frontmatter-exclusive-keys'],
      ['  timeline: {delayMode: day-for-dya}', 'frontmatter-enum'],
      ['  version: three', 'frontmatter-type'],
      ['  consequences: {form: refund, currency: eur}', 'frontmatter-format']
    ]
    for (const [extra, ruleId] of cases) {
      const file = await lint(sla(extra))
      expect(file.messages.map((message) => message.ruleId), extra).toContain(ruleId)
    }

    const missingId = await lint(['---', 'title: R', 'sla:', '  schema: 1', '---', 'Body.', ''].join('\n'))
    expect(missingId.messages.map((message) => message.ruleId)).toEqual(['sla-id-missing'])
    const enumTypo = await lint(sla('  timeline: {delayMode: day-for-dya}'))
    expect(enumTypo.messages[0]!.note).toBe('Did you mean `day-for-day`?')
  })
})
