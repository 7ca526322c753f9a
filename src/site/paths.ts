/**
 * Content paths as Hugo reads them: a file's name without extension, its
 * folder, the folders above it, a title made from a name, and the output
 * file of a permalink.
 */

/**
 * A content file's name without its extension (`docs/sla.md` → `sla`).
 *
 * @param contentPath
 *   A path inside the content folder, with `/`.
 */
export function stem(contentPath: string): string {
  const name = contentPath.slice(contentPath.lastIndexOf('/') + 1)
  const dot = name.lastIndexOf('.')
  return dot === -1 ? name : name.slice(0, dot)
}

/**
 * The folder of a content path (`''` at the top).
 *
 * @param contentPath
 *   A path inside the content folder, with `/`.
 */
export function parentOf(contentPath: string): string {
  const slash = contentPath.lastIndexOf('/')
  return slash === -1 ? '' : contentPath.slice(0, slash)
}

/**
 * A folder and every folder above it, nearest first (not the top).
 *
 * @param folder
 *   A folder inside the content folder.
 */
export function ancestorsOf(folder: string): string[] {
  const result: string[] = []
  for (let current = folder; current !== ''; current = parentOf(current)) result.push(current)
  return result
}

/**
 * A title for a page or section without one: its file or folder name,
 * hyphens and underscores as spaces, first letter upper-cased (`Home` at the top).
 *
 * @param name
 *   A content path or folder.
 */
export function fallbackTitle(name: string): string {
  const base = name.slice(name.lastIndexOf('/') + 1).replaceAll(/[-_]+/g, ' ').trim()
  return base === '' ? 'Home' : base.charAt(0).toUpperCase() + base.slice(1)
}

/**
 * The file a permalink is written to, inside the output folder: a folder's
 * `index.html` (`/docs/sla/` → `docs/sla/index.html`), or the file a `url`
 * names (`/x/page.html`). Percent escapes are decoded and `.`/`..` segments
 * resolved inside the folder, so no permalink writes outside it.
 *
 * @param permalink
 *   A relative permalink.
 */
export function outputPathOf(permalink: string): string {
  const segments: string[] = []
  for (const segment of permalink.split('/')) {
    let decoded = segment
    try {
      decoded = decodeURIComponent(segment)
    } catch {
      // A `%` that is no escape stays as written.
    }

    if (decoded === '' || decoded === '.') continue
    if (decoded === '..') segments.pop()
    else segments.push(decoded.replaceAll('\\', '_'))
  }

  if (!permalink.endsWith('/') && segments.length > 0) return segments.join('/')
  return [...segments, 'index.html'].join('/')
}
