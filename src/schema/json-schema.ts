/**
 * The front matter schema as JSON Schema (draft 2020-12), for editors
 * (yaml-language-server, VS Code `yaml.schemas`, Taplo for TOML) and for
 * documentation. Generated from the zod schemas, so both always agree, plus
 * the few cross-key constraints zod expresses as refinements (registered in
 * `jsonSchemaExtras`): `tickets` or `ticketsFile`, `responses` or `counts`,
 * `to` only on priority events, and a milestone's `start` or `after` (which
 * the reference rules check on the zod side).
 */

import * as z from 'zod'
import {frontMatterSchema} from './frontmatter.js'
import {jsonSchemaExtras} from './sla.js'

/** `$id` of the published schema (an identifier; it need not resolve). */
export const frontMatterSchemaId = 'https://github.com/slamark/slamark/schema/front-matter-1.json'

/** A JSON Schema document. */
export type JsonSchema = Record<string, unknown>

/**
 * The JSON Schema of a page's front matter: Doks page fields, any other
 * top-level key, and the strict `sla:` model, with descriptions, examples
 * and `pattern`s for every grammar.
 */
export function frontMatterJsonSchema(): JsonSchema {
  const generated = z.toJSONSchema(frontMatterSchema, {
    target: 'draft-2020-12',
    io: 'input',
    unrepresentable: 'any',
    override(context) {
      const extras = jsonSchemaExtras.get(context.zodSchema)
      if (extras) Object.assign(context.jsonSchema, structuredClone(extras))
    }
  }) as JsonSchema

  const {$schema, ...rest} = generated
  return {
    $schema,
    $id: frontMatterSchemaId,
    title: 'slamark page front matter',
    description:
      'Front matter of a Hugo/Doks page (Doks 0.x to 1.9 fields) with an optional `sla:` service level agreement. Other top-level keys are allowed, as Hugo allows them; unknown keys inside `sla` and `seo` are errors.',
    ...rest
  }
}
