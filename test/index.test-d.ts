import { describe, expectTypeOf, it } from 'vitest';
import {
  type Citation,
  canUse,
  createPolicy,
  type DataRecord,
  type Decision,
  type DecisionRequest,
  decide,
  type MeasurementRecord,
  type Obligation,
  type ObligationCode,
  parseRecord,
  type RecordOf,
} from '../src/index.js';

declare const reading: MeasurementRecord;

describe('public types', () => {
  it('decide returns a Decision with readonly arrays of citations and obligations', () => {
    expectTypeOf(decide).returns.toEqualTypeOf<Decision>();
    expectTypeOf<Decision['basis']>().toEqualTypeOf<readonly Citation[]>();
    expectTypeOf<Decision['obligations']>().toEqualTypeOf<readonly Obligation[]>();
    expectTypeOf<Decision['effect']>().toEqualTypeOf<'permit' | 'deny'>();
    expectTypeOf<Obligation['code']>().toEqualTypeOf<ObligationCode>();
  });

  it('canUse answers a boolean and takes any purpose string', () => {
    expectTypeOf(canUse(reading, 'marketing')).toEqualTypeOf<boolean>();
    expectTypeOf(createPolicy().canUse).parameter(1).toExtend<string>();
  });

  it('parseRecord returns the union, narrowed by kind', () => {
    const record = parseRecord({});
    expectTypeOf(record).toEqualTypeOf<DataRecord>();
    if (record.kind === 'measurement') expectTypeOf(record.receivedAt).toEqualTypeOf<Date>();
    expectTypeOf<RecordOf<'derived'>['personalData']>().toEqualTypeOf<'none' | 'possible' | 'yes'>();
  });

  it('refuses unknown actions, actors and recipients at compile time', () => {
    // @ts-expect-error: 'sell' is not an action
    const a: DecisionRequest = { action: 'sell', data: reading };
    // @ts-expect-error: 'robot' is not an actor
    const b: DecisionRequest = { action: 'use', data: reading, actor: 'robot' };
    // @ts-expect-error: 'everyone' is not a party
    const c: DecisionRequest = { action: 'disclose', data: reading, recipient: 'everyone' };
    expectTypeOf([a, b, c]).toBeArray();
  });

  it('accepts ISO strings for instants in requests and undefined for optional fields', () => {
    expectTypeOf<{
      action: 'use';
      data: MeasurementRecord;
      at: string;
      purpose: undefined;
    }>().toExtend<DecisionRequest>();
  });
});
