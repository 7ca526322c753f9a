/**
 * Doks' link hook inside the hast handlers: a link's destination and title
 * as written (from the link or its definition), its rendered text, and the
 * page's view the hook needs, made once per document.
 */
import type {Element, ElementContent} from 'hast'
import type {Definition, Link} from 'mdast'
import type {State} from 'mdast-util-to-hast'
import {ruleUrl} from '../../syntax/messages.js'
import type {EmbeddedShortcode} from '../../syntax/types.js'
import {scopeOf, type DocumentScope} from '../document.js'
import {definitionParts, inlineLinkParts, type OpaqueSpans, type RawLinkParts} from '../link-source.js'
import {callOutput} from '../shortcode-call.js'
import {doksLink, type HookContext} from './link.js'

/**
 * White space of a render hook's template (Doks' link hook starts with two
 * line endings), marked so the table of contents leaves it out.
 *
 * @param value
 *   The white space.
 * @param scope
 *   The document.
 */
export function templateSpace(value: string, scope: DocumentScope): ElementContent {
  const node: ElementContent = {type: 'text', value}
  scope.page.marks.template.add(node)
  return node
}

/**
 * An inline link's destination and title as written, else as parsed (a
 * link made without source).
 *
 * @param node
 *   The link.
 * @param scope
 *   The document its position points into.
 */
export function inlineRawParts(node: Link, scope: DocumentScope): RawLinkParts {
  const start = node.position?.start.offset
  const labelEnd = node.children.length === 0 ? (start === undefined ? undefined : start + 1) : node.children.at(-1)!.position?.end.offset
  const parts = scope.source !== undefined && labelEnd !== undefined ? inlineLinkParts(scope.source, labelEnd, callSpans(node.data?.shortcodes)) : undefined
  return parts ?? {destination: node.url, title: node.title ?? ''}
}

const noSpans: OpaqueSpans = new Map()

/** Where a node's embedded shortcode calls are in the source. */
function callSpans(calls: readonly EmbeddedShortcode[] | undefined): OpaqueSpans {
  if (!calls || calls.length === 0) return noSpans
  const spans = new Map<number, number>()
  for (const call of calls) {
    const start = call.position.start.offset
    const end = call.position.end.offset
    if (start !== undefined && end !== undefined) spans.set(start, end)
  }

  return spans
}

/**
 * A reference's destination and title as written in its definition, else as parsed.
 *
 * @param definition
 *   The definition.
 * @param source
 *   The text its position points into.
 */
export function definitionRawParts(definition: Definition, source: string | undefined): RawLinkParts {
  const start = definition.position?.start.offset
  const raw = source !== undefined && start !== undefined ? definitionParts(source, start, callSpans(definition.data?.shortcodes)) : undefined
  return raw ?? {destination: definition.url, title: definition.title ?? ''}
}

/**
 * Render a link (not a `mailto` one) through Doks' hook.
 *
 * @param state
 *   The hast state.
 * @param node
 *   The link.
 * @param raw
 *   Its destination and title as written.
 * @param autolink
 *   Whether it is an autolink (its text is never typographed).
 */
export function hookedLink(state: State, node: Link, raw: RawLinkParts, autolink: boolean): Element {
  const scope = scopeOf(state)
  if (autolink) scope.verbatim++
  const children = state.all(node)
  if (autolink) scope.verbatim--
  const context = (scope.linkHook ??= linkHookContext(scope))
  const result = doksLink({destination: raw.destination, title: raw.title, calls: node.data?.shortcodes, children, position: node.position}, context)
  state.patch(node, result)
  return state.applyData(node, result) as Element
}

function linkHookContext(scope: DocumentScope): HookContext {
  const page = scope.page
  const settings = page.settings
  return {
    // `markdownify` renders as the home page, whose permalink is the site root.
    permalink: scope.linkFrom === 'home' ? '/' : page.permalink,
    from: scope.linkFrom,
    contentPath: page.contentPath,
    resolveLink: settings.resolveLink,
    callOutput: (call) => callOutput(call, page),
    allowedProtocols: settings.allowedProtocols,
    headingIdType: settings.headingIdType,
    unparsable: (destination, place) => {
      const message = page.file.message(
        `Unexpected link destination \`${destination}\` that Go cannot read as a URL, expected a URL or a page path`,
        {place, ruleId: 'link-destination-invalid', source: 'slamark'}
      )
      message.fatal = false
      message.url = ruleUrl('link-destination-invalid')
      message.note = 'Doks\' link hook stops the Hugo build here ("unable to parse the destination"); check for a stray `%` or a `:` in the first path segment'
    }
  }
}
