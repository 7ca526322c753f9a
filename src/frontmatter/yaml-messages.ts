/**
 * Wording of the `yaml` package's errors and warnings as "Unexpected X,
 * expected Y" with a hint.
 *
 * The package words its messages for YAML experts; the common mistakes in
 * front matter (a `:` inside an unquoted title, tabs, an unclosed quote) get
 * a reason and hint of their own, the rest a generic reason that keeps the
 * parser's message in the hint.
 */

import type {YAMLError} from 'yaml'
import {code, describeAt} from './text.js'

/**
 * Word a parser problem as "Unexpected X, expected Y" with a hint.
 *
 * @param problem
 *   The parser's error or warning.
 * @param text
 *   The YAML text.
 * @param start
 *   Where the problem starts in `text`.
 */
export function explainParserProblem(
  problem: YAMLError,
  text: string,
  start: number
): {reason: string; hint: string} {
  const at = describeAt(text, start)
  const message = problem.message

  switch (problem.code) {
    case 'BLOCK_AS_IMPLICIT_KEY': {
      const lineEnd = text.indexOf('\n', start)
      const rest = text.slice(start, lineEnd === -1 ? undefined : lineEnd).trim()
      return {
        reason: `Unexpected mapping inside the value ${code(rest)}, expected a single value after the key`,
        hint: 'Quote a value that contains `: `, e.g. `title: "Support: hours"`; a nested mapping goes on its own indented lines.'
      }
    }

    case 'MULTILINE_IMPLICIT_KEY': {
      return {
        reason: 'Unexpected line break in a key, expected `key: value` on one line',
        hint: 'A line without `: ` is read as the start of a key that continues on the next line: add the missing `:`, or quote the text.'
      }
    }

    case 'TAB_AS_INDENT': {
      return {
        reason: 'Unexpected tab in indentation, expected spaces',
        hint: 'YAML does not allow tabs for indentation: indent with spaces.'
      }
    }

    case 'BAD_SCALAR_START': {
      return {
        reason: `Unexpected ${at} at the start of a value, expected a quoted value`,
        hint: 'A plain YAML value cannot start with `@`, `` ` `` or `%`: wrap the value in quotes.'
      }
    }

    case 'BAD_DQ_ESCAPE': {
      return {
        reason: `Unexpected escape ${code(text.slice(start, start + 2))} in a double-quoted value, expected one of \`\\\\\`, \`\\"\`, \`\\n\`, \`\\t\` or \`\\uXXXX\``,
        hint: 'Write a backslash as `\\\\`, or use single quotes, in which a backslash is plain text.'
      }
    }

    case 'MULTIPLE_DOCS': {
      return {
        reason: 'Unexpected second YAML document, expected a single mapping',
        hint: 'Remove the `...` or `---` line inside the front matter.'
      }
    }

    case 'MULTIPLE_ANCHORS':
    case 'MULTIPLE_TAGS': {
      const what = problem.code === 'MULTIPLE_TAGS' ? 'tag' : 'anchor'
      return {
        reason: `Unexpected second ${what} ${at}, expected at most one ${what} per value`,
        hint: `Remove one of the ${what}s.`
      }
    }

    case 'TAG_RESOLVE_FAILED': {
      return {
        reason: `Unexpected unknown tag ${at}, expected no tag or a standard one such as \`!!str\``,
        hint: 'The tag is ignored and the value is read as if it had none; remove the tag.'
      }
    }

    case 'BAD_INDENT': {
      const closer = /end with an? ([\]}])/.exec(message)?.[1]
      if (closer) {
        return {
          reason: `Unexpected ${at}, expected \`${closer}\` to close the ${closer === ']' ? 'list' : 'mapping'} opened above`,
          hint: `Close the \`${closer === ']' ? '[' : '{'}\` on the same line, or indent its continuation lines.`
        }
      }

      return {
        reason: `Unexpected indentation at ${at}, expected every key of a mapping at the same column`,
        hint: `Align the keys with spaces (${message}).`
      }
    }

    case 'MISSING_CHAR': {
      const quote = /closing (["'])quote/.exec(message)?.[1]
      if (quote) {
        return {
          reason: `Unexpected ${at}, expected a closing \`${quote}\``,
          hint: `Close the quoted value with \`${quote}\` on the same value; to put \`${quote}\` inside it, ${quote === '"' ? 'write `\\"`' : "write `''`"}.`
        }
      }

      if (/followed by map values/.test(message)) {
        return {
          reason: `Unexpected ${at}, expected \`key: value\``,
          hint: 'Every line of YAML front matter is `key: value` (or a `- item` of a list): add the missing `: `.'
        }
      }

      break
    }

    case 'UNEXPECTED_TOKEN': {
      if (/at node end/.test(message)) {
        return {
          reason: `Unexpected ${at} after the value, expected a line break`,
          hint: 'Text after a closing quote must be inside the quotes, e.g. `title: "a" b` → `title: "a b"`.'
        }
      }

      if (/block-seq-ind on same line/.test(message)) {
        return {
          reason: 'Unexpected `-` on the line of its key, expected list items on their own lines',
          hint: 'Write `key:` and then one `  - item` per line, or `key: [a, b]`.'
        }
      }

      break
    }

    default: {
      break
    }
  }

  if (/call stack|nest/i.test(message)) {
    return {
      reason: 'Unexpected nesting deeper than the parser can follow, expected a flatter structure',
      hint: 'Front matter does not need such depth: flatten the data.'
    }
  }

  return {
    reason: `Unexpected ${at}, expected valid YAML`,
    hint: `The YAML parser says: ${message.replace(/\.+$/, '')}.`
  }
}
