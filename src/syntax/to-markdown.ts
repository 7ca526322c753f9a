import type {Code, Html, InlineCode, Nodes, Paragraph, Parents, Root, Text} from 'mdast'
import {
  directiveToMarkdown,
  type ContainerDirective,
  type LeafDirective,
  type TextDirective
} from 'mdast-util-directive'
import {frontmatterToMarkdown} from 'mdast-util-frontmatter'
import {gfmToMarkdown} from 'mdast-util-gfm'
import {defaultHandlers, type Handle, type Info, type Options, type State} from 'mdast-util-to-markdown'
import {typed} from '../hugo/tag-lexer.js'
import type {HugoParam, HugoShortcodeData} from './types.js'

type Directive = ContainerDirective | LeafDirective | TextDirective

/**
 * The serializer of Hugo pages: shortcode nodes back to `{{< … >}}` tags,
 * callouts back to the syntax they were written in, literal shortcode text
 * back to Hugo's comment form, so that parse, serialize, parse gives the same
 * tree. For `mdast-util-to-markdown` (and so remark-stringify).
 */
export function hugoToMarkdown(): Options {
  const directives = directiveToMarkdown()
  const directiveHandlers = directives.handlers ?? {}

  // Filled for each tree by the `root` handler, read by the handlers that
  // write source text verbatim.
  const prefixes: Prefixes = new WeakMap()

  const directive = (node: Directive, parent: Parents | undefined, state: State, info: Info): string => {
    const hugo = node.data?.hugo
    if (hugo) return shortcode(node, hugo, state, info, prefixes.get(node) ?? 0)
    if (node.type === 'containerDirective' && node.data?.callout?.syntax === 'gfm-alert') {
      return alert(node, state, info)
    }

    const handle = directiveHandlers[node.type] as Handle
    return handle(titleAsLabel(node), parent, state, info)
  }

  return {
    extensions: [
      gfmToMarkdown(),
      frontmatterToMarkdown(['yaml', 'toml']),
      {unsafe: containerUnsafe(directives.unsafe)}
    ],
    handlers: {
      containerDirective: directive,
      leafDirective: directive,
      textDirective: directive,
      root(node: Root, parent: Parents | undefined, state: State, info: Info): string {
        measurePrefixes(node, prefixes)
        return defaultHandlers.root(node, parent, state, info)
      },
      text: literalText,
      code: (node: Code, parent: Parents | undefined, state: State, info: Info) =>
        defaultHandlers.code({...node, value: commentLiterals(node, prefixes.get(node) ?? 0)}, parent, state, info),
      inlineCode: (node: InlineCode, parent: Parents | undefined, state: State) =>
        defaultHandlers.inlineCode({...node, value: commentLiterals(node, prefixes.get(node) ?? 0)}, parent, state),
      html: (node: Html) => unprefixShortcodes(node.value, node, prefixes.get(node) ?? 0),
      link: keepShortcodeFields(defaultHandlers.link as Handle),
      image: keepShortcodeFields(defaultHandlers.image as Handle),
      definition: keepShortcodeFields(defaultHandlers.definition as Handle),
      json: (node: {value: string}) => node.value,
      org: (node: {value: string}) => node.value.replace(/\r?\n$/, '')
    } as Options['handlers']
  }
}

/**
 * A directive callout whose title holds a shortcode or a shortcode comment
 * is written with the title as its label (`:::callout[Title]{…}`), verbatim:
 * in an attribute, the quotes of the call would be written as `&#x22;` and
 * Hugo, which lexes the whole page, would fail on the call. The title is
 * Markdown source, so it is handed over as raw HTML, which is not escaped.
 * Other directives are returned as they are.
 */
