import { useLayoutEffect } from 'react';

/**
 * Adds a stylesheet (the checklist's `@page` rule) for as long as the component is mounted.
 * A constructed stylesheet, not a <style> element: the CSP allows no inline styles, and the
 * rule must exist only while a print view is open so other screens print as before.
 */
export function usePageStyle(css: string): void {
  useLayoutEffect(() => {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(css);
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
    return () => {
      document.adoptedStyleSheets = document.adoptedStyleSheets.filter((item) => item !== sheet);
    };
  }, [css]);
}
