import type { ProcedureOutput } from '../../../../src-main/api/contract';

export type PartnerDetailData = ProcedureOutput<'partners.get'>;
export type Scorecard = ProcedureOutput<'partners.scorecard'>;
export type ScorecardWeek = Scorecard['weeks'][number];
export type CrossReferenceRow = ProcedureOutput<'partners.crossReference'>['rows'][number];
export type PartnerTokenRow = ProcedureOutput<'partnerTokens.list'>[number];
export type CreatedPartnerToken = ProcedureOutput<'partnerTokens.create'>;
