export {HeadingIdCounter, hugoHeadingId, type HeadingIdKind, type HeadingIdType} from './heading-ids.js'
export {renderPage, renderTree} from './page.js'
export {remarkRender} from './remark-render.js'
export type * from './types.js'
