import type {DataPath, Finding} from './finding.js'

/**
 * The front matter data with every value that was read despite its spelling
 * (a finding with `normalized`, such as `4 hours` read as `4h`) replaced by
 * its canonical form, so the schema checks, and the validated data holds,
 * what the engine computes with. Copies only the mappings and lists on the
 * way to a replaced value; `data` itself is never changed, and without such
 * findings it is returned as is.
 *
 * @param data
 *   The parsed front matter.
 * @param findings
 *   Findings of the value checks.
 */
export function applyNormalized(data: Record<string, unknown>, findings: readonly Finding[]): Record<string, unknown> {
  let result = data
  for (const finding of findings) {
    if (finding.normalized !== undefined) result = replaceAt(result, finding.path, finding.normalized) as Record<string, unknown>
  }

  return result
}

/** `container` with the value at `path` replaced, copied along the path; unchanged when the path is not there. */
function replaceAt(container: unknown, path: DataPath, value: unknown): unknown {
  if (path.length === 0) return value
  const [head, ...rest] = path
  if (Array.isArray(container) && typeof head === 'number' && head < container.length) {
    const copy = [...container]
    copy[head] = replaceAt(container[head], rest, value)
    return copy
  }

  if (typeof container === 'object' && container !== null && !Array.isArray(container) && typeof head === 'string' && Object.hasOwn(container, head)) {
    // Own data properties only, so a `__proto__` key stays a plain key in the copy.
    const copy: Record<string, unknown> = Object.defineProperties({}, Object.getOwnPropertyDescriptors(container))
    Object.defineProperty(copy, head, {value: replaceAt((container as Record<string, unknown>)[head], rest, value), enumerable: true, writable: true, configurable: true})
    return copy
  }

  return container
}
