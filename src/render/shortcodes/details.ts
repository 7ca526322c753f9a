import type {ElementContent, Properties} from 'hast'
import type {ShortcodeRenderer} from '../types.js'
import {element, text} from './hast.js'
import {bodyOf, getParam, goLower, goString, hasInner, isTruthy} from './params.js'
import {quoted, report} from './text.js'

// Attributes that stand alone on `<details>`; Doks passes the second param
// through `safeHTML`, which Go's escaper still checks, and slamark keeps
// only these.
const booleanAttributes: Readonly<Record<string, string>> = {
  open: 'open',
  hidden: 'hidden',
  inert: 'inert',
  autofocus: 'autoFocus'
}

/**
 * Doks' `details`: `<details>` (with the second param as an attribute, such
 * as `open`), `<summary>` from the first param through `markdownify`, and the
 * body through `markdownify`. A missing summary or body fails a Hugo build;
 * slamark warns and renders the rest.
 */
export const renderDetails: ShortcodeRenderer = (node, context) => {
  const hugo = node.data?.hugo
  const summary = getParam(hugo, 0)
  const attribute = getParam(hugo, 1)
  const properties: Properties = {}

  if (attribute && isTruthy(attribute)) {
    const name = goLower(goString(attribute))
    const property = booleanAttributes[name]
    if (property) {
      properties[property] = true
    } else {
      report(context, {
        ruleId: 'details-attribute-refused',
        reason: `Unexpected details attribute ${quoted(goString(attribute))}, expected \`open\``,
        hint: 'The second param is put into the `<details>` tag; only `open`, `hidden`, `inert` and `autofocus` are kept'
      })
    }
  }

  const children: ElementContent[] = [text('\n  ')]
  if (summary && isTruthy(summary)) {
    const rendered = context.markdownify(context.parseMarkdown(goString(summary)).children)
    children.push(element('summary', {}, rendered), text('\n  '))
  } else {
    report(context, {
      ruleId: 'details-summary-missing',
      reason: 'Unexpected details without a summary, expected the summary as the first param',
      hint: 'Write `{{< details "Summary" >}}`; Hugo stops the build with "No summary provided"'
    })
  }

  if (hasInner(node)) {
    children.push(...context.markdownify(bodyOf(node)))
  } else {
    report(context, {
      ruleId: 'details-body-missing',
      reason: 'Unexpected details without a body, expected the text to show when opened',
      hint: 'Put the text between `{{< details "…" >}}` and `{{< /details >}}`; Hugo stops the build with "No details provided"'
    })
  }

  return [element('details', properties, children)]
}
