// Reads the TSDoc `@example` blocks of src/ for test/docs/tsdocExamples.test.ts, which typechecks and runs them as
// the README's blocks are run (STYLE 17). What an example is held to:
//
// - An example is the text after an `@example` tag of an exported declaration (or of a member of one), up to the
//   next block tag or the end of the comment, with the comment's ` * ` taken off. The CLI's examples (src/cli/) are
//   shell transcripts and are not read.
// - An example is a module of prelude + example: it sees, without importing them, the public API (the main entry
//   and the `testing`, `odrl` and `sql` subpaths), the shared names of scripts/tsdocPrelude.ts (`reading`, `trend`,
//   `at`, `policy`, `records`, …) and the other exports of the module it documents (an internal helper, say).
//   What it declares itself hides them.
// - Its `//=>` comments and `console.log` lines are read and compared exactly as the README's are: see
//   scripts/readmeExamples.ts for what a value may be (literals, instants with their offset, `…`, notes in
//   parentheses).
// - `// example: not run — REASON` as an example's first line keeps it from being typechecked and run (one that
//   needs a database server, say); the test lists it with its reason.
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import ts from 'typescript';
import { type CodeBlock, type Example, prepareExample, ROOT } from './readmeExamples.js';

/** One `@example` of a declaration under src/. */
export interface TsdocExample {
  /** The source file, relative to the repository's root, with `/`. */
  readonly file: string;
  /** The file's line of the `@example` tag (1-based); the example's first line is line `line + 1`. */
  readonly line: number;
  /** The exported declaration the comment documents. */
  readonly declaration: string;
  /** The example's text, without the comment's ` * `. */
  readonly code: string;
  /** Why it is not run, from `// example: not run — REASON` on its first line. */
  readonly notRun: string | undefined;
}

const NOT_RUN = /^\/\/\s*example:\s*not run\s*—\s*(.+?)\s*$/;

/** The TypeScript files under src/ whose examples are run: all but the CLI's, sorted. */
export function sourceFiles(root = ROOT): string[] {
  return readdirSync(join(root, 'src'), { recursive: true, encoding: 'utf8' })
    .map((f) => `src/${f.split(sep).join('/')}`)
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts') && !f.startsWith('src/cli/'))
    .sort();
}

/** The examples of one source file, in order. Throws when an `@example` is in a comment no declaration owns. */
export function fileExamples(file: string, text: string): TsdocExample[] {
  const sf = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const found: TsdocExample[] = [];
  const seen = new Set<number>();
  const read = (node: ts.Node, name: string) => {
    for (const range of ts.getLeadingCommentRanges(text, node.getFullStart()) ?? []) {
      if (seen.has(range.pos) || !text.startsWith('/**', range.pos)) continue;
      seen.add(range.pos);
      found.push(...commentExamples(file, text, range, name, sf));
    }
  };
  for (const statement of sf.statements) {
    if (!isExported(statement)) continue;
    const name = declarationName(statement);
    read(statement, name);
    if (ts.isClassDeclaration(statement) || ts.isInterfaceDeclaration(statement)) {
      for (const member of statement.members) {
        read(member, `${name}.${member.name?.getText(sf) ?? '(member)'}`);
      }
    }
  }
  // Every tag is accounted for: one in a comment of an unexported declaration is left out on purpose, one the
  // reader cannot place would silently go unrun.
  const tags = [...text.matchAll(/^\s*\*\s*@example\b/gm)].length;
  const unexported = sf.statements
    .filter((s) => !isExported(s))
    .flatMap((s) => ts.getLeadingCommentRanges(text, s.getFullStart()) ?? [])
    .map((r) => [...text.slice(r.pos, r.end).matchAll(/^\s*\*\s*@example\b/gm)].length)
    .reduce((a, b) => a + b, 0);
  if (found.length + unexported !== tags) {
    throw new Error(`${file}: ${tags} @example tags, of which ${found.length + unexported} are placed`);
  }
  return found;
}

function isExported(node: ts.Statement): boolean {
  return (
    ts.canHaveModifiers(node) &&
    (ts.getModifiers(node) ?? []).some((m) => m.kind === ts.SyntaxKind.ExportKeyword)
  );
}

function declarationName(node: ts.Statement): string {
  if (ts.isVariableStatement(node)) {
    return node.declarationList.declarations.map((d) => d.name.getText()).join(', ');
  }
  const name = (node as { name?: ts.Node }).name;
  return name?.getText() ?? '(default)';
}

