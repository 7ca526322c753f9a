/**
 * Rule ids of the site layer (configuration files and the site index), in
 * one place. Syntax problems inside a configuration file carry the ids of the
 * readers (`front-matter-toml`, `front-matter-yaml`, `front-matter-json`).
 */

/** A configuration file that cannot be read: a link out of the site, not a file, too large, not UTF-8. */
export const configUnreadableRuleId = 'config-unreadable'

/** A configuration file whose top level is not a table of settings. */
export const configNotMappingRuleId = 'config-not-mapping'

/** A setting Hugo cannot decode into its type (`unsafe = "yes"`): Hugo stops the build. */
export const configValueTypeRuleId = 'config-value-type'

/** A setting with a value Hugo does not know and replaces by its default (`autoHeadingIDType = "gitlab"`). */
export const configValueUnknownRuleId = 'config-value-unknown'

/** A setting that moves pages in a way slamark's build does not follow (`permalinks`, `uglyURLs`). */
export const configUnsupportedRuleId = 'config-unsupported'

/** Two content files that Hugo publishes at the same permalink: the later one overwrites the other. */
export const permalinkDuplicateRuleId = 'page-permalink-duplicate'

/** A site's `layouts/page.html` without a slot every page needs (`<!--slamark-head-->`, `<!--slamark-content-->`). */
export const layoutSlotMissingRuleId = 'layout-slot-missing'

/** A `<!--slamark-…-->` comment in a layout that names no slot. */
export const layoutSlotUnknownRuleId = 'layout-slot-unknown'

/** A site's `layouts/page.html` that cannot be read (a link out of the site, not a file, not UTF-8). */
export const layoutUnreadableRuleId = 'layout-unreadable'
