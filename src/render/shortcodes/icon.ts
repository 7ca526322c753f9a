import type {Element} from 'hast'
import type {HugoParam} from '../../syntax/types.js'
import {hasIcon, isIconPath} from '../icons.js'
import type {ShortcodeContext} from '../types.js'
import {goPrint} from './params.js'
import {quoted, report, type RenderWarning} from './text.js'

/**
 * An icon through the context's inline-svg, with a page-unique `id` (Doks
 * repeats `svg-<name>` for every use), or a warning saying why there is none:
 * `icon-path-refused` for a path or URL, `icon-unknown` for a name Tabler 3
 * does not have (with the Tabler 3 spelling when that exists).
 *
 * @param src
 *   The `icon` param as written.
 * @param attributes
 *   The attributes the Doks template passes to the partial.
 * @param context
 *   The shortcode's context.
 */
export function renderIcon(
  src: HugoParam | string,
  attributes: Readonly<Record<string, string>>,
  context: ShortcodeContext
): Element | undefined {
  const problem = typeof src !== 'string' && typeof src.value !== 'string' ? iconProblem(src) : undefined
  if (problem) {
    report(context, problem)
    return undefined
  }

  const name = typeof src === 'string' ? src : (src.value as string)
  const svg = context.icon(name, attributes)
  if (svg) {
    const id = svg.properties.id
    if (typeof id === 'string') svg.properties.id = context.uniqueId(id)
    return svg
  }

  report(context, iconProblem(src) ?? {ruleId: 'icon-unknown', reason: `Unexpected icon ${quoted(name)}`, hint: ''})
  return undefined
}

/**
 * Why Doks prints no icon for `src`, or `undefined` when Tabler 3 has it:
 * `icon-unknown` for a value that is not text or a name Tabler 3 does not
 * have (with the Tabler 3 spelling as hint when there is one),
 * `icon-path-refused` for a path or URL. The renderer and the linter report
 * the same words.
 *
 * @param src
 *   The `icon` param, or its value.
 */
export function iconProblem(src: HugoParam | string): RenderWarning | undefined {
  if (typeof src !== 'string' && typeof src.value !== 'string') {
    return {
      ruleId: 'icon-unknown',
      reason: `Unexpected icon ${quoted(goPrint(src))} (${src.goType}), expected a quoted Tabler icon name such as \`outline/info-circle\``,
      hint: 'Doks cannot look up a value that is not text and fails the build; quote the name'
    }
  }

  const name = typeof src === 'string' ? src : (src.value as string)
  if (isIconPath(name)) {
    return {
      ruleId: 'icon-path-refused',
      reason: `Unexpected icon path ${quoted(name)}, expected a Tabler icon name such as \`outline/info-circle\``,
      hint: 'Icons come from the @tabler/icons package only; paths and URLs are never read'
    }
  }

  if (hasIcon(name)) return undefined
  return {
    ruleId: 'icon-unknown',
    reason: `Unexpected icon ${quoted(name)}, expected a Tabler 3 icon name such as \`outline/info-circle\``,
    hint: unknownIconHint(name)
  }
}

/**
 * The Tabler 3 name of a Tabler 2 flat icon name (`alert-triangle` →
 * `outline/alert-triangle`), when Tabler 3 has it.
 *
 * @param name
 *   An icon name as written.
 */
export function tabler3Name(name: string): string | undefined {
  return !name.includes('/') && !isIconPath(name) && hasIcon(`outline/${name}`) ? `outline/${name}` : undefined
}

function unknownIconHint(name: string): string {
  if (tabler3Name(name)) {
    return `Tabler 3 (Doks 1.5 and later) keeps icons by variant: write \`outline/${name}\` (or \`filled/${name}\`); Doks prints no icon here`
  }

  const withoutExtension = name.replace(/\.svg$/, '')
  if (withoutExtension !== name && hasIcon(withoutExtension)) {
    return `Doks looks the icon up as \`${name}.svg\`; write \`${withoutExtension}\` without \`.svg\``
  }

  return 'Doks prints no icon for a name Tabler does not have; pick one from https://tabler.io/icons'
}