/** The examples of one `/** … *\/` comment. */
function commentExamples(
  file: string,
  text: string,
  range: ts.CommentRange,
  declaration: string,
  sf: ts.SourceFile,
): TsdocExample[] {
  const first = sf.getLineAndCharacterOfPosition(range.pos).line;
  const lines = text
    .slice(range.pos, range.end)
    .split('\n')
    .map((l) =>
      l
        .replace(/^\s*\/\*\*\s?/, '')
        .replace(/\s*\*\/\s*$/, '')
        .replace(/^\s*\* ?/, ''),
    );
  const examples: TsdocExample[] = [];
  for (let i = 0; i < lines.length; i++) {
    if (!/^@example\s*$/.test(lines[i] ?? '')) continue;
    let end = i + 1;
    while (end < lines.length && !/^@\w/.test(lines[end] ?? '')) end++;
    const body = lines.slice(i + 1, end);
    while (body.length > 0 && (body.at(-1) ?? '').trim() === '') body.pop();
    const notRun = NOT_RUN.exec((body[0] ?? '').trim())?.[1];
    examples.push({ file, line: first + i + 1, declaration, code: body.join('\n'), notRun });
    i = end - 1;
  }
  return examples;
}

/** Every example under src/ but the CLI's, file by file. */
export function tsdocExamples(root = ROOT): TsdocExample[] {
  return sourceFiles(root).flatMap((f) => fileExamples(f, readFileSync(join(root, f), 'utf8')));
}

/** An example's name in a test title: `file:line — ` and its first line of code. */
export function exampleTitle(example: TsdocExample, note = ''): string {
  const code = example.code.split('\n').map((l) => l.trim());
  const first = code.find((l) => l !== '' && !l.startsWith('//')) ?? code[0] ?? '';
  const shown = first.length > 72 ? `${first.slice(0, 71)}…` : first;
  return `${example.file}:${example.line}${note} — ${shown}`;
}

/** An example's key: an identifier made of its file and line (`src_sql_bounds_ts_L37`). */
export function exampleKey(example: TsdocExample): string {
  return `${example.file.replace(/\W/g, '_')}_L${example.line}`;
}

// ---------------------------------------------------------------------------------------------------------------
// What an example sees

/** The prelude every example runs after. */
export const PRELUDE = join(ROOT, 'scripts', 'tsdocPrelude.ts');

/** The package's entries, as the tsconfig `paths` and the vitest aliases map them. */
const ENTRIES: Readonly<Record<string, string>> = {
  'm2m-data-policy': 'src/index.ts',
  'm2m-data-policy/testing': 'src/testing/index.ts',
  'm2m-data-policy/odrl': 'src/odrl/index.ts',
  'm2m-data-policy/sql': 'src/sql/index.ts',
};

/** A module's exported names, each with whether it is a type only, read from its text (and its `export *`s). */
export function moduleExports(path: string, seen = new Set<string>()): Map<string, boolean> {
  const names = new Map<string, boolean>();
  if (seen.has(path)) return names;
  seen.add(path);
  const sf = ts.createSourceFile(path, readFileSync(path, 'utf8'), ts.ScriptTarget.Latest, true);
  const target = (specifier: string): string => {
    const entry = ENTRIES[specifier];
    if (entry !== undefined) return join(ROOT, entry);
    if (!specifier.startsWith('.')) throw new Error(`${path}: cannot follow export * from '${specifier}'`);
    return resolve(dirname(path), specifier.replace(/\.js$/, '.ts'));
  };
  for (const s of sf.statements) {
    if (ts.isExportDeclaration(s)) {
      const from =
        s.moduleSpecifier !== undefined && ts.isStringLiteral(s.moduleSpecifier)
          ? s.moduleSpecifier.text
          : undefined;
      if (s.exportClause === undefined && from !== undefined) {
        for (const [n, t] of moduleExports(target(from), seen)) names.set(n, t);
      } else if (s.exportClause !== undefined && ts.isNamedExports(s.exportClause)) {
        for (const e of s.exportClause.elements) names.set(e.name.text, s.isTypeOnly || e.isTypeOnly);
      }
      continue;
    }
    if (!isExported(s)) continue;
    if (ts.isVariableStatement(s)) {
      for (const d of s.declarationList.declarations)
        for (const n of bindingNames(d.name)) names.set(n, false);
    } else if (ts.isInterfaceDeclaration(s) || ts.isTypeAliasDeclaration(s)) names.set(s.name.text, true);
    else if (
      (ts.isFunctionDeclaration(s) || ts.isClassDeclaration(s) || ts.isEnumDeclaration(s)) &&
      s.name !== undefined
    ) {
      names.set(s.name.text, false);
    }
  }
  return names;
}

