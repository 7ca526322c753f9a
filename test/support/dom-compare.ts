/**
 * Compare two HTML fragments as DOM trees, the way a browser would build
 * them (parse5 through `hast-util-from-html`), and list every difference with
 * a readable path such as `div.callout > div.callout-content > p[1]`.
 *
 * What counts: element names, attributes (a set: order does not matter,
 * values do, exactly), text (exactly, after the parser decoded entities, so
 * `&ldquo;` and `“` are the same text), and comments. Whitespace-only text
 * nodes are dropped, because templates indent their output freely and the
 * browser ignores such text between blocks. Nothing else is normalised:
 * a difference either side must explain is named by the caller, not hidden
 * here.
 *
 * Comments are kept: Hugo's `<!-- raw HTML omitted -->` is the visible result
 * of `unsafe = false`, so a renderer that drops it (or keeps the raw HTML)
 * differs in substance. Template comments never reach Hugo's output
 * (`html/template` strips them), so the only comments left are content.
 */
import type {Comment, Element, ElementContent, Nodes, Parents, Root, RootContent, Text} from 'hast'
import {fromHtml} from 'hast-util-from-html'
import {toHtml} from 'hast-util-to-html'
import {find, html as htmlSchema, svg as svgSchema} from 'property-information'

/** The nodes the comparison walks: element, text and comment (doctypes are ignored). */
export type ComparedNode = Element | Text | Comment

/** One way the actual tree differs from the expected one. */
export interface DomDifference {
  /** Where: the expected node's path, or the actual one's for an extra node. */
  path: string
  /**
   * `missing`: in expected only; `extra`: in actual only; `attribute`: an
   * attribute added, removed or changed; `text`/`comment`: changed content.
   */
  kind: 'missing' | 'extra' | 'attribute' | 'text' | 'comment'
  /** The attribute's HTML name, for `attribute`. */
  attribute?: string
  /** Expected side: the value, text, or (`missing`) the node as HTML; absent when there is none. */
  expected?: string
  /** Actual side, as `expected`. */
  actual?: string
  /** The nodes involved and their parents, for callers that explain a difference by its surroundings. */
  nodes: DifferenceNodes
}

/** The nodes behind a {@link DomDifference}. */
export interface DifferenceNodes {
  expected?: ComparedNode
  actual?: ComparedNode
  /**
   * Parent of `expected` (the element itself for an attribute difference),
   * or the fragment root; for a `missing` or `extra` node, the parent is
   * still given on both sides (the matched pair the node is missing from).
   */
  expectedParent?: Parents
  actualParent?: Parents
  /**
   * The paired containers from the fragment roots down to the parents of
   * the nodes involved (both sides: a difference lies inside a matched pair).
   */
  ancestors: ReadonlyArray<{expected: Parents; actual: Parents}>
}

/** Parse an HTML fragment into a hast root (parse5, as a browser parses `innerHTML` of a `<body>`). */
export function parseFragment(html: string): Root {
  return fromHtml(html, {fragment: true})
}

function isWhitespaceText(node: RootContent | ElementContent): boolean {
  return node.type === 'text' && /^[ \t\n\f\r]*$/.test(node.value)
}

/** The children the comparison sees: elements, comments and text that is not whitespace only. */
export function comparedChildren(parent: Parents): ComparedNode[] {
  const nodes: ComparedNode[] = []
  for (const child of parent.children) {
    if (child.type === 'element' || child.type === 'comment') nodes.push(child)
    else if (child.type === 'text' && !isWhitespaceText(child)) nodes.push(child)
  }

  return nodes
}

/** Children of `<template>` live in `content`; everywhere else in `children`. */
function contentParent(element: Element): Parents {
  return element.tagName === 'template' && element.content ? element.content : element
}

/** An element's attributes by HTML name, values as they would be written. */
export function attributesOf(element: Element, inSvg: boolean): Map<string, string> {
  const schema = inSvg ? svgSchema : htmlSchema
  const attributes = new Map<string, string>()
  for (const [property, value] of Object.entries(element.properties)) {
    if (value === undefined || value === null || value === false) continue
    const info = find(schema, property)
    let text: string
    if (value === true) text = ''
    else if (Array.isArray(value)) text = value.join(info.commaSeparated ? ',' : ' ')
    else text = String(value)
    attributes.set(info.attribute, text)
  }

  return attributes
}

