import type {Options as ToHtmlOptions} from 'hast-util-to-html'
import type {ParsePageOptions} from '../syntax/parse.js'
import type {HeadingIdType} from './heading-ids.js'
import {shortcodeRenderers} from './shortcodes/index.js'
import type {LinkTarget, RefReference, RenderOptions, ResolvedLink, ShortcodeRenderer} from './types.js'

/** Every renderer setting, with Hugo 0.111's defaults filled in. */
export interface RenderSettings {
  table: boolean
  strikethrough: boolean
  taskList: boolean
  footnote: boolean
  definitionList: boolean
  linkify: boolean
  linkifyProtocol: string
  typographer: boolean
  autoHeadingId: boolean
  headingIdType: HeadingIdType
  headingIdInput: 'plain-text' | 'source'
  attributeTitle: boolean
  attributeBlock: boolean
  wrapStandAloneImage: boolean
  unsafe: boolean
  hardWraps: boolean
  xhtml: boolean
  toc: {startLevel: number; endLevel: number; ordered: boolean}
  highlight: {codeFences: boolean; noClasses: boolean; tabWidth: number}
  allowedProtocols: readonly string[]
  renderers: Readonly<Record<string, ShortcodeRenderer>>
  resolveRef: ((reference: RefReference) => string | undefined) | undefined
  /** Doks' link and code block render hooks, or Goldmark's and Chroma's own markup. */
  renderHooks: 'doks' | 'none'
  resolveLink: ((target: LinkTarget) => ResolvedLink | undefined) | undefined
  parse: ParsePageOptions
  /** How hast becomes text: named references (`&amp;`), raw nodes kept, `/>` in XHTML mode. */
  toHtml: ToHtmlOptions
  /** The options as given, for shortcode renderers. */
  options: RenderOptions
}

const resolved = new WeakMap<RenderOptions, RenderSettings>()
const defaults: RenderOptions = {}

/**
 * Fill in Hugo 0.111's defaults (`markup.goldmark`, `markup.tableOfContents`,
 * `markup.highlight`) for missing options. Resolved once per options object.
 *
 * @param options
 *   The renderer's options.
 */
export function resolveSettings(options: RenderOptions | null | undefined): RenderSettings {
  const given = options ?? defaults
  const cached = resolved.get(given)
  if (cached) return cached

  const goldmark = given.markup?.goldmark ?? {}
  const extensions = goldmark.extensions ?? {}
  const parser = goldmark.parser ?? {}
  const renderer = goldmark.renderer ?? {}
  const toc = given.markup?.tableOfContents ?? {}
  const highlight = given.markup?.highlight ?? {}
  const typographer = extensions.typographer
  const xhtml = renderer.xhtml === true

  const settings: RenderSettings = {
    table: extensions.table !== false,
    strikethrough: extensions.strikethrough !== false,
    taskList: extensions.taskList !== false,
    footnote: extensions.footnote !== false,
    definitionList: extensions.definitionList !== false,
    linkify: extensions.linkify !== false,
    linkifyProtocol: extensions.linkifyProtocol ?? 'https',
    // Hugo 0.111 takes a boolean; later versions a table with `disable`.
    typographer: typeof typographer === 'object' ? typographer.disable !== true : typographer !== false,
    autoHeadingId: parser.autoHeadingID !== false,
    headingIdType: parser.autoHeadingIDType ?? 'github',
    headingIdInput: given.headingIdInput ?? 'plain-text',
    attributeTitle: parser.attribute?.title !== false,
    attributeBlock: parser.attribute?.block === true,
    wrapStandAloneImage: parser.wrapStandAloneImageWithinParagraph !== false,
    unsafe: renderer.unsafe === true,
    hardWraps: renderer.hardWraps === true,
    xhtml,
    toc: {startLevel: toc.startLevel ?? 2, endLevel: toc.endLevel ?? 3, ordered: toc.ordered === true},
    highlight: {
      codeFences: highlight.codeFences !== false,
      noClasses: highlight.noClasses !== false,
      tabWidth: highlight.tabWidth ?? 4
    },
    allowedProtocols: (given.allowedProtocols ?? []).map((scheme) => scheme.toLowerCase()),
    renderers: given.renderers ? {...shortcodeRenderers, ...given.renderers} : shortcodeRenderers,
    resolveRef: given.resolveRef ?? undefined,
    renderHooks: given.renderHooks === 'doks' ? 'doks' : 'none',
    resolveLink: given.resolveLink ?? undefined,
    parse: given.parse ?? {},
    toHtml: {
      allowDangerousHtml: true,
      // `'` and a backtick stay as Goldmark writes them: every value is in
      // double quotes, which only `"` can end (the backtick trick is old IE's).
      allowDangerousCharacters: true,
      characterReferences: {useNamedReferences: true},
      closeSelfClosing: xhtml
    },
    options: given
  }

  resolved.set(given, settings)
  return settings
}
