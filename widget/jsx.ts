/**
 * Injected into every widget module by scripts/build-widget.ts: the bundle is
 * built with the classic JSX transform, whose h() calls are shorter than the
 * automatic runtime's jsx() calls. Tests and the type checker keep tsconfig's
 * automatic runtime; both make the same virtual DOM.
 */
export { Fragment, h } from 'preact'
