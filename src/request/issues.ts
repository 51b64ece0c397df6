import type { PolicyIssue } from '../errors.js';

export type Key = string | number | undefined;

/** Report at most this many issues; a count of the rest follows (a million bad entries are one report). */
const MAX_ISSUES = 100;

/** Collects issues, at most {@link MAX_ISSUES} of them (the list is made only when there is a first one). */
export class Issues {
  private found: PolicyIssue[] | null = null;
  private more = 0;

  /** How many issues were found. */
  get count(): number {
    return (this.found?.length ?? 0) + this.more;
  }

  private push(issue: PolicyIssue): void {
    if (this.found === null) this.found = [];
    if (this.found.length < MAX_ISSUES) this.found.push(issue);
    else this.more++;
  }

  /** Adds an issue at the path of up to three keys (a path is built only for a problem, never on the way). */
  add(code: string, message: string, k1?: Key, k2?: Key, k3?: Key): void {
    const path = [k1, k2, k3].filter((k): k is string | number => k !== undefined);
    this.push({ path, code, message });
  }

  /** Adds issues found under a path (the record's, say). */
  addUnder(prefix: readonly (string | number)[], found: readonly PolicyIssue[]): void {
    for (const i of found) this.push({ ...i, path: [...prefix, ...i.path] });
  }

  /** The issues found, with a last one counting those left out. */
  all(): PolicyIssue[] {
    const found = this.found ?? [];
    return this.more === 0
      ? found
      : [...found, { path: [], code: 'too-many-issues', message: `${this.more} more issues not listed` }];
  }
}
