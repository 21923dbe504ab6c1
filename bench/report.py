#!/usr/bin/env python3
"""Turns JMH JSON results (bench/run.sh, or java -jar bench/target/benchmarks.jar ... -rf json) into a
markdown report: the machine's ceilings (FMA peak, memory bandwidth); per layer, fast vs reference and
GFLOPS as a fraction of the FMA peak of the same run; end to end, ours vs ONNX Runtime (latency
percentiles, images/s, ratio) per model, thread count and batch; vector-width variants; the targets of
issue 5 with whether they are met. With --chart DIR it also writes DIR/layers.png (per-layer GFLOPS
against the peak) and DIR/latency.png (latency per thread count, ours and ONNX Runtime).

Layer and model FLOPs come from the networks' own layer tables via `./mobilevec cost` (run from the
repository root).

usage: bench/report.py r1.json [r2.json ...] [--chart DIR] > report.md
"""
import json
import platform
import re
import subprocess
import sys

COST_CACHE = {}


def cost_table(arch, alpha, res):
    """{layer name: dict(type, cin, flops, stride, shape)} and total FLOPs per image, from ./mobilevec cost."""
    key = (arch, alpha, res)
    if key not in COST_CACHE:
        text = subprocess.run(["./mobilevec", "cost", "--arch", arch, "--alpha", str(alpha), "--resolution", str(res)],
                              capture_output=True, text=True, check=True).stdout
        layers, total = {}, 0.0
        for line in text.splitlines():
            m = re.match(r"^\d+\s+(\S+)\s+(\S+)\s+(\d+)x(\d+)x(\d+)\s+(\d+)x(\d+)x(\d+)\s+([\d.]+)", line)
            if m:
                ih, oh = int(m.group(3)), int(m.group(6))
                flops = 2e6 * float(m.group(9))
                total += flops
                layers[m.group(1)] = dict(type=m.group(2), cin=int(m.group(5)), flops=flops, stride=2 if oh < ih else 1,
                                          shape=f"{m.group(3)}x{m.group(4)}x{m.group(5)} → {m.group(6)}x{m.group(7)}x{m.group(8)}")
        COST_CACHE[key] = (layers, total)
    return COST_CACHE[key]


def dw5_table(onnx):
    """The depthwise 5x5 rows of ./mobilevec inspect --model onnx, in order."""
    text = subprocess.run(["./mobilevec", "inspect", "--model", onnx], capture_output=True, text=True, check=True).stdout
    rows = []
    for line in text.splitlines():
        m = re.match(r"^\d+\s+(\S+)\s+dw5x5\s+(\d+)x(\d+)x(\d+)\s+(\d+)x(\d+)x(\d+)\s+([\d.]+)", line)
        if m:
            rows.append(dict(type="dw5x5", cin=int(m.group(4)), flops=2e6 * float(m.group(8)),
                             stride=2 if int(m.group(5)) < int(m.group(2)) else 1,
                             shape=f"{m.group(2)}x{m.group(3)}x{m.group(4)} → {m.group(5)}x{m.group(6)}x{m.group(7)}"))
    return rows


def target(name, info):
    """Issue 2's per-layer targets (fraction of the FMA peak), for v1 layers."""
    kind = info.get("type", "")
    if name == "v1/conv0":
        return 0.50
    if not name.startswith("v1/"):
        return None
    if kind == "pw1x1":
        return 0.85 if info["cin"] >= 128 else 0.75
    if kind.startswith("dw"):
        return 0.35 if info["stride"] == 1 else 0.20
    return None


def target10(info):
    """Issue 10's per-layer targets (fraction of the FMA peak), any model: depthwise 3x3 / 5x5 at stride 1 and 2 with
    at least 16 channels, and a first 3x3 convolution with 8, 16 or 24 outputs."""
    kind, shape = info.get("type", ""), info.get("shape", "")
    try:
        channels = int(shape.split("x")[-1])
    except ValueError:
        return None
    if kind == "dw3x3" and channels >= 16:
        return 0.45 if info.get("stride") == 1 else 0.30
    if kind == "dw5x5" and channels >= 16:
        return 0.35 if info.get("stride") == 1 else 0.25
    if kind == "conv3x3" and channels in (8, 16, 24):
        return 0.50
    return None


