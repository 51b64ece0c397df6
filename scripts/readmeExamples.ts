// Reads the README's code blocks for test/docs/readmeExamples.test.ts, which typechecks and runs them, so an
// example cannot drift from what the library does (STYLE 17). What a block is held to:
//
// - A ```ts block is a module of its own: it imports what it uses and defines the records it reads. All blocks are
//   typechecked in one `tsc` run with the repository's compiler options, then each is run.
// - `expr; //=> value` states the value of the expression statement that ends on that line; a `//=>` on a line of
//   its own states the value of the statement that ends on the last code line before it. The value may go on over
//   the next `//` lines, as long as its brackets or quotes are open.
// - The value is a literal: 'strings' or "strings", numbers, true, false, null, undefined, [arrays] and { objects }
//   (keys bare or quoted), and instants written bare with their offset, `2022-03-16T00:00:00+09:00`, which match a
//   `Date` of that instant. Text in parentheses after the literal is a note for the reader and is not checked.
// - `…` leaves something out. In a string it stands for any text ('SELECT …' is a prefix); as the last element of an
//   array, for any further elements; as a member of an object, for any further members. Without `…` an object has
//   exactly the members written (a member whose value is `undefined` counts as absent), and an array exactly its
//   elements.
// - `console.log(x);` followed by `//` lines states what it prints, one comment line per printed line (`…` as above).
// - `<!-- example: skip REASON -->` on the line before a fence skips a block that cannot run (one that needs a
//   database server, say); the test lists it with its reason.
// - Blocks in other languages are not run, and are checked for placeholders only (```json must also parse). A
//   ```console block is a transcript of the command line and is run: each `$ m2m-data-policy …` line runs the built
//   CLI (dist/cli.js) from the repository's root, the lines under it are its stdout and stderr as they are written,
//   and a `# exit code N` line states its exit status (0 when there is none).
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

/** The repository's root. */
export const ROOT = fileURLToPath(new URL('..', import.meta.url));

/** One fenced block of the README. */
export interface CodeBlock {
  /** The fence's language: `ts`, `sh`, `console`, … (`''` for none). */
  readonly lang: string;
  /** The README line of the opening fence (1-based). */
  readonly line: number;
  /** The block's text, without the fences; its first line is README line `line + 1`. */
  readonly code: string;
  /** Why the block is not run, from `<!-- example: skip REASON -->` on the line before the fence. */
  readonly skip: string | undefined;
}

/** Every fenced block of a Markdown text, in order. */
export function codeBlocks(markdown: string): CodeBlock[] {
  const lines = markdown.split('\n');
  const blocks: CodeBlock[] = [];
  for (let i = 0; i < lines.length; i++) {
    const open = /^```(\S*)\s*$/.exec(lines[i] ?? '');
    if (open === null) continue;
    const end = lines.findIndex((l, j) => j > i && /^```\s*$/.test(l));
    if (end === -1) throw new Error(`README.md:${i + 1}: the block is never closed`);
    let before = i - 1;
    while (before >= 0 && (lines[before] ?? '').trim() === '') before--;
    const skip = /^<!--\s*example:\s*skip\s+(.+?)\s*-->$/.exec((lines[before] ?? '').trim())?.[1];
    blocks.push({ lang: open[1] ?? '', line: i + 1, code: lines.slice(i + 1, end).join('\n'), skip });
    i = end;
  }
  return blocks;
}

/** A block's name in a test title: its README line, its language and its first line of code after the imports. */
export function blockTitle(block: CodeBlock, note = ''): string {
  const code = block.code.split('\n').map((l) => l.trim());
  const first =
    code.find((l) => l !== '' && !/^(?:import\b|\/\/|[\w$]+,$|\} from\b)/.test(l)) ?? code[0] ?? '';
  const shown = first.length > 72 ? `${first.slice(0, 71)}…` : first;
  return `README.md:${block.line} ${block.lang || 'text'}${note}: ${shown}`;
}

// ---------------------------------------------------------------------------------------------------------------
// Expected values

/** A value a `//=>` comment states, parsed. */
export type Expected =
  | { readonly type: 'literal'; readonly value: string | number | boolean | null | undefined }
  | { readonly type: 'pattern'; readonly pieces: readonly string[] }
  | { readonly type: 'instant'; readonly ms: number; readonly text: string }
  | { readonly type: 'array'; readonly items: readonly Expected[]; readonly rest: boolean }
  | {
      readonly type: 'object';
      readonly members: readonly (readonly [string, Expected])[];
      readonly rest: boolean;
    };

