import type { Party, Purpose } from '../model/vocabulary.js';
import type { DataKind } from '../records/dataRecord.js';

// The project's own identifiers in the export (not profile terms): terms versions, their rules, data kinds,
// parties and purposes, all under one URN namespace.

const ID = 'urn:m2m-data-policy';

/**
 * The identifier of a terms version, the policy's `uid`.
 *
 * @example
 * termsIri('2020-12-01') //=> 'urn:m2m-data-policy:terms:2020-12-01'
 */
export const termsIri = (id: string): string => `${ID}:terms:${encodeURI(id)}`;

/**
 * The identifier of a rule of a terms version, the ODRL rule's `uid` (rule ids are unique within a version).
 *
 * @example
 * ruleIri('2020-12-01', '13-3-4/provider/raw-data')
 * //=> 'urn:m2m-data-policy:terms:2020-12-01:rule:13-3-4/provider/raw-data'
 */
export const ruleIri = (termsId: string, ruleId: string): string =>
  `${termsIri(termsId)}:rule:${encodeURI(ruleId)}`;

/**
 * The identifier of a data kind: the asset a rule targets.
 *
 * @example
 * kindIri('measurement') //=> 'urn:m2m-data-policy:kind:measurement'
 */
export const kindIri = (kind: DataKind): string => `${ID}:kind:${kind}`;

/**
 * The identifier of a party: assigner, assignee, or the value of a `recipient` constraint.
 *
 * @example
 * partyIri('subcontractor') //=> 'urn:m2m-data-policy:party:subcontractor'
 */
export const partyIri = (party: Party): string => `${ID}:party:${party}`;

/**
 * The identifier of a purpose, the value of a `purpose` constraint (any other purpose string is encoded).
 *
 * @example
 * purposeIri('service-analysis') //=> 'urn:m2m-data-policy:purpose:service-analysis'
 */
export const purposeIri = (purpose: Purpose): string => `${ID}:purpose:${encodeURIComponent(purpose)}`;
