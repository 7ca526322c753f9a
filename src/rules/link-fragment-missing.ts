/**
 * `link-fragment-missing`: a `#fragment` that no heading (or other id) of
 * the linked page has.
 */
import type {LinkFact} from './facts.js'
import {isBuiltinFragment, resolveSiteLink, suggestAnchor} from './links.js'
import {defineRule, type ReportInput} from './rule.js'

function finding(link: LinkFact, anchors: readonly string[], target: string | undefined): ReportInput {
  const meant = suggestAnchor(link.fragment, anchors)
  return {
    reason:
      target === undefined
        ? `Unexpected fragment \`#${link.fragment}\`, expected the id of a heading on this page`
        : `Unexpected fragment \`#${link.fragment}\` of \`${target}\`, expected the id of a heading on that page`,
    place: link.place,
    hint:
      meant === undefined
        ? 'Heading ids are made from the heading text as Hugo makes them; the link jumps nowhere'
        : `Did you mean \`#${meant}\`? Heading ids are made from the heading text as Hugo makes them`,
    actual: link.fragment,
    expected: meant === undefined ? undefined : [meant]
  }
}

export const linkFragmentMissing = defineRule({
  id: 'link-fragment-missing',
  severity: 'error',
  category: 'links',
  summary: 'A link to `#fragment` (on the page, or on another page) that matches no heading id there.',
  why:
    'A heading\'s id is made from its text (`## Tracking time` → `#tracking-time`), so renaming a heading silently breaks ' +
    'every link to it: the browser opens the page and stays at the top. Hugo does not check fragments (gohugo/hugo#6863) and ' +
    'Doks only when told to. The rule computes the ids exactly as Hugo 0.111 does (de-duplicated, `{#id}` kept, the markup ' +
    'settings of the configuration applied), for Markdown links and `ref`/`relref`, and suggests the heading meant.',
  examples: [
    {title: 'ok: the heading exists', input: '## Tracking time\n\nSee [tracking](#tracking-time).\n', output: []},
    {
      title: 'not ok: the heading was renamed',
      input: '## Tracking time and billing\n\nSee [the time tracking section](#time-tracking-and-billing).\n',
      output: ['3:5-3:60: Unexpected fragment `#time-tracking-and-billing`, expected the id of a heading on this page']
    },
    {
      title: 'not ok: a fragment of another page',
      site: {'credits.md': '---\ntitle: Credits\n---\n\n## How credits are paid\n'},
      input: 'Read [how credits work](credits.md#how-credits-work).\n',
      output: ['1:6-1:53: Unexpected fragment `#how-credits-work` of `credits.md`, expected the id of a heading on that page']
    }
  ],
  check(_tree, file, context) {
    const facts = file.data.lintFacts
    if (!facts) return
    for (const link of facts.links) {
      if (link.path !== '' || link.from !== 'page' || isBuiltinFragment(link.fragment) || facts.anchors.includes(link.fragment)) continue
      context.report(finding(link, facts.anchors, undefined))
    }
  },
  checkSite(site) {
    for (const page of site.pages) {
      for (const link of page.facts.links) {
        // Same-page fragments are the page check's.
        if ((link.path === '' && link.from === 'page') || isBuiltinFragment(link.fragment)) continue
        const target = resolveSiteLink(link, page, site)
        if (target.kind !== 'page' || target.page.facts.anchors.includes(link.fragment)) continue
        site.report(page, finding(link, target.page.facts.anchors, target.page.contentPath))
      }
    }
  }
})
