export {
  createRegistry,
  detectFrontMatter,
  discoverShortcodes,
  lexPage,
  type Diagnostic,
  type LexedPage,
  type ShortcodeCall,
  type ShortcodeComment,
  type ShortcodeDefinition,
  type ShortcodeParam,
  type ShortcodeRegistry,
  type ShortcodeTag
} from './hugo/index.js'
export {parseFrontMatter, type ParsedFrontMatter} from './frontmatter/index.js'
export {remarkFrontmatterData} from './frontmatter/plugin.js'
export {resolveAsOf, type AsOf} from './engine/as-of.js'
export {createProcessor, type ProcessorOptions} from './pipeline.js'
export {
  HeadingIdCounter,
  HugoPageIndex,
  hugoHeadingId,
  hugoPermalink,
  remarkRender,
  renderPage,
  type GoldmarkOptions,
  type HastContext,
  type HeadingIdType,
  type HighlightOptions,
  type LinkTarget,
  type MarkupOptions,
  type RefReference,
  type RenderOptions,
  type RenderedHeading,
  type RenderedPage,
  type ResolvedLink,
  type ShortcodeContext,
  type ShortcodeNode,
  type ShortcodeRenderer,
  type TableOfContentsOptions
} from './render/index.js'
export {validateFrontMatter, type FrontMatter, type FrontMatterIssue} from './schema/frontmatter.js'
export {frontMatterJsonSchema} from './schema/json-schema.js'
export type {Sla} from './schema/sla.js'
export {remarkValidate, validationFindings, type ValidateOptions} from './transform/remark-validate.js'
export {remarkReport, type ReportOptions} from './transform/remark-report.js'
export {remarkInjectSla, type InjectOptions} from './transform/inject/index.js'
export {
  hugoToMarkdown,
  parsePage,
  remarkHugo,
  type CalloutData,
  type HugoShortcodeData,
  type ParsedPage,
  type RemarkHugoOptions
} from './syntax/index.js'
export {
  buildSiteIndex,
  discoverSite,
  listContentPages,
  readSiteConfig,
  type SiteConfig,
  type SiteConfigOptions,
  type SiteIndex,
  type SiteIndexOptions,
  type SiteLocation,
  type SitePage,
  type SitePageKind,
  type SiteSection
} from './site/index.js'
// slamark lint: the page chain, the rules as unified plugins, a whole run.
export {createLintProcessor, type LintProcessorOptions} from './pipeline.js'
export {lintRules} from './rules/index.js'
export type {LintRule, RuleSetting, Severity} from './rules/rule.js'
export {runLint, type LintRunOptions, type LintRunResult} from './lint/run.js'
