/**
 * The parts of Go's `net/url` that Hugo templates print URLs with: `Parse`
 * (scheme, opaque part, authority, percent-decoded path and fragment, raw
 * query) and `URL.String` (scheme lower-cased, path and fragment escaped
 * again unless their raw form is a valid encoding). Doks' link hook prints
 * external links with `String`, and Hugo builds permalinks with it, so a
 * port keeps both byte for byte (`ü` → `%C3%BC`, `HTTP:` → `http:`).
 */

/** A URL as Go's `url.Parse` reads it. */
export interface GoUrl {
  /** Lower-cased; `''` for a relative URL. */
  scheme: string
  /** What follows `scheme:` when it does not start with `/` (`mailto:a@b.c` → `a@b.c`). */
  opaque: string
  /** `user:password` before `@` in the authority, as written; `undefined` without one. */
  userinfo: string | undefined
  /** The host (and port), percent-decoded. */
  host: string
  /** Whether the URL has an authority (`//…`). */
  hasAuthority: boolean
  /** The path, percent-decoded. */
  path: string
  /** The path as written, when that differs from the escaped decoded path. */
  rawPath: string
  /** The query as written, without `?`. */
  rawQuery: string
  /** A `?` with nothing after it. */
  forceQuery: boolean
  /** The fragment, percent-decoded (`''` for none or an empty one). */
  fragment: string
  /** The fragment as written. */
  rawFragment: string
}

type Mode = 'path' | 'host' | 'userinfo' | 'query' | 'fragment'

const hexDigits = '0123456789ABCDEF'

const isHex = (code: number): boolean =>
  (code >= 0x30 && code <= 0x39) || (code >= 0x41 && code <= 0x46) || (code >= 0x61 && code <= 0x66)

const isAlphanumeric = (code: number): boolean =>
  (code >= 0x61 && code <= 0x7a) || (code >= 0x41 && code <= 0x5a) || (code >= 0x30 && code <= 0x39)

/** Go's `shouldEscape`: whether byte `code` is written as `%XX` in `mode`. */
function shouldEscape(code: number, mode: Mode): boolean {
  if (isAlphanumeric(code)) return false
  const character = String.fromCharCode(code)
  if (mode === 'host' && '!$&\'()*+,;=:[]<>"'.includes(character)) return false
  if ('-_.~'.includes(character)) return false
  if ('$&+,/:;=?@'.includes(character)) {
    if (mode === 'path') return code === 0x3f
    if (mode === 'userinfo') return '@/?:'.includes(character)
    if (mode === 'query') return true
    if (mode === 'fragment') return false
  }

  return !(mode === 'fragment' && '!()*'.includes(character))
}

const encoder = new TextEncoder()
const decoder = new TextDecoder()

/** Go's `escape`: bytes that `shouldEscape` names as `%XX` (upper-case hex). */
function escape(text: string, mode: Mode): string {
  // Most URLs need nothing; skip the byte walk for them.
  if (/^[A-Za-z0-9\-_.~/]*$/.test(text)) return text
  let result = ''
  for (const byte of encoder.encode(text)) {
    result += shouldEscape(byte, mode) ? `%${hexDigits[byte >> 4]}${hexDigits[byte & 15]}` : String.fromCharCode(byte)
  }

  return result
}

/** Go's `unescape`: `%XX` decoded; `undefined` for a broken escape or a character the host may not hold. */
function unescape(text: string, mode: Mode): string | undefined {
  if (mode !== 'host' && !text.includes('%')) return text
  const bytes: number[] = []
  const raw = encoder.encode(text)
  for (let index = 0; index < raw.length; index++) {
    const byte = raw[index]!
    if (byte === 0x25) {
      if (index + 2 >= raw.length || !isHex(raw[index + 1]!) || !isHex(raw[index + 2]!)) return undefined
      bytes.push(Number.parseInt(String.fromCharCode(raw[index + 1]!, raw[index + 2]!), 16))
      index += 2
    } else {
      if (mode === 'host' && byte < 0x80 && shouldEscape(byte, 'host')) return undefined
      bytes.push(byte)
    }
  }

  return decoder.decode(new Uint8Array(bytes))
}

/** Go's `validEncoded`: text that may stand as the raw form of a path or fragment. */
function validEncoded(text: string, mode: Mode): boolean {
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index)
    if ('!$&\'()*+,;=:@[]%'.includes(text.charAt(index))) continue
    if (code >= 0x80 || shouldEscape(code, mode)) return false
  }

  return true
}

/**
 * Go's `url.Parse`.
 *
 * @param raw
 *   The URL as written.
 * @returns
 *   Its parts, or `undefined` where Go returns an error (a control
 *   character, a broken `%` escape, a leading `:`, a colon in a first
 *   relative path segment, a bad host).
 */
