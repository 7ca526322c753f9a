/**
 * `slamark/vite`: the Vite plugin (content pages as modules, live pages in
 * the dev server, the static site in `vite build`), and the `slamark build`
 * and `slamark dev` commands' functions.
 */
export {slamark, slamark as default, siteAssetsDir, type SiteBuildReport, type SlamarkViteOptions} from './plugin.js'
export type {PageDiagnostic, PageModule} from './module.js'
export {buildSite, type BuildSiteOptions, type BuildSiteResult} from './build.js'
export {startDevServer, type DevServerOptions, type DevServer} from './dev.js'
