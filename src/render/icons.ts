import {readdirSync, readFileSync} from 'node:fs'
import {createRequire} from 'node:module'
import path from 'node:path'
import type {Element, Properties} from 'hast'
import {fromHtml} from 'hast-util-from-html'
import {s} from 'hastscript'
import {compareText} from '../util/sorted.js'
import {cloneElement} from './shortcodes/hast.js'

/** The Tabler 3 variants, as folders of `@tabler/icons/icons`. */
const variants = ['outline', 'filled'] as const

// A Tabler icon name: a variant folder and lower-case words joined by
// hyphens. Only such names are ever turned into a file path, so no name from
// a page can reach a file outside the package's icon folders.
const namePattern = /^(?:outline|filled)\/[a-z0-9]+(?:-[a-z0-9]+)*$/

// What makes an icon name a path or a URL rather than a (mistyped) name.
const pathLike = /\.\.|^[/~]|[\\:\0]/

let folder: string | null | undefined
// Parsed icons by name (bounded by the package), and names known to be missing.
const parsed = new Map<string, Element>()
const missing = new Set<string>()
const maxMissing = 4096

/** The package's `icons` folder, resolved once; `null` when the package is not installed. */
function iconsFolder(): string | null {
  if (folder !== undefined) return folder
  try {
    const require = createRequire(import.meta.url)
    folder = path.join(path.dirname(require.resolve('@tabler/icons/package.json')), 'icons')
  } catch {
    folder = null
  }

  return folder
}

/**
 * Whether `src` is a path or URL (`../x`, `/etc/passwd`, `C:\x`,
 * `https://…`) rather than an icon name: such a name is refused without
 * looking anything up.
 *
 * @param src
 *   An icon name as written in a page.
 */
export function isIconPath(src: string): boolean {
  return pathLike.test(src)
}

function parsedIcon(src: string): Element | undefined {
  const cached = parsed.get(src)
  if (cached) return cached
  const root = iconsFolder()
  if (root === null || !namePattern.test(src) || missing.has(src)) return undefined

  let text: string
  try {
    text = readFileSync(path.join(root, `${src}.svg`), 'utf8')
  } catch {
    // Remember misses, but not without bound: a page can name any number.
    if (missing.size < maxMissing) missing.add(src)
    return undefined
  }

  const tree = fromHtml(text, {fragment: true, space: 'svg'})
  const svg = tree.children.find((child): child is Element => child.type === 'element' && child.tagName === 'svg')
  if (!svg) return undefined
  // A copy drops the positions, which point into the icon file.
  const icon = cloneElement(svg)
  parsed.set(src, icon)
  return icon
}

/**
 * Whether `@thulite/inline-svg` finds `src` among Tabler's icons as Doks
 * mounts them: `outline/alert-triangle` yes; the Tabler 2 flat name
 * `alert-triangle` and `outline/alert-triangle.svg` (looked up as
 * `….svg.svg`) no.
 *
 * @param src
 *   An icon name as written in a page.
 */
export function hasIcon(src: string): boolean {
  return parsedIcon(src) !== undefined
}

/** Every icon name Tabler has (`filled/…`, then `outline/…`), sorted; read from the package on each call. */
export function iconNames(): string[] {
  const root = iconsFolder()
  if (root === null) return []
  const names: string[] = []
  for (const variant of variants) {
    try {
      for (const file of readdirSync(path.join(root, variant))) {
        const name = `${variant}/${file.replace(/\.svg$/, '')}`
        if (file.endsWith('.svg') && namePattern.test(name)) names.push(name)
      }
    } catch {
      // A variant folder missing from the package has no icons.
    }
  }

  return names.sort(compareText)
}

/**
 * `@thulite/inline-svg` 1.2 over the `@tabler/icons` package: the icon as an
 * `<svg>` element, its attributes rewritten as the partial rewrites them.
 * Every passed attribute (except `src` and `title`) replaces the icon's
 * attribute of that name and is added in sorted order, with
 * `class="<src> svg-inline <class>"`, `id` (default `svg-<name>`) and
 * `role` (default `img`) always among them. The `title`/`desc` elements the
 * partial can insert are not supported: no Doks shortcode asks for them.
 *
 * @param src
 *   The icon name as written (`outline/alert-triangle`).
 * @param attributes
 *   Attributes passed to the partial (`class`, `stroke-width`, …).
 * @returns
 *   A fresh element, or `undefined` when the name is a path or URL or no
 *   such icon exists.
 */
export function inlineSvg(src: string, attributes: Readonly<Record<string, string>>): Element | undefined {
  if (isIconPath(src)) return undefined
  const icon = parsedIcon(src)
  if (!icon) return undefined

  const name = src.slice(src.lastIndexOf('/') + 1).replace(/\.svg$/, '')
  const passed: Record<string, string> = {}
  for (const key of Object.keys(attributes)) {
    if (key !== 'src' && key !== 'title') passed[key] = attributes[key]!
  }

  passed.id = attributes.id || `svg-${name}`
  passed.role = attributes.role || 'img'
  // In the icon-set fallback the name as written is the first class.
  passed.class = attributes.class ? `${src} svg-inline ${attributes.class}` : `${src} svg-inline`

  const sorted: Record<string, string> = {}
  for (const key of Object.keys(passed).sort(compareText)) sorted[key] = passed[key]!
  const replacements: Properties = s('svg', sorted).properties

  const svg = cloneElement(icon)
  for (const key of Object.keys(replacements)) delete svg.properties[key]
  Object.assign(svg.properties, replacements)
  return svg
}
