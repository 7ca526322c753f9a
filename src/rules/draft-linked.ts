/**
 * `draft-linked`: a published page links to a draft.
 */
import {resolveSiteLink} from './links.js'
import {defineRule} from './rule.js'

export const draftLinked = defineRule({
  id: 'draft-linked',
  severity: 'warn',
  category: 'front-matter',
  summary: 'A published page links to a page with `draft: true`.',
  why:
    'Hugo leaves drafts out of a production build, so a link from a published page to a draft leads to a 404 once the site ' +
    'is deployed, although it works in `hugo server -D` and in review. Publish the target, or remove the link until it is.',
  examples: [
    {title: 'ok: the target is published', site: {'terms.md': '---\ntitle: Terms\ndraft: false\n---\n'}, input: 'See [the terms](terms.md).\n', output: []},
    {
      title: 'not ok: the target is a draft',
      site: {'terms.md': '---\ntitle: Terms\ndraft: true\n---\n'},
      input: 'See [the terms](terms.md).\n',
      output: ['1:5-1:26: Unexpected link to the draft `terms.md`, expected a link to a published page']
    }
  ],
  checkSite(site) {
    for (const page of site.pages) {
      if (page.facts.draft) continue
      for (const link of page.facts.links) {
        if (link.path === '') continue
        const target = resolveSiteLink(link, page, site)
        if (target.kind !== 'page' || !target.page.facts.draft || target.page === page) continue
        site.report(page, {
          reason: `Unexpected link to the draft \`${target.page.contentPath}\`, expected a link to a published page`,
          place: link.place,
          hint: 'Hugo leaves drafts out of production builds, so the link breaks when the site is deployed'
        })
      }
    }
  }
})