const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2})/;
const NUMBER = /^-?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?/;
const WORD = /^[A-Za-z_$][\w$]*/;
const ESCAPES: Readonly<Record<string, string>> = {
  n: '\n',
  t: '\t',
  r: '\r',
  '0': '\0',
  b: '\b',
  f: '\f',
  v: '\v',
};

/** Parses the text of a `//=>` comment; throws on anything that is not a literal (and an optional note). */
export function parseExpected(text: string): Expected {
  let pos = 0;
  const fail = (what: string): never => {
    throw new Error(`${what} at character ${pos + 1} of ${JSON.stringify(text)}`);
  };
  const space = () => {
    while (pos < text.length && /\s/.test(text[pos] ?? '')) pos++;
  };
  const peek = (): string | undefined => {
    space();
    return text[pos];
  };
  const eat = (token: string): boolean => {
    space();
    if (!text.startsWith(token, pos)) return false;
    pos += token.length;
    return true;
  };
  const string = (): string[] => {
    const quote = text[pos];
    pos++;
    const pieces = [''];
    while (pos < text.length && text[pos] !== quote) {
      let c = text[pos++] ?? '';
      if (c === '…') {
        pieces.push('');
        continue;
      }
      if (c === '\\') {
        const e = text[pos++] ?? '';
        const hex = e === 'u' ? /^\{([0-9a-fA-F]+)\}|^([0-9a-fA-F]{4})/.exec(text.slice(pos)) : null;
        if (hex !== null) {
          pos += hex[0].length;
          c = String.fromCodePoint(Number.parseInt(hex[1] ?? hex[2] ?? '', 16));
        } else c = ESCAPES[e] ?? e;
      }
      pieces[pieces.length - 1] += c;
    }
    if (!eat(quote ?? '')) fail('an unterminated string');
    return pieces;
  };
  const value = (): Expected => {
    space();
    const rest = text.slice(pos);
    const c = rest[0];
    if (c === "'" || c === '"') {
      const pieces = string();
      return pieces.length === 1 ? { type: 'literal', value: pieces[0] } : { type: 'pattern', pieces };
    }
    const instant = INSTANT.exec(rest);
    if (instant !== null) {
      pos += instant[0].length;
      const ms = new Date(instant[0]).getTime();
      if (Number.isNaN(ms)) fail('an invalid instant');
      return { type: 'instant', ms, text: instant[0] };
    }
    const number = NUMBER.exec(rest);
    if (number !== null) {
      pos += number[0].length;
      return { type: 'literal', value: Number(number[0]) };
    }
    if (eat('[')) {
      const items: Expected[] = [];
      let more = false;
      while (!eat(']')) {
        if (eat('…')) more = true;
        else if (more) fail('an element after `…`');
        else items.push(value());
        if (!eat(',') && peek() !== ']') fail('a missing `,` or `]`');
      }
      return { type: 'array', items, rest: more };
    }
    if (eat('{')) {
      const members: [string, Expected][] = [];
      let more = false;
      while (!eat('}')) {
        space();
        if (eat('…')) more = true;
        else {
          const q = text[pos];
          const word = WORD.exec(text.slice(pos)) ?? NUMBER.exec(text.slice(pos));
          let key: string;
          if (q === "'" || q === '"') key = string().join('…');
          else if (word !== null) {
            key = word[0];
            pos += key.length;
          } else key = fail('a key');
          if (!eat(':')) fail('a missing `:`');
          members.push([key, value()]);
        }
        if (!eat(',') && peek() !== '}') fail('a missing `,` or `}`');
      }
      return { type: 'object', members, rest: more };
    }
    const word = WORD.exec(rest)?.[0];
    const words: Readonly<Record<string, boolean | null | undefined>> = {
      true: true,
      false: false,
      null: null,
      undefined: undefined,
    };
    if (word === undefined || !(word in words)) return fail('not a literal');
    pos += word.length;
    return { type: 'literal', value: words[word] };
  };
  const result = value();
  const note = text.slice(pos).trim();
  if (note !== '' && !(note.startsWith('(') && note.endsWith(')'))) {
    fail('text after the value that is not a note in parentheses');
  }
  return result;
}

