/**
 * Rule ids of the front-matter reader, in one place so that every reader
 * reports the same problem under the same id.
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
