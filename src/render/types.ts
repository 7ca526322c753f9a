import type {Element, ElementContent, Root as HastRoot} from 'hast'
import type {Root, RootContent} from 'mdast'
import type {ContainerDirective, LeafDirective, TextDirective} from 'mdast-util-directive'
import type {VFile} from 'vfile'
import type {VFileMessage} from 'vfile-message'
import type {ParsePageOptions} from '../syntax/parse.js'
import type {HugoShortcodeData} from '../syntax/types.js'

/**
 * Hugo's `markup.goldmark` settings, spelled as in a site's `markup.toml`
 * (`[goldmark.extensions]`, `[goldmark.parser]`, `[goldmark.renderer]`), so a
 * Doks site's settings carry over unchanged. Every key is optional; missing
 * keys take Hugo 0.111's defaults.
 */
export interface GoldmarkOptions {
  extensions?: {
    table?: boolean
    strikethrough?: boolean
    taskList?: boolean
    footnote?: boolean
    definitionList?: boolean
    linkify?: boolean
    /** Scheme added to bare `www.` links (`https` by default). */
    linkifyProtocol?: string
    typographer?: boolean | {disable?: boolean}
  }
  parser?: {
    autoHeadingID?: boolean
    /** `github` (default), `github-ascii` or `blackfriday`. */
    autoHeadingIDType?: 'github' | 'github-ascii' | 'blackfriday'
    attribute?: {title?: boolean; block?: boolean}
    /** Keep a paragraph around an image that is alone in it (default `true`). */
    wrapStandAloneImageWithinParagraph?: boolean
  }
  renderer?: {
    /** Keep raw HTML (Doks sets this); otherwise `<!-- raw HTML omitted -->`. */
    unsafe?: boolean
    hardWraps?: boolean
    xhtml?: boolean
  }
}

/** Hugo's `markup.tableOfContents`. */
export interface TableOfContentsOptions {
  startLevel?: number
  endLevel?: number
  ordered?: boolean
}

/**
 * Hugo's `markup.highlight`. slamark reproduces the markup Chroma wraps a
 * fenced block in (`div.highlight`, `pre.chroma`, one `span.line` per line),
 * not its token colouring.
 */
export interface HighlightOptions {
  /** Highlight fenced code blocks (default `true`). */
  codeFences?: boolean
  /** Inline styles (default `true`, Hugo's) instead of CSS classes (Doks: `false`). */
  noClasses?: boolean
  /** Tab width in the inline `tab-size` style (default `4`). */
  tabWidth?: number
}

/** Hugo's `markup` configuration block (the parts slamark reads). */
export interface MarkupOptions {
  goldmark?: GoldmarkOptions
  tableOfContents?: TableOfContentsOptions
  highlight?: HighlightOptions
}

/** A `ref` or `relref` call to resolve to a URL. */
export interface RefReference {
  kind: 'ref' | 'relref'
  /** The page path as written (`docs/sla.md`, `sla.md#credits`). */
  path: string
  /** The call. */
  shortcode: HugoShortcodeData
  /** The calling page's file under `content/` (the `contentPath` option or `file.data.contentPath`), if known. */
  contentPath?: string | undefined
}

/**
 * A Markdown link's page path for Doks' link hook to resolve (the
 * `resolveLink` option), as the hook's `GetPage` call gets it.
 */
export interface LinkTarget {
  /** The destination as written in the source (`../sla.md?x=1#credits`). */
  destination: string
  /** Its path, percent-decoded, without query and fragment (`../sla.md`), as Go's `url.Parse` reads it. */
  path: string
  /**
   * The page relative paths start from: `page`, the rendered page, or
   * `home`, for Markdown Doks renders with `markdownify` (`details`,
   * `card`), which Hugo renders as the home page.
   */
  from: 'page' | 'home'
  /** The rendered page's file under `content/` (the `contentPath` option), if known. */
  contentPath: string | undefined
}

/** Where a link's page path leads. */
export interface ResolvedLink {
  /** The target's relative permalink (`/docs/sla/`). */
  url: string
  /**
   * `page`: the link's query and fragment are added (`/docs/sla/#credits`);
   * `resource` (a file of a page bundle or of `assets/`): they are dropped, as Doks does.
   */
  kind: 'page' | 'resource'
}

