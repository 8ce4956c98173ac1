import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root,
  // Relative asset URLs work both under app://station/ (Electron) and http://127.0.0.1:port/ (web mode).
  base: './',
  plugins: [react()],
  build: {
    // QWMS_RENDERER_DIR: a build of its own (parallel work on one checkout); dist/renderer otherwise.
    outDir: process.env.QWMS_RENDERER_DIR ?? fileURLToPath(new URL('../dist/renderer', import.meta.url)),
    emptyOutDir: true,
    sourcemap: true,
  },
});
