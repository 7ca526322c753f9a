import {describe, expect, it} from 'vitest'

describe('public api', () => {
  it('should expose the public api of `slamark`', async () => {
    const api = await import('../src/index.js')
    expect(Object.keys(api).sort()).toEqual([
      'HeadingIdCounter',
      'HugoPageIndex',
      'buildSiteIndex',
      'createLintProcessor',
      'createProcessor',
      'createRegistry',
      'detectFrontMatter',
      'discoverShortcodes',
      'discoverSite',
      'frontMatterJsonSchema',
      'hugoHeadingId',
      'hugoPermalink',
      'hugoToMarkdown',
      'lexPage',
      'lintRules',
      'listContentPages',
      'parseFrontMatter',
      'parsePage',
      'readSiteConfig',
      'remarkFrontmatterData',
      'remarkHugo',
      'remarkInjectSla',
      'remarkRender',
      'remarkReport',
      'remarkValidate',
      'renderPage',
      'resolveAsOf',
      'runLint',
      'validateFrontMatter',
      'validationFindings'
    ])
  })

  it('should expose the same api from the built package entry', async () => {
    const built = await import('../dist/index.js')
    const source = await import('../src/index.js')
    expect(Object.keys(built).sort()).toEqual(Object.keys(source).sort())
  })

  it('should expose the public api of `slamark/engine`, from the package exports too', async () => {
    const api = await import('../src/engine/index.js')
    expect(Object.keys(api).sort()).toEqual([
      'EngineInputError',
      'buildNotices',
      'computeReport',
      'evaluate',
      'evaluateAvailability',
      'evaluateDueAfter',
      'evaluateKpis',
      'evaluateMilestones',
      'evaluateReport',
      'evaluateSlaKpis',
      'evaluateTicket',
      'evaluateTickets',
      'evaluateTimeline',
      'evaluateUptime',
      'evaluationKinds',
      'isEvaluationKind',
      'resolveAsOf'
    ])
    expect(Object.keys(api.evaluationKinds)).toEqual(['ticket', 'dueAfter', 'timeline', 'uptime', 'report', 'kpis'])
    const built = await import('slamark/engine')
    expect(Object.keys(built).sort()).toEqual(Object.keys(api).sort())
  })

  it('should expose the public api of `slamark/vite`, from the package exports too', async () => {
    const api = await import('../src/vite/index.js')
    expect(Object.keys(api).sort()).toEqual(['buildSite', 'default', 'siteAssetsDir', 'slamark', 'startDevServer'])
    expect(api.default).toBe(api.slamark)
    const built = await import('slamark/vite')
    expect(Object.keys(built).sort()).toEqual(Object.keys(api).sort())
  })
})
