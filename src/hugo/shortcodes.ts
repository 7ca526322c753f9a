import {didYouMean} from '../util/did-you-mean.js'
import {diagnostic, type Diagnostic} from './diagnostic.js'
import type {ShortcodeRegistry} from './registry.js'
import {lexTag, type PageLexerState, type TagError} from './tag-lexer.js'
import type {ShortcodeCall, ShortcodeComment, ShortcodeTag} from './types.js'

/** The shortcodes of a page body: top-level calls (with nested ones inside) and comments. */
export interface LexedShortcodes {
  calls: ShortcodeCall[]
  comments: ShortcodeComment[]
  diagnostics: Diagnostic[]
}

type Event = {tag: ShortcodeTag; comment?: undefined} | {tag?: undefined; comment: ShortcodeComment}

/**
 * Find every shortcode of a page body, as Hugo's page lexer and
 * `extractShortcode` do: over the whole body (inside code too), pairing
 * closing tags by Hugo's set-of-open-names rule and deciding from the
 * registry whether a call has a body.
 *
 * Hugo stops at its first error; this goes on after each one (a broken tag
 * is kept when its end can be found, else read as text), so that one page
 * yields every problem. The exception is a tag that runs to the end of the
 * file: all that follows is inside it, so lexing stops there. Never throws;
 * iterative, so deep nesting cannot overflow the stack, and linear in the
 * size of the page even when most of it is broken tags.
 *
 * @param source
 *   The whole file.
 * @param from
 *   Offset where the body starts.
 * @param registry
 *   The known shortcodes.
 */
export function lexShortcodes(source: string, from: number, registry: ShortcodeRegistry): LexedShortcodes {
  const diagnostics: Diagnostic[] = []
  const events = scan(source, from, diagnostics)
  const {calls, comments} = pair(events, registry, diagnostics, source.length)
  checkRenderedComments(source, calls, registry, diagnostics)
  return {calls, comments, diagnostics}
}

function scan(source: string, from: number, diagnostics: Diagnostic[]): Event[] {
  const events: Event[] = []
  const state: PageLexerState = {seenNames: new Set(), anyName: false}
  const find = finders(source)
  let pos = from

  while (true) {
    const start = source.indexOf('{{', pos)
    if (start === -1) break
    const marker = source.charAt(start + 2)

    if (marker !== '<' && marker !== '%') {
      pos = start + 1
      continue
    }

    const right = marker === '<' ? '>}}' : '%}}'

    if (source.startsWith('/*', start + 3)) {
      const close = find('*/' + right, start + 3)

      if (close === -1 || close - (start + 3) <= 1) {
        diagnostics.push(
          diagnostic({
            ruleId: 'shortcode-comment-unclosed',
            severity: 'error',
            reason: `Unexpected unclosed shortcode comment, expected \`*/${right}\` to end it`,
            hint: `Write a literal shortcode as \`{{${marker}/* name */${right}\`, with \`*/\` right before \`${right}\``,
            hugo: 'comment must be closed',
            start,
            end: start + 5
          })
        )
        pos = start + 3
        continue
      }

      const end = close + 2 + right.length
      events.push({
        comment: {
          kind: 'comment',
          notation: marker,
          start,
          end,
          text: source.slice(start, start + 3) + source.slice(start + 5, close) + right
        }
      })
      pos = end
      continue
    }

    const result = lexTag(source, start, state)

    if (result.tag) {
      events.push({tag: result.tag})
      pos = result.tag.end
      continue
    }

    diagnostics.push(tagDiagnostic(source, start, result.error))

    // The tag read everything up to the end of the file as its own inside, so
    // every later `{{<` is inside it for Hugo too; lexing each of them again
    // would only repeat that error, at quadratic cost.
    if (result.error.code === 'unclosed-action') break

    const recovered = recover(start, right, result.error, find)

    if (recovered) {
      events.push({tag: recovered})
      pos = recovered.end
    } else {
      pos = start + 3
    }
  }

  return events
}

/**
 * After a lexer error, keep the tag when its name is known and its end can
 * be found before the next tag starts, so one typo in a parameter does not
 * turn the rest of the page into a cascade of pairing errors.
 */
