export { type ArrivalJudgement, judgeArrival } from './arrivalJudgement';
export { noticeAccuracy } from './noticeAccuracy';
export { isoWeekOf, type PlantWeek, plantWeeks, weekIndexOf } from './plantWeeks';
export { productionImpact } from './productionImpact';
export { punctualityFigures } from './punctualityFigures';
export type * from './types';
export { weeklyTrend } from './weeklyTrend';
