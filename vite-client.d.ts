/**
 * Types of content page modules for a Vite project using `slamark/vite`:
 * add `"types": ["slamark/vite/client"]` to `tsconfig.json` (or
 * `/// <reference types="slamark/vite/client" />`), then
 * `import {html, sla} from './content/docs/sla.md'` is typed.
 */
declare module '*.md' {
  import type {PageModule} from 'slamark/vite'

  export const frontmatter: PageModule['frontmatter']
  export const page: PageModule['page']
  export const sla: PageModule['sla']
  export const report: PageModule['report']
  export const html: PageModule['html']
  export const headings: PageModule['headings']
  export const diagnostics: PageModule['diagnostics']
  export const toc: PageModule['toc']
  export const title: PageModule['title']
  export const permalink: PageModule['permalink']
  export const contentPath: PageModule['contentPath']
  const module: PageModule
  export default module
}
