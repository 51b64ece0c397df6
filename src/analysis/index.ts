// Terms analysis (SPEC §10): a version's decision table, the decision-level old/new table of two versions, and
// the findings a reviewer wants before a version ships.
export { analyzeTerms, type Finding, type FindingKind } from './analyze.js';
export { CASES, type CellCase, DIMENSIONS, type Dimension } from './cases.js';
export { type ArticleChanges, type CellChange, type ChangedCell, diffTerms, type TermsDiff } from './diff.js';
export { type CellKey, cellRequest } from './requests.js';
export {
  type CellDecision,
  type DecisionCell,
  type DecisionTable,
  type DecisionTableOptions,
  decisionTable,
} from './table.js';
