/**
 * `link-page-missing`: a link to a content file, or a `ref`/`relref`, that
 * finds no page of the site.
 */
import {resolveSiteLink, suggestPage} from './links.js'
import {defineRule} from './rule.js'

export const linkPageMissing = defineRule({
  id: 'link-page-missing',
  severity: 'error',
  category: 'links',
  summary: 'A link to a content file (`/x.md`, `../x.md`) or a `ref`/`relref` that resolves to no page of the site.',
  why:
    "Doks' link hook turns a link to a content file into the page's URL, but when no page matches it prints the path as " +
    'written, without a warning, and readers get a 404. `ref` and `relref` to a missing page stop the Hugo build. The rule ' +
    "resolves both as Hugo does (from the page's folder, then from the content root; `ref` also by a unique file name) over " +
    'every page of the site, and suggests the page with the closest file name. Paths without `.md` may be static files or ' +
    'aliases and are not checked.',
  examples: [
    {title: 'ok: the page exists', site: {'docs/billing.md': '---\ntitle: Billing\n---\n'}, input: 'See [billing](/docs/billing.md).\n', output: []},
    {
      title: 'not ok: no such page',
      site: {'docs/billing.md': '---\ntitle: Billing\n---\n'},
      input: 'See [billing](/docs/time-billing.md) and {{< ref "billing-terms.md" >}}.\n',
      output: [
        '1:5-1:37: Unexpected link to `/docs/time-billing.md`, expected a page of the site',
        '1:50-1:68: Unexpected `ref` to `billing-terms.md`, expected a page of the site'
      ]
    }
  ],
  checkSite(site) {
    for (const page of site.pages) {
      for (const link of page.facts.links) {
        if (link.path === '' || resolveSiteLink(link, page, site).kind !== 'missing') continue
        const meant = suggestPage(link.path, site.pages)
        site.report(page, {
          reason: `Unexpected ${link.kind === 'link' ? 'link' : `\`${link.kind}\``} to \`${link.path}\`, expected a page of the site`,
          place: link.place,
          hint:
            meant === undefined
              ? 'Paths are read from the page’s folder, then from the content folder; check the file name'
              : `Did you mean \`${meant}\`? Paths are read from the page’s folder, then from the content folder`,
          actual: link.path,
          expected: meant === undefined ? undefined : [meant]
        })
      }
    }
  }
})
