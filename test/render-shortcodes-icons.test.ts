import fs from 'node:fs'
import {createRequire} from 'node:module'
import os from 'node:os'
import path from 'node:path'
import fc from 'fast-check'
import {toHtml} from 'hast-util-to-html'
import {afterAll, beforeEach, describe, expect, it, vi} from 'vitest'

// Every file the icon module reads goes through this spy.
vi.mock('node:fs', async (importOriginal) => {
  const actual = await importOriginal<typeof import('node:fs')>()
  return {...actual, default: actual, readFileSync: vi.fn(actual.readFileSync)}
})

const {readFileSync} = await import('node:fs')
const {hasIcon, iconNames, inlineSvg, isIconPath} = await import('../src/render/icons.js')
const readSpy = vi.mocked(readFileSync)

const require = createRequire(import.meta.url)
const iconsFolder = path.join(path.dirname(require.resolve('@tabler/icons/package.json')), 'icons')

function readPaths(): string[] {
  return readSpy.mock.calls.map((call) => String(call[0]))
}

beforeEach(() => {
  readSpy.mockClear()
})

describe('inlineSvg (inline-svg 1.2 over @tabler/icons)', () => {
  it('rewrites the callout icon as Doks does: own class dropped, class/id/role appended in sorted order', () => {
    const svg = inlineSvg('outline/alert-triangle', {class: 'callout-icon me-2 mb-3'})
    expect(svg && toHtml(svg)).toBe(
      '<svg xmlns="http://www.w3.org/2000/svg" width="24" height="24" viewBox="0 0 24 24" fill="none" ' +
        'stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round" ' +
        'class="outline/alert-triangle svg-inline callout-icon me-2 mb-3" id="svg-alert-triangle" role="img">\n' +
        '  <path stroke="none" d="M0 0h24v24H0z" fill="none"></path>\n' +
        '  <path d="M12 9v4"></path>\n' +
        '  <path d="M10.363 3.591l-8.106 13.534a1.914 1.914 0 0 0 1.636 2.871h16.214a1.914 1.914 0 0 0 1.636 -2.87l-8.106 -13.536a1.914 1.914 0 0 0 -3.274 0"></path>\n' +
        '  <path d="M12 16h.01"></path>\n' +
        '</svg>'
    )
  })

  it('replaces same-named attributes (the card icon: stroke-width, width, height)', () => {
    const svg = inlineSvg('outline/rocket', {
      'stroke-width': '1.5',
      height: '1.875rem',
      width: '1.875rem',
      class: 'svg-inline-custom mt-0 me-3 card-icon icon-purple'
    })
    const start = svg ? toHtml({...svg, children: []}) : ''
    expect(start).toBe(
      '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24" fill="none" stroke="currentColor" ' +
        'stroke-linecap="round" stroke-linejoin="round" ' +
        'class="outline/rocket svg-inline svg-inline-custom mt-0 me-3 card-icon icon-purple" height="1.875rem" ' +
        'id="svg-rocket" role="img" stroke-width="1.5" width="1.875rem"></svg>'
    )
  })

  it('takes a passed id and role instead of the defaults, and never prints `src` or `title`', () => {
    const svg = inlineSvg('filled/alert-triangle', {id: 'svg-warn-2', role: 'presentation', title: 'Warn', src: 'x'})
    expect(svg?.properties).toMatchObject({id: 'svg-warn-2', role: 'presentation', className: ['filled/alert-triangle', 'svg-inline']})
    expect(svg?.properties).not.toHaveProperty('title')
    expect(svg?.properties).not.toHaveProperty('src')
  })

  it('hands out a fresh tree each time and reads each icon file once', () => {
    const first = inlineSvg('outline/info-circle', {})!
    first.properties.id = 'changed'
    ;(first.children[1] as {properties: Record<string, unknown>}).properties.d = 'changed'
    const second = inlineSvg('outline/info-circle', {})!
    expect(second.properties.id).toBe('svg-info-circle')
    expect((second.children[1] as {properties: Record<string, unknown>}).properties.d).not.toBe('changed')
    expect(readPaths().filter((file) => file.endsWith('info-circle.svg'))).toHaveLength(1)
  })

  it('keeps no positions from the icon file', () => {
    const svg = inlineSvg('outline/rocket', {})!
    expect(svg.position).toBeUndefined()
    expect(svg.children.every((child) => child.position === undefined)).toBe(true)
  })

  it('does not find Tabler 2 flat names or names written with `.svg`, as Doks does not', () => {
    expect(inlineSvg('alert-triangle', {})).toBeUndefined()
    expect(inlineSvg('outline/alert-triangle.svg', {})).toBeUndefined()
    expect(inlineSvg('Outline/Alert-Triangle', {})).toBeUndefined()
    expect(inlineSvg('outline/no-such-icon-here', {})).toBeUndefined()
  })
})

describe('hasIcon and iconNames', () => {
  it('says which names Doks finds', () => {
    expect(hasIcon('outline/alert-triangle')).toBe(true)
    expect(hasIcon('filled/alert-triangle')).toBe(true)
    expect(hasIcon('alert-triangle')).toBe(false)
    expect(hasIcon('outline/alert-triangle.svg')).toBe(false)
    expect(hasIcon('outline/')).toBe(false)
  })

  it('lists every icon of the package, sorted, read from the package folder only', () => {
    const names = iconNames()
    const expected = ['filled', 'outline']
      .flatMap((variant) => fs.readdirSync(path.join(iconsFolder, variant)).map((file) => `${variant}/${file.replace(/\.svg$/, '')}`))
      .sort()
    expect(names).toEqual(expected)
    expect(names).toContain('outline/arrow-right')
  })
})

describe('icon names that are paths or URLs', () => {
  const outside = fs.mkdtempSync(path.join(os.tmpdir(), 'slamark-icons-'))
  fs.writeFileSync(path.join(outside, 'evil.svg'), '<svg xmlns="http://www.w3.org/2000/svg"><path d="M0 0"/></svg>')
  const relative = path.relative(path.join(iconsFolder, 'outline'), path.join(outside, 'evil')).split(path.sep).join('/')
  afterAll(() => fs.rmSync(outside, {recursive: true, force: true}))

  const hostile = [
    '../../etc/passwd',
    '/etc/passwd',
    'outline/../../x',
    `outline/${relative}`,
    path.join(outside, 'evil'),
    'C:\\x',
    'C:/x',
    'outline\\alert-triangle',
    'https://example.org/x.svg',
    'file:///etc/passwd',
    'outline/alert-triangle\0',
    '~/x'
  ]

  it.each(hostile)('refuses %j without reading any file', (name) => {
    expect(isIconPath(name)).toBe(true)
    expect(inlineSvg(name, {class: 'x'})).toBeUndefined()
    expect(hasIcon(name)).toBe(false)
    expect(readPaths()).toEqual([])
  })

  it('never reads a file outside the package, whatever the name', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.constantFrom('outline/', 'filled/', '../', '/', 'outline/../').chain((prefix) =>
            fc.string().map((rest) => prefix + rest)
          )
        ),
        (name) => {
          const svg = inlineSvg(name, {})
          expect(svg === undefined).toBe(!hasIcon(name) || isIconPath(name))
        }
      )
    )
    for (const file of readPaths()) expect(path.relative(iconsFolder, file).startsWith('..')).toBe(false)
  })
})
