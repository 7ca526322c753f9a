/**
 * Whether any message of the files is an error (`fatal: true`): vfiles, or
 * their plain data.
 *
 * @param files
 *   Files with messages.
 */
export function hasFatal(files: ReadonlyArray<{messages: ReadonlyArray<{fatal?: boolean | null | undefined}>}>): boolean {
  return files.some((file) => file.messages.some((message) => message.fatal === true))
}