/** `p`, `div#main`, `div.callout` (id, else the first class). */
function elementLabel(element: Element, inSvg: boolean): string {
  const attributes = attributesOf(element, inSvg)
  const id = attributes.get('id')
  if (id) return `${element.tagName}#${id}`
  const firstClass = attributes.get('class')?.split(' ').find((name) => name !== '')
  return firstClass ? `${element.tagName}.${firstClass}` : element.tagName
}

function kindKey(node: ComparedNode): string {
  return node.type === 'element' ? node.tagName : `#${node.type}`
}

/** The path segment of `node` among `siblings`: `[n]` when several siblings share its name. */
function segment(node: ComparedNode, siblings: ComparedNode[], inSvg: boolean): string {
  const key = kindKey(node)
  const same = siblings.filter((sibling) => kindKey(sibling) === key)
  const base = node.type === 'element' ? elementLabel(node, inSvg || node.tagName === 'svg') : key
  return same.length > 1 ? `${base}[${same.indexOf(node)}]` : base
}

function join(parentPath: string, part: string): string {
  return parentPath === '' ? part : `${parentPath} > ${part}`
}

/** One form per subtree, to tell identical subtrees apart from merely same-named ones. */
function signature(node: ComparedNode, inSvg: boolean, cache: Map<ComparedNode, string>): string {
  const known = cache.get(node)
  if (known !== undefined) return known
  let result: string
  if (node.type === 'element') {
    const svg = inSvg || node.tagName === 'svg'
    const attributes = [...attributesOf(node, svg)].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    const children = comparedChildren(contentParent(node)).map((child) => signature(child, svg, cache))
    result = JSON.stringify([node.tagName, attributes, children])
  } else {
    result = JSON.stringify([node.type, node.value])
  }

  cache.set(node, result)
  return result
}

/**
 * Pair two child lists in order: the common subsequence of same-named nodes
 * that also holds the most identical subtrees (so one missing paragraph among
 * several shows as missing, not as every later paragraph changed).
 */
function align(
  expected: ComparedNode[],
  actual: ComparedNode[],
  weight: (a: ComparedNode, b: ComparedNode) => number
): Array<[ComparedNode | undefined, ComparedNode | undefined]> {
  const rows = expected.length
  const columns = actual.length
  const score: number[][] = Array.from({length: rows + 1}, () => new Array<number>(columns + 1).fill(0))
  for (let i = rows - 1; i >= 0; i--) {
    for (let j = columns - 1; j >= 0; j--) {
      const pair = weight(expected[i]!, actual[j]!)
      const best = Math.max(score[i + 1]![j]!, score[i]![j + 1]!)
      score[i]![j] = pair > 0 ? Math.max(best, pair + score[i + 1]![j + 1]!) : best
    }
  }

  const pairs: Array<[ComparedNode | undefined, ComparedNode | undefined]> = []
  let i = 0
  let j = 0
  while (i < rows && j < columns) {
    const pair = weight(expected[i]!, actual[j]!)
    if (pair > 0 && score[i]![j] === pair + score[i + 1]![j + 1]!) {
      pairs.push([expected[i], actual[j]])
      i++
      j++
    } else if (score[i + 1]![j]! >= score[i]![j + 1]!) {
      pairs.push([expected[i++], undefined])
    } else {
      pairs.push([undefined, actual[j++]])
    }
  }

  while (i < rows) pairs.push([expected[i++], undefined])
  while (j < columns) pairs.push([undefined, actual[j++]])
  return pairs
}

/** A node as short HTML, for `missing`/`extra` reports. */
export function describeNode(node: ComparedNode, limit = 160): string {
  const text = toHtml(node).replace(/\s+/g, ' ')
  return text.length > limit ? `${text.slice(0, limit - 1)}…` : text
}

/**
 * Compare two HTML fragments as DOM trees.
 *
 * @param expected
 *   The reference HTML (Hugo's).
 * @param actual
 *   The HTML under test (slamark's).
 * @returns
 *   Every difference, in document order; empty when the trees are the same.
 */
export function compareHtml(expected: string, actual: string): DomDifference[] {
  return compareTrees(parseFragment(expected), parseFragment(actual))
}

/**
 * Compare two parsed trees (see {@link compareHtml}).
 *
 * @param expected
 *   Reference root.
 * @param actual
 *   Root under test.
 */
