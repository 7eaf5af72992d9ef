/**
 * Bounds on what an importer reads. Every importer runs on untrusted input:
 * these turn a huge or deeply nested file into a clear error, not a hung tab.
 */
export const IMPORT_LIMITS = {
  /** Largest text an importer reads, in UTF-16 code units (16 MB). */
  maxChars: 16 * 1024 * 1024,
  /** Largest inflated size of a compressed draw.io page, in bytes (16 MB). */
  maxInflatedBytes: 16 * 1024 * 1024,
  /** Deepest nesting of JSON or XML accepted. */
  maxDepth: 64,
  /** Most nodes an import may create (the document's own limit is higher). */
  maxNodes: 500,
  maxEdges: 2000,
  /** Most spans read from one trace file. */
  maxSpans: 200_000,
  /** Most lines of a Mermaid diagram. */
  maxLines: 20_000,
  /** Most warnings kept; the rest are counted. */
  maxWarnings: 200,
} as const;

/** An input the importer refuses: the message says why, in words a user understands. */
export class ImportError extends Error {}
