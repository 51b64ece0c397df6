import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { format } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type BlockDiagnostic,
  type Example,
  examplesDir,
  mismatch,
  typecheckExamples,
} from '../../scripts/readmeExamples.js';
import {
  exampleTitle,
  fileExamples,
  prepareTsdocExamples,
  type TsdocExample,
  tsdocExamples,
  writeTsdocExamples,
} from '../../scripts/tsdocExamples.js';

// Every @example of src/ (the CLI's transcripts aside) is typechecked and run, or says why not (issue 14). What an
// example sees and is held to is in scripts/tsdocExamples.ts; how its //=> values compare, in
// scripts/readmeExamples.ts.
const all = tsdocExamples();
const dir = examplesDir('tsdoc-examples');
const runnable = all.filter((e) => e.notRun === undefined);
const prepared = new Map(prepareTsdocExamples(runnable, dir).map((p, i) => [runnable[i], p] as const));
writeTsdocExamples([...prepared.values()], dir);

interface Recorder {
  value(id: number, value: unknown): unknown;
  print(id: number, ...args: unknown[]): void;
}
const registry: Record<string, Recorder> = {};
(globalThis as { __readmeExamples?: Record<string, Recorder> }).__readmeExamples = registry;

let diagnostics = new Map<string, BlockDiagnostic[]>();
beforeAll(() => {
  // One tsc run over every example, with the repository's compiler options.
  diagnostics = typecheckExamples([...prepared.values()], join(dir, 'check'));
}, 60_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A stack frame of a run example as its source line. */
function sourceLine(error: unknown, example: TsdocExample, p: Example): string {
  const stack = error instanceof Error ? (error.stack ?? '') : '';
  const at = new RegExp(`run[\\\\/]${p.key}\\.ts:(\\d+)`).exec(stack)?.[1];
  const line = at === undefined ? example.line : example.line + Number(at);
  return `${example.file}:${line}: threw ${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}`;
}

async function run(example: TsdocExample, p: Example): Promise<string[]> {
  const results = new Map<number, (string | undefined)[]>();
  const record = (id: number, actual: unknown) => {
    const check = p.checks[id];
    if (check === undefined) throw new Error(`no check ${id}`);
    results.set(id, [...(results.get(id) ?? []), mismatch(check.expected, actual)]);
  };
  registry[p.key] = {
    value: (id, value) => {
      record(id, value);
      return value;
    },
    print: (id, ...args) => record(id, format(...args)),
  };
  const failures = [...p.problems];
  try {
    await import(/* @vite-ignore */ join(dir, 'run', `${p.key}.ts`));
  } catch (error) {
    failures.push(sourceLine(error, example, p));
  }
  for (const check of p.checks) {
    const seen = results.get(check.id);
    const said = `${example.file}:${check.line}: ${check.statement.split('\n')[0]}`;
    if (seen === undefined) failures.push(`${said} — never reached`);
    else for (const m of seen) if (m !== undefined) failures.push(`${said} — ${m}`);
  }
  return failures;
}

describe('TSDoc examples', () => {
  it('finds the examples of src/, most of them stating what they give', () => {
    expect(all.length).toBeGreaterThan(150);
    expect([...prepared.values()].filter((p) => p.checks.length > 0).length).toBeGreaterThan(100);
  });

  for (const example of all) {
    const p = prepared.get(example);
    if (p === undefined) {
      it.skip(exampleTitle(example, ` (not run: ${example.notRun})`));
      continue;
    }
    it(exampleTitle(example), { timeout: 30_000 }, async () => {
      // The preamble's imports sit on the example's first line, before its code.
      const preamble = p.source.indexOf('\n') - (example.code.split('\n')[0] ?? '').length;
      const types = (diagnostics.get(p.key) ?? []).map((d) => {
        const column = d.line === example.line + 1 ? d.column - preamble : d.column;
        return `${example.file}:${d.line}:${column}: ${d.message}`;
      });
      const failures = [...types, ...(await run(example, p))];
      expect(failures, failures.join('\n')).toEqual([]);
    });
  }
});

describe('the example reader', () => {
  const text = [
    '/**',
    ' * Adds.',
    ' *',
    ' * @example',
    ' * add(1, 2) //=> 3',
    ' *',
    ' * @example',
    ' * // example: not run — needs a server',
    ' * await fetch(url)',
    ' * @see elsewhere',
    ' */',
    'export function add(a: number, b: number): number {',
    '  return a + b;',
    '}',
    '/**',
    ' * @example',
    ' * hidden()',
    ' */',
    'function hidden() {}',
  ].join('\n');

  it('reads each @example of an exported declaration up to the next tag, with its line', () => {
    expect(fileExamples('src/add.ts', text)).toEqual([
      { file: 'src/add.ts', line: 4, declaration: 'add', code: 'add(1, 2) //=> 3', notRun: undefined },
      {
        file: 'src/add.ts',
        line: 7,
        declaration: 'add',
        code: '// example: not run — needs a server\nawait fetch(url)',
        notRun: 'needs a server',
      },
    ]);
  });

  it('names an example by its file, its line and its first line of code', () => {
    const [, second] = fileExamples('src/add.ts', text);
    expect(second && exampleTitle(second)).toBe('src/add.ts:7 — await fetch(url)');
  });
});
