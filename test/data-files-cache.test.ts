/**
 * Pages of one processor that share a data file parse it once; a change to
 * the file, or another processor, parses it again.
 */
import {mkdirSync, mkdtempSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {VFile} from 'vfile'
import {beforeEach, describe, expect, it, vi} from 'vitest'
import * as dataFile from '../src/frontmatter/data-file.js'
import {createProcessor} from '../src/pipeline.js'

vi.mock('../src/frontmatter/data-file.js', async (original) => {
  const actual = await original<typeof import('../src/frontmatter/data-file.js')>()
  return {...actual, parseDataFile: vi.fn(actual.parseDataFile)}
})

const parseDataFile = vi.mocked(dataFile.parseDataFile)

/** A page of a calendar whose holidays come from `data/holidays.ics`. */
function page(id: string): string {
  return [
    '---',
    `title: ${id}`,
    'sla:',
    '  schema: 1',
    `  id: ${id}`,
    '  effective: {from: 2024-01-01, to: 2024-12-31}',
    '  asOf: 2024-10-04T09:00:00+02:00',
    '  calendars:',
    '    office: {hours: {mon-fri: "09:00-17:00"}, holidaysFile: data/holidays.ics}',
    '---',
    ''
  ].join('\n')
}

const calendar = (date: string) => ['BEGIN:VCALENDAR', 'BEGIN:VEVENT', `DTSTART;VALUE=DATE:${date}`, 'END:VEVENT', 'END:VCALENDAR', ''].join('\r\n')

describe('the data file cache', () => {
  let root = ''

  beforeEach(() => {
    parseDataFile.mockClear()
    root = mkdtempSync(path.join(tmpdir(), 'slamark-cache-'))
    mkdirSync(path.join(root, 'data'))
    writeFileSync(path.join(root, 'data', 'holidays.ics'), calendar('20241225'))
  })

  const run = (processor: ReturnType<typeof createProcessor>, id: string): VFile => {
    const file = new VFile({path: `content/${id}.md`, cwd: root, value: page(id)})
    processor.runSync(processor.parse(file), file)
    return file
  }

  it('should parse a holidays file shared by two pages once, and give each page its own data file', () => {
    const processor = createProcessor({root})
    const first = run(processor, 'one')
    const second = run(processor, 'two')
    expect(parseDataFile).toHaveBeenCalledTimes(1)
    expect(first.messages).toEqual([])
    expect(second.messages).toEqual([])
    expect(first.data.dataFiles?.[0]).not.toBe(second.data.dataFiles?.[0])
    expect((second.data.sla?.calendars as Record<string, {holidays: unknown[]}>).office.holidays).toEqual(['2024-12-25'])
  })

  it('should parse the file again when its content changes, and per processor', () => {
    const processor = createProcessor({root})
    run(processor, 'one')
    writeFileSync(path.join(root, 'data', 'holidays.ics'), calendar('20241226'))
    const changed = run(processor, 'two')
    expect(parseDataFile).toHaveBeenCalledTimes(2)
    expect((changed.data.sla?.calendars as Record<string, {holidays: unknown[]}>).office.holidays).toEqual(['2024-12-26'])
    run(createProcessor({root}), 'three')
    expect(parseDataFile).toHaveBeenCalledTimes(3)
  })
})
