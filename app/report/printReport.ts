/**
 * PDF from the studio: the report's HTML in a hidden, sandboxed iframe (no
 * scripts; same-origin only so we may call print), printed through the
 * browser's dialog with the report's own print stylesheet ("Save as PDF").
 */
export function printReportHtml(html: string): HTMLIFrameElement {
  document.querySelector('iframe[data-testid="report-print-frame"]')?.remove();
  const frame = document.createElement('iframe');
  frame.setAttribute('sandbox', 'allow-same-origin allow-modals');
  frame.setAttribute('data-testid', 'report-print-frame');
  frame.setAttribute('aria-hidden', 'true');
  frame.style.cssText = 'position:fixed;right:0;bottom:0;width:0;height:0;border:0;visibility:hidden';
  frame.addEventListener('load', () => frame.contentWindow?.print(), { once: true });
  frame.srcdoc = html;
  document.body.appendChild(frame);
  return frame;
}
