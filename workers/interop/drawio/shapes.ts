/**
 * Kinds from draw.io shape styles: the AWS (mxgraph.aws4), GCP (mxgraph.gcp2)
 * and Azure (mxgraph.azure, img/lib/azure2) libraries' service icons, where
 * the service has an obvious Loadsketch kind. Tried in order, first match
 * wins; docs/import-export.md lists them.
 */
import type { NodeKind } from '../../engine/schema';
import type { KindRule } from '../kindGuess';

export const CLOUD_RULES: readonly KindRule[] = [
  { kind: 'stream-processor', pattern: /kinesis data analytics|managed (service for apache )?flink|dataflow|stream analytics/ },
  { kind: 'gateway', pattern: /api gateway|elastic load balancing|application load balancer|network load balancer|\belb\b|cloudfront|cloud load balancing|apigee|api management|load balancer|front door|application gateway/ },
  { kind: 'cache', pattern: /elasticache|memorystore|cache redis|redis|memorydb/ },
  { kind: 'queue', pattern: /\bsqs\b|\bsns\b|kinesis|\bmsk\b|eventbridge|pubsub|pub sub|service bus|event hub|event grid|\bmq\b/ },
  { kind: 'model-server', pattern: /sagemaker|vertex|ai platform|machine learning|cognitive|bedrock|inferentia/ },
  { kind: 'offline', pattern: /\bglue\b|\bemr\b|redshift|bigquery|dataproc|synapse|data factory|databricks|athena|composer/ },
  { kind: 'database', pattern: /dynamodb|\brds\b|aurora|documentdb|neptune|cloud sql|spanner|bigtable|firestore|datastore|cosmos|sql database|database|\bs3\b|simple storage|cloud storage|blob storage/ },
  { kind: 'service', pattern: /lambda|\bec2\b|\becs\b|\beks\b|fargate|cloud run|compute engine|\bgke\b|kubernetes|functions|app service|container|virtual machine|app engine/ },
];

/** Generic shapes with an obvious kind. */
const GENERIC: readonly KindRule[] = [{ kind: 'database', pattern: /^(cylinder\d?|datastore|mxgraph flowchart database)$/ }];

/** The style's key=value pairs (the first bare token is the shape name, as draw.io writes `ellipse;whiteSpace=wrap`). */
export function parseStyle(style: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const part of style.split(';')) {
    if (!part) continue;
    const eq = part.indexOf('=');
    if (eq < 0) out.set(out.has('shape') ? part : 'shape', part);
    else out.set(part.slice(0, eq), part.slice(eq + 1));
  }
  return out;
}

function iconText(style: Map<string, string>): string {
  return ['shape', 'resIcon', 'prIcon', 'image']
    .map((k) => style.get(k) ?? '')
    .join(' ')
    .replace(/\.svg\b/g, '')
    .replace(/mxgraph\.(aws4|aws3|gcp2|gcp|azure|azure2)\./g, ' ')
    .replace(/img\/lib\/[a-z0-9_]+\/[a-z0-9_]+\//gi, ' ')
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .replace(/[._/-]+/g, ' ')
    .toLowerCase();
}

/** The kind a cloud library icon gives, or null. */
export function cloudKind(style: Map<string, string>): NodeKind | null {
  if (!/mxgraph\.(aws|gcp|azure)|img\/lib\/(azure|gcp|aws)/i.test([...style.values()].join(';'))) return null;
  const text = iconText(style);
  for (const r of CLOUD_RULES) if (r.pattern.test(text)) return r.kind;
  return null;
}

/** The kind a generic shape gives (a cylinder is a database), or null. */
export function shapeKind(style: Map<string, string>): NodeKind | null {
  const shape = (style.get('shape') ?? '').replace(/\./g, ' ').toLowerCase();
  for (const r of GENERIC) if (r.pattern.test(shape)) return r.kind;
  return null;
}

/** True for styles of shapes that are not system parts: text, edge labels, containers, groups. */
export function isDecoration(style: Map<string, string>): 'text' | 'container' | null {
  const shape = style.get('shape') ?? '';
  if (shape === 'text' || style.has('text') || shape === 'edgeLabel' || style.has('edgeLabel')) return 'text';
  if (shape === 'group' || shape === 'swimlane' || style.get('container') === '1' || /group(Center)?$/.test(shape)) return 'container';
  return null;
}
