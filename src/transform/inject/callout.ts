import type {BlockContent, DefinitionContent, Root} from 'mdast'
import type {ContainerDirective} from 'mdast-util-directive'
import {toMarkdown} from 'mdast-util-to-markdown'
import type {Position} from 'unist'
import {hugoToMarkdown} from '../../syntax/to-markdown.js'
import type {HugoParam} from '../../syntax/types.js'

/** What a generated callout says. */
export interface CalloutSpec {
  /** Doks context: `danger`, `caution`, `note`, `tip`. */
  context: string
  /** The title as plain text (escaped here, since a callout title is Markdown). */
  title: string
  /** Tabler icon name, such as `outline/alert-octagon`. */
  icon: string
  /** The body, as mdast. */
  children: Array<BlockContent | DefinitionContent>
  /**
   * The body as Markdown source (`data.hugo.inner` without its first line
   * break), when the caller has it; else it is serialized from `children`.
   */
  inner?: string
  /** Where the shortcode that asked for it is: the callout, its params and tags point there. */
  position: Position | undefined
}

// Serializing the body gives `data.hugo.inner`, as the parser keeps it.
const markdownOptions = {bullet: '-' as const, extensions: [hugoToMarkdown()]}

/**
 * A Doks callout node exactly as the parser makes one for
 * `{{< callout context="…" title="…" icon="…" >}}` with the body on its own
 * lines: a `containerDirective` named `callout` with `attributes`,
 * `data.hugo` (named, typed params) and `data.callout`, so the callout
 * renderer and the lint rules treat it like any callout the author wrote.
 *
 * @param spec
 *   Context, title, icon and body.
 */
export function calloutNode(spec: CalloutSpec): ContainerDirective {
  const title = escapeMarkdown(spec.title)
  const position = spec.position ?? {start: {line: 1, column: 1, offset: 0}, end: {line: 1, column: 1, offset: 0}}
  const offset = position.start.offset ?? 0
  const param = (name: string, value: string): HugoParam => ({
    name,
    value,
    goType: 'string',
    text: value,
    quote: 'double',
    start: offset,
    end: offset,
    valueStart: offset,
    position
  })
  const body: Root = {type: 'root', children: spec.children}
  const node: ContainerDirective = {
    type: 'containerDirective',
    name: 'callout',
    attributes: {context: spec.context, title, icon: spec.icon},
    children: spec.children,
    data: {
      hugo: {
        name: 'callout',
        notation: '<',
        params: [param('context', spec.context), param('title', title), param('icon', spec.icon)],
        selfClosed: false,
        takesBody: true,
        closed: true,
        inline: false,
        placement: 'block',
        open: position,
        named: true,
        close: position,
        inner: '\n' + (spec.inner ?? toMarkdown(body, markdownOptions))
      },
      callout: {syntax: 'hugo-shortcode', context: spec.context, title, icon: spec.icon}
    }
  }
  if (spec.position) node.position = spec.position
  return node
}

/**
 * Plain text as Markdown that reads back as exactly that text: every ASCII
 * punctuation character that Markdown (or Hugo's shortcode lexer, for `{{`)
 * could give a meaning is escaped with a backslash, line breaks become
 * spaces (a title is one line), and spaces around are dropped (four would
 * start code). Nothing in the data can turn into
 * markup, a link or raw HTML.
 *
 * @param text
 *   The text.
 */
export function escapeMarkdown(text: string): string {
  return text.replaceAll(/\r\n|[\r\n]/g, ' ').trim().replaceAll(/[!"#$%&'()*+\-./:;<=>?@[\\\]^_`{|}~]/g, (char) => (safeInTitle.has(char) ? char : '\\' + char))
}

// Punctuation that starts no Markdown construct anywhere in a one-line title
// (`:` starts a `:::` directive, `.` an ordered list after digits). GFM
// links bare URLs (`www.a.example`) after parsing, escaped or not, as it
// does in any title an author writes; those links are plain http(s) or
// mailto links of the text itself.
const safeInTitle = new Set([',', ';', '?', '%', "'", '"', '$', '=', '/', '@'])
