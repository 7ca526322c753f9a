/**
 * Messages as plain data (`src/util/plain-message.ts`): what lint's and the
 * site build's workers send and their caches keep. Every field survives a
 * JSON or structured-clone round trip; a point stays a point.
 */
import {VFile} from 'vfile'
import {VFileMessage} from 'vfile-message'
import {describe, expect, it} from 'vitest'
import {hasFatal} from '../src/util/has-fatal.js'
import {addPlain, fromPlain, fromPlainFile, placeEnd, placeStart, toPlain, toPlainFile, type PlainMessage} from '../src/util/plain-message.js'

const range = {start: {line: 2, column: 3, offset: 10}, end: {line: 2, column: 9, offset: 16}}

/** A message with every field slamark sets. */
function fullMessage(): VFileMessage {
  const file = new VFile({path: 'content/a.md', value: 'x'})
  const cause = new VFileMessage('first used in content/b.md', {place: {start: {line: 4, column: 1, offset: 30}, end: {line: 4, column: 5, offset: 34}}, ruleId: 'sla-id-duplicate', source: 'slamark'})
  cause.file = 'content/b.md'
  const message = file.message('Unexpected `Caution`, expected `caution`', {place: range, ruleId: 'callout-context-unknown', source: 'slamark', cause})
  message.fatal = true
  message.note = 'Write the context in lower case'
  message.url = 'https://example.org/rules#callout-context-unknown'
  message.actual = 'Caution'
  message.expected = ['caution', 'danger']
  message.fix = {start: 10, end: 16, text: 'caution'}
  ;(message as {hugo?: string}).hugo = 'failed to extract shortcode'
  return message
}

/** The fields a reporter reads, as one object. */
function fields(message: VFileMessage): Record<string, unknown> {
  return {
    reason: message.reason,
    ruleId: message.ruleId,
    source: message.source,
    fatal: message.fatal,
    place: message.place,
    line: message.line,
    column: message.column,
    file: message.file,
    note: message.note,
    url: message.url,
    actual: message.actual,
    expected: message.expected,
    fix: message.fix,
    hugo: (message as {hugo?: string}).hugo,
    cause: message.cause instanceof VFileMessage ? fields(message.cause) : message.cause
  }
}

describe('plain messages', () => {
  it('should keep every field through JSON and through structured clone', () => {
    const message = fullMessage()
    const plain = toPlain(message)
    expect(plain).toEqual({
      reason: 'Unexpected `Caution`, expected `caution`',
      ruleId: 'callout-context-unknown',
      source: 'slamark',
      fatal: true,
      place: range,
      file: 'content/a.md',
      note: 'Write the context in lower case',
      url: 'https://example.org/rules#callout-context-unknown',
      actual: 'Caution',
      expected: ['caution', 'danger'],
      fix: {start: 10, end: 16, text: 'caution'},
      hugo: 'failed to extract shortcode',
      cause: {
        reason: 'first used in content/b.md',
        ruleId: 'sla-id-duplicate',
        source: 'slamark',
        fatal: undefined,
        place: {start: {line: 4, column: 1, offset: 30}, end: {line: 4, column: 5, offset: 34}},
        file: 'content/b.md'
      }
    })

    for (const copy of [JSON.parse(JSON.stringify(plain)) as PlainMessage, structuredClone(plain)]) {
      const back = fromPlain(copy)
      expect(back).toBeInstanceOf(VFileMessage)
      expect(back.cause).toBeInstanceOf(VFileMessage)
      expect(fields(back)).toEqual(fields(message))
    }
  })

  it('should keep a point a point, a range a range, and no place none', () => {
    const file = new VFile({path: 'a.md'})
    const point = file.message('At a point', {place: {line: 3, column: 4, offset: 20}})
    const noOffsets = file.message('A range without offsets', {place: {start: {line: 1, column: 1}, end: {line: 1, column: 2}}})
    const nowhere = file.message('Nowhere')
    expect(toPlain(point).place).toEqual({line: 3, column: 4, offset: 20})
    expect(fromPlain(JSON.parse(JSON.stringify(toPlain(point))) as PlainMessage).place).toEqual({line: 3, column: 4, offset: 20})
    expect(toPlain(noOffsets).place).toEqual({start: {line: 1, column: 1}, end: {line: 1, column: 2}})
    expect(toPlain(nowhere).place).toBeUndefined()
    expect(fromPlain(toPlain(nowhere)).place).toBeUndefined()
    // A copy: changing the plain data leaves the message as it was.
    const plain = toPlain(point)
    ;(plain.place as {line: number}).line = 99
    expect(point.line).toBe(3)
  })

  it('should keep the severity: error, warning, and info for a message without one', () => {
    const file = new VFile({path: 'a.md'})
    const warning = file.message('A warning')
    const info = file.info('Some info')
    const unset = new VFileMessage('Unset')
    unset.fatal = null as unknown as undefined
    expect(toPlain(warning).fatal).toBe(false)
    expect(fromPlain(toPlain(warning)).fatal).toBe(false)
    expect(toPlain(info).fatal).toBeUndefined()
    expect(fromPlain(toPlain(info)).fatal).toBeUndefined()
    expect(toPlain(unset).fatal).toBeUndefined()
  })

  it('should put messages back on a file, named by its path, with its text and folder', () => {
    const page = new VFile({path: 'content/a.md', value: 'Text.\n'})
    page.message('One', {place: range, ruleId: 'rule-one', source: 'slamark'})
    page.message('Two', {ruleId: 'rule-two', source: 'slamark'}).fatal = true
    const plain = toPlainFile(page)
    expect(plain).toEqual({
      path: 'content/a.md',
      messages: [
        {reason: 'One', ruleId: 'rule-one', source: 'slamark', fatal: false, place: range, file: 'content/a.md'},
        {reason: 'Two', ruleId: 'rule-two', source: 'slamark', fatal: true, place: undefined, file: 'content/a.md'}
      ]
    })
    expect(hasFatal([plain])).toBe(true)
    expect(hasFatal([{messages: [plain.messages[0]!]}])).toBe(false)

    const back = fromPlainFile(plain, {value: 'Text.\n', cwd: '/site'})
    expect(back.path).toBe('content/a.md')
    expect(back.cwd).toBe('/site')
    expect(String(back.value)).toBe('Text.\n')
    expect(back.messages.map((message) => [message.file, message.reason, message.fatal])).toEqual([
      ['content/a.md', 'One', false],
      ['content/a.md', 'Two', true]
    ])

    // `addPlain` names the file it puts the message on, whatever the plain data says.
    const other = new VFile({path: 'content/b.md'})
    expect(addPlain(other, plain.messages[0]!).file).toBe('content/b.md')
    expect(other.messages).toHaveLength(1)
  })

  it('should give where a place starts and ends', () => {
    expect(placeStart(range)).toEqual(range.start)
    expect(placeEnd(range)).toEqual(range.end)
    expect(placeStart({line: 3, column: 4})).toEqual({line: 3, column: 4})
    expect(placeEnd({line: 3, column: 4})).toBeUndefined()
    expect(placeStart(undefined)).toBeUndefined()
    expect(placeEnd(null)).toBeUndefined()
  })
})