export function compareTrees(expected: Root, actual: Root): DomDifference[] {
  const differences: DomDifference[] = []
  const cache = new Map<ComparedNode, string>()

  const walk = (
    expectedParent: Parents,
    actualParent: Parents,
    parentPath: string,
    inSvg: boolean,
    outer: ReadonlyArray<{expected: Parents; actual: Parents}>
  ): void => {
    const ancestors = [...outer, {expected: expectedParent, actual: actualParent}]
    const expectedChildren = comparedChildren(expectedParent)
    const actualChildren = comparedChildren(actualParent)
    const weight = (a: ComparedNode, b: ComparedNode): number => {
      if (kindKey(a) !== kindKey(b)) return 0
      return signature(a, inSvg, cache) === signature(b, inSvg, cache) ? 2 : 1
    }

    for (const [left, right] of align(expectedChildren, actualChildren, weight)) {
      if (left === undefined) {
        differences.push({
          path: join(parentPath, segment(right!, actualChildren, inSvg)),
          kind: 'extra',
          actual: describeNode(right!),
          nodes: {actual: right!, expectedParent, actualParent, ancestors}
        })
        continue
      }

      const path = join(parentPath, segment(left, expectedChildren, inSvg))
      if (right === undefined) {
        differences.push({path, kind: 'missing', expected: describeNode(left), nodes: {expected: left, expectedParent, actualParent, ancestors}})
        continue
      }

      const nodes: DifferenceNodes = {expected: left, actual: right, expectedParent, actualParent, ancestors}
      if (left.type === 'text' || left.type === 'comment') {
        const rightValue = (right as Text | Comment).value
        if (left.value !== rightValue) {
          differences.push({path, kind: left.type, expected: left.value, actual: rightValue, nodes})
        }

        continue
      }

      const rightElement = right as Element
      const svg = inSvg || left.tagName === 'svg'
      const leftAttributes = attributesOf(left, svg)
      const rightAttributes = attributesOf(rightElement, svg)
      const names = [...new Set([...leftAttributes.keys(), ...rightAttributes.keys()])].sort()
      for (const name of names) {
        const a = leftAttributes.get(name)
        const b = rightAttributes.get(name)
        if (a === b) continue
        differences.push({
          path,
          kind: 'attribute',
          attribute: name,
          ...(a === undefined ? {} : {expected: a}),
          ...(b === undefined ? {} : {actual: b}),
          nodes: {expected: left, actual: rightElement, expectedParent: left, actualParent: rightElement, ancestors}
        })
      }

      walk(contentParent(left), contentParent(rightElement), path, svg, ancestors)
    }
  }

  walk(expected, actual, '', false, [])
  return differences
}

function quote(value: string | undefined): string {
  return value === undefined ? '(none)' : JSON.stringify(value)
}

/**
 * One line per difference, for test failure messages:
 * `p[1]: text "a" → "b"`, `div.callout: attribute class "x" → "y"`.
 *
 * @param differences
 *   From {@link compareHtml}.
 * @param labels
 *   Names of the two sides.
 */
export function formatDifferences(
  differences: readonly DomDifference[],
  labels: {expected: string; actual: string} = {expected: 'expected', actual: 'actual'}
): string {
  return differences
    .map((difference) => {
      switch (difference.kind) {
        case 'missing':
          return `${difference.path}: only in ${labels.expected}: ${difference.expected}`
        case 'extra':
          return `${difference.path}: only in ${labels.actual}: ${difference.actual}`
        case 'attribute':
          return `${difference.path}: attribute ${difference.attribute} ${quote(difference.expected)} → ${quote(difference.actual)}`
        default:
          return `${difference.path}: ${difference.kind} ${quote(difference.expected)} → ${quote(difference.actual)}`
      }
    })
    .join('\n')
}

/** Plain data of a difference (no nodes), for assertions and reports. */
export function plainDifference(difference: DomDifference): Omit<DomDifference, 'nodes'> {
  const {nodes: _nodes, ...rest} = difference
  return rest
}

/** The text of a node and its descendants. */
export function textOf(node: Nodes): string {
  if (node.type === 'text' || node.type === 'comment') return node.type === 'text' ? node.value : ''
  if (!('children' in node)) return ''
  return node.children.map((child) => textOf(child)).join('')
}
