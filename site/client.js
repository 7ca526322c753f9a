/**
 * slamark's site script: Doks' tabs (Bootstrap's markup: buttons with
 * `data-bs-target` and panes with `.tab-pane`), and in development the live
 * page: when a page module is updated by Vite's HMR, its new content, title
 * and table of contents replace the old ones without a reload.
 */

/** Show the pane of a tab button and hide its siblings. */
function showTab(button) {
  const list = button.closest('[role="tablist"]')
  if (!list) return
  for (const other of list.querySelectorAll('[data-bs-toggle="tab"]')) {
    const active = other === button
    other.classList.toggle('active', active)
    other.setAttribute('aria-selected', String(active))
    const pane = document.querySelector(other.getAttribute('data-bs-target'))
    if (pane) pane.classList.toggle('active', active), pane.classList.toggle('show', active)
  }
}

document.addEventListener('click', (event) => {
  const button = event.target instanceof Element ? event.target.closest('[data-bs-toggle="tab"]') : null
  if (button) {
    event.preventDefault()
    showTab(button)
  }
})

/** Replace the page's content with a re-rendered module (the dev server's HMR). */
globalThis.addEventListener('slamark:page-update', (event) => {
  const next = event.detail
  // The dev server wraps a page's content in an element naming the page.
  const content = [...document.querySelectorAll('[data-slamark-page]')].find((element) => element.getAttribute('data-slamark-page') === next?.contentPath)
  if (!content) return
  content.innerHTML = next.html
  const title = document.querySelector('.page-title')
  if (title && typeof next.title === 'string') title.textContent = next.title
  const toc = document.querySelector('.site-toc')
  if (toc && typeof next.toc === 'string') toc.innerHTML = next.toc === '' ? '' : '<h2 class="toc-title">On this page</h2>' + next.toc
  document.dispatchEvent(new CustomEvent('slamark:page-updated', {detail: {contentPath: next.contentPath}}))
})
