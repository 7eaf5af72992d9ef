/** One recognisable inline-SVG glyph per node kind (24×24, drawn with currentColor). */
import type { ReactElement } from 'react';
import type { NodeKind } from '../../workers/engine/schema';

const s = { fill: 'none', stroke: 'currentColor', strokeWidth: 1.8, strokeLinecap: 'round', strokeLinejoin: 'round' } as const;

const GLYPHS: Record<NodeKind, ReactElement> = {
  gateway: (
    <g {...s}>
      <path d="M3 12h7" />
      <path d="M10 12l4-6h7M10 12l4 6h7M14 12h7" />
    </g>
  ),
  service: (
    <g {...s}>
      <path d="M12 2.5l8.5 4.75v9.5L12 21.5l-8.5-4.75v-9.5z" />
      <path d="M3.5 7.25L12 12l8.5-4.75M12 12v9.5" />
    </g>
  ),
  'model-server': (
    <g {...s}>
      <rect x="6" y="6" width="12" height="12" rx="2" />
      <path d="M9 2.5v3.5M15 2.5v3.5M9 18v3.5M15 18v3.5M2.5 9H6M2.5 15H6M18 9h3.5M18 15h3.5" />
      <circle cx="12" cy="12" r="2.2" />
    </g>
  ),
  'feature-store': (
    <g {...s}>
      <rect x="3" y="4" width="18" height="16" rx="2" />
      <path d="M3 9h18M3 14.5h18M9 4v16" />
    </g>
  ),
  'vector-index': (
    <g {...s}>
      <path d="M4 20V4M4 20h16" />
      <circle cx="9" cy="14" r="1.5" />
      <circle cx="13" cy="9" r="1.5" />
      <circle cx="17" cy="13" r="1.5" />
      <path d="M9 14l4-5 4 4" strokeDasharray="2 2" />
    </g>
  ),
  cache: (
    <g {...s}>
      <path d="M13 2.5L5 13.5h6l-1 8 8-11h-6z" />
    </g>
  ),
  database: (
    <g {...s}>
      <ellipse cx="12" cy="5.5" rx="7.5" ry="3" />
      <path d="M4.5 5.5v13c0 1.7 3.4 3 7.5 3s7.5-1.3 7.5-3v-13M4.5 12c0 1.7 3.4 3 7.5 3s7.5-1.3 7.5-3" />
    </g>
  ),
  queue: (
    <g {...s}>
      <rect x="2.5" y="8" width="4.5" height="8" rx="1" />
      <rect x="9.75" y="8" width="4.5" height="8" rx="1" />
      <rect x="17" y="8" width="4.5" height="8" rx="1" />
      <path d="M2.5 4.5h19" />
    </g>
  ),
  'stream-processor': (
    <g {...s}>
      <path d="M2.5 8c3-3 5-3 8 0s5 3 8 0l3-2" />
      <path d="M2.5 16c3-3 5-3 8 0s5 3 8 0l3-2" />
    </g>
  ),
  offline: (
    <g {...s}>
      <circle cx="12" cy="12" r="9" />
      <path d="M12 7v5l3.5 2" />
    </g>
  ),
  // A speech bubble whose words come out one token at a time.
  'llm-server': (
    <g {...s}>
      <path d="M5 4.5h14a1.5 1.5 0 0 1 1.5 1.5v9a1.5 1.5 0 0 1-1.5 1.5H10l-4.5 3.5v-3.5H5A1.5 1.5 0 0 1 3.5 15V6A1.5 1.5 0 0 1 5 4.5z" />
      <path d="M7.5 10.5h2M11 10.5h2M14.5 10.5h2" />
    </g>
  ),
};

export function KindIcon({ kind, size = 20 }: { kind: NodeKind; size?: number }) {
  return (
    <svg width={size} height={size} viewBox="0 0 24 24" aria-hidden="true" focusable="false">
      {GLYPHS[kind]}
    </svg>
  );
}
