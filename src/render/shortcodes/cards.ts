import type {Element, ElementContent, Properties} from 'hast'
import {s} from 'hastscript'
import type {HugoParam} from '../../syntax/types.js'
import type {ShortcodeContext, ShortcodeRenderer} from '../types.js'
import {blankSource, isBlankSource, rawSegments, sourceOf, splitRawBody} from './children.js'
import {classList, cloneElement, element, text} from './hast.js'
import {renderIcon} from './icon.js'
import {bodyOf, getParam, goPrint, hasInner, isTruthy} from './params.js'
import {quoted, report} from './text.js'
import {isSafeUrl, normalizeUrl} from './url.js'

function cardNav(children: ElementContent[]): Element {
  return element('div', {className: ['card-nav', 'd-flex', 'flex-column', 'flex-sm-row']}, children)
}

// A card alone goes in a `div.card-nav`, as Doks' templates wrap it when no
// shortcode encloses it; the line before it is the template's.
function placed(card: Element, context: ShortcodeContext): ElementContent[] {
  return context.parent ? [text('\n  '), card] : [cardNav([text('\n  '), card, text('\n  ')])]
}

/**
 * Doks' `card-grid`: `div.card-nav` around its body as written, each card in
 * its place. The template prints `.Inner` as is, so anything besides
 * shortcode calls appears as its Markdown source, unrendered, as in Doks
 * (slamark prints it as text, never as HTML, and warns).
 */
export const renderCardGrid: ShortcodeRenderer = (node, context) => {
  const hugo = node.data?.hugo
  const {calls, loose} = splitRawBody(bodyOf(node))
  const segments = rawSegments(node, calls)
  const children: ElementContent[] = [text('\n  ')]
  let outside = false

  if (segments) {
    for (const segment of segments) {
      if (typeof segment !== 'string') {
        children.push(...context.renderBlock([segment]))
      } else if (isBlankSource(segment)) {
        const blank = blankSource(segment)
        if (blank !== '') children.push(text(blank))
      } else {
        outside = true
        children.push(text(segment))
      }
    }
  } else {
    outside = loose.length > 0
    for (const item of loose) children.push(text(sourceOf(item, hugo)), text('\n'))
    for (const call of calls) children.push(...context.renderBlock([call]), text('\n'))
  }

  if (outside) {
    report(context, {
      ruleId: 'card-grid-content-outside-card',
      reason: 'Unexpected Markdown in card-grid outside a card, expected only `card` or `link-card` shortcodes',
      hint: 'Doks prints it as source, unrendered; move it into a `{{< card >}}`'
    })
  }

  children.push(text('\n'))
  return [cardNav(children)]
}

const colors = new Set(['yellow', 'purple', 'green', 'red', 'blue'])

/**
 * Doks' `card` (Doks 1.9): `div.card.card-box` with the icon (Tabler, stroke
 * 1.5, 1.875rem, coloured by `color`, `yellow` unless one of Doks' five),
 * the title and the body through `markdownify`; outside another shortcode
 * wrapped in `div.card-nav`.
 */
export const renderCard: ShortcodeRenderer = (node, context) => {
  const hugo = node.data?.hugo
  const title = getParam(hugo, 'title')
  const icon = getParam(hugo, 'icon')
  const colorParam = getParam(hugo, 'color')
  const known = typeof colorParam?.value === 'string' && colors.has(colorParam.value)
  const color = known ? (colorParam!.value as string) : 'yellow'

  // The template's own whitespace, including the line its colour fallback prints.
  const heading: ElementContent[] = [text(known ? '\n        ' : '\n          \n        ')]
  if (icon && isTruthy(icon)) {
    const attributes = {
      'stroke-width': '1.5',
      height: '1.875rem',
      width: '1.875rem',
      class: `svg-inline-custom mt-0 me-3 card-icon icon-${color}`
    }
    const svg = renderIcon(icon, attributes, context)
    if (svg) heading.push(text('\n          '), svg)
  }

  if (title && isTruthy(title)) {
    heading.push(text('\n          '), element('span', {className: ['card-title', 'h4', 'mt-0']}, [text(goPrint(title))]))
  }

  heading.push(text('\n      '))
  const body: ElementContent[] = [text('\n      '), element('div', {className: ['d-flex', 'align-items-center']}, heading)]
  body.push(text('\n      '))
  if (hasInner(node)) {
    const content = context.markdownify(bodyOf(node))
    body.push(
      text('\n      '),
      element('div', {className: ['card-text']}, [text('\n        '), ...content, text('\n      ')]),
      text('\n      ')
    )
  }

  body.push(text('\n    '))
  const card = element('div', {className: ['card', 'card-box', 'w-100']}, [
    text('\n    '),
    element('div', {className: ['card-body']}, body),
    text('\n  ')
  ])
  return placed(card, context)
}