/** Whether a text matches a pattern of pieces around `…`: the first at the start, the last at the end. */
export function matchesPattern(pieces: readonly string[], text: string): boolean {
  const first = pieces[0] ?? '';
  const last = pieces.at(-1) ?? '';
  if (!text.startsWith(first)) return false;
  let at = first.length;
  for (const piece of pieces.slice(1, -1)) {
    const found = text.indexOf(piece, at);
    if (found === -1) return false;
    at = found + piece.length;
  }
  return pieces.length === 1 ? text === first : text.length - last.length >= at && text.endsWith(last);
}

/** Where `actual` differs from `expected`, as a sentence; `undefined` when it matches. */
export function mismatch(expected: Expected, actual: unknown, path = ''): string | undefined {
  const at = path === '' ? '' : ` at ${path}`;
  const show = (v: unknown) => (typeof v === 'string' ? JSON.stringify(v) : String(v));
  switch (expected.type) {
    case 'literal':
      return actual === expected.value || Object.is(actual, expected.value)
        ? undefined
        : `expected ${show(expected.value)}${at}, got ${shown(actual)}`;
    case 'pattern':
      return typeof actual === 'string' && matchesPattern(expected.pieces, actual)
        ? undefined
        : `expected a string like ${JSON.stringify(expected.pieces.join('…'))}${at}, got ${shown(actual)}`;
    case 'instant':
      return actual instanceof Date && actual.getTime() === expected.ms
        ? undefined
        : `expected the instant ${expected.text}${at}, got ${shown(actual)}`;
    case 'array': {
      if (!Array.isArray(actual)) return `expected an array${at}, got ${shown(actual)}`;
      const n = expected.items.length;
      if (expected.rest ? actual.length < n : actual.length !== n) {
        return `expected ${expected.rest ? 'at least ' : ''}${n} elements${at}, got ${actual.length}: ${shown(actual)}`;
      }
      for (const [i, item] of expected.items.entries()) {
        const m = mismatch(item, actual[i], `${path}[${i}]`);
        if (m !== undefined) return m;
      }
      return undefined;
    }
    case 'object': {
      if (typeof actual !== 'object' || actual === null || Array.isArray(actual) || actual instanceof Date) {
        return `expected an object${at}, got ${shown(actual)}`;
      }
      const record = actual as Record<string, unknown>;
      const named = new Set(expected.members.map(([k]) => k));
      const extra = Object.keys(record).filter((k) => !named.has(k) && record[k] !== undefined);
      if (!expected.rest && extra.length > 0)
        return `unexpected members ${extra.join(', ')}${at}: ${shown(actual)}`;
      for (const [key, item] of expected.members) {
        const m = mismatch(
          item,
          record[key],
          /^[A-Za-z_$][\w$]*$/.test(key) ? `${path}.${key}` : `${path}['${key}']`,
        );
        if (m !== undefined) return m;
      }
      return undefined;
    }
  }
}

function shown(value: unknown): string {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? 'an invalid Date' : value.toISOString();
  try {
    return JSON.stringify(value, (_, v: unknown) => (v === undefined ? '(undefined)' : v)) ?? String(value);
  } catch {
    return String(value);
  }
}

// ---------------------------------------------------------------------------------------------------------------
// TypeScript blocks

/** One stated result in a ```ts block. */
export interface Check {
  /** Its index within the block. */
  readonly id: number;
  /** The README line of the `//=>` (or of the first line a `console.log` is said to print). */
  readonly line: number;
  /** `value`: the value of an expression statement; `output`: the lines a `console.log` prints. */
  readonly kind: 'value' | 'output';
  /** The statement whose result is stated, as written. */
  readonly statement: string;
  /** The stated result, as written (for `output`, the printed lines joined by newlines). */
  readonly text: string;
  /** The stated value, parsed (a pattern for `output`). */
  readonly expected: Expected;
}

/** A ```ts block made ready to typecheck and to run. */
export interface Example {
  readonly block: CodeBlock;
  /** The block as a module, for `tsc`. */
  readonly source: string;
  /** The block with every stated result reported: `globalThis.__readmeExamples[key].value(id, expr)`. */
  readonly runnable: string;
  readonly checks: readonly Check[];
  /** What the block states in a form that cannot be checked: a `//=>` that is not a literal or names no statement. */
  readonly problems: readonly string[];
  /** Whether the block imports vitest (it declares tests of its own, which must be collected, not run inside one). */
  readonly declaresTests: boolean;
  /** Its key in `globalThis.__readmeExamples`, and its file name. */
  readonly key: string;
}

