/**
 * The page shell: the HTML around every page, with slots written as
 * comments in the manner of Vite's server-rendering templates
 * (`<!--slamark-content-->` where Vite's examples write `<!--app-html-->`).
 * slamark's own shell is `layouts/page.html` of the package; a site's own
 * `layouts/page.html` replaces it.
 */
import {readFileSync} from 'node:fs'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {VFile} from 'vfile'
import {lineIndexFor} from '../syntax/line-index.js'
import {report} from '../syntax/messages.js'
import {readDataFile} from '../transform/read-data-file.js'
import {layoutSlotMissingRuleId, layoutSlotUnknownRuleId, layoutUnreadableRuleId} from './rules.js'

/** The slots a shell may have. */
export const slotNames = ['head', 'brand', 'nav', 'title', 'content', 'toc', 'footer'] as const

/** A slot's name. */
export type SlotName = (typeof slotNames)[number]

/** Slots every shell must have: without them a page has no content or no styles. */
const requiredSlots: readonly SlotName[] = ['head', 'content']

/** A shell, cut at its slots. */
export interface PageShell {
  /** The layout file, with any problems found in it. */
  file: VFile
  /** Text and slots in turn: text, slot, text, …, text. */
  parts: string[]
  /** The slot names at the odd indexes of `parts`. */
  slots: SlotName[]
}

const slotPattern = /<!--slamark-([a-z]+)-->/g

/** slamark's own `layouts/page.html`. */
export const defaultShellPath: string = fileURLToPath(new URL('../../layouts/page.html', import.meta.url))

/**
 * Read the shell of a site: its own `layouts/page.html` when it has one,
 * else slamark's.
 *
 * @param root
 *   The site folder (its `layouts/page.html` is looked for), or `undefined`
 *   for a content folder.
 * @param cwd
 *   The folder message paths are relative to.
 */
export function loadShell(root: string | undefined, cwd: string): PageShell {
  const own = root === undefined ? undefined : readDataFile(root, 'layouts/page.html', ['.html'])
  if (own && own.ok) return parseShell(own.text, path.relative(cwd, own.absolute))
  const shell = parseShell(readFileSync(defaultShellPath, 'utf8'), path.relative(cwd, defaultShellPath))
  // A layout that exists but cannot be read is reported; a missing one is the default's cue.
  if (own && !own.ok && own.ruleId !== 'data-file-missing') {
    const message = shell.file.message(own.reason, {ruleId: layoutUnreadableRuleId, source: 'slamark'})
    message.fatal = true
    message.note = own.hint
  }

  return shell
}

/**
 * Cut a shell's text at its slots and check them.
 *
 * @param text
 *   The layout's HTML.
 * @param filePath
 *   Its path, for messages.
 */
export function parseShell(text: string, filePath: string): PageShell {
  const file = new VFile({path: filePath, value: text})
  const lines = lineIndexFor(file)
  const parts: string[] = []
  const slots: SlotName[] = []
  let last = 0
  for (const match of text.matchAll(slotPattern)) {
    const name = match[1]!
    if (!(slotNames as readonly string[]).includes(name)) {
      report(
        file,
        {
          ruleId: layoutSlotUnknownRuleId,
          severity: 'warning',
          reason: `Unexpected slot \`${match[0]}\`, expected one of ${slotNames.map((slot) => `\`<!--slamark-${slot}-->\``).join(', ')}`,
          hint: 'The comment is left in the page as it is',
          start: match.index,
          end: match.index + match[0].length
        },
        lines
      )
      continue
    }

    parts.push(text.slice(last, match.index))
    slots.push(name as SlotName)
    last = match.index + match[0].length
  }

  parts.push(text.slice(last))
  for (const slot of requiredSlots) {
    if (slots.includes(slot)) continue
    report(
      file,
      {
        ruleId: layoutSlotMissingRuleId,
        severity: 'error',
        reason: `Unexpected layout without \`<!--slamark-${slot}-->\`, expected the ${slot} slot`,
        hint: slot === 'head' ? 'Put `<!--slamark-head-->` in `<head>`: the title, styles and scripts go there' : 'Put `<!--slamark-content-->` where the page’s content goes',
        start: 0,
        end: 0
      },
      lines
    )
  }

  return {file, parts, slots}
}

/**
 * A page: the shell with its slots filled (a slot without a value is left
 * empty; a slot used twice is filled twice).
 *
 * @param shell
 *   The shell.
 * @param values
 *   HTML by slot.
 */
export function fillShell(shell: PageShell, values: Partial<Record<SlotName, string>>): string {
  let html = shell.parts[0]!
  for (let index = 0; index < shell.slots.length; index++) html += (values[shell.slots[index]!] ?? '') + shell.parts[index + 1]!
  return html
}
