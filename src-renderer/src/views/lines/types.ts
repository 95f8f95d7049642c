import type { ProcedureOutput } from '../../../../src-main/api/contract';

// Every shape the Lines view shows, as the API declares it.
export type CoverageOverview = ProcedureOutput<'coverage.overview'>;
export type CoverageLine = CoverageOverview['lines'][number];
export type CoverageOrder = CoverageLine['orders'][number];
export type PredictedStoppage = CoverageOverview['stoppages'][number];
export type CoveragePart = CoverageOverview['parts'][number];
export type Metrics = CoverageOverview['metrics'];
export type PartCoverageCurve = ProcedureOutput<'coverage.part'>;
export type Recommendations = ProcedureOutput<'recommendations.list'>;
export type Recommendation = Recommendations['open'][number];
export type RecommendationKind = Recommendation['kind'];
export type SequenceEvaluation = ProcedureOutput<'lines.evaluateSequence'>;
