import fc from 'fast-check'
import {describe, expect, it} from 'vitest'
import {callKeys} from '../src/hugo-data/call-keys.js'
import {lexPage} from '../src/hugo/index.js'
import type {ShortcodeCall} from '../src/hugo/types.js'

/** A call tree of the given shape, starts numbered in source order. */
type Shape = Shape[]
function callsOf(shapes: readonly Shape[], next = {start: 0}): ShortcodeCall[] {
  return shapes.map((children) => {
    const start = next.start++
    return {start, children: callsOf(children, next)} as unknown as ShortcodeCall
  })
}

// A call's children, nesting as deep as fast-check's depth size lets it.
const node = fc.letrec<{node: Shape}>((tie) => ({
  node: fc.oneof({depthSize: 'small'}, fc.constant([] as Shape), fc.array(tie('node'), {maxLength: 4}))
})).node
const shape = fc.array(node, {maxLength: 5})

describe('callKeys', () => {
  it('should key calls by Hugo’s ordinals from the outermost call in', () => {
    const source = [
      '{{< callout >}}\n{{< sla-value "a" >}} and {{< sla-value "b" >}}\n{{< /callout >}}',
      '{{</* sla-value "comment" */>}}',
      '{{< sla-timeline >}}',
      '{{< tabs "t" >}}{{< tab "x" >}}{{< sla-value "c" >}}{{< /tab >}}{{< /tabs >}}'
    ].join('\n\n')
    const keys = callKeys(lexPage(source).calls)
    const byText = new Map([...keys].sort((a, b) => a[0] - b[0]).map(([start, key]) => [source.slice(start, source.indexOf('>}}', start) + 3), key]))
    expect([...byText]).toEqual([
      ['{{< callout >}}', '0'],
      ['{{< sla-value "a" >}}', '0.0'],
      ['{{< sla-value "b" >}}', '0.1'],
      ['{{< sla-timeline >}}', '1'],
      ['{{< tabs "t" >}}', '2'],
      ['{{< tab "x" >}}', '2.0'],
      ['{{< sla-value "c" >}}', '2.0.0']
    ])
  })

  it('should give every call one key: its parent’s key, a dot, and its place among its siblings', () => {
    fc.assert(
      fc.property(shape, (shapes) => {
        const calls = callsOf(shapes)
        const keys = callKeys(calls)
        const check = (siblings: readonly ShortcodeCall[], prefix: string): number => {
          let count = 0
          for (const [index, call] of siblings.entries()) {
            expect(keys.get(call.start)).toBe(prefix + String(index))
            count += 1 + check(call.children, prefix + String(index) + '.')
          }

          return count
        }

        const total = check(calls, '')
        expect(keys.size).toBe(total)
        expect(new Set(keys.values()).size).toBe(total)
      })
    )
  })
})
