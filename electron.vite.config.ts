import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';

/**
 * Builds three bundles into out/: the main process (plus the `zoho-ticket` CLI, which shares the
 * engine and imports nothing from Electron), the sandboxed preload (CommonJS: sandboxed preloads cannot
 * be ES modules), and the React renderer.
 */
export default defineConfig({
  main: {
    build: {
      lib: { entry: { index: resolve('main/index.ts'), cli: resolve('main/cli/zoho-ticket.ts') } },
    },
  },
  preload: {
    build: {
      lib: { entry: resolve('preload/index.ts') },
      rolldownOptions: { output: { format: 'cjs', entryFileNames: '[name].cjs' } },
    },
  },
  renderer: {
    root: resolve('renderer'),
    plugins: [react()],
    build: { minify: true, rolldownOptions: { input: resolve('renderer/index.html') } },
  },
});