function recover(start: number, right: string, error: TagError, find: Find): ShortcodeTag | undefined {
  if (!error.partial || error.code === 'unclosed-action') return undefined
  const end = find(right, error.at)
  if (end === -1) return undefined
  const next = nextTagStart(start + 3, find)
  if (next !== -1 && next < end) return undefined
  return {...error.partial, end: end + right.length}
}

function nextTagStart(from: number, find: Find): number {
  const angle = find('{{<', from)
  const percent = find('{{%', from)
  if (angle === -1) return percent
  if (percent === -1) return angle
  return Math.min(angle, percent)
}

type Find = (needle: string, from: number) => number

/**
 * `source.indexOf(needle, from)` that remembers its last answer per needle.
 * Error recovery searches for delimiters after every broken tag; on a page
 * with many broken tags and a needle that is far away or absent, plain
 * `indexOf` would scan the rest of the file each time (quadratic). An answer
 * found from an earlier offset stays right for any offset up to it, and a
 * miss stays a miss further on.
 */
function finders(source: string): Find {
  const memory = new Map<string, {from: number; found: number}>()
  return (needle, from) => {
    const last = memory.get(needle)
    if (last && from >= last.from && (last.found === -1 || from <= last.found)) return last.found
    const found = source.indexOf(needle, from)
    memory.set(needle, {from, found})
    return found
  }
}

const tagRules: Record<TagError['code'], {ruleId: string; hint: string}> = {
  'unclosed-action': {
    ruleId: 'shortcode-unclosed-tag',
    hint: 'End the tag with `>}}` (or `%}}` for `{{%`); an unquoted value runs to the next space, so `a=x>}}` swallows the delimiter'
  },
  'unclosed-close': {
    ruleId: 'shortcode-closing-tag',
    hint: 'A closing tag holds only the name: write `{{< /name >}}` on one line, with no parameters'
  },
  'none-open': {ruleId: 'shortcode-close-unopened', hint: 'Remove the closing tag, or add the opening tag before it'},
  'close-mismatch': {
    ruleId: 'shortcode-close-unopened',
    hint: 'Close the shortcode with its own name, e.g. `{{< /callout >}}` for `{{< callout >}}`'
  },
  'mixed-named': {ruleId: 'shortcode-params-mixed', hint: 'Give every parameter a name (`key="value"`) or none'},
  'mixed-positional': {ruleId: 'shortcode-params-mixed', hint: 'Give every parameter a name (`key="value"`) or none'},
  'mixed-quoted': {ruleId: 'shortcode-params-mixed', hint: 'Give every parameter a name (`key="value"`) or none'},
  'bad-character': {
    ruleId: 'shortcode-param-unquoted',
    hint: 'Quote the value with double quotes or backticks; single quotes are not quotes to Hugo'
  },
  'unterminated-quoted': {
    ruleId: 'shortcode-param-unterminated',
    hint: 'Close the double-quoted value on the same line, or use a backtick value to span lines'
  },
  'unterminated-raw': {ruleId: 'shortcode-param-unterminated', hint: 'Close the backtick value with a second backtick'},
  'bad-escape': {
    ruleId: 'shortcode-param-escape',
    hint: 'A backtick cannot be escaped; use a double-quoted value to hold a backtick'
  },
  'no-name': {ruleId: 'shortcode-name', hint: 'Write the shortcode’s name right after `{{<`, e.g. `{{< callout >}}`'},
  'period-in-name': {
    ruleId: 'shortcode-name',
    hint: 'Names hold letters, digits, `_`, `-` and `/`; a period only in an `.inline` name'
  }
}

