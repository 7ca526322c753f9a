/**
 * Doks 1.9's link render hook (`layouts/_markup/render-link.html`), as Hugo
 * 0.111 runs it: every Markdown link becomes `<a class="link link--text">`;
 * a URL with a scheme is printed as Go's `url.String` gives it, with
 * `rel="external"`; a page path that resolves (the `resolveLink` option,
 * Hugo's `GetPage`) becomes the page's permalink with the link's query and
 * fragment; a bare fragment goes after the page's own permalink; anything
 * else stays as written (`staticFallback`). The pseudo destinations `abbr`
 * and `dfn` print those elements. Each value is printed as the template
 * prints it, through Go's `%q`, raw into the HTML.
 */
import type {Element, ElementContent, Properties} from 'hast'
import type {Position} from 'unist'
import {fromHtml} from 'hast-util-from-html'
import type {EmbeddedShortcode} from '../../syntax/types.js'
import {goQuoteInner} from '../go-text.js'
import {goUrlString, parseGoUrl} from '../go-url.js'
import {hugoAnchorize, type HeadingIdType} from '../heading-ids.js'
import {isSafeUrl} from '../shortcodes/url.js'
import type {LinkTarget, ResolvedLink} from '../types.js'

/** A link as the hook gets it. */
export interface HookLink {
  /** The destination as written (Goldmark's raw bytes), embedded shortcode calls as source. */
  destination: string
  /** The title as written, `''` for none. */
  title: string
  /** Shortcode calls in the destination. */
  calls: readonly EmbeddedShortcode[] | undefined
  /** The rendered link text (the hook's `.Text`). */
  children: ElementContent[]
  /** Where the link is, for messages. */
  position: Position | undefined
}

/** What the hook needs from the page. */
export interface HookContext {
  /** The relative permalink of the page the link renders on (the home page's for `markdownify`), if known. */
  permalink: string | undefined
  from: LinkTarget['from']
  /** The rendered page's file under `content/`, if known. */
  contentPath: string | undefined
  resolveLink: ((target: LinkTarget) => ResolvedLink | undefined) | undefined
  /** What a shortcode call in a destination prints (Hugo swaps its placeholder for it after the hook ran). */
  callOutput(call: EmbeddedShortcode): string
  allowedProtocols: readonly string[]
  headingIdType: HeadingIdType
  /** Report a destination Go cannot parse (Hugo stops the build there). */
  unparsable(destination: string, place: Position | undefined): void
}

// Hugo runs the hook on a shortcode's placeholder, which has no `/`, `:`, `?` or `#`.
const placeholder = (index: number): string => `HAHAHUGOSHORTCODE${index}HBHB`
const placeholders = /HAHAHUGOSHORTCODE(\d+)HBHB/g

/**
 * An attribute value as the browser reads Doks' `printf " %s=%q"`: Go's
 * quoting, placeholders swapped for shortcode output, then character
 * references decoded (the template writes the value raw into the HTML).
 */
function printed(value: string, outputs: readonly string[]): string {
  let result = goQuoteInner(value)
  if (outputs.length > 0) result = result.replace(placeholders, (token, index: string) => outputs[Number(index)] ?? token)
  if (!result.includes('&')) return result
  const parsed = fromHtml(`<a title="${result.replace(/"/g, '&quot;')}"></a>`, {fragment: true}).children[0]
  return parsed?.type === 'element' ? String(parsed.properties['title'] ?? '') : result
}

/**
 * Whether Doks hands a destination to its e-mail partial (any that starts
 * with `mailto`, as the template tests it), which writes the link with a
 * script; slamark prints Goldmark's plain link for these instead.
 *
 * @param destination
 *   The destination as written.
 */
export function isDoksMailLink(destination: string): boolean {
  return destination.startsWith('mailto')
}

/**
 * Render a link (not a {@link isDoksMailLink} one) as Doks' hook does.
 *
 * @param link
 *   The link.
 * @param context
 *   The page.
 */
export function doksLink(link: HookLink, context: HookContext): Element {
  const outputs: string[] = []
  let destination = link.destination
  for (const call of link.calls ?? []) {
    const at = destination.indexOf(call.raw)
    if (at === -1) continue
    destination = `${destination.slice(0, at)}${placeholder(outputs.length)}${destination.slice(at + call.raw.length)}`
    outputs.push(context.callOutput(call))
  }

  if (destination === 'abbr') return element('abbr', {title: printed(link.title, [])}, link.children)
  if (destination === 'dfn') return element('dfn', {id: printed(hugoAnchorize(link.title, context.headingIdType), [])}, link.children)

  const url = parseGoUrl(destination)
  let href = destination
  let external = false
  if (!url) {
    context.unparsable(link.destination, link.position)
  } else if (url.scheme !== '') {
    href = goUrlString(url)
    external = true
  } else if (url.path !== '') {
    // A path with a placeholder never names a page; Hugo resolves it before the shortcode runs.
    const resolved = outputs.length === 0 ? context.resolveLink?.({destination, path: url.path, from: context.from, contentPath: context.contentPath}) : undefined
    if (resolved?.kind === 'page') href = `${resolved.url}${url.rawQuery ? `?${url.rawQuery}` : ''}${url.fragment ? `#${url.fragment}` : ''}`
    else if (resolved) href = resolved.url
  } else if (url.fragment !== '') {
    href = `${context.permalink ?? ''}#${url.fragment}`
  } else {
    href = goUrlString(url)
  }

  const properties: Properties = {className: ['link', 'link--text']}
  const value = printed(href, outputs)
  if (isSafeUrl(value, context.allowedProtocols)) properties['href'] = value
  if (external) properties['rel'] = ['external']
  if (link.title !== '') properties['title'] = printed(link.title, [])
  return element('a', properties, link.children)
}

function element(tagName: string, properties: Properties, children: ElementContent[]): Element {
  return {type: 'element', tagName, properties, children}
}