export function parseGoUrl(raw: string): GoUrl | undefined {
  if (/[\x00-\x1f\x7f]/.test(raw)) return undefined
  const hash = raw.indexOf('#')
  const beforeHash = hash === -1 ? raw : raw.slice(0, hash)
  const rawFragment = hash === -1 ? '' : raw.slice(hash + 1)
  const fragment = unescape(rawFragment, 'fragment')
  if (fragment === undefined) return undefined

  const url: GoUrl = {
    scheme: '',
    opaque: '',
    userinfo: undefined,
    host: '',
    hasAuthority: false,
    path: '',
    rawPath: '',
    rawQuery: '',
    forceQuery: false,
    fragment,
    rawFragment
  }
  if (beforeHash === '') return url
  if (beforeHash === '*') {
    url.path = '*'
    return url
  }

  let rest = beforeHash
  const scheme = /^[A-Za-z][A-Za-z0-9+.-]*:/.exec(rest)
  if (scheme) {
    url.scheme = scheme[0].slice(0, -1).toLowerCase()
    rest = rest.slice(scheme[0].length)
  } else if (rest.startsWith(':')) {
    return undefined
  }

  const question = rest.indexOf('?')
  if (question !== -1) {
    if (question === rest.length - 1 && rest.indexOf('?') === rest.lastIndexOf('?')) url.forceQuery = true
    else url.rawQuery = rest.slice(question + 1)
    rest = rest.slice(0, question)
  }

  if (!rest.startsWith('/')) {
    if (url.scheme !== '') {
      url.opaque = rest
      return url
    }

    const slash = rest.indexOf('/')
    if ((slash === -1 ? rest : rest.slice(0, slash)).includes(':')) return undefined
  }

  if (rest.startsWith('//') && (url.scheme !== '' || !rest.startsWith('///'))) {
    const end = rest.indexOf('/', 2)
    const authority = end === -1 ? rest.slice(2) : rest.slice(2, end)
    rest = end === -1 ? '' : rest.slice(end)
    const at = authority.lastIndexOf('@')
    const host = unescape(at === -1 ? authority : authority.slice(at + 1), 'host')
    if (host === undefined) return undefined
    url.hasAuthority = true
    url.host = host
    if (at !== -1) url.userinfo = authority.slice(0, at)
  }

  const path = unescape(rest, 'path')
  if (path === undefined) return undefined
  url.path = path
  url.rawPath = escape(path, 'path') === rest ? '' : rest
  return url
}

/** Go's `URL.EscapedPath`. */
function escapedPath(url: GoUrl): string {
  if (url.rawPath !== '' && validEncoded(url.rawPath, 'path') && unescape(url.rawPath, 'path') === url.path) return url.rawPath
  if (url.path === '*') return '*'
  return escape(url.path, 'path')
}

/** Go's `URL.EscapedFragment`. */
function escapedFragment(url: GoUrl): string {
  if (url.rawFragment !== '' && validEncoded(url.rawFragment, 'fragment') && unescape(url.rawFragment, 'fragment') === url.fragment) {
    return url.rawFragment
  }

  return escape(url.fragment, 'fragment')
}

function userinfoText(userinfo: string): string {
  const colon = userinfo.indexOf(':')
  const name = unescape(colon === -1 ? userinfo : userinfo.slice(0, colon), 'userinfo') ?? ''
  if (colon === -1) return escape(name, 'userinfo')
  return `${escape(name, 'userinfo')}:${escape(unescape(userinfo.slice(colon + 1), 'userinfo') ?? '', 'userinfo')}`
}

/**
 * Go's `URL.String`.
 *
 * @param url
 *   A URL from {@link parseGoUrl}.
 */
export function goUrlString(url: GoUrl): string {
  let result = url.scheme === '' ? '' : `${url.scheme}:`
  if (url.opaque !== '') {
    result += url.opaque
  } else {
    if (url.scheme !== '' || url.host !== '' || url.userinfo !== undefined) {
      if (url.host !== '' || url.path !== '' || url.userinfo !== undefined) result += '//'
      if (url.userinfo !== undefined) result += `${userinfoText(url.userinfo)}@`
      if (url.host !== '') result += escape(url.host, 'host')
    }

    const path = escapedPath(url)
    if (path !== '' && !path.startsWith('/') && url.host !== '') result += '/'
    // A relative path whose first segment holds a colon would read as a scheme.
    if (result === '' && (path.split('/', 1)[0] ?? '').includes(':')) result += './'
    result += path
  }

  if (url.forceQuery || url.rawQuery !== '') result += `?${url.rawQuery}`
  if (url.fragment !== '') result += `#${escapedFragment(url)}`
  return result
}
