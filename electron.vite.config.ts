import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';
import type { Plugin } from 'vite';

// The built renderer carries its CSP in a <meta> tag (file:// pages get no headers). The dev
// server's React fast refresh needs an inline script that policy forbids, so in dev the tag is
// left out and the Electron session's header policy (relaxed for dev) applies alone.
const dropMetaCspInDev = (): Plugin => ({
  name: 'leitstand:drop-meta-csp-in-dev',
  apply: 'serve',
  transformIndexHtml: (html) => html.replace(/<meta\s+http-equiv="Content-Security-Policy"[^>]*>/s, ''),
});

// Three bundles. The main bundle has several entries: the Electron edge (index), the plain-Node
// server (serve), the re-sequencing command line and the benchmark runner. They share chunks, so
// `npm run serve` runs exactly the code the desktop app runs.
export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      rollupOptions: {
        input: {
          index: resolve(__dirname, 'src-main/electron/main.ts'),
          serve: resolve(__dirname, 'src-main/server/serve.ts'),
          bench: resolve(__dirname, 'tests/bench/run.ts'),
          recommendWorker: resolve(__dirname, 'src-main/services/recommendation/worker/recommendWorker.ts'),
          reschedule: resolve(__dirname, 'src-main/cli/reschedule.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      rollupOptions: {
        input: { index: resolve(__dirname, 'src-preload/index.ts') },
        // A sandboxed preload cannot be an ES module.
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve(__dirname, 'src-renderer'),
    plugins: [react(), dropMetaCspInDev()],
    build: {
      outDir: 'out/renderer',
      rollupOptions: { input: { index: resolve(__dirname, 'src-renderer/index.html') } },
    },
  },
});