function tagDiagnostic(source: string, start: number, error: TagError): Diagnostic {
  const {ruleId, hint} = tagRules[error.code]
  const found = describeAt(source, error.at)
  const reasons: Record<TagError['code'], string> = {
    'unclosed-action': 'Unexpected end of file in a shortcode tag, expected `>}}` or `%}}` to end it',
    'unclosed-close': `Unexpected ${found} after the name of a closing tag, expected the end of the tag`,
    'none-open': 'Unexpected closing tag, expected an opening tag before it',
    'close-mismatch': `Unexpected closing tag for \`${error.partial?.name ?? nameAt(source, error.at)}\`, expected the closing tag of a shortcode opened before it`,
    'mixed-named': 'Unexpected named parameter after positional ones, expected positional parameters only',
    'mixed-positional': 'Unexpected positional parameter after named ones, expected named parameters only',
    'mixed-quoted': 'Unexpected quoted positional parameter after named ones, expected named parameters only',
    'bad-character': `Unexpected ${found} in a shortcode tag, expected a name, a parameter or the end of the tag`,
    'unterminated-quoted': 'Unexpected end of line in a double-quoted value, expected a closing `"`',
    'unterminated-raw': 'Unexpected end of file in a backtick value, expected a closing backtick',
    'bad-escape': 'Unexpected escaped backtick, expected a backtick value without escapes',
    'period-in-name': 'Unexpected `.` in a shortcode name, expected letters, digits, `_`, `-` or `/`',
    'no-name': 'Unexpected tag without a name, expected a shortcode name after the opening delimiter'
  }
  const whole = error.code === 'unclosed-action' || error.code === 'no-name'
  return diagnostic({
    ruleId,
    severity: 'error',
    reason: reasons[error.code],
    hint,
    hugo: error.message,
    start: whole ? start : error.at,
    end: whole ? start + 3 : Math.min(error.at + 1, source.length)
  })
}

function describeAt(source: string, at: number): string {
  const code = source.codePointAt(at)
  if (code === undefined) return 'end of file'
  const char = String.fromCodePoint(code)
  if (char === '\n' || char === '\r') return 'line ending'
  return '`' + char + '`'
}

function nameAt(source: string, at: number): string {
  return /^[^\s>%}]*/.exec(source.slice(at, at + 100))?.[0] ?? ''
}

