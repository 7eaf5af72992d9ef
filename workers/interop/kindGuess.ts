/**
 * Guessing a node's kind from its label (or a diagram shape's style name).
 * The rules are tried in order and the first match wins; docs/import-export.md
 * lists them as a table. The user corrects a wrong guess in the inspector.
 */
import type { NodeKind } from '../engine/schema';

/** One guessing rule: a pattern on the lower-cased text and the kind it gives. */
export interface KindRule {
  kind: NodeKind;
  pattern: RegExp;
}

/**
 * Rules on words in a label, in the order they are tried. Feature store comes
 * before database ("feature store"), vector index before database, offline
 * before model ("training job" is offline, "model" alone is a model server).
 */
export const LABEL_RULES: readonly KindRule[] = [
  { kind: 'gateway', pattern: /gateway|api[ _-]?gw|ingress|load[ _-]?balanc|\blb\b|\belb\b|\balb\b|nginx|envoy|apigee|api[ _-]management/ },
  { kind: 'feature-store', pattern: /feature|feast|palette/ },
  { kind: 'vector-index', pattern: /vector|faiss|milvus|pinecone|\bann\b|embedding[ _-]?index|qdrant|weaviate/ },
  { kind: 'cache', pattern: /cache|redis|memcache|memorystore|elasticache/ },
  { kind: 'queue', pattern: /kafka|queue|\bsqs\b|\bsns\b|pub[ _/-]?sub|rabbit|kinesis|\bmsk\b|event[ _-]?hub|service[ _-]?bus|\btopic\b|broker/ },
  { kind: 'stream-processor', pattern: /stream|flink|nearline|dataflow|samza|storm/ },
  { kind: 'offline', pattern: /train|offline|\bbatch\b|\betl\b|warehouse|airflow|bigquery|redshift|\bglue\b|spark|registry|notebook/ },
  { kind: 'model-server', pattern: /model|infer|predict|triton|serving|rank|\bllm\b|\bgpu\b|sagemaker|vertex|machine[ _-]?learning|\bml\b/ },
  { kind: 'database', pattern: /\bdb\b|database|\bsql\b|postgres|mysql|cassandra|dynamo|mongo|\brds\b|aurora|spanner|bigtable|cosmos|datastore|cylinder|storage|\bs3\b/ },
];

/** The kind the rules give for `text`, or null when none matches. */
export function guessKindFromText(text: string): NodeKind | null {
  const t = text.toLowerCase().replace(/([a-z])([A-Z])/g, '$1 $2');
  for (const r of LABEL_RULES) if (r.pattern.test(t)) return r.kind;
  return null;
}