/** Whether every bracket and quote of a text is closed. */
function balanced(text: string): boolean {
  let depth = 0;
  let quote: string | undefined;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quote !== undefined) {
      if (c === '\\') i++;
      else if (c === quote) quote = undefined;
    } else if (c === "'" || c === '"') quote = c;
    else if (c === '[' || c === '{' || c === '(') depth++;
    else if (c === ']' || c === '}' || c === ')') depth--;
  }
  return depth <= 0 && quote === undefined;
}

/** Where a block comes from, for examples that are not the README's (scripts/tsdocExamples.ts). */
export interface ExampleOptions {
  /** The file the block's lines are lines of, in messages (default `README.md`). */
  readonly file?: string | undefined;
  /** Its key in `globalThis.__readmeExamples` and its file name, an identifier (default `L` and the fence line). */
  readonly key?: string | undefined;
  /** Code put before the block on its first line, in the module and in the runnable: imports, say. */
  readonly preamble?: string | undefined;
}

/** Reads a ```ts block: its stated results and the statements they belong to. */
export function prepareExample(block: CodeBlock, options: ExampleOptions = {}): Example {
  const key = options.key ?? `L${block.line}`;
  const file = options.file ?? 'README.md';
  const preamble = options.preamble ?? '';
  const code = block.code;
  const sf = ts.createSourceFile(`${key}.ts`, code, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const lines = code.split('\n');
  const lineOf = (pos: number) => sf.getLineAndCharacterOfPosition(pos).line;

  // Comments, by line (alone on it, or after code), and the lines that hold code, from the tokens of the block.
  const comments = new Map<number, { text: string; alone: boolean }>();
  const codeLines = new Set<number>();
  const statements: ts.ExpressionStatement[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isExpressionStatement(node)) statements.push(node);
    const children = node.getChildren(sf).filter((c) => !ts.isJSDoc(c));
    if (children.length > 0) {
      for (const c of children) visit(c);
      return;
    }
    const ranges = [
      ...(ts.getLeadingCommentRanges(code, node.getFullStart()) ?? []),
      ...(ts.getTrailingCommentRanges(code, node.getEnd()) ?? []),
    ];
    for (const r of ranges) {
      if (r.kind !== ts.SyntaxKind.SingleLineCommentTrivia) continue;
      const { line, character } = sf.getLineAndCharacterOfPosition(r.pos);
      const alone = (lines[line] ?? '').slice(0, character).trim() === '';
      comments.set(line, { text: code.slice(r.pos + 2, r.end), alone });
    }
    if (node.kind === ts.SyntaxKind.EndOfFileToken) return;
    for (let l = lineOf(node.getStart(sf)); l <= lineOf(node.getEnd()); l++) codeLines.add(l);
  };
  visit(sf);
  const statementEndingOn = (line: number): ts.ExpressionStatement | undefined =>
    statements
      .filter((s) => lineOf(s.getEnd()) === line)
      .reduce<ts.ExpressionStatement | undefined>(
        (best, s) => (best === undefined || s.getEnd() > best.getEnd() ? s : best),
        undefined,
      );
  const where = (line: number) => `${file}:${block.line + 1 + line}`;

  const checks: Check[] = [];
  const problems: string[] = [];
  const edits: { start: number; end: number; text: string }[] = [];
  const used = new Set<number>();
  for (const [line, comment] of [...comments].sort(([a], [b]) => a - b)) {
    if (used.has(line) || !comment.text.startsWith('=>')) continue;
    let text = comment.text.slice(2).trim();
    for (let next = line + 1; !balanced(text) && comments.get(next)?.alone; next++) {
      text += `\n${comments.get(next)?.text.trim() ?? ''}`;
      used.add(next);
    }
    let target = line;
    if (comment.alone) while (target >= 0 && !codeLines.has(target)) target--;
    const statement = statementEndingOn(target);
    if (statement === undefined) {
      problems.push(`${where(line)}: no expression statement ends on the line of this //=>`);
      continue;
    }
    let expected: Expected;
    try {
      expected = parseExpected(text);
    } catch (e) {
      problems.push(`${where(line)}: the //=> value is not a literal: ${(e as Error).message}`);
      continue;
    }
    const id = checks.length;
    checks.push({
      id,
      line: block.line + 1 + line,
      kind: 'value',
      statement: statement.getText(),
      text,
      expected,
    });
    const e = statement.expression;
    edits.push({ start: e.getStart(), end: e.getEnd(), text: `__readme.value(${id}, (${e.getText()}))` });
  }
  for (const statement of statements) {
    const e = statement.expression;
    if (!ts.isCallExpression(e) || e.expression.getText() !== 'console.log') continue;
    const printed: string[] = [];
    const first = lineOf(statement.getEnd()) + 1;
    for (let l = first; comments.get(l)?.alone && !comments.get(l)?.text.startsWith('=>'); l++) {
      printed.push((comments.get(l)?.text ?? '').replace(/^ /, ''));
    }
    if (printed.length === 0) continue;
    const text = printed.join('\n');
    const id = checks.length;
    const args = e.arguments.map((a) => a.getText()).join(', ');
    checks.push({
      id,
      line: block.line + 1 + first,
      kind: 'output',
      statement: statement.getText(),
      text,
      expected: { type: 'pattern', pieces: text.split('…') },
    });
    edits.push({
      start: e.getStart(),
      end: e.getEnd(),
      text: `__readme.print(${id}${args === '' ? '' : `, ${args}`})`,
    });
  }
  let runnable = code;
  for (const edit of edits.sort((a, b) => b.start - a.start)) {
    runnable = runnable.slice(0, edit.start) + edit.text + runnable.slice(edit.end);
  }
  const declaresTests = sf.statements.some(
    (s) =>
      ts.isImportDeclaration(s) &&
      ts.isStringLiteral(s.moduleSpecifier) &&
      s.moduleSpecifier.text === 'vitest',
  );
  return {
    block,
    // `export {}` makes a block without imports a module too, so the blocks' names do not clash.
    source: `${preamble}${code}\nexport {};\n`,
    // On the block's first line, so that a line of the file is a line of the block.
    runnable: `const __readme = (globalThis as any).__readmeExamples.${key}; ${preamble}${resolveUnaliased(runnable)}\nexport {};\n`,
    checks: checks.sort((a, b) => a.line - b.line),
    problems,
    declaresTests,
    key,
  };
}

