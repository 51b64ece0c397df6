// Size of the built package (minified and gzipped ESM) and its cold import time, each in fresh Node processes.
// Run after `npm run build`: npx tsx bench/size.ts
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('..', import.meta.url));
const DEPS = ['zod', 'date-fns', '@date-fns/tz', 'ts-pattern'];

async function minGzip(external: string[]): Promise<{ min: number; gzip: number }> {
  const out = await build({
    entryPoints: [`${root}dist/index.js`],
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'node',
    write: false,
    external,
    charset: 'utf8',
    logLevel: 'silent',
  });
  const code = out.outputFiles[0]?.contents ?? new Uint8Array();
  return { min: code.length, gzip: gzipSync(code, { level: 9 }).length };
}

const kb = (n: number) => `${(n / 1024).toFixed(1)} kB`;
const sizes = [
  ['the library alone (every dependency external)', await minGzip(DEPS)],
  ['with date-fns, @date-fns/tz and ts-pattern (zod external)', await minGzip(['zod'])],
  ['with everything, zod included', await minGzip([])],
] as const;
console.log('| bundle (minified ESM) | min | min+gzip |\n| --- | ---: | ---: |');
for (const [label, s] of sizes) console.log(`| ${label} | ${kb(s.min)} | ${kb(s.gzip)} |`);

// Cold import: a fresh process each time; the time is measured inside it, around the import alone.
function coldImport(kind: 'import' | 'require'): number {
  const script =
    kind === 'import'
      ? "const t = performance.now(); await import('m2m-data-policy'); console.log(performance.now() - t);"
      : "const t = performance.now(); require('m2m-data-policy'); console.log(performance.now() - t);";
  const args = kind === 'import' ? ['--input-type=module', '-e', script] : ['-e', script];
  return Number(execFileSync(process.execPath, args, { cwd: root, encoding: 'utf8' }).trim());
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? Number.NaN;
const RUNS = 15;
console.log(
  `\n| cold load in a fresh node ${process.version} process (median of ${RUNS}) | time |\n| --- | ---: |`,
);
for (const kind of ['import', 'require'] as const) {
  const times = Array.from({ length: RUNS }, () => coldImport(kind));
  console.log(`| \`${kind}('m2m-data-policy')\` | ${median(times).toFixed(1)} ms |`);
}
