import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The benchmark's peer page: built by tests/bench/editor.ts in the same run as Lanemap, with the
// same React, React Flow and Dexie from the project's node_modules. Built as Lanemap is, with
// non-ASCII characters escaped (one in React DOM made V8 hold the whole file as two-byte text),
// so that the comparison measures the app and not a build setting.
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: './',
  plugins: [react()],
  build: { target: 'es2022', emptyOutDir: true, rolldownOptions: { output: { charset: 'ascii' } } },
});
