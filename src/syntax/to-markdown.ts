import type {Code, InlineCode, Nodes, Parents, Root, Text} from 'mdast'
import {
  directiveToMarkdown,
  type ContainerDirective,
  type LeafDirective,
  type TextDirective
} from 'mdast-util-directive'
import {frontmatterToMarkdown} from 'mdast-util-frontmatter'
import {gfmToMarkdown} from 'mdast-util-gfm'
import {defaultHandlers, type Handle, type Info, type Options, type State} from 'mdast-util-to-markdown'
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

  const directive = (node: Directive, parent: Parents | undefined, state: State, info: Info): string => {
    const hugo = node.data?.hugo
    if (hugo) return shortcode(node, hugo, state, info)
    if (node.type === 'containerDirective' && node.data?.callout?.syntax === 'gfm-alert') {
      return alert(node, state, info)
    }

    const handle = directiveHandlers[node.type] as Handle
    return handle(node, parent, state, info)
  }

  return {
    extensions: [gfmToMarkdown(), frontmatterToMarkdown(['yaml', 'toml']), {unsafe: directives.unsafe ?? []}],
    handlers: {
      containerDirective: directive,
      leafDirective: directive,
      textDirective: directive,
      text: literalText,
      code: literalCode,
      inlineCode: literalInlineCode,
      link: keepShortcodeFields(defaultHandlers.link as Handle),
      image: keepShortcodeFields(defaultHandlers.image as Handle),
      definition: keepShortcodeFields(defaultHandlers.definition as Handle),
      json: (node: {value: string}) => node.value,
      org: (node: {value: string}) => node.value.replace(/\r?\n$/, '')
    } as Options['handlers']
  }
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
    const copy = {...record, url: swap(record.url), title: swap(record.title), alt: swap(record.alt)}
    const written = handle(copy as never, parent, state, info)
    return written.replace(/SLAMARKKEEP(\d+)X/g, (_, index: string) => raws[Number(index)]!)
  }
}

function shortcode(node: Directive, hugo: HugoShortcodeData, state: State, info: Info): string {
  const right = hugo.notation === '<' ? '>}}' : '%}}'
  const left = '{{' + hugo.notation
  const params = hugo.params.map(formatParam).join(' ')
  const open = `${left} ${hugo.name}${params ? ' ' + params : ''} ${hugo.selfClosed ? '/' : ''}${right}`
  const close = `${left} /${hugo.name} ${right}`

  if (!hugo.takesBody || hugo.selfClosed || !hugo.closed) return open

  if (node.type === 'textDirective' || hugo.truncated) {
    // Inline and over-deep bodies are written back as they were in the source.
    return open + (hugo.inner ?? '') + close
  }

  const exit = state.enter('containerDirective' as never)
  const body = state.containerFlow(node as ContainerDirective, info)
  exit()
  return body ? `${open}\n${body}\n${close}` : `${open}\n${close}`
}

/**
 * Write a parameter so that Hugo reads back the same value and type:
 * unquoted when it was (and still lexes as the same token), otherwise
 * double-quoted unless the value holds a quote or a newline, then in backticks.
 */
function formatParam(param: HugoParam): string {
  const value = typeof param.value === 'string' ? param.value : String(param.value)
  let written: string

  if (typeof param.value !== 'string' || (param.quote === 'none' && /^[^\s"`\\]+$/.test(value) && value !== '')) {
    written = value
  } else if (param.quote === 'raw' || /["\n]/.test(value) || (value.includes('\\') && value.includes('"'))) {
    written = value.includes('`') ? `"${value.replaceAll('"', '\\"')}"` : '`' + value + '`'
  } else {
    written = `"${value}"`
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

function literalCode(node: Code, parent: Parents | undefined, state: State, info: Info): string {
  return defaultHandlers.code({...node, value: commentLiterals(node)}, parent, state, info)
}

function literalInlineCode(node: InlineCode, parent: Parents | undefined, state: State): string {
  return defaultHandlers.inlineCode({...node, value: commentLiterals(node)}, parent, state)
}

/**
 * In code, real shortcodes are kept as source (listed on `data.shortcodes`)
 * and comment literals as their text: write the literals as comments again.
 */
function commentLiterals(node: Code | InlineCode): string {
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
      result += next
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

export type {Nodes, Root}
