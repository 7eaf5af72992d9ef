/**
 * The LLM fields of a call: on a sync call into an llm-server, its own token counts (a RAG call
 * carries its retrieved context) and streaming; on a call from a prefill-mode llm-server to a
 * decode-mode one, the KV transfer's cost.
 */
import type { Topology, TopologyEdge } from '../../../workers/engine/schema';
import { updateEdge } from '../../store/docOps';
import { useAppStore } from '../../store/react';
import { CheckField, InputField } from './fields';
import { TokensField, type TokensValue } from './TokensField';

type Edit = (doc: Topology) => Topology;

/** An edge without `field` (absent is the format's default for every LLM field). */
function without(e: TopologyEdge, field: 'tokens' | 'kvTransfer' | 'streaming'): Partial<TopologyEdge> {
  const { [field]: _gone, ...rest } = e;
  return rest;
}
const setEdge = (e: TopologyEdge, patch: Partial<TopologyEdge>): Edit => (doc) => ({ ...doc, edges: doc.edges.map((x) => (x.id === e.id ? ({ id: x.id, ...patch } as TopologyEdge) : x)) });

export function LlmEdgeFields({ edge, at }: { edge: TopologyEdge; at: string }) {
  const target = useAppStore((s) => s.doc.nodes.find((n) => n.id === edge.target));
  const source = useAppStore((s) => s.doc.nodes.find((n) => n.id === edge.source));
  const workloadTokens = useAppStore((s) => s.doc.workload.tokens ?? null);
  if (target?.kind !== 'llm-server' || edge.mode !== 'sync') return null;
  const kvEdge = source?.llm?.mode === 'prefill' && target.llm?.mode === 'decode';
  // The shown counts: this call's override where it gives one, else the workload's.
  const shown: TokensValue | null = edge.tokens
    ? { input: edge.tokens.input ?? workloadTokens?.input ?? { dist: 'deterministic', mean: 1 }, output: edge.tokens.output ?? workloadTokens?.output ?? { dist: 'deterministic', mean: 1 } }
    : null;
  const kv = edge.kvTransfer ?? null;
  return (
    <div data-testid="llm-edge-fields">
      {!kvEdge && (
        <>
          <CheckField
            label="Streaming: return at the first token"
            path={`${at}.streaming`}
            testId="streaming"
            value={edge.streaming === true}
            apply={(on) => (on ? (doc) => updateEdge(doc, edge.id, { streaming: true }) : setEdge(edge, without(edge, 'streaming')))}
          />
          <TokensField
            tokens={shown}
            at={`${at}.tokens`}
            testId="edge"
            label="Tokens of this call (else the workload’s)"
            optional
            fallback={workloadTokens}
            update={(t) => (t ? (doc) => updateEdge(doc, edge.id, { tokens: t }) : setEdge(edge, without(edge, 'tokens')))}
          />
        </>
      )}
      {kvEdge && (
        <>
          <CheckField
            label="KV transfer cost (prompt KV to the decode pool)"
            path={`${at}.kvTransfer`}
            testId="kvTransfer"
            value={kv !== null}
            apply={(on) => (on ? (doc) => updateEdge(doc, edge.id, { kvTransfer: { fixedMs: 1, gbPerSec: 10 } }) : setEdge(edge, without(edge, 'kvTransfer')))}
          />
          {kv && (
            <div className="ls-row">
              <InputField type="number" label="Fixed" unit="ms" path={`${at}.kvTransfer.fixedMs`} testId="kv-fixedMs" value={kv.fixedMs} apply={(v) => (doc) => updateEdge(doc, edge.id, { kvTransfer: { ...kv, fixedMs: v as number } })} />
              <InputField type="number" label="Bandwidth" unit="GB/s" path={`${at}.kvTransfer.gbPerSec`} testId="kv-gbPerSec" value={kv.gbPerSec} apply={(v) => (doc) => updateEdge(doc, edge.id, { kvTransfer: { ...kv, gbPerSec: v as number } })} />
            </div>
          )}
          {kv && <p className="ls-hint">Adds fixed ms + input tokens × KV bytes per token / bandwidth to each call.</p>}
        </>
      )}
    </div>
  );
}
