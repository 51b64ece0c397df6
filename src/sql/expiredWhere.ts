import { PolicyInputError, parseInstant } from 'm2m-data-policy';
import {
  defaultPolicy,
  holdsLimited,
  isoJst,
  type RetentionBounds,
  type RetentionPolicy,
  retentionBounds,
  wallJst,
} from './bounds.js';
import { Identifiers } from './identifiers.js';

/**
 * A parameterized SQL condition: `text` with node-postgres placeholders (`$1`, `$2`, …) and the `values` they
 * stand for, never inlined. Pass both to `client.query(text, values)`, or splice `text` into a larger statement
 * with `placeholderStart` set past your own parameters.
 *
 * @example
 * const { text, values }: SqlCondition = expiredWhere('2022-06-01T03:00:00+09:00');
 * await client.query(`DELETE FROM measurements m WHERE ${text}`, values);
 */
export interface SqlCondition {
  readonly text: string;
  readonly values: string[];
}

/**
 * The table of retention extensions (13(4)): one row per extension, `until` null for one without end. Extension
 * columns are `timestamptz`.
 *
 * @example
 * const extensions: ExtensionsTable = { table: 'retention_extensions', measurementId: 'measurement_id' };
 */
export interface ExtensionsTable {
  readonly table?: string | undefined;
  readonly measurementId?: string | undefined;
  readonly decidedAt?: string | undefined;
  readonly until?: string | undefined;
}

/**
 * Where the measurements are and how their receipt is stored.
 *
 * - `alias` (default `m`): the measurements table's alias in your statement.
 * - `columns`: `id` (default `id`) and `receivedAt` (default `received_at`).
 * - `extensions`: the extensions table (defaults `retention_extensions`, `measurement_id`, `decided_at`, `until`), or
 *   `false` when there is none.
 * - `columnType`: `timestamptz` (default), or `timestamp-jst` for a `timestamp` column holding JST wall-clock time.
 * - `placeholderStart` (default 1): the number of the first placeholder.
 * - `policy`: whose terms versions decide the holding period (default: the shipped versions).
 *
 * @example
 * const options: ExpiredWhereOptions = { alias: 'r', columns: { receivedAt: 'received' }, extensions: false };
 */
export interface ExpiredWhereOptions {
  readonly alias?: string | undefined;
  readonly columns?:
    | { readonly id?: string | undefined; readonly receivedAt?: string | undefined }
    | undefined;
  readonly extensions?: ExtensionsTable | false | undefined;
  readonly columnType?: 'timestamptz' | 'timestamp-jst' | undefined;
  readonly placeholderStart?: number | undefined;
  readonly policy?: RetentionPolicy | undefined;
}

/** The checked, quoted names of the measurements table and its extensions. */
export interface RetentionNames {
  readonly alias: string;
  readonly id: string;
  readonly receivedAt: string;
  readonly columnType: 'timestamptz' | 'timestamp-jst';
  readonly extensions: { table: string; measurementId: string; decidedAt: string; until: string } | null;
}

const COLUMN_TYPES: ReadonlySet<unknown> = new Set(['timestamptz', 'timestamp-jst']);

/** Reads the naming options: each identifier checked and quoted, each problem recorded at its path. */
export function retentionNames(options: ExpiredWhereOptions, names: Identifiers): RetentionNames {
  const columnType = options.columnType ?? 'timestamptz';
  if (!COLUMN_TYPES.has(columnType))
    names.issues.push({
      path: ['columnType'],
      code: 'invalid-value',
      message: "Expected 'timestamptz' or 'timestamp-jst'",
    });
  const x = options.extensions;
  return {
    alias: names.name(options.alias ?? 'm', ['alias']),
    id: names.name(options.columns?.id ?? 'id', ['columns', 'id']),
    receivedAt: names.name(options.columns?.receivedAt ?? 'received_at', ['columns', 'receivedAt']),
    columnType,
    extensions:
      x === false
        ? null
        : {
            table: names.table(x?.table ?? 'retention_extensions', ['extensions', 'table']),
            measurementId: names.name(x?.measurementId ?? 'measurement_id', ['extensions', 'measurementId']),
            decidedAt: names.name(x?.decidedAt ?? 'decided_at', ['extensions', 'decidedAt']),
            until: names.name(x?.until ?? 'until', ['extensions', 'until']),
          },
  };
}

