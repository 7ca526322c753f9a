/**
 * `--changed-since <ref>`: the files a pull request touches, from git.
 * Changed means different from the merge base of `ref` and `HEAD` in the
 * working tree (committed or not), plus untracked files; deleted files are
 * listed apart, so the pages that linked to them are checked too.
 */
import {execFileSync} from 'node:child_process'
import path from 'node:path'

/** What changed since a ref, as absolute paths. */
export interface ChangedFiles {
  changed: Set<string>
  deleted: Set<string>
}

/** git could not answer (not a repository, an unknown ref). */
export class GitError extends Error {}

function git(cwd: string, args: readonly string[]): string {
  try {
    return execFileSync('git', [...args], {cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 64 * 1024 * 1024})
  } catch (error) {
    const stderr = (error as {stderr?: string}).stderr?.trim()
    throw new GitError(stderr || (error as Error).message)
  }
}

/**
 * The files changed since `ref`.
 *
 * @param cwd
 *   A folder inside the repository.
 * @param ref
 *   A commit, branch or tag (`origin/main`).
 */
export function changedFiles(cwd: string, ref: string): ChangedFiles {
  if (ref.startsWith('-')) throw new GitError(`Unexpected ref \`${ref}\`, expected a commit, branch or tag`)
  const top = git(cwd, ['rev-parse', '--show-toplevel']).trim()
  git(cwd, ['rev-parse', '--verify', '--quiet', `${ref}^{commit}`])
  let base = ref
  try {
    base = git(cwd, ['merge-base', ref, 'HEAD']).trim() || ref
  } catch {
    // No common history (a shallow clone): compare with the ref itself.
  }

  const changed = new Set<string>()
  const deleted = new Set<string>()
  for (const line of git(cwd, ['diff', '--name-status', '--no-renames', '-z', base, '--']).split('\0').reduce<string[][]>((rows, item, index, all) => {
    if (index % 2 === 0 && item !== '') rows.push([item, all[index + 1] ?? ''])
    return rows
  }, [])) {
    const [status, file] = line as [string, string]
    const full = path.join(top, file)
    if (status.startsWith('D')) deleted.add(full)
    else changed.add(full)
  }

  for (const file of git(top, ['ls-files', '--others', '--exclude-standard', '-z', '--full-name']).split('\0')) {
    if (file !== '') changed.add(path.join(top, file))
  }

  return {changed, deleted}
}
