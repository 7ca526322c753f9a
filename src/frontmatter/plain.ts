/**
 * Helpers to build plain data objects safely.
 */

/**
 * Set an own, enumerable property, even for keys such as `__proto__` that a
 * plain assignment would treat as the prototype (front matter is untrusted
 * input and may use any key).
 *
 * @param target
 *   The object to set on.
 * @param key
 *   The key.
 * @param value
 *   The value.
 */
export function setOwn(
  target: Record<string, unknown>,
  key: string,
  value: unknown
): void {
  Object.defineProperty(target, key, {
    value,
    enumerable: true,
    writable: true,
    configurable: true
  })
}
