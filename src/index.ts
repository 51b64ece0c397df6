export {
  type ArticleChanges,
  analyzeTerms,
  CASES,
  type CellCase,
  type CellChange,
  type CellDecision,
  type CellKey,
  type ChangedCell,
  cellRequest,
  type DecisionCell,
  type DecisionTable,
  type DecisionTableOptions,
  DIMENSIONS,
  type Dimension,
  decisionTable,
  diffTerms,
  type Finding,
  type FindingKind,
  type TermsDiff,
} from './analysis/index.js';
export type { Admission, AdmitOptions, ConsentOnFile, Refusal } from './engine/admitTransmissions.js';
export type { FilterRequest } from './engine/batch.js';
export {
  createPolicy,
  type DecisionContext,
  type Policy,
  type PolicyOptions,
} from './engine/createPolicy.js';
export {
  admitTransmissions,
  assertPermitted,
  canTransmit,
  canUse,
  decide,
  decideMany,
  explain,
  filterPermitted,
  ownerOfOutcome,
  retentionCutoff,
  retentionStatus,
  returnOrErase,
  sweepRetention,
} from './engine/defaultPolicy.js';
export type { DecisionLogEntry } from './engine/logEntry.js';
export type { Outcome, OutcomeOwnership, OutcomeQuery } from './engine/ownerOfOutcome.js';
export type { ReturnOrErase, ReturnRequest } from './engine/returnOrErase.js';
export {
  PolicyError,
  type PolicyErrorCode,
  PolicyInputError,
  type PolicyIssue,
  PolicyViolationError,
  TermsNotInForceError,
} from './errors.js';
export type { Locale } from './i18n/locale.js';
export {
  appiArticle,
  type CitationSpec,
  civilCodeArticle,
  serviceContract,
  termsArticle,
} from './model/citation.js';
export {
  type KnownObligationCode,
  type KnownReasonCode,
  OBLIGATION_CODES,
  type ObligationCode,
  REASON_CODES,
  type ReasonCode,
} from './model/codes.js';
export type { Citation, Decision, Obligation, Reason, Subitem, TermsVersionId } from './model/decision.js';
export {
  ACTIONS,
  ACTORS,
  type Action,
  type Actor,
  CONTRACT_PURPOSES,
  type ConsentForm,
  type ContractPurpose,
  type Effect,
  type LegalBasis,
  PARTIES,
  type Party,
  type Purpose,
} from './model/vocabulary.js';
export { type AnonymizedRecord, anonymizedRecord } from './records/anonymized.js';
export { type ConfidentialRecord, confidentialRecord } from './records/confidential.js';
export {
  DATA_KINDS,
  type DataKind,
  type DataRecord,
  type DataRecordInput,
  dataRecord,
  type RecordOf,
} from './records/dataRecord.js';
export { type DerivedRecord, derivedRecord } from './records/derived.js';
export {
  type MeasurementMetric,
  type MeasurementRecord,
  type MeasurementRecordInput,
  measurementMetric,
  measurementRecord,
  type RetentionExtension,
  retentionExtension,
} from './records/measurement.js';
export { parseRecord, type SafeParseRecordResult, safeParseRecord } from './records/parseRecord.js';
export { type ProviderContentRecord, providerContentRecord } from './records/providerContent.js';
export { type StatisticalRecord, statisticalRecord } from './records/statistical.js';
export { parseInstant } from './records/timestamp.js';
export { type UserInformationRecord, userInformationRecord } from './records/userInformation.js';
export type {
  ConsentInput,
  ConsentSnapshot,
  ContractInput,
  ContractSnapshot,
  DecisionRequest,
  RequestSnapshot,
  ValidRequest,
} from './request/types.js';
export type { RetentionStatus } from './retention/retentionStatus.js';
export type {
  MalformedRecord,
  RetentionEntry,
  RetentionSweep,
  SweepOptions,
} from './retention/sweepRetention.js';
export type { Condition, ConsentFrom, HoldingState } from './terms/condition.js';
export { DEFAULT_TERMS } from './terms/defaultTerms.js';
export { defineTerms } from './terms/defineTerms.js';
export { defineRule, type ObligationSpec, type Rule, type RuleEnvironment } from './terms/rule.js';
export { termsInForce } from './terms/termsInForce.js';
export type {
  ArticleSummary,
  Bilingual,
  TermsCodes,
  TermsVersion,
  TermsVersionInput,
} from './terms/termsVersion.js';
export { terms20170401 } from './terms/v2017-04-01/index.js';
export { terms20201201 } from './terms/v2020-12-01/index.js';
export { type CivilCodePeriod, civilCodePeriod, type PeriodLength } from './time/civilCodePeriod.js';
