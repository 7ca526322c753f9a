/**
 * The Doks page fields, in every shape Doks 1.1–1.9 (and the older 0.x/1.0
 * archetypes) writes them (hugo-doks-spec §3.4), as zod 4 schemas.
 *
 * The top level is loose: Hugo accepts any key, and sites add their own.
 * Inside `seo` (top-level or `params.seo`) unknown keys are errors, so a
 * typo such as `canonicl` is found; `sla` is strict throughout (`sla.ts`).
 *
 * Types are the ones Hugo ends up with, and only those are accepted:
 * Hugo would coerce `draft: "true"` to a boolean and `weight: "10"` to an
 * integer, but the schema reports them (code `invalid_type`) so authors
 * write the real type; a lint may treat the fields in
 * {@link hugoCoercedFields} as warnings. `toc: "false"` is not coerced by
 * Hugo at all (a non-empty string is truthy, so Doks still shows the table
 * of contents), which is one more reason to insist on booleans.
 */

import * as z from 'zod'
import {expectations} from './issues.js'
import {patterned, slaSchema} from './sla.js'

/**
 * Dates as YAML and TOML write them and Hugo parses them: a date, or a date
 * and time (`T`, `t` or a space between), with optional fractional seconds
 * and an optional offset (`Z`, `+02:00`, `+0200`, `+02`; YAML also allows a
 * space before it). Hugo reads a few more Go layouts; those are reported.
 */
export const hugoDatePattern =
  /^\d{4}-\d{2}-\d{2}(?:[Tt ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:\s*(?:[Zz]|[+-]\d{2}(?::?\d{2})?))?)?$/

/** Front matter fields Hugo converts to its own type when written as another. */
export const hugoCoercedFields: readonly string[] = ['title', 'description', 'summary', 'draft', 'weight']

const hugoDate = patterned(hugoDatePattern, 'a date such as `2026-03-31` or `2026-03-31T14:30:00+02:00`')

/**
 * The Doks SEO block (`@hyas/seo`, `@thulite/seo`): top-level `seo` on any
 * Hugo, `params.seo` on Hugo ≥ 0.123 (Doks 1.9).
 */
export const seoSchema = z
  .strictObject({
    title: z.string().optional().describe('Title for search engines and social cards; empty uses the page title and the site title.'),
    description: z
      .string()
      .optional()
      .describe('Description for search engines; empty uses the page `description`, then the site description.'),
    canonical: z.string().optional().describe('Canonical URL, when the page is a copy of another one; empty for none.'),
    noindex: z
      .boolean()
      .optional()
      .describe('Doks 1.1–1.8: leave the page out of `sitemap.xml`. Doks 1.9 uses `robots` instead.'),
    robots: z.string().optional().describe('Doks 1.9: content of the robots meta tag, such as `noindex, nofollow`; empty for the default.')
  })
  .meta({
    description: 'SEO overrides for the page.',
    examples: [{title: '', description: 'Targets, hours and credits of the Acme care plan.', canonical: '', noindex: false}]
  })

/** One entry of a Hugo menu (`menu.docs` in Doks 0.x–1.3). */
export const menuEntrySchema = z
  .looseObject({
    parent: z.string().optional().describe('Identifier of the parent entry.'),
    identifier: z.string().optional().describe('Unique identifier of this entry in the menu.'),
    weight: z.int().optional().describe('Order in the menu; lower comes first.'),
    name: z.string().optional().describe('Text of the entry; defaults to the page’s link title.'),
    title: z.string().optional().describe('Title attribute of the entry’s link.'),
    pre: z.string().optional().describe('HTML before the entry’s text.'),
    post: z.string().optional().describe('HTML after the entry’s text.'),
    params: z.record(z.string(), z.unknown()).optional().describe('Custom parameters of the entry.')
  })
  .describe('Where the page appears in the menu.')

