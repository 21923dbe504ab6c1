#!/usr/bin/env python3
"""Turns a JMH JSON result (java -jar bench/target/benchmarks.jar ... -rf json -rff r.json) into
markdown tables: per layer, fast vs reference and GFLOPS as a fraction of the FMA peak measured in
the same run; end to end, latency percentiles and thread scaling. Layer FLOPs come from the
network's own layer table (the CLI's `cost`), passed in with --cost (default: run ./mobilevec cost).

usage: bench/report.py r.json [--cost cost.txt] > table.md
"""
import json
import re
import subprocess
import sys

# Targets of issue 2 (fraction of the measured FMA peak), by layer kind.
def target(layer, cin, stride):
    if layer == "conv0":
        return 0.50
    if layer.endswith(".pw"):
        return 0.85 if cin >= 128 else 0.75
    if layer.endswith(".dw"):
        return 0.35 if stride == 1 else 0.20
    return None


def main():
    args = sys.argv[1:]
    if not args:
        print(__doc__, file=sys.stderr)
        sys.exit(2)
    results = json.load(open(args[0]))
    cost_text = None
    if "--cost" in args:
        cost_text = open(args[args.index("--cost") + 1]).read()
    else:
        cost_text = subprocess.run(["./mobilevec", "cost"], capture_output=True, text=True, check=True).stdout

    # cost table rows: index name type input output MACs(M) params share
    layers = {}
    for line in cost_text.splitlines():
        m = re.match(r"^\d+\s+(\S+)\s+(\S+)\s+(\d+)x(\d+)x(\d+)\s+(\d+)x(\d+)x(\d+)\s+([\d.]+)", line)
        if m:
            name = m.group(1)
            ih, oh = int(m.group(3)), int(m.group(6))
            layers[name] = dict(type=m.group(2), cin=int(m.group(5)), flops=2e6 * float(m.group(9)),
                                stride=2 if oh < ih else 1, shape=f"{m.group(3)}x{m.group(4)}x{m.group(5)} -> {m.group(6)}x{m.group(7)}x{m.group(8)}")

    peak = None  # vector FMAs per microsecond; turned into GFLOPS once the lane count is known
    for r in results:
        if r["benchmark"].endswith("FmaPeakBenchmark.fma12"):
            peak = r["primaryMetric"]["score"]
    lanes = None
    for r in results:
        for arg in r.get("jvmArgs", []):
            m = re.match(r"-XX:MaxVectorSize=(\d+)", arg)
            if m:
                lanes = int(m.group(1)) // 4
    lanes = lanes or int(subprocess.run(["bash", "-c", "grep -q avx512f /proc/cpuinfo && echo 16 || echo 8"],
                                        capture_output=True, text=True).stdout.strip())
    peak_gflops = peak * lanes * 2 / 1e3 if peak else None

    out = []
    if peak_gflops:
        out.append(f"FMA peak (FmaPeakBenchmark, {lanes} lanes, 1 core): **{peak_gflops:.1f} GFLOPS**\n")
    fast, ref = {}, {}
    for r in results:
        if r["benchmark"].endswith("LayerBenchmark.run"):
            p = r["params"]
            (fast if p["impl"] == "fast" else ref)[p["layer"]] = (r["primaryMetric"]["score"], r["primaryMetric"]["scoreError"])
    if fast:
        out.append("| layer | shape | MFLOP | fast µs | reference µs | speed-up | GFLOPS | % of peak | target | met |")
        out.append("|---|---|---|---|---|---|---|---|---|---|")
        for name, (us, err) in fast.items():
            info = layers.get(name, {})
            flops = info.get("flops", 0)
            g = flops / us / 1e3 if us else 0
            frac = g / peak_gflops if peak_gflops else None
            t = target(name, info.get("cin", 0), info.get("stride", 1))
            r_us = ref.get(name, (None, None))[0]
            out.append("| {} | {} | {:.2f} | {:.1f} ± {:.1f} | {} | {} | {:.1f} | {} | {} | {} |".format(
                name, info.get("shape", ""), flops / 1e6, us, err,
                f"{r_us:.0f}" if r_us else "–", f"{r_us / us:.0f}×" if r_us else "–", g,
                f"{100 * frac:.0f} %" if frac is not None else "–",
                f"≥ {100 * t:.0f} %" if t else "–",
                ("yes" if frac >= t else "**no**") if (t and frac is not None) else "–"))
        out.append("")
    net = [r for r in results if r["benchmark"].endswith("NetworkBenchmark.forward")]
    if net:
        out.append("| model | threads | batch | median ms | p90 ms | p99 ms | images/s | GFLOPS | % of peak |")
        out.append("|---|---|---|---|---|---|---|---|---|")
        for r in net:
            p = r["params"]
            pct = r["primaryMetric"]["scorePercentiles"]
            med, p90, p99 = pct["50.0"], pct["90.0"], pct["99.0"]
            batch = int(p["batch"])
            flops = 1137.5e6 * (float(p["alpha"]) == 1.0 and int(p["resolution"]) == 224) * batch
            g = flops / med / 1e6 if flops else None
            out.append("| v1 {}-{} | {} | {} | {:.2f} | {:.2f} | {:.2f} | {:.0f} | {} | {} |".format(
                p["alpha"], p["resolution"], p["threads"], batch, med, p90, p99, batch / med * 1e3,
                f"{g:.1f}" if g else "–",
                f"{100 * g / peak_gflops / int(p['threads']):.0f} %" if (g and peak_gflops) else "–"))
        base = {(r["params"]["alpha"], r["params"]["resolution"], r["params"]["batch"]): r["primaryMetric"]["scorePercentiles"]["50.0"]
                for r in net if r["params"]["threads"] == "1"}
        for r in net:
            p = r["params"]
            b = base.get((p["alpha"], p["resolution"], p["batch"]))
            if b and p["threads"] != "1":
                out.append(f"\n{p['threads']} threads vs 1 (median, v1 {p['alpha']}-{p['resolution']}, batch {p['batch']}): **{b / r['primaryMetric']['scorePercentiles']['50.0']:.2f}×**")
    print("\n".join(out))


if __name__ == "__main__":
    main()
