/** Vite's `?raw` imports: the embedded seed plan is bundled into the app as text. */
declare module '*?raw' {
  const content: string;
  export default content;
}
