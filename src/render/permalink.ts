/**
 * Hugo 0.111's default permalinks (no `permalinks` configuration, one
 * language, `baseURL` at the site root): a page's `RelPermalink` from its
 * path under `content/` and its `slug`/`url` front matter. Pure string
 * functions, for the renderer (same-page links of Doks' link hook) and the
 * site build.
 */
import {isDigit, isLetter, isUnicodeSpace, toLowerCodePoint} from './go-text.js'
import {goUrlString, parseGoUrl} from './go-url.js'

/** The front matter fields that move a page's permalink. */
export interface PermalinkFrontMatter {
  /** Replaces the file (or bundle folder) name of a regular page; ignored on sections. */
  slug?: unknown
  /** The whole path, as written (not lower-cased); wins over `slug`. */
  url?: unknown
}

const mark = /\p{M}/u

// Hugo's `UnicodeSanitize`: letters, digits, marks and `./\_#+~-@` kept, a
// `%` only before two hex digits, a run of white space as one hyphen
// (never at the start), everything else dropped.
function sanitize(text: string): string {
  const characters = [...text]
  let result = ''
  let prependHyphen = false
  let wasHyphen = false
  characters.forEach((character, index) => {
    const code = character.codePointAt(0)!
    const allowed =
      './\\_#+~-@'.includes(character) ||
      isLetter(code) ||
      isDigit(code) ||
      mark.test(character) ||
      (character === '%' && /^[\dA-Fa-f]{2}$/.test((characters[index + 1] ?? '') + (characters[index + 2] ?? '')))
    if (allowed) {
      wasHyphen = character === '-'
      if (prependHyphen && !wasHyphen) result += '-'
      prependHyphen = false
      result += character
    } else if (result !== '' && !wasHyphen && isUnicodeSpace(code)) {
      prependHyphen = true
    }
  })

  return result
}

// Hugo's `URLEscape`: the path through Go's `url.Parse` and `String`.
function urlEscape(path: string): string {
  const parsed = parseGoUrl(path)
  return parsed ? goUrlString(parsed) : path
}

// Go's `strings.ToLower`: one code point at a time.
function goLower(text: string): string {
  if (!/[^\x00-\x40\x5b-\x7f]/.test(text)) return text
  let result = ''
  for (const character of text) result += String.fromCodePoint(toLowerCodePoint(character.codePointAt(0)!))
  return result
}

const nonEmptyText = (value: unknown): string | undefined => (typeof value === 'string' && value.trim() !== '' ? value : undefined)

/**
 * The relative permalink Hugo 0.111 gives a content file by default:
 * `docs/sla.md` → `/docs/sla/`, `docs/_index.md` → `/docs/`, a leaf bundle
 * `docs/plan/index.md` → `/docs/plan/`, `_index.md` → `/`. The path is
 * lower-cased and sanitised as Hugo's `MakePathSanitized` does (`My Page.md`
 * → `/my-page/`, `x(1).md` → `/x1/`) and percent-encoded (`é` → `%C3%A9`).
 * A `slug` replaces the last segment of a regular page or bundle; a `url` is
 * the permalink as written (with a leading `/`, and a trailing one unless it
 * names a file such as `x.html`).
 *
 * @param contentPath
 *   The file's path inside `content/`, with `/` (`docs/sla.md`).
 * @param frontMatter
 *   The page's `slug` and `url`, if any.
 */
export function hugoPermalink(contentPath: string, frontMatter: PermalinkFrontMatter = {}): string {
  const url = nonEmptyText(frontMatter.url)
  if (url !== undefined) {
    let path = url.startsWith('/') ? url : `/${url}`
    if (!path.endsWith('/') && !/\.[^./]+$/.test(path)) path += '/'
    return urlEscape(path)
  }

  const segments = contentPath.replace(/\\/g, '/').split('/').filter((segment) => segment !== '' && segment !== '.')
  const file = segments.pop() ?? ''
  const name = file.replace(/\.[^.]*$/, '')
  const isSection = name === '_index'
  if (name !== 'index' && !isSection) segments.push(name)
  const slug = isSection ? undefined : nonEmptyText(frontMatter.slug)
  if (slug !== undefined && segments.length > 0) segments[segments.length - 1] = slug
  const path = segments.map((segment) => sanitize(goLower(segment))).filter((segment) => segment !== '').join('/')
  return urlEscape(path === '' ? '/' : `/${path}/`)
}
