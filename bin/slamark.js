#!/usr/bin/env node
import {main} from '../dist/cli/main.js'

// A reader that stops early (`slamark schema | head`) is not an error.
process.stdout.on('error', (error) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0)
  throw error
})

/** All of stdin as UTF-8 text, refusing more than `maxBytes`. */
async function readStdin(maxBytes) {
  const chunks = []
  let size = 0
  for await (const chunk of process.stdin) {
    size += chunk.length
    if (size > maxBytes) throw new Error(`Unexpected input over ${maxBytes} bytes on stdin, expected less`)
    chunks.push(chunk)
  }

  return Buffer.concat(chunks).toString('utf8')
}

const code = await main(process.argv.slice(2), {
  cwd: process.cwd(),
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  color: Boolean(process.stderr.isTTY),
  interactive: Boolean(process.stderr.isTTY),
  stdin: readStdin
})
process.exitCode = code
