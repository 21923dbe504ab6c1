#!/usr/bin/env python3
"""Sets the result folders of bench/run.sh from several machines side by side.

usage: bench/compare.py RESULT_DIR [RESULT_DIR ...] [--output DIR] [--names NAME,NAME,...]

Each folder holds JMH JSON files and info.json (the machine fingerprint and the FLOPs of everything that
ran, written by bench/run.sh). Writes DIR/compare.md (default: the current folder) and, when matplotlib
is installed, DIR/latency.png and DIR/layers.png. The first folder is the baseline of every ratio.

- Machines: one column each, from the fingerprint (CPU, ISA, vector width, caches, JDK and flags, FMA
  peak per core and whether 512-bit FMAs issue at full rate, triad bandwidths).
- End to end, per model, threads and batch: median latency, images/s, % of that machine's peak
  (threads x peak per core), ours / ONNX Runtime where the folder has it, and the ratio to the baseline.
- Layers (isolated, one thread): GFLOPS and % of that machine's peak.
- Folders from different suite versions, or with missing cases, are compared on what they share; the
  rest is listed at the end. A folder without info.json is read with what its JMH files say.
"""
import json
import os
import sys


class Machine:
    def __init__(self, path, name):
        self.path, self.name = path, name
        self.info, self.results, self.problems = None, [], []
        for f in sorted(os.listdir(path)):
            if not f.endswith(".json"):
                continue
            try:
                with open(os.path.join(path, f)) as fh:
                    data = json.load(fh)
            except (OSError, ValueError) as e:
                self.problems.append(f"{f}: not readable JSON ({e})")
                continue
            if isinstance(data, dict) and str(data.get("schema", "")).startswith("mobilevec-results/"):
                self.info = data
            elif isinstance(data, list):
                self.results += [r for r in data if isinstance(r, dict) and "benchmark" in r]
        if self.info is None:
            self.problems.append("no info.json (older suite, or not written by bench/run.sh): no fingerprint, no FLOPs")
        self.fp = (self.info or {}).get("fingerprint") or {}
        meas = self.fp.get("measured")
        self.meas = meas if isinstance(meas, dict) else {}
        self.version = (self.info or {}).get("suite_version", "unknown")
        self.lanes = (self.fp.get("vector") or {}).get("used_lanes")
        self.peak = self._peak()
        self.e2e, self.peer, self.layers = {}, {}, {}
        for r in self.results:
            b, p = r["benchmark"], r.get("params") or {}
            if b.endswith("NetworkBenchmark.forward") and p.get("schedule", "AUTO") == "AUTO":
                self.e2e[(p["model"], p["threads"], int(p["batch"]))] = r
            elif b.endswith("OnnxRuntimeBenchmark.forward"):
                self.peer[(p["model"], p["threads"], int(p["batch"]))] = r
            elif b.endswith("LayerBenchmark.run") and p.get("impl") == "fast":
                self.layers[p["layer"]] = r["primaryMetric"]["score"]
            elif b.endswith("Depthwise5x5Benchmark.run") and p.get("impl") == "fast":
                self.layers["dw5x5#" + str(p["index"])] = r["primaryMetric"]["score"]

    def _peak(self):
        """GFLOPS per core: the JMH FmaPeakBenchmark of this folder if any, else the fingerprint's probe."""
        for r in self.results:
            if r["benchmark"].endswith("FmaPeakBenchmark.fma12") and self.lanes:
                return r["primaryMetric"]["score"] * self.lanes * 2 / 1e3
        return self.meas.get("fma_peak_gflops")

    def model_mflop(self, model):
        return ((self.info or {}).get("models") or {}).get(model, {}).get("mflop_per_image")

    def layer_info(self, layer):
        return ((self.info or {}).get("layers") or {}).get(layer) or {}


def median(r):
    return r["primaryMetric"]["scorePercentiles"]["50.0"]


def fmt(v, f="{:.1f}", none="–"):
    return none if v is None else f.format(v)


def listed(v):
    return ", ".join(str(x) for x in v) if isinstance(v, list) else v


