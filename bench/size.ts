// Size of the built package (minified and gzipped ESM) and its cold import time, each in fresh Node processes,
// beside the cold import of zod alone measured the same way in the same run (target: the main entry no more
// than 10 ms above zod). A `./odrl` subpath, when package.json exports one, is reported too.
// Run after `npm run build`: TSX_TSCONFIG_PATH=bench/tsconfig.json npx tsx bench/size.ts   (RUNS=31 for more)
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('..', import.meta.url));
const DEPS = ['zod'];

const exportsField = (
  JSON.parse(readFileSync(`${root}package.json`, 'utf8')) as { exports?: Record<string, unknown> }
).exports;
const odrlEntry = exportsField?.['./odrl'];
/** The built ESM file of the `./odrl` subpath, when package.json exports one. */
const odrlFile = ((): string | undefined => {
  type Target = string | { import?: Target; default?: Target } | undefined;
  const esmOf = (target: Target): string | undefined =>
    typeof target === 'string' ? target : target && esmOf(target.import ?? target.default);
  const file = esmOf(odrlEntry as Target);
  return file ? `${root}${file.replace(/^\.\//, '')}` : undefined;
})();

async function minGzip(
  external: string[],
  entry = `${root}dist/index.js`,
): Promise<{ min: number; gzip: number }> {
  const out = await build({
    entryPoints: [entry],
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
const sizes: [string, { min: number; gzip: number }][] = [
  ['the library alone (every dependency external)', await minGzip(DEPS)],
  ['with everything, zod included', await minGzip([])],
];
if (odrlFile) sizes.push(['`./odrl` alone (every dependency external)', await minGzip(DEPS, odrlFile)]);
console.log('| bundle (minified ESM) | min | min+gzip |\n| --- | ---: | ---: |');
for (const [label, s] of sizes) console.log(`| ${label} | ${kb(s.min)} | ${kb(s.gzip)} |`);

// Cold import: a fresh process each time; the time is measured inside it, around the import alone.
function coldImport(kind: 'import' | 'require', specifier: string): number {
  const script =
    kind === 'import'
      ? `const t = performance.now(); await import('${specifier}'); console.log(performance.now() - t);`
      : `const t = performance.now(); require('${specifier}'); console.log(performance.now() - t);`;
  const args = kind === 'import' ? ['--input-type=module', '-e', script] : ['-e', script];
  return Number(execFileSync(process.execPath, args, { cwd: root, encoding: 'utf8' }).trim());
}
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
};
const RUNS = Math.max(5, Number(process.env.RUNS ?? 15) || 15);
const MAIN = 'm2m-data-policy';
const specifiers = ['zod', MAIN, ...(odrlFile ? [`${MAIN}/odrl`] : [])];
// The runs are interleaved (zod, main, odrl, zod, main, ...), so a slower moment of the machine falls on all.
const times = new Map<string, number[]>();
for (let run = 0; run < RUNS; run++)
  for (const kind of ['import', 'require'] as const)
    for (const specifier of specifiers) {
      const key = `${kind} ${specifier}`;
      times.set(key, [...(times.get(key) ?? []), coldImport(kind, specifier)]);
    }
const cold = (kind: 'import' | 'require', specifier: string) =>
  median(times.get(`${kind} ${specifier}`) ?? []);
console.log(
  `\n| cold load in a fresh node ${process.version} process (median of ${RUNS}) | time | above zod alone |\n| --- | ---: | ---: |`,
);
for (const kind of ['import', 'require'] as const)
  for (const specifier of specifiers) {
    const t = cold(kind, specifier);
    const above = specifier === 'zod' ? '—' : `${(t - cold(kind, 'zod')).toFixed(1)} ms`;
    console.log(`| \`${kind}('${specifier}')\` | ${t.toFixed(1)} ms | ${above} |`);
  }
console.log('\n| target (informational) | difference | |\n| --- | ---: | :---: |');
for (const kind of ['import', 'require'] as const) {
  const d = cold(kind, MAIN) - cold(kind, 'zod');
  console.log(
    `| \`${kind}('${MAIN}')\` no more than 10 ms above \`${kind}('zod')\` | ${d.toFixed(1)} ms | ${d <= 10 ? 'PASS' : 'FAIL'} |`,
  );
}
if (!odrlFile) console.log('\n(no `./odrl` subpath in package.json exports: not reported)');
