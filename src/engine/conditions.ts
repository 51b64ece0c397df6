import { ownField } from '../internal/property.js';
import { timeOf } from '../internal/timeOf.js';
import type { Party } from '../model/vocabulary.js';
import type { DataRecord } from '../records/dataRecord.js';
import type { RequestSnapshot } from '../request/types.js';
import { measurementHolding } from '../retention/measurementHolding.js';
import type { Condition, ConsentFrom } from '../terms/condition.js';
import type { RuleEnvironment } from '../terms/rule.js';
import type { TermsVersion } from '../terms/termsVersion.js';
import { civilCodePeriod } from '../time/civilCodePeriod.js';

// The one interpreter of condition records (src/terms/condition.ts). Every branch is true only on positive
// evidence: an absent field, another kind of record or an invalid instant makes it false.

/** What a condition is evaluated against besides the request: the policy's options and the version's periods. */
export interface ConditionContext {
  readonly env: RuleEnvironment;
  readonly version: TermsVersion;
}

// Visible text: a justification of spaces, or of zero-width and other format characters only, records nothing.
const VISIBLE = /[^\s\p{Cf}]/u;

/** Whether `party` is the person the record is about: the data subject, or the user for information about it. */
function isPerson(party: Party | undefined, data: DataRecord): boolean {
  return (
    party === 'data-subject' || (party === 'user' && data.kind === 'user-information' && data.subject === 'user')
  );
}

function consentFrom(from: ConsentFrom, party: Party, data: DataRecord): boolean {
  if (from === 'person') return isPerson(party, data);
  if (from === 'discloser') return data.kind === 'confidential' && party === data.disclosedBy;
  return party === from;
}

/** Whether a condition holds for a request. */
export function holds(c: Condition, s: RequestSnapshot, ctx: ConditionContext): boolean {
  const data = s.data;
  if ('all' in c) return c.all.every((x) => holds(x, s, ctx));
  if ('any' in c) return c.any.some((x) => holds(x, s, ctx));
  if ('not' in c) return !holds(c.not, s, ctx);
  if ('justified' in c) return s.justification !== undefined && VISIBLE.test(s.justification);
  if ('personalData' in c) {
    const status = data.kind === 'measurement' || data.kind === 'derived' ? data.personalData : 'none';
    return c.personalData.includes(status);
  }
  if ('consent' in c) {
    const { from, forms } = c.consent;
    return s.consents.some(
      (k) =>
        consentFrom(from, k.from, data) && (forms === undefined || forms.includes(k.form)) && k.grantedAtMs <= s.atMs,
    );
  }
  if ('legalBasis' in c) return s.legalBasis !== undefined && c.legalBasis.includes(s.legalBasis);
  if ('priorNoticeImpossible' in c) return s.priorNoticeImpossible;
  if ('privacyPolicyPurpose' in c) return s.purpose !== undefined && ctx.env.privacyPolicyPurposes.has(s.purpose);
  if ('recipient' in c)
    return c.recipient === 'person'
      ? isPerson(s.recipient, data)
      : data.kind === 'confidential' && s.recipient === data.disclosedBy;
  if ('designated' in c)
    return (
      data.kind === 'confidential' &&
      data.designation !== null &&
      timeOf(data.designation.at) <= timeOf(data.disclosedAt) &&
      data.scopeSpecified &&
      data.marked
    );
  if ('exception' in c) return data.kind === 'confidential' && ownField(data, 'exception') === c.exception;
  if ('disclosedBy' in c)
    return data.kind === 'confidential' && data.disclosedBy === (c.disclosedBy === 'actor' ? s.actor : c.disclosedBy);
  if ('survivalEnded' in c) {
    const ended = s.contract?.terminatedAtMs;
    const period = ctx.version.survivalPeriod;
    return (
      ended !== undefined && period !== undefined && s.atMs >= civilCodePeriod(new Date(ended), period).endsAt.getTime()
    );
  }
  if ('holding' in c) {
    const period = ctx.version.holdingPeriod;
    return data.kind === 'measurement' && period !== undefined && measurementHolding(data, period, s.atMs).state === c.holding;
  }
  return false;
}