def machine_rows(ms):
    def get(m, *path):
        v = m.fp
        for k in path:
            v = v.get(k) if isinstance(v, dict) else None
        return "unknown" if v in (None, "", []) else v

    def caches(m):
        c = m.fp.get("caches")
        return " / ".join(f"{k} {v}" for k, v in c.items()) if isinstance(c, dict) else "unknown"

    def triad(m):
        t = m.meas.get("triad_gb_s")
        return " / ".join(f"{v:g}" for v in t.values()) if isinstance(t, dict) else "unknown"

    def together(m):
        # The probe on all threads at once: well under 1 x threads x core means they shared cores while measured.
        t = m.meas.get("fma_together")
        if not isinstance(t, dict):
            return "–"
        r = t.get("median_over_threads_x_core")
        r = f"{r:.2f}" if isinstance(r, (int, float)) else str(r)
        return f"{fmt(t.get('median_gflops'))} ({r} × {t.get('threads')} cores)"

    rows = [
        ("CPU", lambda m: get(m, "cpu", "model")),
        ("ISA", lambda m: " ".join(get(m, "cpu", "isa")) if isinstance(get(m, "cpu", "isa"), list) else "unknown"),
        ("SVE vector bits", lambda m: get(m, "cpu", "sve_vector_bits")),
        ("vector width used (preferred)", lambda m: f"{get(m, 'vector', 'used_bits')}-bit ({get(m, 'vector', 'preferred_species')})"),
        ("logical CPUs / threads used", lambda m: f"{get(m, 'logical_cpus')} / {listed(get(m, 'threads_used'))}"),
        ("caches", caches),
        ("JDK", lambda m: f"{get(m, 'jdk', 'vendor')} {get(m, 'jdk', 'version')}"),
        ("JVM flags", lambda m: " ".join(get(m, "jdk", "flags")) if isinstance(get(m, "jdk", "flags"), list) else "unknown"),
        ("FMA peak per core (GFLOPS)", lambda m: fmt(m.peak)),
        ("512-bit FMA rate", lambda m: m.meas.get("fma512_rate", "unknown")),
        ("FMA, all threads at once (median GFLOPS)", together),
        ("triad GB/s (L1 / L2 / DRAM)", triad),
        ("date", lambda m: get(m, "date")),
        ("suite version", lambda m: m.version),
    ]
    out = ["| | " + " | ".join(m.name for m in ms) + " |", "|---|" + "---|" * len(ms)]
    for label, f in rows:
        out.append(f"| {label} | " + " | ".join(str(f(m)).replace("|", "/") for m in ms) + " |")
    return out


def end_to_end(ms, shared):
    base = ms[0]
    out = ["| model | threads | batch | " + " | ".join(m.name for m in ms) + " |",
           "|---|---|---|" + "---|" * len(ms)]
    chart = []
    for key in shared:
        model, threads, batch = key
        cells, meds = [], []
        for m in ms:
            r = m.e2e[key]
            med = median(r)
            meds.append(med)
            n = (m.fp.get("logical_cpus") if threads == "all" else int(threads)) or 1
            mflop = m.model_mflop(model)
            frac = mflop * batch / med / (m.peak * n) if (mflop and m.peak) else None  # MFLOP per ms = GFLOPS
            parts = [f"{med:.2f} ms", f"{batch / med * 1e3:.0f} img/s"]
            if frac is not None:
                parts.append(f"{100 * frac:.0f} % of peak")
            o = m.peer.get(key)
            if o:
                parts.append(f"ORT {median(o):.2f} ms, ours/ORT {med / median(o):.2f}×")
            if m is not base:
                parts.append(f"**{med / median(base.e2e[key]):.2f}×** {base.name}")
            cells.append(", ".join(parts))
        chart.append((f"{model} t{threads} b{batch}", meds))
        out.append(f"| {model} | {threads} | {batch} | " + " | ".join(cells) + " |")
    return out, chart


def layers(ms, shared):
    base = ms[0]
    out = ["| layer | shape | MFLOP | " + " | ".join(f"{m.name} GFLOPS (% of peak)" for m in ms) + " |",
           "|---|---|---|" + "---|" * len(ms)]
    chart = []
    for layer in shared:
        li = next((m.layer_info(layer) for m in ms if m.layer_info(layer)), {})
        mflop = li.get("mflop")
        cells, fracs = [], []
        for m in ms:
            us = m.layers[layer]
            g = mflop / us * 1e3 if mflop else None
            frac = g / m.peak if (g and m.peak) else None
            fracs.append(frac)
            cell = f"{fmt(g)} ({fmt(None if frac is None else 100 * frac, '{:.0f} %')})"
            if m is not base:
                cell += f", {us / base.layers[layer]:.2f}× time"
            cells.append(cell)
        chart.append((layer, fracs))
        shape = f"{li['in']} → {li['out']}" if "in" in li else "–"
        out.append(f"| {layer} | {shape} | {fmt(mflop, '{:.2f}')} | " + " | ".join(cells) + " |")
    return out, chart


