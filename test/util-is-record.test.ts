import {describe, expect, it} from 'vitest'
import {isRecord} from '../src/util/is-record.js'

describe('isRecord', () => {
  it('should take mappings, tables and objects, not null, lists or scalars', () => {
    expect([{}, {a: 1}, Object.create(null)].map(isRecord)).toEqual([true, true, true])
    expect([null, undefined, [], [1], 'x', 1, true].map(isRecord)).toEqual([false, false, false, false, false, false, false])
  })
})