/** The entries vitest's config maps to the sources (vitest.config.ts), as the root tsconfig's `paths` do. */
const ALIASED = /^m2m-data-policy(?:\/(?:testing|odrl|sql))?$/;

/**
 * Resolves a specifier of this package that vitest does not alias (`m2m-data-policy/schemas/…`) as Node resolves it
 * from the package root, through its own `exports`: the run checks that the README's import works as written.
 */
function resolveUnaliased(code: string): string {
  const require = createRequire(join(ROOT, 'package.json'));
  return code.replace(
    /(from\s+)(['"])(m2m-data-policy\/[^'"]+)\2/g,
    (whole, from: string, q: string, spec: string) =>
      ALIASED.test(spec) ? whole : `${from}${q}${require.resolve(spec)}${q}`,
  );
}

/** A tsc diagnostic in a block, at its README line. */
export interface BlockDiagnostic {
  readonly line: number;
  readonly column: number;
  readonly message: string;
}

/**
 * A fresh directory for one run's examples, inside the repository so that `node_modules` and the `paths` resolve as
 * for a test, and of its own so that runs at the same time do not share files.
 */
export function examplesDir(name = 'readme-examples'): string {
  const parent = join(ROOT, 'node_modules', '.cache', name);
  mkdirSync(parent, { recursive: true });
  return mkdtempSync(join(parent, 'run-'));
}

/**
 * Writes every example twice under `dir`: the block as a module (`L16.ts`, typechecked), and the block with its
 * stated results reported (`run/L16.ts`, run). The tsconfig there extends the root one, so the blocks see the same
 * compiler options and the same `paths` to the sources.
 */
export function writeExamples(examples: readonly Example[], dir: string): void {
  mkdirSync(join(dir, 'run'), { recursive: true });
  const tsconfig = {
    extends: relative(dir, join(ROOT, 'tsconfig.json')),
    compilerOptions: { strict: true, noEmit: true },
    include: ['*.ts'],
  };
  writeFileSync(join(dir, 'tsconfig.json'), `${JSON.stringify(tsconfig, null, 2)}\n`);
  for (const e of examples) {
    writeFileSync(join(dir, `${e.key}.ts`), e.source);
    writeFileSync(join(dir, 'run', `${e.key}.ts`), e.runnable);
  }
}

/** Typechecks the examples written by `writeExamples` in one `tsc --noEmit --strict` run; diagnostics by key. */
export function typecheckExamples(examples: readonly Example[], dir: string): Map<string, BlockDiagnostic[]> {
  const tsc = join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc');
  const run = spawnSync(process.execPath, [tsc, '--noEmit', '--strict', '--pretty', 'false', '-p', dir], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  const byKey = new Map<string, BlockDiagnostic[]>(examples.map((e) => [e.key, []]));
  const lineOf = new Map(examples.map((e) => [e.key, e.block.line]));
  // `file(line,col): error TSxxxx: message`, continued on indented lines. Only the examples' own errors count:
  // the root `tsc --noEmit` answers for the sources.
  for (const m of `${run.stdout}`.matchAll(
    /^(.+?)\((\d+),(\d+)\): error (TS\d+: [^\n]*(?:\n {2}[^\n]*)*)/gm,
  )) {
    const key = /^([\w$]+)\.ts$/.exec(relative(dir, resolve(ROOT, m[1] ?? '')))?.[1];
    const fence = key === undefined ? undefined : lineOf.get(key);
    if (key === undefined || fence === undefined) continue;
    byKey.get(key)?.push({ line: fence + Number(m[2]), column: Number(m[3]), message: m[4] ?? '' });
  }
  if (run.status !== 0 && [...byKey.values()].every((d) => d.length === 0) && run.stdout.trim() === '') {
    throw new Error(`tsc failed: ${run.stderr}`);
  }
  return byKey;
}

// ---------------------------------------------------------------------------------------------------------------
// Other blocks

/** Text in a block that stands in for something left to write: the README shows nothing that cannot be run. */
export function placeholders(block: CodeBlock): string[] {
  const patterns = [
    /\b(?:TODO|FIXME|XXX|TBD)\b/g, // a note to finish it
    /<[A-Za-z]+(?:[ -][A-Za-z]+)+>/g, // <your file>, <record-id>
    /\.\.\.[A-Za-z][\w -]*\.\.\./g, // ...first sample record...
    /\.\.\.\s*(?=[\]})]|$)/gm, // { ... }, [...]
  ];
  // `…` marks what a //=> value leaves out, in a comment of a ts block; anywhere else it is a gap.
  const text = block.lang === 'ts' ? block.code.replace(/\/\/.*$/gm, '') : block.code;
  const found = patterns.flatMap((p) => [...block.code.matchAll(p)].map((m) => m[0]));
  if (text.includes('…')) found.push('…');
  return found;
}

