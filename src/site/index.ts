/**
 * The site layer: what a folder is (a Hugo site or a content folder), its
 * configuration as Hugo merges it, and the index of its pages. The build
 * (`slamark build`), the Vite plugin and the Hugo export start here.
 */
export {discoverSite, listContentPages, type SiteLocation} from './discover.js'
export {defaultSiteConfig, readSiteConfig, type ConfigOrigin, type SiteConfig, type SiteConfigOptions} from './config.js'
export {configExtensions, configFolderFiles, hasHugoConfig, rootConfigFile, rootConfigNames, type ConfigFileEntry} from './config-files.js'
export {decodeMarkup} from './markup.js'
export {hugoPageOrder} from './sections.js'
export {outputPathOf} from './paths.js'
export {
  buildSiteIndex,
  pageOf,
  type SiteIndex,
  type SiteIndexOptions,
  type SitePage,
  type SitePageKind,
  type SiteSection
} from './site-index.js'
export * from './rules.js'