function bindingNames(name: ts.BindingName): string[] {
  if (ts.isIdentifier(name)) return [name.text];
  return name.elements.flatMap((e) => (ts.isOmittedExpression(e) ? [] : bindingNames(e.name)));
}

/** The names an example declares or imports at its top level, which hide the prelude's. */
export function declaredNames(code: string): Set<string> {
  const sf = ts.createSourceFile('example.ts', code, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const names = new Set<string>();
  for (const s of sf.statements) {
    if (ts.isVariableStatement(s)) {
      for (const d of s.declarationList.declarations) for (const n of bindingNames(d.name)) names.add(n);
    } else if (ts.isImportDeclaration(s)) {
      const clause = s.importClause;
      if (clause?.name !== undefined) names.add(clause.name.text);
      const bindings = clause?.namedBindings;
      if (bindings !== undefined && ts.isNamespaceImport(bindings)) names.add(bindings.name.text);
      else if (bindings !== undefined) for (const e of bindings.elements) names.add(e.name.text);
    } else if (
      (ts.isFunctionDeclaration(s) ||
        ts.isClassDeclaration(s) ||
        ts.isEnumDeclaration(s) ||
        ts.isInterfaceDeclaration(s) ||
        ts.isTypeAliasDeclaration(s)) &&
      s.name !== undefined
    ) {
      names.add(s.name.text);
    }
  }
  return names;
}

/**
 * An example's preamble, imports on one line: the prelude's names, then the other exports of the module it documents
 * (the public API wins: an internal export of the same name is not what a user calls), but for the names it declares
 * itself. `from` is the directory its module is written to.
 */
export function importsOf(
  example: TsdocExample,
  prelude: ReadonlyMap<string, boolean>,
  from: string,
): string {
  const declared = declaredNames(example.code);
  const own = moduleExports(join(ROOT, example.file));
  const list = (names: Iterable<[string, boolean]>) =>
    [...names]
      .filter(([n]) => !declared.has(n))
      .map(([n, type]) => (type ? `type ${n}` : n))
      .join(', ');
  const specifier = (path: string) => relative(from, path).split(sep).join('/').replace(/\.ts$/, '.js');
  const fromPrelude = list(prelude);
  const fromOwn = list([...own].filter(([n]) => !prelude.has(n)));
  return [
    fromPrelude === '' ? '' : `import { ${fromPrelude} } from '${specifier(PRELUDE)}'; `,
    fromOwn === '' ? '' : `import { ${fromOwn} } from '${specifier(join(ROOT, example.file))}'; `,
  ].join('');
}

/**
 * The examples made ready to typecheck and run from `dir`: each module in `dir/check` (with a tsconfig extending the
 * root one) and its runnable twin in `dir/run`, one level down both, so that one preamble serves the two.
 */
export function prepareTsdocExamples(examples: readonly TsdocExample[], dir: string): Example[] {
  const prelude = moduleExports(PRELUDE);
  return examples.map((e) => {
    const block: CodeBlock = { lang: 'ts', line: e.line, code: e.code, skip: e.notRun };
    const preamble = importsOf(e, prelude, join(dir, 'check'));
    return prepareExample(block, { file: e.file, key: exampleKey(e), preamble });
  });
}

/** Writes what `prepareTsdocExamples` made: `dir/check/KEY.ts` for `tsc`, `dir/run/KEY.ts` to run. */
export function writeTsdocExamples(examples: readonly Example[], dir: string): void {
  const check = join(dir, 'check');
  mkdirSync(check, { recursive: true });
  mkdirSync(join(dir, 'run'), { recursive: true });
  const tsconfig = {
    extends: relative(check, join(ROOT, 'tsconfig.json')),
    compilerOptions: { strict: true, noEmit: true },
    include: ['*.ts'],
  };
  writeFileSync(join(check, 'tsconfig.json'), `${JSON.stringify(tsconfig, null, 2)}\n`);
  for (const e of examples) {
    writeFileSync(join(check, `${e.key}.ts`), e.source);
    writeFileSync(join(dir, 'run', `${e.key}.ts`), e.runnable);
  }
}

if (process.argv[1]?.endsWith('tsdocExamples.ts')) {
  const all = tsdocExamples();
  for (const e of all) {
    console.log(`${exampleTitle(e)}${e.notRun === undefined ? '' : ` — not run: ${e.notRun}`}`);
    if (process.argv.includes('--code')) console.log(`${e.code.replace(/^/gm, '    ')}\n`);
  }
  console.log(`${all.length} examples, ${all.filter((e) => e.notRun !== undefined).length} not run`);
}
