import type {Element, ElementContent} from 'hast'
import type {ShortcodeContext, ShortcodeNode, ShortcodeRenderer} from '../types.js'
import {blankSource, isBlankSource, rawSegments, splitRawBody} from './children.js'
import {element, text} from './hast.js'
import {bodyOf} from './params.js'
import {report} from './text.js'

function list(children: ElementContent[]): Element {
  return element('ol', {role: 'list', className: ['thulite-steps']}, children)
}

// A step's rendering, minus any text: only list items belong in the `<ol>`.
function stepItem(call: ShortcodeNode, context: ShortcodeContext): ElementContent[] {
  return context.renderBlock([call]).filter((child) => child.type !== 'text' || isBlankSource(child.value))
}

/**
 * Doks' `steps`: `<ol role="list" class="thulite-steps">` around its body as
 * written, each `step` call in its place. Doks prints anything else in the
 * body as raw source inside the `<ol>` (text there is invalid HTML); slamark
 * leaves it out with a warning and keeps only the whitespace.
 */
export const renderSteps: ShortcodeRenderer = (node, context) => {
  const {calls, loose} = splitRawBody(bodyOf(node))
  const segments = rawSegments(node, calls)
  const children: ElementContent[] = [text('\n  ')]
  let outside = false

  if (segments) {
    for (const segment of segments) {
      if (typeof segment !== 'string') {
        if (segment.name === 'step') children.push(...stepItem(segment, context))
        else outside = true
      } else if (isBlankSource(segment)) {
        const blank = blankSource(segment)
        if (blank !== '') children.push(text(blank))
      } else {
        outside = true
      }
    }
  } else {
    outside = loose.length > 0
    for (const call of calls) {
      if (call.name === 'step') children.push(...stepItem(call, context), text('\n'))
      else outside = true
    }
  }

  if (outside) {
    report(context, {
      ruleId: 'steps-content-outside-step',
      reason: 'Unexpected content in steps outside a step, expected only `step` shortcodes',
      hint: 'Doks prints it unrendered inside the list; move it into a `{{< step >}}` (slamark leaves it out)'
    })
  }

  children.push(text('\n'))
  return [list(children)]
}

/**
 * Doks' `step`: `<li>` holding the body through `RenderString` (inline: a
 * lone paragraph loses its `<p>`). Outside `steps` Doks prints a bare `<li>`;
 * slamark puts it in a list of its own and warns.
 */
export const renderStep: ShortcodeRenderer = (node, context) => {
  const item = element('li', {}, [text('\n  '), ...context.renderInline(bodyOf(node)), text('\n')])
  if (context.parent?.name === 'steps') return [item]

  report(context, {
    ruleId: 'step-outside-steps',
    reason: 'Unexpected step outside steps, expected it inside `{{< steps >}}`',
    hint: 'Wrap the steps in `{{< steps >}}` … `{{< /steps >}}`; Doks prints a list item with no list'
  })
  return [list([text('\n'), item, text('\n')])]
}