function pair(events: Event[], registry: ShortcodeRegistry, diagnostics: Diagnostic[], endOfFile: number) {
  const calls: ShortcodeCall[] = []
  const comments: ShortcodeComment[] = []
  const stack: ShortcodeCall[] = []
  // For unknown names: does a closing tag of the same name come later?
  const lastClose = new Map<string, number>()
  events.forEach((event, index) => {
    if (event.tag?.kind === 'close') lastClose.set(event.tag.name, index)
  })

  for (const [index, event] of events.entries()) {
    const parent = stack.at(-1)

    if (event.comment) {
      ;(parent ? parent.comments : comments).push(event.comment)
      continue
    }

    const tag = event.tag

    if (tag.kind === 'close') {
      closeTag(tag, stack, diagnostics)
      continue
    }

    const inline = tag.name.endsWith('.inline')
    const definition = registry.get(tag.name)
    let takesBody: boolean

    if (inline) {
      takesBody = true
    } else if (definition) {
      takesBody = definition.body
    } else {
      takesBody = (lastClose.get(tag.name) ?? -1) > index
      const suggestion = didYouMean(tag.name, registry.names())
      diagnostics.push(
        diagnostic({
          ruleId: 'shortcode-unknown',
          severity: 'error',
          reason: `Unexpected unknown shortcode \`${tag.name}\`, expected ${suggestion ? `\`${suggestion}\` or another` : 'one'} of the site's shortcodes`,
          hint: suggestion
            ? `Did you mean \`${suggestion}\`?`
            : `Add a template \`layouts/shortcodes/${tag.name}.html\` to the site, or declare it in the \`shortcodes\` option`,
          hugo: `failed to extract shortcode: template for shortcode "${tag.name}" not found`,
          start: tag.nameStart,
          end: tag.nameStart + tag.name.length,
          actual: tag.name,
          ...(suggestion ? {expected: [suggestion]} : {})
        })
      )
    }

    if (parent?.inline) {
      diagnostics.push(
        diagnostic({
          ruleId: 'shortcode-inline-nesting',
          severity: 'error',
          reason: `Unexpected shortcode \`${tag.name}\` inside inline shortcode \`${parent.name}\`, expected template code only`,
          hint: 'Inline shortcodes hold template code; move the nested shortcode out of it',
          hugo: 'inline shortcodes do not support nesting',
          start: tag.start,
          end: tag.end
        })
      )
    }

    const call: ShortcodeCall = {
      name: tag.name,
      notation: tag.notation,
      params: tag.params,
      inline,
      open: tag,
      selfClosed: tag.selfClosing,
      takesBody,
      closed: true,
      children: [],
      comments: [],
      depth: stack.length,
      start: tag.start,
      end: tag.end
    }
    if (tag.named !== undefined) call.named = tag.named
    ;(parent ? parent.children : calls).push(call)

    if (tag.selfClosing) {
      if (!takesBody && !inline) {
        const right = tag.notation === '<' ? '>}}' : '%}}'
        diagnostics.push(
          diagnostic({
            ruleId: 'shortcode-no-body',
            severity: 'error',
            reason: `Unexpected self-closing \`/\` on \`${tag.name}\`, expected \`{{${tag.notation} ${tag.name} ${right}\`: its template does not use \`.Inner\``,
            hint: 'Remove the `/` before the closing delimiter',
            hugo: `failed to extract shortcode: shortcode "${tag.afterSlash ?? right}" does not evaluate .Inner or .InnerDeindent, yet a closing tag was provided`,
            start: tag.start,
            end: tag.end
          })
        )
      } else if (tag.afterSlash !== undefined) {
        diagnostics.push(
          diagnostic({
            ruleId: 'shortcode-self-closing-params',
            severity: 'warning',
            reason: `Unexpected \`${tag.afterSlash}\` after the self-closing \`/\`, expected the end of the tag`,
            hint: 'Hugo 0.111 drops what follows the `/` and Hugo ≥ 0.143 rejects it: put parameters before the `/`',
            start: tag.start,
            end: tag.end
          })
        )
      }

      continue
    }

    if (takesBody) {
      call.innerStart = tag.end
      stack.push(call)
    }
  }

  // Calls still open at the end of the file form a chain: the bottom one is a
  // top-level call and each other one is the last child of the one below it.
  // Each keeps no body and what it held moves up to the top level, in source
  // order. One pass from the bottom and no spread arguments, so a page of many
  // thousands of unclosed tags stays linear and cannot overflow the stack.
  for (const call of stack) {
    const right = call.notation === '<' ? '>}}' : '%}}'
    diagnostics.push(
      diagnostic({
        ruleId: 'shortcode-unclosed',
        severity: 'error',
        reason: `Unexpected end of file, expected \`{{${call.notation} /${call.name} ${right}\` to close \`${call.name}\` (or a self-closing \`{{${call.notation} ${call.name} /${right}\`)`,
        hint: `Hugo ≥ 0.111 requires every call of \`${call.name}\` to be closed or self-closed`,
        hugo: `failed to extract shortcode: shortcode "${call.name}" must be closed or self-closed`,
        start: call.open.start,
        end: call.open.end,
        // Hugo only finds out at the end of the file.
        detectedAt: endOfFile
      })
    )
    call.closed = false
    call.innerEnd = call.open.end
    for (const child of call.children) calls.push(child)
    for (const comment of call.comments) comments.push(comment)
    call.children = []
    call.comments = []
  }

  setDepths(calls)
  return {calls, comments}
}

