/**
 * Write `docs/rules.md` from the rules' own documentation:
 * `node --import tsx scripts/rules-doc.ts`.
 */
import {writeFileSync} from 'node:fs'
import {rulesDocumentation} from '../src/rules/docs.js'

writeFileSync(new URL('../docs/rules.md', import.meta.url), rulesDocumentation())