export const menuSchema = z
  .union([
    z.string().describe('Name of one menu to add the page to.'),
    z.array(z.string()).describe('Names of menus to add the page to.'),
    z.record(z.string(), menuEntrySchema).describe('Menu name → entry settings, such as `docs: {parent: guides}`.')
  ])
  .meta({
    description: 'Menus the page appears in (Doks 0.x–1.3 put docs pages in `menu.docs`).',
    examples: [{docs: {parent: 'guides', identifier: 'sla-acme', weight: 810}}]
  })

/** `params` (Hugo ≥ 0.123): merged into the page params. */
export const pageParamsSchema = z
  .looseObject({
    seo: seoSchema.optional().describe('Doks 1.9: SEO overrides for the page.'),
    math: z.boolean().optional().describe('Doks 1.9: load KaTeX on this page.')
  })
  .describe('Page parameters (Hugo 0.123 and later); other keys are the site’s own.')

const stringList = (description: string) =>
  z
    .union([z.array(z.string()), z.string()])
    .register(expectations, {expected: 'a list of strings'})
    .describe(description)

/** The Doks page fields, without `sla`. */
const doksShape = {
  title: z.string().describe('Page title.'),
  description: z.string().describe('Short description, used by search engines and in lists.'),
  summary: z.string().describe('Summary for list pages (Doks 1.0 and later).'),
  lead: z.string().describe('Lead paragraph under the title (Doks 0.x; unused by the 1.9 layouts).'),
  date: hugoDate.describe('Publication date.'),
  lastmod: hugoDate.describe('Date of the last change.'),
  publishDate: hugoDate.describe('The page is not published before this date.'),
  expiryDate: hugoDate.describe('The page is not published after this date.'),
  draft: z.boolean().describe('Draft pages are only built with `--buildDrafts`. Hugo also accepts the strings `"true"`/`"false"`; write a boolean.'),
  weight: z.int().describe('Order among sibling pages; lower comes first (Doks archetypes use 999 for docs, 50 for blog posts).'),
  toc: z.boolean().describe('Show the table of contents. Must be a boolean: the string `"false"` still shows it.'),
  images: z.array(z.string()).describe('Images for social cards (Doks 0.x–1.0).'),
  menu: menuSchema,
  seo: seoSchema.describe('Doks 1.1–1.8: SEO overrides for the page.'),
  params: pageParamsSchema,
  categories: stringList('Blog categories.'),
  tags: stringList('Blog tags.'),
  contributors: stringList('Blog post authors.'),
  pinned: z.boolean().describe('Pin the blog post to the top of lists.'),
  homepage: z.boolean().describe('Show the blog post on the home page.')
}

const optionalDoksShape = Object.fromEntries(
  Object.entries(doksShape).map(([key, schema]) => [key, schema.optional()])
) as {[K in keyof typeof doksShape]: z.ZodOptional<(typeof doksShape)[K]>}

/** The Doks page fields; other top-level keys are allowed, `sla` is not checked. */
export const doksPageSchema = z.looseObject(optionalDoksShape).meta({
  description: 'Front matter of a Doks page.',
  examples: [
    {
      title: 'Website care SLA',
      description: 'Targets, hours and credits of the Acme care plan.',
      summary: '',
      date: '2026-01-05T10:00:00+01:00',
      lastmod: '2026-01-05T10:00:00+01:00',
      draft: false,
      weight: 810,
      toc: true,
      seo: {title: '', description: '', canonical: '', noindex: false}
    }
  ]
})

/** An SLA page: the Doks fields plus a required `sla`. */
export const pageSchema = doksPageSchema.extend({
  sla: slaSchema
})

export type SeoFields = z.infer<typeof seoSchema>
export type MenuEntry = z.infer<typeof menuEntrySchema>
export type Menu = z.infer<typeof menuSchema>
export type PageParams = z.infer<typeof pageParamsSchema>
export type DoksPage = z.infer<typeof doksPageSchema>
export type SlaPage = z.infer<typeof pageSchema>
