import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));

// The console is a static single-page app that the billing service serves at `/` (see
// apps/billing/src/http/console-assets.ts). In development, `npm run console:dev` proxies the
// API to a service started with `npm start`.
export default defineConfig(({ command }) => ({
  root,
  base: '/',
  oxc: { jsx: { runtime: 'automatic' } },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    assetsDir: 'assets',
    sourcemap: false,
    target: 'es2022',
    // A module preload polyfill is an inline script; the console's browsers need none.
    modulePreload: { polyfill: false },
  },
  server: {
    host: '127.0.0.1',
    proxy: { '/api': 'http://127.0.0.1:3000' },
  },
  // A build is React's production build whatever NODE_ENV the shell has (Jest sets `test`).
  define: command === 'build' ? { 'process.env.NODE_ENV': JSON.stringify('production') } : {},
}));
