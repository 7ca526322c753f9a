/**
 * Where a site's links and `relref`s lead, with a record of every look-up a
 * page made: a page's rendering depends on the pages it links to, so the
 * build cache keeps these look-ups and reuses the rendering only while each
 * still leads where it led (a page added, removed or moved elsewhere does
 * not render every other page again).
 */
import {HugoPageIndex, type IndexEntry} from '../render/page-index.js'
import type {LinkTarget, RefReference, ResolvedLink} from '../render/types.js'

/** One look-up: a Markdown link's page path (`link`) or a `ref`/`relref` path (`ref`), and what it gave. */
export interface LinkLookup {
  kind: 'link' | 'ref'
  /** The path looked up (a `ref`'s with its fragment). */
  path: string
  /** Where relative paths start: the page, or the home page (Markdown Doks renders with `markdownify`). */
  from: 'page' | 'home'
  /** What it led to (`/docs/a/`, `/docs/a/ page`), `undefined` when nothing. */
  result: string | undefined
}

/** A site's link resolution for the renderer, recording look-ups. */
export class SiteLinks {
  readonly #index: HugoPageIndex
  #recorded: LinkLookup[] = []

  /**
   * @param entries
   *   The site's pages: content path and permalink.
   */
  constructor(entries: Iterable<IndexEntry>) {
    this.#index = new HugoPageIndex(entries)
  }

  /** The renderer's `resolveLink` (Hugo's `GetPage`, as Doks' link hook calls it). */
  readonly resolveLink = (target: LinkTarget): ResolvedLink | undefined => {
    const resolved = this.#index.resolveLink(target)
    this.#recorded.push({kind: 'link', path: target.path, from: target.from, result: resolved && `${resolved.url} ${resolved.kind}`})
    return resolved
  }

  /** The renderer's `resolveRef`: `GetPage` from the calling page, then the fragment (`docs/a.md#x` → `/docs/a/#x`). */
  readonly resolveRef = (reference: RefReference): string | undefined => {
    const result = this.#ref(reference.path, reference.contentPath)
    this.#recorded.push({kind: 'ref', path: reference.path, from: 'page', result})
    return result
  }

  /** Start recording a page's look-ups. */
  begin(): void {
    this.#recorded = []
  }

  /** The look-ups since {@link begin}. */
  recorded(): LinkLookup[] {
    return this.#recorded
  }

  /**
   * Whether a page's look-ups lead where they led when it was rendered.
   *
   * @param lookups
   *   The page's recorded look-ups.
   * @param contentPath
   *   The page.
   */
  stillResolve(lookups: readonly LinkLookup[], contentPath: string): boolean {
    return lookups.every((lookup) => {
      if (lookup.kind === 'ref') return this.#ref(lookup.path, contentPath) === lookup.result
      const resolved = this.#index.resolveLink({destination: lookup.path, path: lookup.path, from: lookup.from, contentPath})
      return (resolved && `${resolved.url} ${resolved.kind}`) === lookup.result
    })
  }

  #ref(written: string, from: string | undefined): string | undefined {
    const hash = written.indexOf('#')
    const target = hash === -1 ? written : written.slice(0, hash)
    const fragment = hash === -1 ? '' : written.slice(hash)
    if (target === '') return fragment === '' ? undefined : fragment
    const found = this.#index.getPage(target, from)
    return found && found.permalink + fragment
  }
}
