// Packs the package, installs the tarball into a throwaway project and uses it as a user would: import and
// require, canUse once from each, the testing subpath and a JSON Schema. Run by `npm run check`, after the build.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const work = mkdtempSync(join(tmpdir(), 'm2m-data-policy-smoke-'));
const run = (cmd, args, cwd) =>
  execFileSync(cmd, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
try {
  const tarball = join(
    work,
    JSON.parse(run('npm', ['pack', '--json', '--pack-destination', work], root))[0].filename,
  );
  const app = join(work, 'app');
  run('mkdir', ['-p', app], work);
  writeFileSync(
    join(app, 'package.json'),
    JSON.stringify({ name: 'smoke', private: true, type: 'commonjs' }),
  );
  run('npm', ['install', '--no-audit', '--no-fund', '--loglevel=error', tarball], app);
  const record = `{ kind: 'measurement', id: 'm-1', contractId: 'C-1', metric: 'leakage-current', measuredAt: '2021-03-15T09:59:00+09:00', receivedAt: '2021-03-15T10:00:00+09:00', personalData: 'none' }`;
  const at = `{ at: new Date('2021-06-01T10:00:00+09:00') }`;
  writeFileSync(
    join(app, 'esm.mjs'),
    `import { canUse, parseRecord } from 'm2m-data-policy';\nimport { measurement } from 'm2m-data-policy/testing';\nimport { createRequire } from 'node:module';\nconst schema = createRequire(import.meta.url)('m2m-data-policy/schemas/measurement.schema.json');\nif (canUse(parseRecord(${record}), 'service-analysis', ${at}) !== true) throw new Error('import: canUse');\nif (canUse(measurement(), 'marketing', ${at}) !== false) throw new Error('import: testing factory');\nif (schema.properties.kind.const !== 'measurement') throw new Error('schema');\nconsole.log('import: ok');\n`,
  );
  writeFileSync(
    join(app, 'cjs.cjs'),
    `const { canUse, parseRecord } = require('m2m-data-policy');\nif (canUse(parseRecord(${record}), 'incident-response', ${at}) !== true) throw new Error('require: canUse');\nconsole.log('require: ok');\n`,
  );
  writeFileSync(
    join(app, 'sql.mjs'),
    `import { expiredWhere } from 'm2m-data-policy/sql';\nif (!expiredWhere('2022-06-01T03:00:00+09:00').text.includes('$1')) throw new Error('sql');\nconsole.log('sql subpath: ok');\n`,
  );
  // Every subpath's types resolve under each moduleResolution a user may have, node10 included.
  writeFileSync(
    join(app, 'types.ts'),
    `import { canUse } from 'm2m-data-policy';\nimport { measurement } from 'm2m-data-policy/testing';\nimport { toOdrl } from 'm2m-data-policy/odrl';\nimport { expiredWhere } from 'm2m-data-policy/sql';\nexport const used = [canUse, measurement, toOdrl, expiredWhere];\n`,
  );
  const tsc = join(root, 'node_modules', 'typescript', 'bin', 'tsc');
  for (const [moduleResolution, module] of [
    ['node10', 'commonjs'],
    ['node16', 'node16'],
    ['bundler', 'esnext'],
  ]) {
    run(
      'node',
      [
        tsc,
        '--noEmit',
        '--strict',
        '--skipLibCheck',
        '--moduleResolution',
        moduleResolution,
        '--module',
        module,
        'types.ts',
      ],
      app,
    );
    console.log(`types (moduleResolution ${moduleResolution}): ok`);
  }
  process.stdout.write(run('node', ['sql.mjs'], app));
  process.stdout.write(run('node', ['esm.mjs'], app));
  process.stdout.write(run('node', ['cjs.cjs'], app));
  process.stdout.write(run('npx', ['--no-install', 'm2m-data-policy', '--version'], app));
} finally {
  rmSync(work, { recursive: true, force: true });
}
