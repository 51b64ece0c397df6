import { PolicyInputError } from '../errors.js';
import type { Decision } from '../model/decision.js';
import type { DataRecord } from '../records/dataRecord.js';
import { Issues } from '../request/issues.js';
import {
  noFields,
  type RequestDefaults,
  type RequestFields,
  readFields,
  requireFields,
  setData,
  snapshotOf,
} from '../request/readRequest.js';
import type { DecisionRequest, RequestSnapshot } from '../request/types.js';
import type { DecisionCore } from './decide.js';

/**
 * The request `filterPermitted` asks of every record: a decision request without its data.
 *
 * @example
 * const request: FilterRequest = { action: 'license', recipient: 'third-party', at: new Date('2021-06-01T10:00:00+09:00') };
 * [...filterPermitted([reading], request)].length //=> 0
 */
export type FilterRequest = Omit<DecisionRequest, 'data'>;

/** Prefixes the paths of a request's issues with where it sits in the batch. */
function within<T>(what: string, index: number, read: () => T): T {
  try {
    return read();
  } catch (e) {
    if (!(e instanceof PolicyInputError)) throw e;
    throw new PolicyInputError(
      e.issues.map((i) => ({ ...i, path: [what, index, ...i.path] })),
      what,
    );
  }
}

/** Reads what a batch shares, once; the clock is read at most once, for the requests that name no instant. */
function shared(
  context: unknown,
  defaults: RequestDefaults,
  withRecord: boolean,
  what: string,
): { fields: RequestFields; defaults: RequestDefaults } {
  const issues = new Issues();
  const fields = noFields();
  if (context !== undefined) readFields(context, fields, issues, withRecord);
  if (withRecord) requireFields(fields, issues, false);
  if (issues.count > 0) throw new PolicyInputError(issues.all(), what);
  let batchAt = fields.atMs;
  const batchDefaults: RequestDefaults = {
    actor: defaults.actor,
    now: () => (batchAt ??= defaults.now()),
    purposes: defaults.purposes,
  };
  return { fields, defaults: batchDefaults };
}

/** {@link Policy.decideMany}: every request read and checked before any is decided (all or nothing). */
export function decideMany(
  core: DecisionCore,
  defaults: RequestDefaults,
  requests: Iterable<DecisionRequest>,
  context: unknown,
): Decision[] {
  const batch = shared(context, defaults, false, 'shared request fields');
  const snapshots: RequestSnapshot[] = [];
  let index = 0;
  for (const request of requests) {
    snapshots.push(
      within('requests', index++, () => {
        const issues = new Issues();
        const fields = { ...batch.fields };
        readFields(request, fields, issues);
        return snapshotOf(fields, issues, batch.defaults);
      }),
    );
  }
  return snapshots.map((s) => core.decide(s));
}

/** {@link Policy.filterPermitted}: the request read once; each record parsed, decided, yielded parsed and frozen. */
export function filterPermitted(
  core: DecisionCore,
  defaults: RequestDefaults,
  records: Iterable<unknown> | AsyncIterable<unknown>,
  request: unknown,
): Generator<DataRecord, void, undefined> | AsyncGenerator<DataRecord, void, undefined> {
  const batch = shared(request, defaults, true, 'filter request');
  const permitted = (record: unknown, index: number): DataRecord | undefined => {
    const s = within('records', index, () => {
      const issues = new Issues();
      const fields = { ...batch.fields };
      setData(fields, record, issues);
      return snapshotOf(fields, issues, batch.defaults);
    });
    return core.allowed(s) ? s.data : undefined;
  };
  if (Symbol.asyncIterator in records) {
    return (async function* () {
      let index = 0;
      for await (const record of records) {
        const data = permitted(record, index++);
        if (data !== undefined) yield data;
      }
    })();
  }
  return (function* () {
    let index = 0;
    for (const record of records) {
      const data = permitted(record, index++);
      if (data !== undefined) yield data;
    }
  })();
}
