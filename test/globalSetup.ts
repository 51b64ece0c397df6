// Builds the package once before any test file runs: the CLI tests run the built command, and the JSON Schema
// test compares the schemas the build writes. One build up front, so no test rebuilds dist/ under another.
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export default function setup(): void {
  const cwd = fileURLToPath(new URL('..', import.meta.url));
  execFileSync('npm', ['run', 'build', '--silent'], { cwd, stdio: ['ignore', 'ignore', 'inherit'] });
}
