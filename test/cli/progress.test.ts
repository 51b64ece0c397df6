import { describe, expect, it } from 'vitest';
import { createProgress } from '../../src/cli/progress.js';

// Progress is a terminal nicety: drawn on stderr only when it is a TTY, so logs and pipes never get it.

function stream(isTTY: boolean) {
  const writes: string[] = [];
  return { writes, stderr: { isTTY, write: (text: string) => writes.push(text) > 0 } };
}

describe('createProgress', () => {
  it('draws the count every `every` lines on a terminal, and erases it on clear', () => {
    const { writes, stderr } = stream(true);
    const progress = createProgress(stderr as never, 'check', 2);
    for (let i = 0; i < 5; i++) progress.tick();
    progress.clear();
    progress.clear();
    expect(writes).toEqual(['\r\x1b[Kcheck: 2 lines read', '\r\x1b[Kcheck: 4 lines read', '\r\x1b[K']);
  });

  it('writes nothing when stderr is not a terminal', () => {
    const { writes, stderr } = stream(false);
    const progress = createProgress(stderr as never, 'check', 1);
    for (let i = 0; i < 5; i++) progress.tick();
    progress.clear();
    expect(writes).toEqual([]);
  });

  it('groups thousands in the default report every 100,000 lines', () => {
    const { writes, stderr } = stream(true);
    const progress = createProgress(stderr as never, 'retention');
    for (let i = 0; i < 200_000; i++) progress.tick();
    expect(writes).toEqual([
      '\r\x1b[Kretention: 100,000 lines read',
      '\r\x1b[Kretention: 200,000 lines read',
    ]);
  });
});
