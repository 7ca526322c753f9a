/**
 * Hugo's `.TableOfContents` (`markup/tableofcontents`, 0.111): headings are
 * placed by level into rows (each `h1` starts one), missing levels become
 * empty items, and the levels from `startLevel` to `endLevel` are written as
 * nested lists, indented two spaces a level, exactly as Hugo writes them.
 */

/** A heading as the table of contents sees it. */
export interface TocEntry {
  /** 1 to 6. */
  level: number
  /** The heading's id (`''` when it has none). */
  id: string
  /** The heading's content as HTML. */
  title: string
}

/** Hugo's `markup.tableOfContents`, resolved. */
export interface TocSettings {
  startLevel: number
  /** `-1`: no limit. */
  endLevel: number
  ordered: boolean
}

interface TocNode {
  id: string
  title: string
  children: TocNode[]
}

const empty = (): TocNode => ({id: '', title: '', children: []})

/**
 * The table of contents as Hugo writes it, or `''` when no heading is
 * within the levels.
 *
 * @param entries
 *   The page's headings, in order.
 * @param settings
 *   Levels and list type.
 */
export function buildToc(entries: readonly TocEntry[], settings: TocSettings): string {
  const inRange = entries.some((entry) => entry.level >= settings.startLevel && (settings.endLevel === -1 || entry.level <= settings.endLevel))
  if (!inRange) return ''

  const rows: TocNode[] = []
  let row = -1
  for (const entry of entries) {
    if (entry.level === 1 || row === -1) row++
    addAt(rows, {id: entry.id, title: entry.title, children: []}, row, entry.level - 1)
  }

  const parts: string[] = ['<nav id="TableOfContents">']
  writeHeadings(parts, settings, 1, 0, rows)
  parts.push('</nav>')
  return parts.join('')
}

function addAt(rows: TocNode[], heading: TocNode, row: number, level: number): void {
  while (rows.length <= row) rows.push(empty())
  if (level === 0) {
    rows[row] = heading
    return
  }

  let parent = rows[row]!
  for (let depth = 1; depth < level; depth++) {
    if (parent.children.length === 0) parent.children.push(empty())
    parent = parent.children.at(-1)!
  }

  parent.children.push(heading)
}

function writeHeadings(parts: string[], settings: TocSettings, level: number, indent: number, headings: readonly TocNode[]): void {
  if (level < settings.startLevel) {
    for (const heading of headings) writeHeadings(parts, settings, level + 1, indent, heading.children)
    return
  }

  if (settings.endLevel !== -1 && level > settings.endLevel) return
  const list = settings.ordered ? 'ol' : 'ul'
  if (headings.length > 0) parts.push('\n', '  '.repeat(indent + 1), `<${list}>\n`)
  for (const heading of headings) {
    parts.push('  '.repeat(indent + 2), '<li>')
    if (heading.id !== '' || heading.title !== '') parts.push(`<a href="#${escapeAttribute(heading.id)}">${heading.title}</a>`)
    writeHeadings(parts, settings, level + 1, indent + 2, heading.children)
    parts.push('</li>\n')
  }

  if (headings.length > 0) parts.push('  '.repeat(indent + 1), `</${list}>`, '\n', '  '.repeat(indent))
}

// Hugo writes the id as is; an explicit id is free text (`{id="a\"b"}`), so it is escaped here.
function escapeAttribute(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;')
}
