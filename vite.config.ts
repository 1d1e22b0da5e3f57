import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The renderer is built once and loaded from file:// by Electron and over HTTP by the headless
// host, so asset URLs are relative.
export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react()],
  build: { outDir: '../dist/renderer', emptyOutDir: true, target: 'chrome130', sourcemap: true },
});
