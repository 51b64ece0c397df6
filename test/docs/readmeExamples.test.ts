import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { format } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type BlockDiagnostic,
  blockTitle,
  type CodeBlock,
  codeBlocks,
  type Example,
  examplesDir,
  matchesPattern,
  mismatch,
  parseExpected,
  placeholders,
  prepareExample,
  ROOT,
  runCommand,
  transcript,
  typecheckExamples,
  writeExamples,
} from '../../scripts/readmeExamples.js';

// Every README block is run or, where it cannot be, said why (issue 14). The rules a block is held to — what a
// `//=>` states, how `…` and instants compare — are in scripts/readmeExamples.ts.
const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
const blocks = codeBlocks(readme);
const examples = new Map(
  blocks.filter((b) => b.lang === 'ts' && b.skip === undefined).map((b) => [b.line, prepareExample(b)]),
);
const dir = examplesDir();
writeExamples([...examples.values()], dir);

/** Blocks in languages that are not run, and why; a block in another language fails until it is given a reason. */
const NOT_RUN: Readonly<Record<string, string>> = {
  sh: 'installs the dependencies and runs the demo and the whole suite',
  python: 'Python, for a service in another language',
  json: 'an excerpt of toOdrl output; parsed only',
};

interface Recorder {
  value(id: number, value: unknown): unknown;
  print(id: number, ...args: unknown[]): void;
}
const registry: Record<string, Recorder> = {};
(globalThis as { __readmeExamples?: Record<string, Recorder> }).__readmeExamples = registry;

/** Runs an example's module once; every stated result it reaches is compared as it is reached. */
function recorder(example: Example): { recorder: Recorder; results: Map<number, (string | undefined)[]> } {
  const results = new Map<number, (string | undefined)[]>();
  const record = (id: number, actual: unknown) => {
    const check = example.checks[id];
    if (check === undefined) throw new Error(`no check ${id}`);
    results.set(id, [...(results.get(id) ?? []), mismatch(check.expected, actual)]);
  };
  return {
    recorder: {
      value: (id, value) => {
        record(id, value);
        return value;
      },
      print: (id, ...args) => record(id, format(...args)),
    },
    results,
  };
}

/** A stack frame of a run example as its README line. */
function readmeLine(error: unknown, example: Example): string {
  const stack = error instanceof Error ? (error.stack ?? '') : '';
  const at = new RegExp(`run[\\\\/]${example.key}\\.ts:(\\d+)`).exec(stack)?.[1];
  const where =
    at === undefined ? `README.md:${example.block.line}` : `README.md:${example.block.line + Number(at)}`;
  return `${where}: threw ${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}`;
}

