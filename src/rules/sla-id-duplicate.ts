/**
 * `sla-id-duplicate` over the site's facts: two pages with one `sla.id`.
 */
import {defineRule, type SitePage} from './rule.js'

export const slaIdDuplicate = defineRule({
  id: 'sla-id-duplicate',
  severity: 'error',
  category: 'sla',
  summary: 'Two pages of the site with the same `sla.id`.',
  why: 'The id names the SLA in URLs, data files and exports (sla-domain §5.3 rule 1), so two pages may not share one.',
  examples: [
    {title: 'ok: unique ids', site: {'b.md': '---\ntitle: B\nsla: {schema: 1, id: desk-b}\n---\n'}, input: '---\ntitle: A\nsla: {schema: 1, id: desk-a}\n---\n', output: []},
    {
      title: 'not ok: an id used twice',
      site: {'a.md': '---\ntitle: A\nsla: {schema: 1, id: desk}\n---\n'},
      input: '---\ntitle: B\nsla: {schema: 1, id: desk}\n---\n',
      output: ['3:22-3:26: Unexpected SLA id `desk` already used by `a.md`, expected an id unique across the site']
    }
  ],
  checkSite(site) {
    const first = new Map<string, SitePage>()
    for (const page of site.pages) {
      const sla = page.facts.slaId
      if (!sla) continue
      const earlier = first.get(sla.id)
      if (!earlier) {
        first.set(sla.id, page)
        continue
      }

      site.report(page, {
        reason: `Unexpected SLA id \`${sla.id}\` already used by \`${earlier.path}\`, expected an id unique across the site`,
        place: sla.place,
        hint: 'The id names the SLA in URLs and exports; give this page its own',
        actual: sla.id,
        cause: {reason: `first used in ${earlier.path}`, place: earlier.facts.slaId?.place, file: earlier.path}
      })
    }
  }
})