function titleAsLabel(node: Directive): Directive {
  const title = node.type === 'containerDirective' ? node.data?.callout?.title : undefined
  if (node.type !== 'containerDirective' || title === undefined || !/\{\{[<%]/.test(title)) return node
  // A label is one line with balanced brackets; a title that is not stays an attribute.
  if (/[\r\n]/.test(title) || !balanced(title)) return node
  const {title: _title, ...attributes} = node.attributes ?? {}
  const label: Paragraph = {type: 'paragraph', data: {directiveLabel: true}, children: [{type: 'html', value: title}]}
  return {...node, attributes, children: [label, ...node.children]}
}

function balanced(value: string): boolean {
  let depth = 0
  for (const char of value.replaceAll(/\\[[\]]/g, '')) {
    if (char === '[') depth++
    if (char === ']' && --depth < 0) return false
  }

  return depth === 0
}

/**
 * The escapes mdast-util-directive asks for, minus those that guard text
 * directives (a `:` inside phrasing): slamark parses only container
 * directives, so `Note:important` must be written as is, not `Note\:important`.
 */
function containerUnsafe(unsafe: Options['unsafe']): NonNullable<Options['unsafe']> {
  return (unsafe ?? []).filter((pattern) => {
    const constructs = [pattern.inConstruct ?? []].flat()
    return !(pattern.character === ':' && constructs.includes('phrasing'))
  })
}

/**
 * A destination such as `{{< relref "x.md" >}}` holds spaces and `<`, which
 * the default handlers would escape or wrap: write it back as it was, by
 * handing the default handler an inert stand-in and putting the call back.
 */
function keepShortcodeFields(handle: Handle): Handle {
  return (node: Nodes, parent, state, info) => {
    const embedded = node.data?.shortcodes
    if (!embedded || embedded.length === 0) return handle(node, parent, state, info)
    const raws: string[] = []
    const swap = (value: unknown): unknown => {
      if (typeof value !== 'string') return value
      let result = value
      for (const item of embedded) {
        if (!result.includes(item.raw)) continue
        raws.push(item.raw)
        result = result.replace(item.raw, `SLAMARKKEEP${raws.length - 1}X`)
      }

      return result
    }

    const record = node as unknown as Record<string, unknown>
    const copy = {
      ...record,
      url: swap(record.url),
      title: swap(record.title),
      alt: swap(record.alt),
      label: swap(record.label)
    }
    const written = handle(copy as never, parent, state, info)
    return written.replace(/SLAMARKKEEP(\d+)X/g, (_, index: string) => raws[Number(index)]!)
  }
}

function shortcode(node: Directive, hugo: HugoShortcodeData, state: State, info: Info, width: number): string {
  const right = hugo.notation === '<' ? '>}}' : '%}}'
  const left = '{{' + hugo.notation
  const params = hugo.params.map(formatParam).join(' ')
  // A raw (backtick) value may span lines: those lines are source too.
  const tag = `${left} ${hugo.name}${params ? ' ' + params : ''} ${hugo.selfClosed ? '/' : ''}${right}`
  const open = unprefix(tag, width)
  const close = `${left} /${hugo.name} ${right}`

  if (!hugo.takesBody || hugo.selfClosed || !hugo.closed) return open

  if (node.type === 'textDirective' || hugo.truncated) {
    // Inline and over-deep bodies are written back as they were in the source.
    return open + unprefix(hugo.inner ?? '', width) + close
  }

  const exit = state.enter('containerDirective' as never)
  const body = state.containerFlow(node as ContainerDirective, info)
  exit()
  return body ? `${open}\n${body}\n${close}` : `${open}\n${close}`
}

/**
 * Write a parameter so that Hugo reads back the same value and type, in the
 * quoting it was written in whenever that can hold the value: unquoted when
 * it was (and still lexes as the same token); in backticks when it was, or
 * when double quotes cannot hold it (a newline, or a `"` next to a backslash,
 * since one `\"` makes Hugo drop every backslash); else double-quoted, a
 * `"` written `\"`.
 */
function formatParam(param: HugoParam): string {
  const value = typeof param.value === 'string' ? param.value : String(param.value)
  const doubleCannotHold = value.includes('\n') || (value.includes('"') && value.includes('\\'))
  let written: string

  if (typeof param.value !== 'string') {
    // The text as written keeps Hugo's type: `1.0` is a float64, `1` an int.
    written = Object.is(typed(param.text ?? '', 'none'), param.value) ? param.text : value
  } else if (param.quote === 'none' && /^[^\s"`\\]+$/.test(value) && value !== '') {
    written = value
  } else if ((param.quote === 'raw' || doubleCannotHold) && !value.includes('`')) {
    written = '`' + value + '`'
  } else {
    // `"Say \"hi\""` reads back as `Say "hi"`: no backslash is in the value here.
    written = `"${value.replaceAll('"', '\\"')}"`
  }

  return param.name === undefined ? written : `${param.name}=${written}`
}

function alert(node: ContainerDirective, state: State, info: Info): string {
  const callout = node.data!.callout!
  const keyword = callout.alert ?? callout.context.toUpperCase()
  const defaultTitle = keyword.charAt(0).toUpperCase() + keyword.slice(1).toLowerCase()
  const title = callout.title && callout.title !== defaultTitle ? ' ' + callout.title : ''
  const exit = state.enter('blockquote')
  const body = state.containerFlow(node, info)
  exit()
  const lines = [`[!${keyword}]${title}`, ...(body ? body.split('\n') : [])]
  return lines.map((line) => (line ? '> ' + line : '>')).join('\n')
}

/**
 * Text that reads like a shortcode came from a shortcode comment (`{{</*` …
 * `*\/>}}`): write the comment again, or Hugo would run it. The rest is escaped as usual,
 * around private-use stand-ins so escaping cannot touch the comment.
 */
function literalText(node: Text, parent: Parents | undefined, state: State, info: Info): string {
  if (!/\{\{[<%]/.test(node.value)) return defaultHandlers.text(node, parent, state, info)
  const literals: string[] = []
  const value = node.value.replace(/\{\{([<%])([\s\S]*?)([>%])\}\}/g, (whole, left: string, inner: string, right: string) => {
    if ((left === '<') !== (right === '>')) return whole
    literals.push(`{{${left}/*${inner}*/${right}}}`)
    return `\uE000${literals.length - 1}\uE001`
  })
  const safe = defaultHandlers.text({...node, value}, parent, state, info)
  return safe.replace(/\uE000(\d+)\uE001/g, (_, index: string) => literals[Number(index)]!)
}

/**
 * In code, real shortcodes are kept as source (listed on `data.shortcodes`)
 * and comment literals as their text: write the literals as comments again.
 */
function commentLiterals(node: Code | InlineCode, width: number): string {
  const real = (node.data?.shortcodes ?? []).map((item) => item.raw)
  const value = node.value
  let result = ''
  let pos = 0

  while (pos < value.length) {
    const start = value.slice(pos).search(/\{\{[<%]/)
    if (start === -1) break
    const at = pos + start
    result += value.slice(pos, at)
    const next = real[0]

    if (next !== undefined && value.startsWith(next, at)) {
      real.shift()
      result += unprefix(next, width)
      pos = at + next.length
      continue
    }

    const left = value.charAt(at + 2)
    const right = left === '<' ? '>}}' : '%}}'
    const end = value.indexOf(right, at + 3)
    if (end === -1) {
      result += value.slice(at)
      pos = value.length
      break
    }

    result += `{{${left}/*${value.slice(at + 3, end)}*/${right}`
    pos = end + 3
  }

  return result + value.slice(pos)
}

/** For each node that holds shortcode source, the width of the container prefixes in its source lines. */
type Prefixes = WeakMap<Nodes, number>

/**
 * Measure, for every node of a parsed tree, how wide the container prefixes
 * (list item indentation, `> ` quote markers) are on its source lines: the
 * column where the innermost list item or block quote puts its content.
 * Micromark never saw the lines of a shortcode call (Hugo's placeholder
 * stood in for them), so the call's source keeps these prefixes, while the
 * serializer writes the containers' own prefixes in front of every line.
 * Nodes without positions (made by transforms) measure 0. Iterative.
 */
function measurePrefixes(tree: Root, prefixes: Prefixes): void {
  const stack: Array<[Nodes, number]> = [[tree, 0]]

  while (stack.length > 0) {
    const [node, width] = stack.pop()!
    prefixes.set(node, width)
    if (!('children' in node)) continue
    let inner = width

    // A GitHub alert is written back as a block quote, with its prefixes.
    const quote =
      node.type === 'blockquote' || (node.type === 'containerDirective' && node.data?.callout?.syntax === 'gfm-alert')
    if (node.type === 'listItem' || quote) {
      const column = node.children[0]?.position?.start.column
      if (column !== undefined) inner = column - 1
    }

    for (const child of node.children) stack.push([child, inner])
  }
}

/**
 * Take the source's container prefixes (up to `width` characters of spaces,
 * tabs and `>`) off every line but the first of text written verbatim, so
 * that the containers' prefixes the serializer adds give back the source.
 */
function unprefix(text: string, width: number): string {
  if (width === 0) return text
  return text.replace(/(\r\n|\r|\n)([ \t>]*)/g, (_, eol: string, lead: string) => {
    return eol + lead.slice(Math.min(width, lead.length))
  })
}

/** Raw HTML as written, with the calls kept in it unprefixed as in {@link unprefix}. */
function unprefixShortcodes(value: string, node: Html, width: number): string {
  let result = value
  for (const item of node.data?.shortcodes ?? []) {
    if (/[\r\n]/.test(item.raw)) result = result.replace(item.raw, () => unprefix(item.raw, width))
  }

  return result
}

export type {Nodes, Root}
