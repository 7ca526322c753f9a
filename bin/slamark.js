#!/usr/bin/env node
import {main} from '../dist/cli/main.js'

const code = await main(process.argv.slice(2), {
  cwd: process.cwd(),
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  color: Boolean(process.stderr.isTTY)
})
process.exitCode = code
