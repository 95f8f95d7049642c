// The re-sequencing recommender (DESIGN.md, "The brain"): heuristic search for the best schedule in
// a time or evaluation budget. The exhaustive search that proves optima is ../exact.ts.

export { type RecommendOptions, type RecommendResult, recommend } from './recommend';