def charts(outdir, ms, lat, lay):
    try:
        import matplotlib
        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
    except ImportError:
        return "(no matplotlib: apt-get install python3-matplotlib for the PNG charts)"
    written = []
    for fname, rows, ylabel, title in ((("latency.png"), lat, "median latency, ms", "End to end, per machine"),
                                       (("layers.png"), lay, "% of that machine's FMA peak", "Layers in isolation, 1 thread")):
        if not rows:
            continue
        fig, ax = plt.subplots(figsize=(max(6, 0.6 * len(rows) * len(ms)), 4))
        w = 0.8 / len(ms)
        for i, m in enumerate(ms):
            vals = [(v[i] * (100 if fname == "layers.png" else 1)) if v[i] is not None else 0 for _, v in rows]
            ax.bar([x + i * w for x in range(len(rows))], vals, w, label=m.name)
        ax.set_xticks([x + w * (len(ms) - 1) / 2 for x in range(len(rows))])
        ax.set_xticklabels([label for label, _ in rows], rotation=45, ha="right", fontsize=8)
        ax.set_ylabel(ylabel)
        ax.set_title(title)
        ax.legend(fontsize=8)
        fig.tight_layout()
        fig.savefig(os.path.join(outdir, fname), dpi=110)
        plt.close(fig)
        written.append(fname)
    return "Charts: " + ", ".join(f"![{f}]({f})" for f in written) if written else ""


def compare(dirs, outdir, names=None):
    names = names or [os.path.basename(os.path.normpath(d)) for d in dirs]
    ms = [Machine(d, n) for d, n in zip(dirs, names)]
    out = [f"# {len(ms)} result folders side by side", "",
           "Baseline of every ratio: **" + ms[0].name + "**. % of peak is of each machine's own FMA peak per core "
           "times the threads used.", "", "## Machines", ""]
    out += machine_rows(ms)
    versions = sorted({m.version for m in ms})
    if len(versions) > 1:
        out += ["", f"The folders come from different suite versions ({', '.join(versions)}): compared on the cases they share."]

    all_e2e = set().union(*(m.e2e for m in ms))
    shared_e2e = sorted(k for k in all_e2e if all(k in m.e2e for m in ms))
    all_layers = set().union(*(m.layers for m in ms))
    shared_layers = sorted(l for l in all_layers if all(l in m.layers for m in ms))
    charted = {}
    for title, shared, table, none in (("End to end (median latency)", shared_e2e, end_to_end, "No end-to-end case is in every folder."),
                                       ("Layers in isolation (1 thread)", shared_layers, layers, "No layer is in every folder.")):
        out += ["", "## " + title, ""]
        rows, charted[title] = table(ms, shared) if shared else ([none], [])
        out += rows
    lat, lay = charted["End to end (median latency)"], charted["Layers in isolation (1 thread)"]

    missing = []
    for k in sorted(all_e2e - set(shared_e2e)):
        missing.append(f"- end to end {k[0]}, {k[1]} threads, batch {k[2]}: only in "
                       + ", ".join(m.name for m in ms if k in m.e2e))
    for l in sorted(all_layers - set(shared_layers)):
        missing.append(f"- layer {l}: only in " + ", ".join(m.name for m in ms if l in m.layers))
    for m in ms:
        missing += [f"- {m.name}: {p}" for p in m.problems]
    if missing:
        out += ["", "## Not compared", ""] + missing
    note = charts(outdir, ms, lat, lay)
    if note:
        out += ["", note]
    os.makedirs(outdir, exist_ok=True)
    text = "\n".join(out) + "\n"
    with open(os.path.join(outdir, "compare.md"), "w") as f:
        f.write(text)
    return text


def main(argv):
    args = list(argv)
    outdir, names = ".", None
    for flag in ("--output", "--names"):
        if flag in args:
            i = args.index(flag)
            if i + 1 >= len(args):
                print(f"compare.py: {flag} needs a value", file=sys.stderr)
                return 2
            if flag == "--output":
                outdir = args[i + 1]
            else:
                names = args[i + 1].split(",")
            del args[i:i + 2]
    if not args:
        print(__doc__, file=sys.stderr)
        return 2
    for d in args:
        if not os.path.isdir(d):
            print(f"compare.py: {d} is not a folder", file=sys.stderr)
            return 2
    if names and len(names) != len(args):
        print(f"compare.py: --names gives {len(names)} names for {len(args)} folders", file=sys.stderr)
        return 2
    print(compare(args, outdir, names), end="")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
