import {readFileSync} from 'node:fs'
import {glob} from 'tinyglobby'
import {createPageLinter} from '../src/lint/page.js'
const files = (await glob('**/*.md', {cwd: 'bench/.corpus/pages', absolute: false})).map(f => ({path: f, contentPath: f, source: readFileSync('bench/.corpus/pages/' + f, 'utf8')}))
const lint = createPageLinter({cwd: 'bench/.corpus/pages', asOf: '2026-12-01T00:00:00Z'})
for (const f of files.slice(0, 200)) await lint(f)
let t = performance.now()
for (const f of files) await lint(f)
console.log('lint all', Math.round(performance.now() - t))
