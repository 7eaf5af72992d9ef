/**
 * Number formats for charts, tables and sentences (the exact value goes in a
 * data-value attribute). They live with the report builder so exports and the
 * screen print every figure the same way.
 */
export { fmtDuration, fmtMoney, fmtMs, fmtNum, fmtPct, fmtRate } from '../../workers/report/format';
