/**
 * The report's stylesheet: screen and print (A4). In print, figures, the
 * verdict and short tables never split across pages; long tables repeat their
 * header on each page and never leave a caption or header alone at a page's
 * foot; no section forces a new page, so the design follows the verdict on page 1.
 */
export const REPORT_CSS = `
:root { color-scheme: light; }
* { box-sizing: border-box; }
body { margin: 0; background: #f3f4f6; color: #1f2937; font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; }
.report { max-width: 1000px; margin: 24px auto; background: #fff; padding: 32px 40px; border-radius: 10px; box-shadow: 0 1px 4px rgba(0,0,0,.08); }
header .kicker { margin: 0; color: #6b7280; text-transform: uppercase; letter-spacing: .08em; font-size: 12px; }
h1 { margin: 4px 0 8px; font-size: 28px; line-height: 1.2; overflow-wrap: anywhere; }
h2 { margin: 32px 0 10px; font-size: 20px; border-bottom: 1px solid #e5e7eb; padding-bottom: 4px; }
h3 { margin: 20px 0 8px; font-size: 16px; }
.desc { color: #374151; overflow-wrap: anywhere; }
.meta { color: #6b7280; font-size: 13px; }
.verdict-box { border-left: 5px solid #1d4ed8; background: #eff6ff; padding: 12px 16px; border-radius: 6px; }
.verdict-box p { margin: 6px 0; }
.verdict { font-size: 17px; font-weight: 600; }
figure { margin: 14px 0; text-align: center; }
figcaption { color: #6b7280; font-size: 13px; margin-top: 4px; }
svg.chart, svg.diagram { max-width: 100%; height: auto; }
.diagram-wrap { border: 1px solid #e5e7eb; border-radius: 8px; padding: 8px; overflow: auto; }
table { border-collapse: collapse; width: 100%; margin: 10px 0 18px; font-size: 13px; }
caption { text-align: left; font-weight: 600; padding: 4px 0; color: #111827; }
th, td { border-bottom: 1px solid #e5e7eb; padding: 4px 6px; text-align: left; vertical-align: top; overflow-wrap: break-word; }
td.n, td.nw { white-space: nowrap; }
th { background: #f9fafb; font-weight: 600; }
td.n, th.n { text-align: right; font-variant-numeric: tabular-nums; }
ul.notes { font-size: 13px; color: #374151; }
footer { margin-top: 32px; color: #6b7280; font-size: 13px; border-top: 1px solid #e5e7eb; padding-top: 8px; }
@page { size: A4; margin: 14mm 12mm 16mm; }
@media print {
  body { background: #fff; font-size: 10pt; }
  .report { margin: 0; padding: 0; box-shadow: none; max-width: none; border-radius: 0; }
  h1 { font-size: 20pt; }
  h2 { font-size: 14pt; margin-top: 18pt; break-after: avoid; page-break-after: avoid; }
  h3, caption, thead { break-after: avoid; page-break-after: avoid; }
  figure, .verdict-box, tr, .diagram-wrap, table.short { break-inside: avoid; page-break-inside: avoid; }
  tbody tr:first-child, tbody tr:nth-child(2) { break-before: avoid; page-break-before: avoid; }
  thead { display: table-header-group; }
  table { font-size: 7.5pt; }
  th, td { padding: 3px 4px; }
  .diagram-wrap { overflow: visible; border: none; padding: 0; }
  svg.chart { max-height: 120mm; }
  svg.diagram { max-height: 68mm; }
}
`;

/**
 * Styles only a report with a fault scenario needs (appended to REPORT_CSS for such a report alone, so a report
 * without one keeps its bytes): each hit node's charts under a small heading, with one caption.
 */
export const SCENARIO_CSS = `
h4 { margin: 16px 0 4px; font-size: 14px; }
.node-faults figure { margin: 6px 0; }
p.figcaption { color: #6b7280; font-size: 13px; margin: 4px 0 14px; text-align: center; }
@media print {
  h4 { break-after: avoid; page-break-after: avoid; }
  .node-faults svg.chart { max-height: 72mm; }
}
`;
