import { ownField } from '../internal/property.js';
import { timeOf } from '../internal/timeOf.js';
import type { Party } from '../model/vocabulary.js';
import type { DataRecord } from '../records/dataRecord.js';
import type { RequestSnapshot } from '../request/types.js';
import { measurementHolding } from '../retention/measurementHolding.js';
import type { Condition, ConsentFrom } from '../terms/condition.js';
import type { RuleEnvironment } from '../terms/rule.js';
import type { TermsVersion } from '../terms/termsVersion.js';
import { periodEndMs } from '../time/civilCodePeriod.js';

// The one interpreter of condition records (src/terms/condition.ts), run once per rule when a version is compiled:
// it turns each record into a test of a snapshot. A record is read by its single own key, so nothing inherited
// (a polluted Object.prototype) can change what it asks. Every test is true only on positive evidence: an absent
// field, another kind of record or an invalid instant makes it false.

/** A compiled condition. */
export type Test = (s: RequestSnapshot) => boolean;

// Visible text: a justification of spaces, or of zero-width and other format characters only, records nothing.
const VISIBLE = /[^\s\p{Cf}]/u;

/** Whether `party` is the person the record is about: the data subject, or the user for information about it. */
const isPerson = (party: Party | undefined, data: DataRecord): boolean =>
  party === 'data-subject' ||
  (party === 'user' && data.kind === 'user-information' && data.subject === 'user');

function consentFrom(from: ConsentFrom, party: Party, data: DataRecord): boolean {
  if (from === 'person') return isPerson(party, data);
  if (from === 'discloser') return data.kind === 'confidential' && party === data.disclosedBy;
  return party === from;
}

const designated = (data: DataRecord): boolean =>
  data.kind === 'confidential' &&
  data.designation !== null &&
  timeOf(data.designation.at) <= timeOf(data.disclosedAt) &&
  data.scopeSpecified &&
  data.marked;

/**
 * Compiles a condition record into a test, for a version (its periods) and a policy (its privacy-policy purposes).
 * The record has been checked by `defineTerms`: exactly one known key.
 */
export function compileCondition(c: Condition, version: TermsVersion, env: RuleEnvironment): Test {
  const [key] = Object.keys(c);
  const value: unknown = (c as Readonly<Record<string, unknown>>)[key as string];
  switch (key) {
    case 'all': {
      const tests = (value as readonly Condition[]).map((x) => compileCondition(x, version, env));
      return (s) => tests.every((t) => t(s));
    }
    case 'any': {
      const tests = (value as readonly Condition[]).map((x) => compileCondition(x, version, env));
      return (s) => tests.some((t) => t(s));
    }
    case 'not': {
      const test = compileCondition(value as Condition, version, env);
      return (s) => !test(s);
    }
    case 'justified':
      return (s) => s.justification !== undefined && VISIBLE.test(s.justification);
    case 'personalData': {
      const statuses = value as readonly string[];
      return (s) =>
        statuses.includes(
          s.data.kind === 'measurement' || s.data.kind === 'derived' ? s.data.personalData : 'none',
        );
    }
    case 'consent': {
      const { from, forms } = value as { from: ConsentFrom; forms?: readonly string[] };
      return (s) =>
        s.consents.some(
          (k) =>
            consentFrom(from, k.from, s.data) &&
            (forms === undefined || forms.includes(k.form)) &&
            k.grantedAtMs <= s.atMs,
        );
    }
    case 'legalBasis': {
      const bases = value as readonly string[];
      return (s) => s.legalBasis !== undefined && bases.includes(s.legalBasis);
    }
    case 'priorNoticeImpossible':
      return (s) => s.priorNoticeImpossible;
    case 'privacyPolicyPurpose':
      return (s) => s.purpose !== undefined && env.privacyPolicyPurposes.has(s.purpose);
    case 'recipient':
      return value === 'person'
        ? (s) => isPerson(s.recipient, s.data)
        : (s) => s.data.kind === 'confidential' && s.recipient === s.data.disclosedBy;
    case 'designated':
      return (s) => designated(s.data);
    case 'exception':
      return (s) => s.data.kind === 'confidential' && ownField(s.data, 'exception') === value;
    case 'disclosedBy':
      return (s) =>
        s.data.kind === 'confidential' && s.data.disclosedBy === (value === 'actor' ? s.actor : value);
    case 'survivalEnded': {
      const period = version.survivalPeriod;
      if (period === undefined) return () => false;
      return (s) => {
        const ended = s.contract?.terminatedAtMs;
        return ended !== undefined && s.atMs >= periodEndMs(ended, period);
      };
    }
    case 'holding': {
      const period = version.holdingPeriod;
      if (period === undefined) return () => false;
      return (s) =>
        s.data.kind === 'measurement' && measurementHolding(s.data, period, s.atMs).state === value;
    }
    case 'subject': {
      const subjects = value as readonly string[];
      return (s) => s.data.kind === 'user-information' && subjects.includes(s.data.subject);
    }
    case 'contractEnded':
      return (s) => {
        const ended = s.contract?.terminatedAtMs;
        return ended !== undefined && ended <= s.atMs;
      };
    case 'otherContract':
      return (s) =>
        s.contract !== undefined && s.data.kind === 'measurement' && s.data.contractId !== s.contract.id;
    default:
      // defineTerms refuses any other key; should one get here, it grants nothing.
      return () => false;
  }
}
