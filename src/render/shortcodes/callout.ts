import type {ElementContent} from 'hast'
import type {HugoParam} from '../../syntax/types.js'
import type {RootContent} from 'mdast'
import type {ShortcodeContext, ShortcodeNode, ShortcodeRenderer} from '../types.js'
import {classList, element, text} from './hast.js'
import {renderIcon} from './icon.js'
import {bodyOf, getParam, goPrint, goString, isSet, isTruthy} from './params.js'

/** What Doks' callout template reads from a call, whatever its syntax. */
interface CalloutSettings {
  context: string
  /** Markdown source of the title; absent when Doks prints no title. */
  title?: string
  /** The icon param (typed) or name; absent when Doks prints no icon. */
  icon?: HugoParam | string
}

/**
 * The settings of a callout. A Doks shortcode is read as the template reads
 * it: `context` named or first positional, `default "note"` (which keeps a
 * `false`), `title` and `icon` named only and printed when true in Go's
 * sense (`title=false` or `title=0` print none). Directives and GitHub alerts
 * carry theirs on `data.callout`.
 */
function settingsOf(node: ShortcodeNode): CalloutSettings {
  const hugo = node.data?.hugo
  if (hugo) {
    const contextParam = getParam(hugo, hugo.named === false ? 0 : 'context')
    const settings: CalloutSettings = {context: isSet(contextParam) ? goPrint(contextParam) : 'note'}
    const title = getParam(hugo, 'title')
    const icon = getParam(hugo, 'icon')
    if (title && isTruthy(title)) settings.title = goString(title)
    if (icon && isTruthy(icon)) settings.icon = icon
    return settings
  }

  const callout = node.type === 'containerDirective' ? node.data?.callout : undefined
  const settings: CalloutSettings = {context: callout?.context || 'note'}
  if (callout?.title) settings.title = callout.title
  if (callout?.icon) settings.icon = callout.icon
  return settings
}

// Words and single spaces only: no Markdown can start anywhere in it.
const plainTitle = /^[\p{L}\p{N}]+(?: [\p{L}\p{N}]+)*$/u

/**
 * The title as Markdown nodes. Most titles are a word or two (`Caution`),
 * which parse to a lone paragraph; those skip the parser.
 */
function titleNodes(title: string, context: ShortcodeContext): RootContent[] {
  if (plainTitle.test(title)) return [{type: 'paragraph', children: [{type: 'text', value: title}]}]
  return context.parseMarkdown(title).children
}

/**
 * Doks' `callout`: `div.callout.callout-<context>` holding the icon and
 * `div.callout-content` with the title (when given) and the body, each
 * rendered as a Markdown document of its own (`RenderString`, block).
 * Directive callouts and GitHub alerts render the same markup.
 */
export const renderCallout: ShortcodeRenderer = (node, context) => {
  const settings = settingsOf(node)
  const svg = settings.icon === undefined ? undefined : renderIcon(settings.icon, {class: 'callout-icon me-2 mb-3'}, context)

  // The whitespace is the template's, so text at the edges reads as in Doks.
  const content: ElementContent[] = [text('\n    ')]
  if (settings.title !== undefined) {
    const title = context.renderBlock(titleNodes(settings.title, context))
    content.push(element('div', {className: ['callout-title']}, [text('\n        '), ...title, text('\n      ')]))
  }

  const body = context.renderBlock(bodyOf(node))
  content.push(
    text('\n    '),
    element('div', {className: ['callout-body']}, [text('\n      '), ...body, text('\n    ')]),
    text('\n  ')
  )

  const className = classList(`callout callout-${settings.context} d-flex flex-row mt-4 mb-4 pt-4 pe-4 pb-2 ps-3`)
  return [
    element('div', {className}, [
      text('\n  '),
      ...(svg ? [svg] : []),
      text('\n  '),
      element('div', {className: ['callout-content']}, content),
      text('\n')
    ])
  ]
}