function closeTag(tag: ShortcodeTag, stack: ShortcodeCall[], diagnostics: Diagnostic[]): void {
  const call = stack.pop()
  const right = tag.notation === '<' ? '>}}' : '%}}'

  if (!call) {
    const name = tag.name || right
    diagnostics.push(
      diagnostic({
        ruleId: 'shortcode-close-unopened',
        severity: 'error',
        reason: `Unexpected closing tag \`{{${tag.notation} /${tag.name} ${right}\`, expected an open shortcode before it`,
        hint: 'Remove the extra closing tag, or check that the shortcode’s template uses `.Inner`',
        // Hugo names the token after the `/`: the closing delimiter when there is no name.
        hugo: `failed to extract shortcode: shortcode "${name}" does not evaluate .Inner or .InnerDeindent, yet a closing tag was provided`,
        start: tag.start,
        end: tag.end
      })
    )
    return
  }

  if (tag.name === '') {
    diagnostics.push(
      diagnostic({
        ruleId: 'shortcode-closing-name',
        severity: 'warning',
        reason: `Unexpected closing tag without a name, expected \`{{${tag.notation} /${call.name} ${right}\``,
        hint: `Hugo closes the innermost open shortcode (\`${call.name}\`) with it; name it so readers and tools see which`,
        start: tag.start,
        end: tag.end
      })
    )
  } else if (call.name !== tag.name) {
    diagnostics.push(
      diagnostic({
        ruleId: 'shortcode-close-order',
        severity: 'warning',
        reason: `Unexpected closing tag for \`${tag.name}\`, expected \`{{${tag.notation} /${call.name} ${right}\` first`,
        hint: `Hugo closes the innermost open shortcode (\`${call.name}\`) with it; close shortcodes in the reverse order of opening`,
        start: tag.start,
        end: tag.end
      })
    )
  }

  call.close = tag
  call.innerEnd = tag.start
  call.end = tag.end
}

function setDepths(calls: ShortcodeCall[]): void {
  const pending: Array<[ShortcodeCall, number]> = calls.map((call) => [call, 0])
  while (pending.length > 0) {
    const [call, depth] = pending.pop()!
    call.depth = depth
    for (const child of call.children) pending.push([child, depth + 1])
  }
}

/**
 * Doks' callout (and `step`, and `tabs` for each `tab`) passes its body to
 * `RenderString`, which lexes shortcodes again: a comment's literal text
 * there is a real tag the second time. Lex such bodies as Hugo then sees
 * them and report what breaks, at the comment.
 */
function checkRenderedComments(
  source: string,
  calls: ShortcodeCall[],
  registry: ShortcodeRegistry,
  diagnostics: Diagnostic[]
): void {
  const pending = [...calls]

  while (pending.length > 0) {
    const call = pending.pop()!
    for (const child of call.children) pending.push(child)
    if (call.comments.length === 0 || !registry.get(call.name)?.rendersInner) continue
    // Nested calls are already replaced by their output, unknown here, so empty.
    const text = innerText(source, call, () => '')
    const again = lexShortcodes(text, 0, registry).diagnostics.find((item) => item.severity === 'error' && item.hugo)
    if (!again) continue
    const comment = call.comments[0]!
    diagnostics.push(
      diagnostic({
        ruleId: 'shortcode-comment-rendered',
        severity: 'error',
        reason: `Unexpected shortcode comment in the body of \`${call.name}\`, expected literal text: its template renders the body again, which runs \`${comment.text.slice(0, 60)}\``,
        hint: 'Show the shortcode in a code block outside the callout, or write `{{&lt;` instead of `{{<`',
        hugo: `failed to render shortcode "${call.name}": error calling RenderString: ${again.hugo}`,
        start: comment.start,
        end: comment.end
      })
    )
  }
}

/**
 * The body of a call as its template receives it in `.Inner`: the source
 * between the tags, comments as their literal text and each nested call as
 * the text `nested` gives for it (Hugo splices in its output).
 *
 * @param source
 *   The whole file.
 * @param call
 *   A call with a body.
 * @param nested
 *   The text standing for a nested call.
 */
export function innerText(source: string, call: ShortcodeCall, nested: (child: ShortcodeCall) => string): string {
  if (call.innerStart === undefined || call.innerEnd === undefined) return ''
  const pieces = [
    ...call.children.map((child) => ({start: child.start, end: child.end, text: nested(child)})),
    ...call.comments.map((comment) => ({start: comment.start, end: comment.end, text: comment.text}))
  ].sort((a, b) => a.start - b.start)
  let text = ''
  let last = call.innerStart
  for (const piece of pieces) {
    text += source.slice(last, piece.start) + piece.text
    last = piece.end
  }

  return text + source.slice(last, call.innerEnd)
}
