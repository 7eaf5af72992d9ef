/** Integer event kinds of the simulator's event queue (dispatched by a switch in simulate.ts). */

/** The next external arrival at the entry. */
export const EV_ARRIVAL = 0;
/** A visit (a = frame) reaches its node after the network delay. */
export const EV_NODE = 1;
/** A visit's service ends (a = frame). */
export const EV_DONE = 2;
/** A batch's service ends (a = first frame of the batch list). */
export const EV_BATCH_DONE = 3;
/** A call attempt's timeout (a = call, b = attempt token; ignored if the token no longer matches). */
export const EV_TIMEOUT = 4;
/** A batching node's oldest request may have waited maxWaitMs (a = node). */
export const EV_BATCH_TIMER = 5;
/** The middle of the measured interval: queue lengths are snapshot for saturation detection. */
export const EV_MID = 6;
/** A Triton batch's service ends (a = first frame of the batch list, b = batcher). */
export const EV_TRITON_DONE = 16;
/** A Triton batcher may act (a = batcher; stale when its wake time changed). */
export const EV_TRITON_TIMER = 17;
/** An LLM replica's iteration ends (a = replica slot). */
export const EV_LLM_STEP = 18;
/** A request reaches a decode-mode llm-server after its prompt KV's transfer (a = frame). */
export const EV_LLM_ADMIT = 19;
/** An autoscaler's timer (a = autoscaled group index, see autoscale/elasticSim.ts): an HPA sync, or a KPA's one-second metric record (and, every tickIntervalSec, its decision). */
export const EV_AUTOSCALE = 7;
/** A new replica finished its cold start (a = autoscaled group index, b = the replica's provisioning token). */
export const EV_REPLICA_READY = 8;
/** A fault scenario's change point (a = segment index, see resilience/scenarioSim.ts). */
export const EV_SCENARIO = 9;
/** A user of a closed workload sends its next request (a = user, see resilience/patternSim.ts). */
export const EV_SUBMIT = 10;
/** A call's retry after its back-off (a = call, b = its token when the wait began; stale when it changed). */
export const EV_RETRY = 11;
/** A hedged call's hedge timer (a = call, b = the token of its first attempt; stale when the call is over). */
export const EV_HEDGE = 12;
