/**
 * Throw-away folders of files for tests, removed when the test file ends.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {afterAll} from 'vitest'

const made: string[] = []
let hooked = false

/**
 * A fresh folder under the system's temporary folder holding the given
 * files (paths with `/`, folders made as needed). Call it from a test file:
 * the folders go once the file's tests are done.
 *
 * @param files
 *   Text by path inside the folder.
 * @param prefix
 *   The folder name's start.
 */
export function folderWith(files: Record<string, string>, prefix = 'slamark-test-'): string {
  if (!hooked) {
    hooked = true
    afterAll(() => {
      for (const folder of made.splice(0)) fs.rmSync(folder, {recursive: true, force: true})
      hooked = false
    })
  }

  const root = fs.mkdtempSync(path.join(os.tmpdir(), prefix))
  made.push(root)
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(root, name)), {recursive: true})
    fs.writeFileSync(path.join(root, name), text)
  }

  return root
}
