import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/** The renderer: a static bundle served from app:// in Electron and by the dev host in a browser. */
export default defineConfig({
  root: 'renderer',
  base: '/',
  plugins: [react()],
  build: {
    outDir: '../out/renderer',
    emptyOutDir: true,
    target: 'chrome120',
    sourcemap: true,
    // No inline <script> or eval anywhere: the CSP allows only 'self'.
    modulePreload: { polyfill: false },
    assetsInlineLimit: 0,
  },
});
