"""SimPy 3 reference model for `npm run bench`: the same open network as the engine's.

Reads a JSON model {stations: [{servers, dist, meanMs, cv}], path: [[networkMs, station], ...],
ratePerSec, requests, seed}, simulates `requests` Poisson arrivals, each visiting the stations of
`path` in order (FCFS, server released after service, network delay before each visit), and prints
one JSON line: wall seconds, requests, node visits, mean latency (ms).
"""
import json
import math
import random
import sys
import time

import simpy


def sampler(st, rnd):
    mean = st["meanMs"]
    if st["dist"] == "exponential":
        return lambda: rnd.expovariate(1.0 / mean)
    if st["dist"] == "deterministic":
        return lambda: mean
    cv = st["cv"]
    if st["dist"] == "lognormal":
        s2 = math.log(1 + cv * cv)
        mu, sigma = math.log(mean) - s2 / 2, math.sqrt(s2)
        return lambda: rnd.lognormvariate(mu, sigma)
    if st["dist"] == "gamma":
        k = 1 / (cv * cv)
        return lambda: rnd.gammavariate(k, mean / k)
    raise ValueError(st["dist"])


def main():
    cfg = json.load(open(sys.argv[1]))
    rnd = random.Random(cfg["seed"])
    env = simpy.Environment()
    stations = [simpy.Resource(env, capacity=s["servers"]) for s in cfg["stations"]]
    samplers = [sampler(s, rnd) for s in cfg["stations"]]
    path = cfg["path"]
    stats = {"done": 0, "visits": 0, "lat": 0.0}

    def request(env):
        t0 = env.now
        for net, s in path:
            if net > 0:
                yield env.timeout(net)
            with stations[s].request() as req:
                yield req
                yield env.timeout(samplers[s]())
            stats["visits"] += 1
        stats["done"] += 1
        stats["lat"] += env.now - t0

    def source(env):
        gap = 1000.0 / cfg["ratePerSec"]
        for _ in range(cfg["requests"]):
            yield env.timeout(rnd.expovariate(1.0 / gap))
            env.process(request(env))

    env.process(source(env))
    t = time.perf_counter()
    env.run()
    wall = time.perf_counter() - t
    print(json.dumps({"wallSec": wall, "requests": stats["done"], "visits": stats["visits"],
                      "meanMs": stats["lat"] / max(1, stats["done"])}))


if __name__ == "__main__":
    main()
