/** Stylesheets are bundled as text (scripts/build-widget.ts) and adopted into the shadow root. */
declare module '*.css' {
  const text: string
  export default text
}
