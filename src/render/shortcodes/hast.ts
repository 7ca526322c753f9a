import type {Element, ElementContent, Properties, Text} from 'hast'

/**
 * A hast element, built directly (no hastscript parsing per call): the
 * renderers know their property names already.
 *
 * @param tagName
 *   The element's name.
 * @param properties
 *   hast properties (`className` as a list, `dataPane`, `ariaControls`, …).
 * @param children
 *   Its content.
 */
export function element(tagName: string, properties: Properties, children: ElementContent[] = []): Element {
  return {type: 'element', tagName, properties, children}
}

/**
 * A whitespace (or other) text node: Doks' templates indent their output,
 * and where that indentation meets rendered text it becomes part of it
 * (`\n  Body <strong>b</strong>`), so the renderers print it as Doks does.
 *
 * @param value
 *   The text.
 */
export function text(value: string): Text {
  return {type: 'text', value}
}

/**
 * The class list of an attribute value as a browser reads it: split on ASCII
 * whitespace, empty parts dropped.
 *
 * @param value
 *   A `class` attribute value as a template wrote it.
 */
export function classList(value: string): string[] {
  return value.split(/[\t\n\f\r ]+/).filter((part) => part !== '')
}

/**
 * A deep copy of a hast element, without positions: cached trees (icons) are
 * handed out as copies, so no later step can change them for the next page.
 *
 * @param node
 *   The element to copy.
 */
export function cloneElement(node: Element): Element {
  const properties: Properties = {}
  for (const key in node.properties) {
    const value = node.properties[key]
    properties[key] = Array.isArray(value) ? [...value] : value
  }

  const children: ElementContent[] = []
  for (const child of node.children) {
    if (child.type === 'element') children.push(cloneElement(child))
    else children.push({type: child.type, value: child.value} as ElementContent)
  }

  return {type: 'element', tagName: node.tagName, properties, children}
}

