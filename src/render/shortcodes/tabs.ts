import type {ElementContent} from 'hast'
import type {ShortcodeRenderer} from '../types.js'
import {splitRawBody} from './children.js'
import {element, text} from './hast.js'
import {bodyOf, getParam, goLower, goPrint, goString, isTruthy} from './params.js'
import {report} from './text.js'

// Go's `printf "tabs-%s"` of a value with spaces makes an id no browser can
// target; slamark joins the words with hyphens instead.
function groupId(value: string): string {
  return value.replace(/[\t\n\f\r ]+/g, '-')
}

/**
 * Doks' `tabs`: a `<nav>` of buttons and a `div.tab-content` of panes, one
 * per `tab` in the body, the first active; each pane holds its tab's body
 * through `RenderString` (inline: a lone paragraph loses its `<p>`). Ids are
 * Doks' (`tabs-<id>-<n>`, `…-tab`, `nav-tab`, `nav-tabContent`) made unique on
 * the page. Anything in the body besides `tab` calls is dropped, as Doks
 * drops it, with a warning.
 */
export const renderTabs: ShortcodeRenderer = (node, context) => {
  const hugo = node.data?.hugo
  const {calls, loose} = splitRawBody(bodyOf(node))
  const tabs = calls.filter((call) => call.name === 'tab')

  if (loose.length > 0 || tabs.length < calls.length) {
    report(context, {
      ruleId: 'tabs-content-outside-tab',
      reason: 'Unexpected content in tabs outside a tab, expected only `tab` shortcodes',
      hint: 'Doks shows only the tabs; move the text into a `{{< tab "…" >}}`'
    })
  }

  const idParam = getParam(hugo, 0)
  if (!idParam || !isTruthy(idParam)) {
    report(context, {
      ruleId: 'tabs-id-missing',
      reason: 'Unexpected tabs without an id, expected the group id as the first param',
      hint: 'Write `{{< tabs "plans" >}}`; Doks builds its ids from it (without one they read `tabs-%!s(<nil>)-0`)'
    })
  }

  const group = context.uniqueId(idParam && isTruthy(idParam) ? `tabs-${groupId(goPrint(idParam))}` : 'tabs')
  // Doks' template indents each button and pane; the label and the pane's
  // content start on a line of their own (`\n      Basic`).
  const buttons: ElementContent[] = [text('\n  ')]
  const panes: ElementContent[] = [text('\n  ')]

  for (const [index, tab] of tabs.entries()) {
    const label = getParam(tab.data?.hugo, 0)
    const name = label ? goPrint(label) : ''
    if (name === '') {
      report(context, {
        ruleId: 'tab-label-missing',
        reason: `Unexpected tab ${index + 1} without a label, expected the label as the first param`,
        hint: 'Write `{{< tab "Label" >}}`; Doks prints an empty button'
      })
    }

    const key = label ? goLower(goString(label)) : ''
    const paneId = context.uniqueId(`${group}-${index}`)
    const buttonId = context.uniqueId(`${paneId}-tab`)
    const first = index === 0

    buttons.push(
      element(
        'button',
        {
          dataToggleTab: key,
          className: first ? ['nav-link', 'active'] : ['nav-link'],
          id: buttonId,
          dataBsToggle: 'tab',
          dataBsTarget: `#${paneId}`,
          type: 'button',
          role: 'tab',
          ariaControls: [paneId],
          ariaSelected: 'true'
        },
        [text(`\n      ${name}`)]
      ),
      text('\n  ')
    )
    panes.push(
      element(
        'div',
        {
          dataPane: key,
          className: first ? ['tab-pane', 'fade', 'show', 'active'] : ['tab-pane', 'fade'],
          id: paneId,
          role: 'tabpanel',
          ariaLabelledBy: [buttonId],
          tabIndex: 0
        },
        [text('\n      '), ...context.renderInline(bodyOf(tab))]
      ),
      text('\n  ')
    )
  }

  const list = element('div', {className: ['nav', 'nav-tabs'], id: context.uniqueId('nav-tab'), role: 'tablist'}, buttons)
  const nav = element('nav', {}, [text('\n  '), list, text('\n')])
  const content = element('div', {className: ['tab-content'], id: context.uniqueId('nav-tabContent')}, panes)
  return [nav, content]
}

/**
 * Doks' `tab`: stores its label and body for the enclosing `tabs`, which
 * renders them, and prints nothing itself. Outside `tabs` (where Hugo stops
 * the build, or drops the tab when it sits in another shortcode) it warns.
 */
export const renderTab: ShortcodeRenderer = (_node, context) => {
  if (context.parent?.name !== 'tabs') {
    report(context, {
      ruleId: 'tab-outside-tabs',
      reason: 'Unexpected tab outside tabs, expected it directly inside `{{< tabs "…" >}}`',
      hint: 'Doks shows a tab only as part of its tabs group; wrap the tabs in `{{< tabs "id" >}}` … `{{< /tabs >}}`'
    })
  }

  return []
}
