import { PolicyInputError, type PolicyIssue } from 'm2m-data-policy';

// Identifiers go into SQL text, so only plain ones are accepted and each is double-quoted: a letter or underscore,
// then letters, digits, underscores or dollar signs, at most 63 bytes (PostgreSQL's NAMEDATALEN - 1). A table may
// be schema-qualified (`archive.retention_extensions`). Anything else is refused, never escaped and hoped for.

const PLAIN = /^[A-Za-z_][A-Za-z0-9_$]{0,62}$/;

/** Collects the problems of the identifiers of one call, each at its option path. */
export class Identifiers {
  readonly issues: PolicyIssue[] = [];

  /** A quoted column or alias name, or `""` after recording the problem. */
  name(value: unknown, path: readonly (string | number)[]): string {
    if (typeof value === 'string' && PLAIN.test(value)) return `"${value}"`;
    this.issues.push({
      path: [...path],
      code: 'unsafe-identifier',
      message: 'An identifier is a letter or underscore, then letters, digits, _ or $, at most 63 characters',
    });
    return '""';
  }

  /** A quoted table name, optionally schema-qualified. */
  table(value: unknown, path: readonly (string | number)[]): string {
    const parts = typeof value === 'string' ? value.split('.') : [value];
    if (parts.length > 2) return this.name(undefined, path);
    return parts.map((part) => this.name(part, path)).join('.');
  }

  /** Throws {@link PolicyInputError} with every problem found. */
  check(what: string): void {
    if (this.issues.length > 0) throw new PolicyInputError(this.issues, what);
  }
}
