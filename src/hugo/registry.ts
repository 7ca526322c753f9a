import {readdirSync, readFileSync, realpathSync, statSync} from 'node:fs'
import path from 'node:path'

/** Where a shortcode definition comes from. */
export type ShortcodeOrigin = 'hugo' | 'doks' | 'slamark' | 'site' | 'option'

/** What the lexer needs to know of a shortcode's template. */
export interface ShortcodeDefinition {
  /** Whether the template uses `.Inner` or `.InnerDeindent`, so a call must be closed or self-closed. */
  body: boolean
  origin: ShortcodeOrigin
  /** The template passes its body to `RenderString`, which lexes shortcodes in it again. */
  rendersInner?: boolean
}

/** The shortcodes a site knows, by name (case-sensitive, as in Hugo). */
export interface ShortcodeRegistry {
  /** The definition of `name`, or `undefined` when no template has that name. */
  get(name: string): ShortcodeDefinition | undefined
  /** Every known name, sorted. */
  names(): string[]
}

/** A definition given in options: `true`/`false` for "takes a body", or the full definition. */
export type ShortcodeOption = boolean | {body: boolean; rendersInner?: boolean}

// Hugo's embedded templates; `comment`, `details` and `qr` arrived in 0.137–0.141.
const hugoShortcodes: Record<string, boolean> = {
  comment: true,
  details: true,
  figure: false,
  gist: false,
  highlight: true,
  instagram: false,
  param: false,
  qr: true,
  ref: false,
  relref: false,
  tweet: false,
  twitter: false,
  twitter_simple: false,
  vimeo: false,
  vimeo_simple: false,
  x: false,
  x_simple: false,
  youtube: false
}

// doks-core 1.9 and @thulite/inline-svg / @thulite/images.
const doksShortcodes: Record<string, boolean> = {
  callout: true,
  card: true,
  'card-grid': true,
  details: true,
  figure: false,
  img: false,
  'inline-svg': false,
  kroki: true,
  'link-card': false,
  math: true,
  picture: false,
  preview: true,
  step: true,
  steps: true,
  tab: true,
  tabs: true,
  tree: true,
  video: false
}

// Doks templates that pass their body through `RenderString` (callout, step)
// or hand it to a parent that does (tab, rendered by tabs).
const doksRenderedInner = ['callout', 'step', 'tab']

const slamarkShortcodes: Record<string, boolean> = {
  'sla-breaches': false,
  'sla-targets': false,
  'sla-timeline': false,
  'sla-value': false
}

/** Options of {@link createRegistry}. */
export interface RegistryOptions {
  /** A Hugo site folder whose `layouts/_shortcodes/` and `layouts/shortcodes/` templates are read. */
  site?: string | null | undefined
  /** Extra or overriding definitions (default: none). */
  shortcodes?: Record<string, ShortcodeOption> | null | undefined
}

/**
 * Create the registry of known shortcodes: Hugo's embedded ones, Doks',
 * slamark's own, then a site's templates, then options (later wins).
 *
 * @param options
 *   Where to find more shortcodes.
 */
export function createRegistry(options: RegistryOptions = {}): ShortcodeRegistry {
  const map = new Map<string, ShortcodeDefinition>()
  const add = (entries: Record<string, boolean>, origin: ShortcodeOrigin): void => {
    for (const [name, body] of Object.entries(entries)) map.set(name, {body, origin})
  }

  add(hugoShortcodes, 'hugo')
  add(doksShortcodes, 'doks')
  add(slamarkShortcodes, 'slamark')
  for (const name of doksRenderedInner) map.set(name, {...map.get(name)!, rendersInner: true})

  if (options.site) {
    for (const [name, definition] of Object.entries(discoverShortcodes(options.site))) {
      map.set(name, definition)
    }
  }

  for (const [name, option] of Object.entries(options.shortcodes ?? {})) {
    const definition: ShortcodeDefinition =
      typeof option === 'boolean' ? {body: option, origin: 'option'} : {body: option.body, origin: 'option'}
    if (typeof option !== 'boolean' && option.rendersInner) definition.rendersInner = true
    map.set(name, definition)
  }

  return {
    get: (name) => map.get(name),
    names: () => [...map.keys()].sort()
  }
}

const innerPattern = /\.Inner(?:Deindent)?\b/

/**
 * Read a site's shortcode templates as Hugo does: every file under
 * `layouts/_shortcodes/` (Hugo ≥ 0.146) or `layouts/shortcodes/`, named by its
 * path without extensions (`dir/sc.html` is `dir/sc`); a template that mentions
 * `.Inner` or `.InnerDeindent` anywhere takes a body.
 *
 * Only files inside the site's `layouts/` are read; symbolic links are not
 * followed out of it.
 *
 * @param site
 *   The site folder.
 */
export function discoverShortcodes(site: string): Record<string, ShortcodeDefinition> {
  const found: Record<string, ShortcodeDefinition> = {}

  // The older folder first, so `_shortcodes/` wins as it does in new Hugo.
  for (const folder of ['shortcodes', '_shortcodes']) {
    const root = path.join(site, 'layouts', folder)
    for (const file of listFiles(root)) {
      const relative = path.relative(root, file).split(path.sep).join('/')
      const base = relative.slice(relative.lastIndexOf('/') + 1)
      const dot = base.indexOf('.')
      const name = relative.slice(0, relative.length - base.length) + (dot === -1 ? base : base.slice(0, dot))
      let text = ''
      try {
        text = readFileSync(file, 'utf8')
      } catch {
        continue
      }

      const body = innerPattern.test(text)
      // `.Inner` handed to `RenderString` is lexed for shortcodes a second time.
      const renders = body && /RenderString/.test(text)
      // Output-format variants (`x.html`, `x.amp.html`) share one name: any use of `.Inner` counts.
      const previous = found[name]
      const definition: ShortcodeDefinition = {body: body || (previous?.body ?? false), origin: 'site'}
      if (renders || previous?.rendersInner) definition.rendersInner = true
      found[name] = definition
    }
  }

  return found
}

function listFiles(root: string): string[] {
  const files: string[] = []
  const pending = [root]

  while (pending.length > 0) {
    const folder = pending.pop()!
    let entries
    try {
      entries = readdirSync(folder, {withFileTypes: true})
    } catch {
      continue
    }

    for (const entry of entries) {
      const full = path.join(folder, entry.name)
      if (entry.isDirectory()) pending.push(full)
      else if (entry.isFile()) files.push(full)
      else if (entry.isSymbolicLink()) {
        // A link may point anywhere; only follow it when it stays inside `root`.
        try {
          const target = realpathSync(full)
          const inside = !path.relative(realpathSync(root), target).startsWith('..')
          if (inside && statSync(target).isFile()) files.push(full)
        } catch {
          // A dangling link is not a template.
        }
      }
    }
  }

  return files.sort()
}