/** One command of a ```console transcript, with what it is said to print and its exit status. */
export interface TranscriptCommand {
  /** The README line of the `$` line. */
  readonly line: number;
  readonly command: string;
  readonly output: string;
  readonly exitCode: number;
}

/** The commands of a ```console block: `$ command`, then its output up to a blank line or the next `$`. */
export function transcript(block: CodeBlock): TranscriptCommand[] {
  const commands: { line: number; command: string; output: string[]; exitCode: number }[] = [];
  for (const [i, text] of block.code.split('\n').entries()) {
    const current = commands.at(-1);
    if (text.startsWith('$ '))
      commands.push({ line: block.line + 1 + i, command: text.slice(2), output: [], exitCode: 0 });
    else if (current === undefined)
      throw new Error(`README.md:${block.line + 1 + i}: output before any command`);
    else if (/^# exit code \d+/.test(text)) current.exitCode = Number(/\d+/.exec(text)?.[0]);
    else current.output.push(text);
  }
  return commands.map((c) => {
    while (c.output.at(-1) === '') c.output.pop();
    return { line: c.line, command: c.command, output: c.output.join('\n'), exitCode: c.exitCode };
  });
}

/** Runs a transcript's command against the built CLI, stdout and stderr together in the order they are written. */
export function runCommand(command: string): { output: string; exitCode: number | null } {
  if (!command.startsWith('m2m-data-policy ')) throw new Error(`not a command of this package: ${command}`);
  const cli = join(ROOT, 'dist', 'cli.js');
  const args = command.slice('m2m-data-policy '.length);
  const run = spawnSync('sh', ['-c', `exec "$0" "$1" ${args} 2>&1`, process.execPath, cli], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
  });
  return { output: run.stdout.replace(/\n$/, ''), exitCode: run.status };
}

if (process.argv[1]?.endsWith('readmeExamples.ts')) {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  for (const block of codeBlocks(readme)) {
    const example = block.lang === 'ts' && block.skip === undefined ? prepareExample(block) : undefined;
    const checks = example === undefined ? '' : ` — ${example.checks.length} checks`;
    console.log(
      `${blockTitle(block)}${block.skip === undefined ? '' : ` — skipped: ${block.skip}`}${checks}`,
    );
    for (const p of example?.problems ?? []) console.log(`  ${p}`);
  }
}