let diagnostics = new Map<string, BlockDiagnostic[]>();
beforeAll(() => {
  // One tsc run over every block, with the repository's compiler options.
  diagnostics = typecheckExamples([...examples.values()], dir);
}, 60_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function typeErrors(example: Example): string[] {
  return (diagnostics.get(example.key) ?? []).map((d) => `README.md:${d.line}:${d.column}: ${d.message}`);
}

async function run(example: Example): Promise<string[]> {
  const { recorder: r, results } = recorder(example);
  registry[example.key] = r;
  const failures = [...example.problems];
  try {
    await import(/* @vite-ignore */ join(dir, 'run', `${example.key}.ts`));
  } catch (error) {
    failures.push(readmeLine(error, example));
  }
  for (const check of example.checks) {
    const seen = results.get(check.id);
    const said = `README.md:${check.line}: ${check.statement.split('\n')[0]}`;
    if (seen === undefined) failures.push(`${said} — never reached`);
    else for (const m of seen) if (m !== undefined) failures.push(`${said} — ${m}`);
  }
  return failures;
}

describe('README examples', () => {
  it('finds the blocks, each ts block with what it says it gives', () => {
    expect(examples.size).toBeGreaterThan(10);
    expect([...examples.values()].reduce((n, e) => n + e.checks.length, 0)).toBeGreaterThan(30);
  });

  for (const block of blocks) {
    const example = examples.get(block.line);
    if (block.skip !== undefined) {
      it.skip(blockTitle(block, ` (skipped: ${block.skip})`));
    } else if (example?.declaresTests) {
      // A block that declares vitest tests is collected here, so its tests run as this file's.
      describe(blockTitle(example.block), async () => {
        it('typechecks and is collected', () => {
          expect([...placeholders(block), ...typeErrors(example), ...example.problems]).toEqual([]);
        });
        registry[example.key] = recorder(example).recorder;
        await import(/* @vite-ignore */ join(dir, 'run', `${example.key}.ts`));
      });
    } else if (example !== undefined) {
      // Some blocks tabulate a whole terms version; under a loaded machine that takes seconds.
      it(blockTitle(block), { timeout: 30_000 }, async () => {
        const gaps = placeholders(block).map((p) => `README.md:${block.line}: a placeholder ${p}`);
        const failures = [...gaps, ...typeErrors(example), ...(await run(example))];
        expect(failures).toEqual([]);
      });
    } else if (block.lang === 'console') {
      it(blockTitle(block), { timeout: 30_000 }, () => {
        expect(placeholders(block)).toEqual([]);
        for (const c of transcript(block)) {
          const { output, exitCode } = runCommand(c.command);
          const same = matchesPattern(c.output.split('…'), output);
          expect(same ? c.output : output, `README.md:${c.line}: $ ${c.command}`).toBe(c.output);
          expect(exitCode, `README.md:${c.line}: the exit code of $ ${c.command}`).toBe(c.exitCode);
        }
      });
    } else {
      const reason = NOT_RUN[block.lang];
      it(blockTitle(block, ` (not run: ${reason ?? 'no reason given'})`), () => {
        expect(
          reason,
          `README.md:${block.line}: a ${block.lang} block, which the test does not know`,
        ).toBeDefined();
        expect(placeholders(block)).toEqual([]);
        if (block.lang === 'json') expect(() => JSON.parse(block.code)).not.toThrow();
      });
    }
  }
});

// The rules the blocks are held to, pinned, so that a checker that passes everything cannot pass unnoticed.
describe('the example rules', () => {
  const block = (code: string): CodeBlock => ({ lang: 'ts', line: 10, code, skip: undefined });

  it('ties a //=> to the statement ending on its line, or on the last code line before it', () => {
    const e = prepareExample(block('const a = 1;\na + 1; //=> 2\nif (a) a;\n//=> 1 (a note)\n'));
    expect(e.checks.map((c) => [c.line, c.statement])).toEqual([
      [12, 'a + 1;'],
      [14, 'a;'],
    ]);
    expect(e.problems).toEqual([]);
  });

  it('reads a value over further comment lines while its brackets are open', () => {
    const e = prepareExample(block('[1, 2];\n//=> [1,\n//    2]\n// not part of it\n'));
    expect(e.checks.map((c) => c.text)).toEqual(['[1,\n2]']);
  });

  it('reports a //=> that is not a literal', () => {
    expect(prepareExample(block('1; //=> permit (13(4)), obligations: []')).problems).toEqual([
      expect.stringContaining('README.md:11: the //=> value is not a literal'),
    ]);
  });

  it('states what a console.log prints by the comment lines under it', () => {
    const e = prepareExample(block("console.log('a\\nb');\n// a\n// b\n"));
    expect(e.checks.map((c) => [c.kind, c.text])).toEqual([['output', 'a\nb']]);
  });

  it('compares instants as instants, whatever the offset they are written in', () => {
    const endsAt = parseExpected('2022-03-16T00:00:00+09:00');
    expect(mismatch(endsAt, new Date('2022-03-15T15:00:00.000Z'))).toBeUndefined();
    expect(mismatch(endsAt, new Date('2022-03-16T00:00:00.000Z'))).toContain('expected the instant');
    expect(mismatch(endsAt, '2022-03-16T00:00:00+09:00')).toContain('expected the instant');
  });

  it('lets … stand for any text, further elements or further members, and nothing else', () => {
    expect(mismatch(parseExpected("'SELECT … WHERE …)'"), 'SELECT 1 FROM t WHERE (a)')).toBeUndefined();
    expect(mismatch(parseExpected("'SELECT …'"), 'DELETE')).toBeDefined();
    expect(mismatch(parseExpected('[1, …]'), [1, 2, 3])).toBeUndefined();
    expect(mismatch(parseExpected('[1]'), [1, 2])).toContain('expected 1 elements');
    expect(mismatch(parseExpected('{ a: 1, … }'), { a: 1, b: 2 })).toBeUndefined();
    expect(mismatch(parseExpected('{ a: 1 }'), { a: 1, b: 2 })).toContain('unexpected members b');
    expect(mismatch(parseExpected('{ a: 1 }'), { a: 1, b: undefined })).toBeUndefined();
    expect(
      mismatch(parseExpected('{ \'a-b\': [null, true, "x"] }'), { 'a-b': [null, true, 'x'] }),
    ).toBeUndefined();
    expect(mismatch(parseExpected("{ a: { b: 'c' } }"), { a: { b: 'd' } })).toBe(
      'expected "c" at .a.b, got "d"',
    );
  });
});
