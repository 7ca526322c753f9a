/**
 * Rule ids of the front-matter and data-file readers, in one place so that
 * every reader reports the same problem under the same id.
 */

/** A YAML syntax problem (error), or a YAML oddity Hugo tolerates (warning). */
export const yamlRuleId = 'front-matter-yaml'

/** A TOML syntax problem; Hugo stops the build on it. */
export const tomlRuleId = 'front-matter-toml'

/** A JSON syntax problem; Hugo stops the build on it. */
export const jsonRuleId = 'front-matter-json'

/** An Org keyword line that is not `#+key: value`; Hugo ignores it. */
export const orgRuleId = 'front-matter-org'

/** A key written twice in one mapping; Hugo keeps the last value. */
export const duplicateKeyRuleId = 'front-matter-duplicate-key'

/** The top level is a list or a scalar instead of a mapping of keys to values. */
export const notMappingRuleId = 'front-matter-not-mapping'

/** A reader failed unexpectedly (a bug): reported rather than thrown. */
export const internalRuleId = 'front-matter-internal'

// The iCalendar reader of holiday files (`ics.ts`).

/** A line or component structure an iCalendar reader cannot follow. */
export const icsSyntaxRuleId = 'ics-syntax'

/** A holiday event without a `DTSTART`. */
export const icsDtstartMissingRuleId = 'ics-dtstart-missing'

/** A holiday that starts or ends at a time of day instead of being a whole day. */
export const icsDateTimeRuleId = 'ics-date-time'

/** A date that is malformed or does not exist, or an end not after the start. */
export const icsDateRuleId = 'ics-date-invalid'

/** A repeat other than `RRULE:FREQ=YEARLY` (with `UNTIL` or `COUNT`), or `RDATE`/`EXDATE`. */
export const icsRecurrenceRuleId = 'ics-recurrence-unsupported'

/** More holidays than one calendar file may give, once repeats are expanded. */
export const icsTooManyRuleId = 'ics-too-many-holidays'

/** A data file whose top level is not the list (or the mapping with the list) the page asks for. */
export const dataFileShapeRuleId = 'data-file-shape'
