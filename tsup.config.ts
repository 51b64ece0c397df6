import { defineConfig } from 'tsup';

export default defineConfig({
  entry: { index: 'src/index.ts' },
  format: ['esm', 'cjs'],
  dts: true,
  clean: true,
  sourcemap: false,
  target: 'node20',
  treeshake: true,
  // Japanese messages as UTF-8, not \uXXXX escapes: half the bytes, and readable in the built files.
  esbuildOptions(options) {
    options.charset = 'utf8';
  },
});