def missed_by(by):
    """A miss of by percent, with a decimal under 1 % ("by 0.2 %", not "by 0 %")."""
    return f"**not met** (by {by:.0f} %)" if by >= 0.95 else f"**not met** (by {by:.1f} %)"


def at_most(x, limit):
    """A target's verdict: x at most limit, or by how much it misses."""
    return "met" if x <= limit else missed_by(100 * (x / limit - 1))


def at_least(x, limit):
    """A target's verdict: x at least limit, or by how much it misses."""
    return "met" if x >= limit else missed_by(100 * (1 - x / limit))


COMPILE_OUTLIER = 3.0
COMPILE_NOTE = ("¹ One of this layer's measured iterations took more than 3× the median of its iterations: the kernel "
                "was still running before C2 had compiled it (a large tile method, such as the 12- and 13-pixel `tileTall`, "
                "was compiled 1.2-3 s into its fork on 2 busy vCPUs; until then the interpreter and C1 box every vector, "
                "1,000x slower). The median of the iterations is shown, without an error bar; rerun the layer with more "
                "warm-up (`-wi 5`) to measure it properly.")


def median(v):
    """The median of v (the mean of the middle two for an even count)."""
    v = sorted(v)
    n = len(v)
    return v[n // 2] if n % 2 else (v[n // 2 - 1] + v[n // 2]) / 2


def layer_time(metric):
    """A LayerBenchmark's time per call (us), its error and whether it is marked: JMH's score (the mean over the
    measured iterations) and score error, unless one iteration took more than COMPILE_OUTLIER x the median of them,
    the kernel still uncompiled then; in that case the median over the iterations, no error, marked (COMPILE_NOTE)."""
    raw = [x for it in metric.get("rawData", []) for x in it]
    err = metric.get("scoreError")
    err = err if isinstance(err, (int, float)) else float("nan")
    if len(raw) >= 3 and max(raw) > COMPILE_OUTLIER * median(raw):
        return median(raw), float("nan"), True
    return metric["score"], err, False


def pointwise_in_network(net):
    """Issue 11's third target, from one `./mobilevec bench --json` run: the 1x1 layers' GFLOPS inside the network,
    FLOP-weighted (their MFLOP over their median time, so a layer counts by its share of the work), as a fraction
    of the FMA peak that same run measured. Returns (GFLOPS, fraction, layer count), or None without 1x1 layers."""
    rows = [l for l in net.get("layers", []) if l.get("type") == "pw1x1" and l.get("us", 0) > 0]
    if not rows:
        return None
    gflops = sum(l["mflop"] for l in rows) / sum(l["us"] for l in rows) * 1e3  # MFLOP per us, x 1000 = GFLOPS
    return gflops, gflops / net["fma_peak_gflops_per_core"], len(rows)


def pointwise_line(name, net, limit=0.8):
    """The report line for pointwise_in_network: met or not against issue 11's 80 %."""
    r = pointwise_in_network(net)
    if r is None:
        return None
    gflops, frac, n = r
    return (f"- {name}, 1×1 layers in the network ({n}, {net['threads']} thread(s), `./mobilevec bench --json`): "
            f"{gflops:.1f} GFLOPS, {100 * frac:.0f} % of that run's FMA peak ({net['fma_peak_gflops_per_core']:.1f}; "
            f"FLOP-weighted; target ≥ {100 * limit:.0f} %): " + at_least(frac, limit))


def squeeze_excitation(net):
    """Issue 10's squeeze-excitation target (under 5 % of each block that carries one), from the per-layer table of one
    `./mobilevec bench --json` run (layers timed one by one). A block is the layers whose names share their first two
    path components (torchvision's exports: '/features/features.N/...'); its squeeze-excitation is its avgpool, fc and
    scale rows, and a block has one when it has both an avgpool and a scale row. Returns [(block, block us, SE us)]."""
    blocks = {}
    for l in net.get("layers", []):
        parts = l.get("name", "").split("/")
        if len(parts) < 4:  # not inside a block: the stem's pool, the softmax
            continue
        b = blocks.setdefault("/".join(parts[:3]), {"us": 0.0, "se": 0.0, "types": set()})
        b["us"] += l["us"]
        b["types"].add(l["type"])
        if l["type"] in ("avgpool", "fc", "scale"):
            b["se"] += l["us"]
    return [(k, b["us"], b["se"]) for k, b in blocks.items() if {"avgpool", "scale"} <= b["types"]]


def squeeze_excitation_line(name, net, limit=0.05):
    """The report line for squeeze_excitation: the share over all such blocks, the worst block, met or not."""
    rows = squeeze_excitation(net)
    if not rows:
        return None
    total, se = sum(r[1] for r in rows), sum(r[2] for r in rows)
    worst = max(rows, key=lambda r: r[2] / r[1])
    return (f"- {name}, squeeze-excitation (pool, two FC, scale; {len(rows)} blocks, {net['threads']} thread(s), "
            f"`./mobilevec bench --json`): {se:.1f} of {total:.1f} µs, {100 * se / total:.1f} %; worst "
            f"{worst[0]} {100 * worst[2] / worst[1]:.1f} % (target < {100 * limit:.0f} % of each block): "
            + ("met" if worst[2] / worst[1] < limit else f"**not met** (worst block {worst[2] / worst[1] / limit:.1f}× the limit)"))


def aligned_too(a, peer, limit):
    """The same latency target for NetworkBenchmarkAligned (64-byte object alignment, as ./mobilevec runs), if run."""
    if not a:
        return ""
    r = pct(a, "50.0") / pct(peer, "50.0")
    return f"; 64-byte aligned (as `./mobilevec` runs): {r:.2f}×, " + at_most(r, limit)


ISSUE11_MODELS = ("v1-1.0-224", "v2-1.0-224", "mobilenet_v3_large", "mobilenet_v3_small", "mnasnet1_0")
ISSUE10_MODELS = ("mobilenet_v3_large", "mobilenet_v3_small", "mnasnet0_5", "mnasnet1_0")


def interleaved(results):
    """InterleavedOrtBenchmark (ours and ONNX Runtime alternated in one fork): per (model, threads, batch), the median
    over iterations of each iteration's median round ratio ours / ONNX Runtime, its smallest and largest iteration,
    the medians of each runtime's ms, the iteration count, and the median over iterations of the quiet-rounds ratio
    (each runtime's 10th percentile of its round medians; None in results from before it existed). Reads the aux
    counters' per-iteration raw data: JMH's own score for an EVENTS counter is the sum over iterations."""
    med = median

    def raw(r, name):
        return [x for fork in r["secondaryMetrics"][name]["rawData"] for x in fork]

    cells = {}
    for r in results:
        if not r["benchmark"].endswith("InterleavedOrtBenchmark.round"):
            continue
        p = r["params"]
        ratios = raw(r, "oursOverOrt")
        quiet = med(raw(r, "quietOursOverOrt")) if "quietOursOverOrt" in r["secondaryMetrics"] else None
        cells[(p["model"], p["threads"], int(p.get("batch", 1)))] = (
            med(ratios), min(ratios), max(ratios), med(raw(r, "oursMs")), med(raw(r, "ortMs")), len(ratios), quiet)
    return cells


def interleaved_lines(cells):
    """The markdown table and the end-to-end verdicts of issues 10 and 11 from interleaved() cells."""
    if not cells:
        return []
    out = ["Ours and ONNX Runtime interleaved in one fork (`InterleavedOrtBenchmark`: rounds of 10 inferences each, "
           "the order swapped every round; ratio = median over iterations (of every fork: `bench/run.sh versus` runs two "
           "per case) of each iteration's median round ratio; "
           "quiet rounds = the ratio of the two runtimes' 10th percentiles of their round medians, the comparison at a "
           "shared machine's quieter moments, to read beside the ratio: the targets are on the ratio):\n",
           "| model | threads | batch | ours ms | ONNX Runtime ms | ours / ORT | iterations' range | quiet rounds |",
           "|---|---|---|---|---|---|---|---|"]
    for key in sorted(cells, key=model_order):
        m, t, b = key
        ratio, lo, hi, ours_ms, ort_ms, n, quiet = cells[key]
        q = "–" if quiet is None else f"{quiet:.3f}×"
        out.append(f"| {m} | {t} | {b} | {ours_ms:.3f} | {ort_ms:.3f} | {ratio:.3f}× | {lo:.3f}–{hi:.3f} ({n}) | {q} |")
    for issue, models, limit in (("11", ISSUE11_MODELS, 0.9), ("10", ISSUE10_MODELS, 1.0)):
        lines = [f"- {m}, batch {b}, {t} thread(s): {cells[(m, t, b)][0]:.3f}× " + at_most(cells[(m, t, b)][0], limit)
                 for (m, t, b) in sorted(cells, key=model_order) if m in models and b == 1]
        if lines:
            out.append(f"\nTarget (issue {issue}, interleaved): batch 1 at most {limit}× ONNX Runtime's latency:\n")
            out += lines
    # Issue 11's batch target: v1 and v2 at batch 8 and 32 on 2 threads, throughput at least 1.25x ONNX Runtime's
    # (the inverse of the time ratio: the same images per call).
    lines = [f"- {m}, batch {b}, {t} threads: {1 / cells[(m, t, b)][0]:.3f}× " + at_least(1 / cells[(m, t, b)][0], 1.25)
             for (m, t, b) in sorted(cells, key=model_order) if m in ("v1-1.0-224", "v2-1.0-224") and b in (8, 32) and t == "2"]
    if lines:
        out.append("\nTarget (issue 11, interleaved): batch 8 and 32 on 2 threads, throughput at least 1.25× ONNX Runtime's:\n")
        out += lines
    out.append("")
    return out


SMOKE_NOTE = ("Smoke run (`bench/run.sh quick`: one 1-s warm-up and one 1-s measured iteration per fork): C2 has not finished "
              "compiling our kernels in these forks, so the fork-grid times, ratios and targets below are not measurements; "
              "the interleaved table at the end (300 warm-up inferences per fork) is.")
SMOKE_SUFFIX = " (smoke run: not a measurement)"


def targets(title, checks, smoke):
    """A block of target verdicts; in a smoke run each marked as not a measurement."""
    return title + "\n" + "\n".join(c + SMOKE_SUFFIX if smoke else c for c in checks) + "\n"


def smoke_run(records):
    """True when every end-to-end record ran at most one warm-up and one measured iteration (bench/run.sh quick)."""
    return bool(records) and all(r.get("warmupIterations", 99) <= 1 and r.get("measurementIterations", 99) <= 1
                                 for r in records)


def pct(r, p):
    return r["primaryMetric"]["scorePercentiles"][p]


def machine():
    cpu = "unknown CPU"
    try:
        with open("/proc/cpuinfo") as f:
            for line in f:
                if line.startswith("model name"):
                    cpu = line.split(":", 1)[1].strip()
                    break
    except OSError:
        pass
    import os
    return f"{cpu}, {os.cpu_count()} logical CPUs, {platform.system()} {platform.machine()}"


def model_order(key):
    """v1/v2 by family, then widest and largest first (v1-1.0-224); other names (torchvision files) by name."""
    parts = key[0].split("-")
    try:
        return (key[0][:2], -float(parts[1]), -int(parts[2]), key[2], key[1])
    except (IndexError, ValueError):
        return (key[0], 0.0, 0, key[2], key[1])


def main():
    args = sys.argv[1:]
    chart_dir = None
    if "--chart" in args:
        i = args.index("--chart")
        chart_dir = args[i + 1]
        del args[i:i + 2]
    if not args:
        print(__doc__, file=sys.stderr)
        sys.exit(2)
    results, info_json, nets = [], None, []
    for a in args:
        with open(a) as fh:
            data = json.load(fh)
        if isinstance(data, dict) and str(data.get("schema", "")).startswith("mobilevec-bench/"):
            nets.append(data)  # ./mobilevec bench --json: one model's per-layer table inside the network
        elif isinstance(data, dict):  # info.json: the machine fingerprint and FLOPs (ResultInfo)
            info_json = data
        else:
            results += data

    out = []
    jvm = next((r.get("vmVersion") for r in results), "?")
    fp = (info_json or {}).get("fingerprint")
    if fp:
        meas = fp.get("measured") if isinstance(fp.get("measured"), dict) else {}
        out.append(f"Machine: {fp['cpu']['model']} ({' '.join(fp['cpu']['isa'])}), {fp['logical_cpus']} logical CPUs, "
                   f"caches {fp['caches']}, {fp['vector']['used_bits']}-bit vectors, 512-bit FMA rate "
                   f"{meas.get('fma512_rate', 'unknown')}; JDK {fp['jdk']['version']} {' '.join(fp['jdk']['flags'])}.\n")
    else:
        out.append(f"Machine: {machine()}; JDK {jvm}.\n")

    fma = [r for r in results if r["benchmark"].endswith("FmaPeakBenchmark.fma12")]
    if fp:
        lanes = fp["vector"]["used_lanes"]
    else:
        with open("/proc/cpuinfo") as f:
            lanes = 16 if "avx512f" in f.read() else 8
    peak = fma[0]["primaryMetric"]["score"] * lanes * 2 / 1e3 if fma else None
    if peak:
        out.append(f"FMA peak (FmaPeakBenchmark, {lanes} lanes, 1 core): **{peak:.1f} GFLOPS**")
    for r in results:
        if r["benchmark"].endswith("MemoryBandwidthBenchmark.triad"):
            kib = int(r["params"]["kib"])
            gbs = 3 * kib * 1024 / r["primaryMetric"]["score"]
            where = {16: "L1", 256: "L2", 65536: "DRAM"}.get(kib, f"{kib} KiB")
            out.append(f"Triad bandwidth, 3 x {kib} KiB ({where}), 1 core: **{gbs:.1f} GB/s**")
    out.append("")

    # ---- layers ----
    fast, ref = {}, {}
    for r in results:
        b = r["benchmark"]
        if b.endswith("LayerBenchmark.run"):
            p = r["params"]
            key = (p["layer"], p.get("alpha", "1.0"), p.get("resolution", "224"))
            (fast if p["impl"] == "fast" else ref)[key] = r["primaryMetric"]
        if b.endswith("Depthwise5x5Benchmark.run"):
            p = r["params"]
            key = ("v3s/dw5x5#" + p["index"], p.get("onnx", p.get("model")), None)
            (fast if p["impl"] == "fast" else ref)[key] = r["primaryMetric"]
    chart_layers = []
    if fast:
        out.append("| layer | shape | MFLOP | fast µs | reference µs | speed-up | GFLOPS | % of peak | target (issue 2) | met | issue 10 | met |")
        out.append("|---|---|---|---|---|---|---|---|---|---|---|---|")
        any_marked = False
        for key, m in fast.items():
            name, alpha, res = key
            info = {}
            recorded = ((info_json or {}).get("layers") or {}).get(
                "dw5x5#" + name.split("#")[1] if name.startswith("v3s/") else name)
            if recorded and "mflop" in recorded:  # info.json (ResultInfo): no ./mobilevec needed
                info = dict(type=recorded["type"], cin=recorded["cin"], flops=recorded["mflop"] * 1e6,
                            stride=recorded["stride"], shape=f"{recorded['in']} → {recorded['out']}")
            elif name.startswith("v3s/"):
                rows = dw5_table(alpha)
                i = int(name.split("#")[1])
                info = rows[i] if i < len(rows) else {}
            else:
                arch, lname = name.split("/", 1)
                info = cost_table(arch, alpha, res)[0].get(lname, {})
            flops = info.get("flops", 0)
            us, err, marked = layer_time(m)
            any_marked |= marked
            g = flops / us / 1e3 if (us and flops) else None
            frac = g / peak if (g and peak) else None
            t = target(name, info) if info else None
            t10 = target10(info) if info else None
            r_us = ref.get(key, {}).get("score")
            chart_layers.append((name, g))
            out.append("| {} | {} | {} | {:.1f}{} | {} | {} | {} | {} | {} | {} | {} | {} |".format(
                name, info.get("shape", ""),
                f"{flops / 1e6:.2f}" if flops else "–", us, f" ± {err:.1f}" if err == err else (" ¹" if marked else ""),
                f"{r_us:.0f}" if r_us else "–", f"{r_us / us:.0f}×" if r_us else "–",
                f"{g:.1f}" if g else "–", f"{100 * frac:.0f} %" if frac is not None else "–",
                f"≥ {100 * t:.0f} %" if t else "–",
                ("yes" if frac >= t else "**no**") if (t and frac is not None) else "–",
                f"≥ {100 * t10:.0f} %" if t10 else "–",
                ("yes" if frac >= t10 else "**no**") if (t10 and frac is not None) else "–"))
        if any_marked:
            out.append("\n" + COMPILE_NOTE)
        out.append("")

    # ---- end to end ----
    ours = {}
    peer = {}
    widths = {}
    aligned = {}
    schedules = {}
    for r in results:
        b = r["benchmark"]
        p = r.get("params", {})
        if "model" not in p or "threads" not in p:
            continue
        key = (p["model"], p["threads"], int(p["batch"]))
        if b.endswith("NetworkBenchmark.forward"):
            sched = p.get("schedule", "AUTO")
            schedules[(key, sched)] = r
            if sched == "AUTO":
                ours[key] = r
        elif b.endswith("OnnxRuntimeBenchmark.forward"):
            peer[key] = r
        elif b.endswith("NetworkBenchmark256.forward"):
            widths[(key, 256)] = r
        elif b.endswith("NetworkBenchmark128.forward"):
            widths[(key, 128)] = r
        elif b.endswith("NetworkBenchmarkAligned.forward"):
            aligned[key] = r
    chart_latency = []
    smoke = smoke_run(list(ours.values()) + list(peer.values()))
    if smoke:
        out.append(SMOKE_NOTE + "\n")
    if ours:
        out.append("| model | threads | batch | ours median ms | p90 | p99 | ONNX Runtime median ms | p99 | ours / ORT (median) "
                   "| ours images/s | ORT images/s | GFLOPS | % of peak |")
        out.append("|---|---|---|---|---|---|---|---|---|---|---|---|---|")
        for key in sorted(ours, key=model_order):
            model, threads, batch = key
            r = ours[key]
            recorded = ((info_json or {}).get("models") or {}).get(model)
            if recorded:
                flops = recorded["mflop_per_image"] * 1e6 * batch
            elif model.count("-") == 2:
                flops = cost_table(*model.split("-"))[1] * batch
            else:
                flops = None  # an ONNX file's model and no info.json (ResultInfo) to say its FLOPs
            med = pct(r, "50.0")
            g = flops / med / 1e6 if flops else None
            n = 2 if threads == "all" else int(threads)
            o = peer.get(key)
            omed = pct(o, "50.0") if o else None
            chart_latency.append((model, threads, batch, med, omed))
            out.append("| {} | {} | {} | {:.2f} | {:.2f} | {:.2f} | {} | {} | {} | {:.0f} | {} | {} | {} |".format(
                model, threads, batch, med, pct(r, "90.0"), pct(r, "99.0"),
                f"{omed:.2f}" if o else "–", f"{pct(o, '99.0'):.2f}" if o else "–",
                f"**{med / omed:.2f}×**" if o else "–", batch / med * 1e3,
                f"{batch / omed * 1e3:.0f}" if o else "–", f"{g:.1f}" if g else "–", f"{100 * g / peak / n:.0f} %" if peak and g else "–"))
        out.append("")
        scal = []
        for (model, threads, batch), r in sorted(ours.items()):
            base = ours.get((model, "1", batch))
            if base and threads != "1":
                scal.append(f"{model} batch {batch}: {threads} threads vs 1 = {pct(base, '50.0') / pct(r, '50.0'):.2f}×")
        if scal:
            out.append("Thread scaling (ours, median): " + "; ".join(scal) + "\n")

    explicit = sorted({k for (k, sch) in schedules if sch != "AUTO"})
    if explicit:
        out.append("Batch schedule (ours; layer-parallel: each layer split over the threads, the batch in one arena; "
                   "image-parallel: whole images per thread in batch-1 arenas):\n")
        out.append("| model | threads | batch | layer-parallel ms | image-parallel ms | image / layer | image-parallel images/s | ORT images/s |")
        out.append("|---|---|---|---|---|---|---|---|")
        for key in explicit:
            lay, img, o = schedules.get((key, "LAYER_PARALLEL")), schedules.get((key, "IMAGE_PARALLEL")), peer.get(key)
            lm, im = (pct(lay, "50.0") if lay else None), (pct(img, "50.0") if img else None)
            out.append("| {} | {} | {} | {} | {} | {} | {} | {} |".format(
                key[0], key[1], key[2], f"{lm:.2f}" if lm else "–", f"{im:.2f}" if im else "–",
                f"{im / lm:.2f}×" if lm and im else "–", f"{key[2] / im * 1e3:.0f}" if im else "–",
                f"{key[2] / pct(o, '50.0') * 1e3:.0f}" if o else "–"))
        out.append("")

    if aligned:
        out.append("64-byte aligned weights and arena tensors (`-XX:ObjectAlignmentInBytes=64`, NetworkBenchmarkAligned, as `./mobilevec` runs) vs the default JVM:\n")
        out.append("| model | threads | batch | default median ms | aligned median ms | aligned / default | aligned / ORT |")
        out.append("|---|---|---|---|---|---|---|")
        for key, r in sorted(aligned.items()):
            base, o = ours.get(key), peer.get(key)
            out.append("| {} | {} | {} | {} | {:.2f} | {} | {} |".format(key[0], key[1], key[2], f"{pct(base, '50.0'):.2f}" if base else "–",
                                                              pct(r, "50.0"), f"{pct(r, '50.0') / pct(base, '50.0'):.2f}×" if base else "–",
                                                              f"{pct(r, '50.0') / pct(o, '50.0'):.2f}×" if o else "–"))
        out.append("")

    if widths:
        # NetworkBenchmark runs the preferred species: 512 bits on AVX-512, 256 on AVX2 (where the 256-bit row is itself).
        base_bits = fp["vector"]["used_bits"] if fp else 512
        out.append(f"| model | threads | batch | vector width | median ms | vs {base_bits}-bit (preferred) |")
        out.append("|---|---|---|---|---|---|")
        for (key, bits), r in sorted(widths.items()):
            base = ours.get(key)
            out.append("| {} | {} | {} | {}-bit | {:.2f} | {} |".format(key[0], key[1], key[2], bits, pct(r, "50.0"),
                                                                     f"{pct(r, '50.0') / pct(base, '50.0'):.2f}×" if base else "–"))
        out.append("")

    # ---- issue 5 targets ----
    checks = []
    k1, k2, k8 = ("v1-1.0-224", "1", 1), ("v1-1.0-224", "2", 1), ("v1-1.0-224", "2", 8)
    if k1 in ours and k1 in peer:
        ratio = pct(ours[k1], "50.0") / pct(peer[k1], "50.0")
        checks.append(f"- 1 thread, v1 1.0-224 batch 1: ours / ONNX Runtime = {ratio:.2f}× (target ≤ 1.1×): "
                      + at_most(ratio, 1.1))
    if k2 in ours and k2 in peer:
        ratio = pct(ours[k2], "50.0") / pct(peer[k2], "50.0")
        tail = pct(ours[k2], "99.0") / pct(ours[k2], "50.0")
        checks.append(f"- 2 threads, v1 1.0-224 batch 1: ours / ONNX Runtime = {ratio:.2f}× (target ≤ 1.1×): "
                      + at_most(ratio, 1.1)
                      + f"; our p99 / median = {tail:.2f} (target ≤ 1.3): " + ("met" if tail <= 1.3 else "**not met**")
                      + f"; ONNX Runtime's p99 / median = {pct(peer[k2], '99.0') / pct(peer[k2], '50.0'):.2f}")
    if k8 in ours and k8 in peer:
        ratio = pct(peer[k8], "50.0") / pct(ours[k8], "50.0")
        checks.append(f"- throughput, v1 1.0-224 batch 8, 2 threads: ours / ONNX Runtime images/s = {ratio:.2f}× (target ≥ 1): "
                      + at_least(ratio, 1))
    if checks:
        out.append(targets("Targets (issue 5):", checks, smoke))
    # Issue 11's end-to-end targets (shared with issue 10), for the models this run has beside ONNX Runtime.
    checks = []
    for key in sorted(k for k in ours if k in peer and k[2] == 1 and k[1] in ("1", "2")):
        if key[0] in ("v1-1.0-224", "v2-1.0-224", "mobilenet_v3_large", "mobilenet_v3_small", "mnasnet1_0"):
            ratio = pct(ours[key], "50.0") / pct(peer[key], "50.0")
            checks.append(f"- {key[0]}, batch 1, {key[1]} thread(s): ours / ONNX Runtime latency = {ratio:.2f}× (target ≤ 0.9×): "
                          + at_most(ratio, 0.9) + aligned_too(aligned.get(key), peer[key], 0.9))
    for key in sorted(k for k in ours if k in peer and k[2] in (8, 32) and k[1] == "2"):
        if key[0] in ("v1-1.0-224", "v2-1.0-224"):
            ratio = pct(peer[key], "50.0") / pct(ours[key], "50.0")
            a = aligned.get(key)
            checks.append(f"- {key[0]}, batch {key[2]}, 2 threads: ours / ONNX Runtime images/s = {ratio:.2f}× (target ≥ 1.25×): "
                          + at_least(ratio, 1.25)
                          + (f"; 64-byte aligned (as `./mobilevec` runs): {pct(peer[key], '50.0') / pct(a, '50.0'):.2f}×, "
                             + at_least(pct(peer[key], "50.0") / pct(a, "50.0"), 1.25) if a else ""))
    if checks:
        out.append(targets("Targets (issue 11, end to end):", checks, smoke))
    lines = [pointwise_line(n.get("model", "?"), n) for n in sorted(nets, key=lambda n: n.get("model", ""))]
    lines = [l for l in lines if l]
    if lines:
        out.append("Target (issue 11, in the network):\n" + "\n".join(lines) + "\n")
    out += interleaved_lines(interleaved(results))
    print("\n".join(out))

    if chart_dir:
        charts(chart_dir, chart_layers, chart_latency, peak)


def charts(d, layers, latency, peak):
    try:
        import matplotlib
        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
    except ImportError:
        print("(no matplotlib: apt-get install python3-matplotlib for the PNG charts)", file=sys.stderr)
        return
    layers = [(n, g) for n, g in layers if g]
    if layers:
        fig, ax = plt.subplots(figsize=(max(8, 0.3 * len(layers)), 5))
        names = [n for n, _ in layers]
        colors = ["tab:blue" if "/dw" in n or ".dw" in n or "dw5" in n else "tab:orange" for n in names]
        ax.bar(range(len(layers)), [g for _, g in layers], color=colors)
        if peak:
            ax.axhline(peak, color="red", linestyle="--", label=f"FMA peak {peak:.0f} GFLOPS (1 core)")
            ax.legend()
        ax.set_xticks(range(len(layers)))
        ax.set_xticklabels(names, rotation=90, fontsize=7)
        ax.set_ylabel("GFLOPS (batch 1, 1 thread)")
        ax.set_title("Per-layer throughput: depthwise (blue), pointwise/dense (orange)")
        fig.tight_layout()
        fig.savefig(f"{d}/layers.png", dpi=110)
    rows = [r for r in latency if r[2] == 1 and r[0] in ("v1-1.0-224", "v2-1.0-224")]
    if rows:
        fig, ax = plt.subplots(figsize=(7, 4))
        labels, ours, peer = [], [], []
        for model, threads, batch, med, omed in sorted(rows):
            labels.append(f"{model}\n{threads} thr")
            ours.append(med)
            peer.append(omed or 0)
        x = range(len(labels))
        ax.bar([i - 0.2 for i in x], ours, width=0.4, label="mobilevec")
        ax.bar([i + 0.2 for i in x], peer, width=0.4, label="ONNX Runtime")
        ax.set_xticks(list(x))
        ax.set_xticklabels(labels, fontsize=8)
        ax.set_ylabel("median latency, ms (batch 1)")
        ax.legend()
        fig.tight_layout()
        fig.savefig(f"{d}/latency.png", dpi=110)


if __name__ == "__main__":
    main()
