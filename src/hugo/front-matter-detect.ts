import {diagnostic, type Diagnostic} from './diagnostic.js'
import type {FrontMatterBlock} from './types.js'

/** Where the front matter is and where the body starts. */
export interface DetectedFrontMatter {
  /** Whether the file starts with a UTF-8 byte order mark. */
  bom: boolean
  /** The front matter block, when the file has a usable one. */
  block?: FrontMatterBlock
  /** Offset where Hugo's content (the body) starts. */
  bodyStart: number
  diagnostics: Diagnostic[]
}

const refusedLanguages = new Set(['js', 'javascript', 'coffee', 'coffeescript'])

/**
 * Detect front matter as Hugo's `lexIntroSection` does: a BOM and leading
 * blank lines are skipped, then the first character decides the format
 * (`-` YAML, `+` TOML, `{` JSON, `#+` Org, anything else none).
 *
 * Never throws; Hugo's errors become diagnostics and the whole file is then
 * treated as body, so the rest of the page can still be checked.
 *
 * @param source
 *   The whole file.
 */
export function detectFrontMatter(source: string): DetectedFrontMatter {
  const bom = source.charCodeAt(0) === 0xfe_ff
  let pos = bom ? 1 : 0

  while (pos < source.length && /[ \t\r\n]/.test(source.charAt(pos))) pos++

  const first = source.charAt(pos)

  if (first === '-' || first === '+') {
    return delimited(source, bom, pos, first === '-' ? 'yaml' : 'toml')
  }

  if (first === '{') return json(source, bom, pos)

  if (first === '#' && source.charAt(pos + 1) === '+') return org(source, bom, pos)

  return {bom, bodyStart: bom ? 1 : 0, diagnostics: []}
}

function delimited(
  source: string,
  bom: boolean,
  start: number,
  format: 'yaml' | 'toml'
): DetectedFrontMatter {
  const delimiter = format === 'yaml' ? '---' : '+++'
  const name = format === 'yaml' ? 'YAML' : 'TOML'
  const noMatter = {bom, bodyStart: bom ? 1 : 0}

  if (!source.startsWith(delimiter, start)) {
    const lineEnd = endOfLine(source, start)
    return {
      ...noMatter,
      diagnostics: [
        diagnostic({
          ruleId: 'front-matter-delimiter',
          severity: 'error',
          reason: `Unexpected \`${source.slice(start, Math.min(lineEnd, start + 20))}\` at the start of the file, expected \`${delimiter}\` to open ${name} front matter`,
          hint: `Hugo reads a file whose first character is \`${delimiter.charAt(0)}\` as ${name} front matter; start the file with front matter, or put the text after it`,
          hugo: `invalid ${name} delimiter`,
          start,
          end: lineEnd
        })
      ]
    }
  }

  let pos = start + 3
  const afterDelimiter = source.slice(pos, endOfLine(source, pos)).trim()

  if (refusedLanguages.has(afterDelimiter.toLowerCase())) {
    return {
      ...noMatter,
      diagnostics: [
        diagnostic({
          ruleId: 'front-matter-language',
          severity: 'error',
          reason: `Unexpected front matter language \`${afterDelimiter}\`, expected YAML, TOML or JSON`,
          hint: 'Front matter is data, never code: slamark does not execute it; write it as YAML, TOML or JSON',
          start,
          end: endOfLine(source, pos),
          actual: afterDelimiter,
          expected: ['yaml', 'toml', 'json']
        })
      ]
    }
  }

  // Hugo skips one line ending after the opening delimiter; anything else on
  // that line (trailing spaces) belongs to the front matter text.
  pos = skipLineEnding(source, pos)
  const valueStart = pos
  let atLineStart = pos > start + 3

  while (pos < source.length) {
    if (atLineStart && source.startsWith(delimiter, pos)) {
      const closeEnd = skipLineEnding(source, pos + 3)
      return {
        bom,
        bodyStart: closeEnd,
        diagnostics: [],
        block: {
          format,
          start,
          end: closeEnd,
          valueStart,
          value: source.slice(valueStart, pos)
        }
      }
    }

    atLineStart = source.charAt(pos) === '\n'
    pos++
  }

  return {
    ...noMatter,
    diagnostics: [
      diagnostic({
        ruleId: 'front-matter-unclosed',
        severity: 'error',
        reason: `Unexpected end of file, expected a line starting with \`${delimiter}\` to close the ${name} front matter`,
        hint:
          format === 'yaml'
            ? 'Close the front matter with `---` on its own line (YAML’s `...` does not close it for Hugo)'
            : 'Close the front matter with `+++` on its own line',
        hugo: `EOF looking for end ${name} front matter delimiter`,
        start,
        end: start + 3
      })
    ]
  }
}

function json(source: string, bom: boolean, start: number): DetectedFrontMatter {
  let level = 0
  let inQuote = false
  let pos = start

  while (pos < source.length) {
    const char = source.charAt(pos)
    pos++

    if (char === '{') {
      if (!inQuote) level++
    } else if (char === '}') {
      if (!inQuote) level--
    } else if (char === '"') {
      inQuote = !inQuote
    } else if (char === '\\') {
      // Hugo skips the next character so an escaped quote does not count.
      pos++
    }

    if (level === 0) break
  }

  const value = source.slice(start, Math.min(pos, source.length))

  if (/^\{\{[<%]/.test(value) || source.startsWith('{{<', start) || source.startsWith('{{%', start)) {
    return {
      bom,
      bodyStart: bom ? 1 : 0,
      diagnostics: [
        diagnostic({
          ruleId: 'front-matter-shortcode-first',
          severity: 'error',
          reason: 'Unexpected shortcode at the start of the file, expected front matter or text before it',
          hint: 'Hugo reads a file that starts with `{` as JSON front matter; add front matter (even `---\\n---`) or a line of text before the shortcode',
          hugo: "unmarshal failed: invalid character '{' looking for beginning of object key string",
          start,
          end: Math.min(pos, source.length)
        })
      ]
    }
  }

  if (level !== 0) {
    return {
      bom,
      bodyStart: bom ? 1 : 0,
      diagnostics: [
        diagnostic({
          ruleId: 'front-matter-unclosed',
          severity: 'error',
          reason: 'Unexpected end of file, expected `}` to close the JSON front matter',
          hint: 'Balance the braces of the JSON object at the start of the file',
          hugo: 'unexpected EOF parsing JSON front matter',
          start,
          end: start + 1
        })
      ]
    }
  }

  const bodyStart = skipLineEnding(source, pos)
  return {
    bom,
    bodyStart,
    diagnostics: [],
    block: {format: 'json', start, end: bodyStart, valueStart: start, value}
  }
}

function org(source: string, bom: boolean, start: number): DetectedFrontMatter {
  let pos = start

  // Org keywords: consecutive lines that start with `#+`.
  while (source.startsWith('#+', pos)) {
    pos = skipLineEnding(source, endOfLine(source, pos))
  }

  return {
    bom,
    bodyStart: pos,
    diagnostics: [],
    block: {format: 'org', start, end: pos, valueStart: start, value: source.slice(start, pos)}
  }
}

function endOfLine(source: string, pos: number): number {
  const index = source.indexOf('\n', pos)
  return index === -1 ? source.length : index
}

// Hugo's `consumeCRLF`: an optional CR, then an optional LF.
function skipLineEnding(source: string, pos: number): number {
  if (source.charAt(pos) === '\r') pos++
  if (source.charAt(pos) === '\n') pos++
  return pos
}