/** Options of the renderer. */
export interface RenderOptions {
  /** Hugo's `markup` settings (defaults: Hugo 0.111's). */
  markup?: MarkupOptions | null | undefined
  /**
   * Which text heading ids are computed from: `plain-text` (Hugo 0.144 and
   * later, the default) or `source` (Hugo 0.143 and earlier: the heading's raw
   * last source line).
   */
  headingIdInput?: 'plain-text' | 'source' | null | undefined
  /**
   * URL schemes kept in `href`/`src` besides `http`, `https`, `mailto`, `tel`
   * and relative URLs; `javascript:` and `data:` are dropped unless listed.
   */
  allowedProtocols?: readonly string[] | null | undefined
  /**
   * Renderers by shortcode name, added to (and overriding) slamark's own
   * (Doks' callout, details, tabs, steps, cards).
   */
  renderers?: Readonly<Record<string, ShortcodeRenderer>> | null | undefined
  /**
   * The permalink of a `ref`/`relref` call (in a link destination or in
   * text); without one (or when it gives `undefined`) a link keeps its
   * destination as written and a call in text renders nothing.
   */
  resolveRef?: ((reference: RefReference) => string | undefined) | null | undefined
  /** How Markdown strings (shortcode params such as `title`) and pages are parsed. */
  parse?: ParsePageOptions | null | undefined
  /**
   * The site's link and code block render hooks: `none` (the default),
   * Goldmark's and Chroma's own markup, as Hugo renders without templates
   * (and as with the `markup` settings, the defaults are Hugo's); `doks`,
   * Doks 1.9's `render-link.html` (`a.link.link--text`, `rel="external"`,
   * page paths resolved, same-page fragments after the permalink) and
   * `render-codeblock.html` (the expressive-code frame, `pre.mermaid`).
   */
  renderHooks?: 'doks' | 'none' | null | undefined
  /**
   * The page's file under `content/` (`docs/sla.md`): its permalink, by
   * Hugo's default rules (see `hugoPermalink`), unless `permalink` is given.
   */
  contentPath?: string | null | undefined
  /**
   * The page's relative permalink (`/docs/sla/`), which Doks' link hook puts
   * before same-page fragments (`#credits` → `/docs/sla/#credits`); without
   * it (and without `contentPath`) such links stay as written.
   */
  permalink?: string | null | undefined
  /**
   * Doks' link hook: where a link's page path leads (`HugoPageIndex`'s
   * `resolveLink` is Hugo's `GetPage`); without one, or when it gives
   * `undefined`, the link keeps its destination as written (Doks'
   * `staticFallback`).
   */
  resolveLink?: ((target: LinkTarget) => ResolvedLink | undefined) | null | undefined
  /**
   * Called with the page's hast just before it becomes HTML, and a function
   * that writes any of its nodes exactly as they appear in the page's HTML:
   * for tools that cut parts out of the rendered page (the Hugo data files
   * take the SLA shortcodes' HTML from it). It may change the tree.
   */
  onHast?: ((root: HastRoot, context: HastContext) => undefined) | null | undefined
}

/** What {@link RenderOptions.onHast} gets besides the tree. */
export interface HastContext {
  /** The page's file. */
  file: VFile
  /** Nodes of the page as the page's HTML writes them. */
  toHtml: (nodes: ElementContent[]) => string
}

/** A heading of the page, as Hugo's TOC and anchors see it. */
export interface RenderedHeading {
  depth: number
  /** Hugo's id (after de-duplication). */
  id: string
  /** The heading as plain text. */
  text: string
}

/** Any shortcode node the parser produces. */
export type ShortcodeNode = ContainerDirective | LeafDirective | TextDirective

/**
 * What a shortcode renderer gets besides its node: the ways Doks' templates
 * turn Markdown into HTML, and the page-wide state they share.
 */
export interface ShortcodeContext {
  /** The shortcode call (name, typed params, placement, body source). */
  readonly hugo: HugoShortcodeData
  /** The enclosing shortcode call, when this one is nested in another. */
  readonly parent: HugoShortcodeData | undefined
  /**
   * `.Page.RenderString (dict "display" "block")`: render Markdown nodes as a
   * Goldmark document of their own (own heading-id counter, own footnotes,
   * never in the page's TOC).
   */
  renderBlock(children: readonly RootContent[]): ElementContent[]
  /**
   * `.Page.RenderString` inline: as `renderBlock`, then Hugo's
   * `TrimShortHTML` (the `<p>` of output that is one paragraph dropped).
   */
  renderInline(children: readonly RootContent[]): ElementContent[]
  /**
   * `markdownify`: as `renderInline`, but rendered as the home page (Hugo
   * renders it with the home page's `RenderString`), which is where Doks'
   * link hook resolves its relative links and same-page fragments from.
   */
  markdownify(children: readonly RootContent[]): ElementContent[]
  /** Parse a Markdown string (such as a `title` param) as a document of its own. */
  parseMarkdown(source: string): Root
  /**
   * `@thulite/inline-svg`: the named Tabler icon (`outline/alert-triangle`)
   * with the given attributes, or `undefined` when the package has no such
   * icon (or the name is not a plain icon name).
   */
  icon(src: string, attributes: Readonly<Record<string, string>>): Element | undefined
  /**
   * A unique id on this page built from `base` (`svg-alert-triangle`,
   * then `svg-alert-triangle-1`): where Doks repeats ids, slamark does not.
   */
  uniqueId(base: string): string
  /**
   * Report a problem found while rendering (an icon name that is a path, a
   * missing required param) as a message on the page's file, at this node.
   */
  warn(reason: string, ruleId: string, hint?: string): void
  /** Resolved renderer options. */
  readonly options: RenderOptions
}

/** Renders one shortcode call to HTML nodes. */
export type ShortcodeRenderer = (node: ShortcodeNode, context: ShortcodeContext) => ElementContent[]

/** A page rendered to HTML. */
export interface RenderedPage {
  /** The page's content, as Hugo's `.Content`. */
  html: string
  /** Hugo's `.TableOfContents` (`<nav id="TableOfContents">…</nav>`), or `''` when `toc` is false or there are no headings in range. */
  toc: string
  /** Every heading of the page (not those inside shortcode bodies), in order. */
  headings: RenderedHeading[]
  /** What rendering reported (shortcode warnings), as vfile messages. */
  messages: VFileMessage[]
}