/** The comparisons of a retention query, with their values from placeholder `start` on. */
export interface RetentionSql {
  /** The row was received before the cutoff: its period has ended. */
  readonly receivedBefore: string;
  /** An extension covers the row at the instant; `null` without an extensions table. */
  readonly extended: string | null;
  readonly values: string[];
}

/** Writes the comparisons for `bounds`: the cutoff at `$start`, the instant's next millisecond at `$start + 1`. */
export function retentionSql(n: RetentionNames, bounds: RetentionBounds, start: number): RetentionSql {
  const jstWall = n.columnType === 'timestamp-jst';
  const values = [jstWall ? wallJst(bounds.receivedBefore) : isoJst(bounds.receivedBefore)];
  const receivedBefore = `${n.alias}.${n.receivedAt} < $${start}::${jstWall ? 'timestamp' : 'timestamptz'}`;
  const x = n.extensions;
  if (x === null) return { receivedBefore, extended: null, values };
  values.push(isoJst(bounds.decidedBefore));
  const next = `$${start + 1}::timestamptz`;
  // The extensions' alias is the measurements' with a suffix, so neither shadows the other.
  const e = `"${n.alias.slice(1, -1)}_ext"`;
  const extended =
    `EXISTS (SELECT 1 FROM ${x.table} AS ${e} WHERE ${e}.${x.measurementId} = ${n.alias}.${n.id}` +
    ` AND ${e}.${x.decidedAt} < ${next} AND (${e}.${x.until} IS NULL OR ${e}.${x.until} >= ${next}))`;
  return { receivedBefore, extended, values };
}

/** The first placeholder's number, checked. */
export function placeholderStart(value: unknown): number {
  if (value === undefined) return 1;
  if (typeof value === 'number' && Number.isSafeInteger(value) && value >= 1) return value;
  throw new PolicyInputError(
    [{ path: ['placeholderStart'], code: 'invalid-value', message: 'Expected a whole number, 1 or more' }],
    'SQL options',
  );
}

/**
 * A SQL condition true exactly for the measurement rows whose holding has ended at `at` (13(4)) and that no
 * retention extension covers — the rows `sweepRetention` calls `expired`. The holding period is that of the
 * policy's version in force at `at`; under a version that sets none nothing expires, and the condition is `FALSE`.
 *
 * Preconditions, which the SQL cannot check for you:
 * - the receipt column is `timestamptz`, or a `timestamp` holding JST wall-clock time declared with
 *   `columnType: 'timestamp-jst'` (read as UTC or as the session's zone, it would keep or delete the wrong rows);
 * - instants are compared to the millisecond, as the parser keeps them: microseconds within a millisecond count as
 *   that millisecond;
 * - the extensions reference their measurement with `ON DELETE CASCADE`, or deleting the rows fails on them.
 *
 * @throws {PolicyInputError} for an invalid instant, an unsafe identifier or an unknown option value.
 * @example
 * const { text, values } = expiredWhere('2022-06-01T03:00:00+09:00', { extensions: false });
 * text //=> '"m"."received_at" < $1::timestamptz'
 * values //=> ['2021-06-01T00:00:00.001+09:00']
 */
export function expiredWhere(at: Date | string, options: ExpiredWhereOptions = {}): SqlCondition {
  const start = placeholderStart(options.placeholderStart);
  const names = new Identifiers();
  const n = retentionNames(options, names);
  names.check('SQL options');
  const instant = parseInstant(at);
  const policy = options.policy ?? defaultPolicy();
  if (!holdsLimited(instant, policy)) return { text: 'FALSE', values: [] };
  const sql = retentionSql(n, retentionBounds(instant, policy), start);
  return {
    text: sql.extended === null ? sql.receivedBefore : `${sql.receivedBefore} AND NOT ${sql.extended}`,
    values: sql.values,
  };
}