// The arrow Doks' link-card template writes out (not through inline-svg).
const arrow: Element = s(
  'svg',
  {
    xmlns: 'http://www.w3.org/2000/svg',
    class: 'icon icon-tabler icon-tabler-arrow-right',
    width: '20',
    height: '20',
    viewBox: '0 0 24 24',
    'stroke-width': '2',
    stroke: 'currentColor',
    fill: 'none',
    'stroke-linecap': 'round',
    'stroke-linejoin': 'round'
  },
  [
    text('\n          '),
    s('path', {stroke: 'none', d: 'M0 0h24v24H0z', fill: 'none'}),
    text('\n          '),
    s('path', {d: 'M5 12l14 0'}),
    text('\n          '),
    s('path', {d: 'M13 18l6 -6'}),
    text('\n          '),
    s('path', {d: 'M13 6l6 6'}),
    text('\n        ')
  ]
)

function printed(param: HugoParam | undefined): string | undefined {
  return param && isTruthy(param) ? goPrint(param) : undefined
}

function href(param: HugoParam | undefined, context: ShortcodeContext): string | undefined {
  if (!param) {
    report(context, {
      ruleId: 'link-card-href-missing',
      reason: 'Unexpected link-card without `href`, expected the address it links to',
      hint: 'Write `href="/docs/page/"`; Doks prints `href=""`, a link to the page itself'
    })
    return ''
  }

  const url = goPrint(param)
  if (isSafeUrl(url, context.options.allowedProtocols ?? [])) return normalizeUrl(url)
  report(context, {
    ruleId: 'link-card-href-refused',
    reason: `Unexpected link-card href ${quoted(url)}, expected an http(s), mailto or relative URL`,
    hint: 'Scripts and data URLs are never linked (Doks prints `#ZgotmplZ`); list a scheme in `allowedProtocols` to keep it'
  })
  return undefined
}

/**
 * Doks' `link-card` (Doks 1.4): a stretched link card (`title`, `href`,
 * optional `description`, `target`, `rel`, `class`) with Doks' arrow; outside
 * another shortcode wrapped in `div.card-nav`. Every value is printed as
 * text; an `href` with a script or data scheme is left out.
 */
export const renderLinkCard: ShortcodeRenderer = (node, context) => {
  const hugo = node.data?.hugo
  if (hugo?.named === false) {
    report(context, {
      ruleId: 'link-card-positional',
      reason: 'Unexpected positional params on link-card, expected named ones (`title`, `href`, …)',
      hint: 'Write `{{< link-card title="…" href="…" >}}`; Doks reads named params only and fails on positional ones'
    })
  }

  const title = getParam(hugo, 'title')
  const description = printed(getParam(hugo, 'description'))
  const target = printed(getParam(hugo, 'target'))
  const rel = printed(getParam(hugo, 'rel'))
  const extraClass = printed(getParam(hugo, 'class'))
  const url = href(getParam(hugo, 'href'), context)

  const link: Properties = {}
  if (url !== undefined) link.href = url
  if (target !== undefined) link.target = target
  link.className = ['stretched-link', 'text-reset', 'text-decoration-none']
  if (rel !== undefined) link.rel = classList(rel)

  const label = title ? goPrint(title) : ''
  const heading = element('h5', {className: ['card-title', 'my-0']}, [element('a', link, label === '' ? [] : [text(label)])])
  const start: ElementContent[] = [text('\n        '), heading, text('\n        ')]
  if (description !== undefined) start.push(element('p', {className: ['card-text', 'mt-1']}, [text(description)]))
  start.push(text('\n      '))

  const cardBody = element('div', {className: ['card-body', 'd-flex']}, [
    text('\n      '),
    element('div', {className: ['d-flex', 'flex-column', 'me-auto', 'text-start']}, start),
    text('\n      '),
    element('div', {className: ['d-flex', 'flex-column', 'justify-content-center']}, [
      text('\n        '),
      cloneElement(arrow),
      text('\n      ')
    ]),
    text('\n    ')
  ])
  const className = ['card', 'text-end', 'w-100', ...(extraClass === undefined ? [] : classList(extraClass))]
  const card = element('div', {className}, [text('\n    '), cardBody, text('\n  ')])
  return placed(card, context)
}
