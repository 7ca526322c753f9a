import type {VFile} from 'vfile'
import {emptyFacts, slaIdFact} from '../rules/facts.js'
import {emit} from '../rules/rule.js'
import {slaIdDuplicate} from '../rules/sla-id-duplicate.js'
import type {SitePage} from '../rules/rule.js'
import {HugoPageIndex} from '../render/page-index.js'
import {lineIndexFor} from '../syntax/line-index.js'

/**
 * Site-level checks over every page of a run, for callers that hold the
 * validated files rather than the linter's page facts: an `sla.id` is a key
 * for URLs and exports, so two pages may not share one (sla-domain §5.3
 * rule 1). Reports on each later page, with the first page as the related
 * place; the same check `slamark lint` runs (`sla-id-duplicate`).
 *
 * @param files
 *   The pages of the site, after validation.
 */
export function checkSite(files: readonly VFile[]): void {
  const pages: SitePage[] = files.map((file) => {
    const facts = emptyFacts()
    const slaId = slaIdFact(file)
    if (slaId?.place) facts.slaId = slaId
    return {path: file.path, contentPath: file.path, facts}
  })
  const byPage = new Map(pages.map((page, index) => [page, files[index]!]))
  slaIdDuplicate.checkSite?.({
    options: undefined,
    pages,
    index: new HugoPageIndex([]),
    page: () => undefined,
    report(page, input) {
      const file = byPage.get(page)!
      emit(file, lineIndexFor(file), slaIdDuplicate.id, slaIdDuplicate.severity, input)
    }
  })
}
