"""Tests of the in-network 1x1 target in bench/report.py (issue 11: the 1x1 layers average at least 80 % of the FMA
peak inside the network) on hand-made `./mobilevec bench --json` tables, and of report.py taking such a table
beside the JMH files without mistaking it for info.json.
Run: python3 -m unittest discover -s bench -p 'test_*.py'"""
import io
import json
import os
import sys
import tempfile
import unittest
from contextlib import redirect_stdout

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import report  # noqa: E402


def net(layers, peak=200.0, model="m", threads=1):
    return {"schema": "mobilevec-bench/1", "model": model, "threads": threads, "fma_peak_gflops_per_core": peak,
            "layers": [dict(zip(("type", "mflop", "us"), l)) for l in layers]}


class PointwiseInNetworkTest(unittest.TestCase):
    def test_flop_weighted_over_the_1x1_layers_only(self):
        # 1x1: 10 MFLOP in 100 us and 30 MFLOP in 200 us -> 40 / 300 us = 133.33 GFLOPS (the plain mean of the two
        # layers' 100 and 150 GFLOPS would be 125); the depthwise and fc rows do not count. 133.33 / 200 = 66.7 %.
        g, frac, n = report.pointwise_in_network(net([("pw1x1", 10, 100), ("dw3x3", 1, 100), ("pw1x1", 30, 200),
                                                      ("fc", 2, 50)]))
        self.assertAlmostEqual(g, 400 / 3, places=9)
        self.assertAlmostEqual(frac, 2 / 3, places=9)
        self.assertEqual(n, 2)

    def test_no_1x1_layer_gives_none(self):
        self.assertIsNone(report.pointwise_in_network(net([("dw3x3", 1, 10), ("conv3x3", 5, 40)])))
        self.assertIsNone(report.pointwise_line("m", net([])))

    def test_verdict_at_and_below_80_percent(self):
        # 16 MFLOP in 100 us = 160 GFLOPS = 80 % of 200: met; in 101 us 158.4 GFLOPS = 79.2 %: missed by 1 %.
        self.assertTrue(report.pointwise_line("m", net([("pw1x1", 16, 100)])).endswith(": met"))
        line = report.pointwise_line("v2", net([("pw1x1", 16, 101)], model="v2", threads=2))
        self.assertIn("v2, 1×1 layers in the network (1, 2 thread(s)", line)
        self.assertIn("158.4 GFLOPS, 79 %", line)
        self.assertTrue(line.endswith("**not met** (by 1 %)"), line)

    def test_report_takes_network_tables_beside_jmh_results(self):
        d = tempfile.mkdtemp()
        paths = []
        for name, data in (("grid.json", []), ("network-a.json", net([("pw1x1", 18, 100)], model="a")),
                           ("network-b.json", net([("pw1x1", 10, 100)], model="b"))):
            paths.append(os.path.join(d, name))
            with open(paths[-1], "w") as f:
                json.dump(data, f)
        sys.argv = ["report.py"] + paths
        buf = io.StringIO()
        with redirect_stdout(buf):
            report.main()
        text = buf.getvalue()
        self.assertIn("Target (issue 11, in the network):", text)
        # 18 MFLOP / 100 us = 180 GFLOPS = 90 % of 200; 10 / 100 = 100 GFLOPS = 50 %, missed by 1 - 0.5 / 0.8 = 37.5 %.
        self.assertIn("- a, 1×1 layers in the network (1, 1 thread(s), `./mobilevec bench --json`): 180.0 GFLOPS, 90 %", text)
        self.assertIn("- b, 1×1 layers in the network (1, 1 thread(s), `./mobilevec bench --json`): 100.0 GFLOPS, 50 %", text)
        self.assertIn("**not met** (by 38 %)", text)
        # A network table is not the fingerprint: the machine line falls back to /proc/cpuinfo.
        self.assertNotIn("caches", text.splitlines()[0])


def grid(model, threads, median_ms, warmup_iterations, bench="NetworkBenchmark"):
    """A hand-made NetworkBenchmark / OnnxRuntimeBenchmark record (sample mode, percentiles in ms)."""
    return {"benchmark": f"dev.mobilevec.bench.{bench}.forward", "warmupIterations": warmup_iterations,
            "measurementIterations": warmup_iterations,
            "params": {"model": model, "threads": threads, "batch": "1"},
            "primaryMetric": {"score": median_ms, "scorePercentiles": {"50.0": median_ms, "90.0": median_ms, "99.0": median_ms}}}


class SmokeRunTest(unittest.TestCase):
    def run_report(self, results):
        d = tempfile.mkdtemp()
        path = os.path.join(d, "grid.json")
        with open(path, "w") as f:
            json.dump(results, f)
        sys.argv = ["report.py", path]
        buf = io.StringIO()
        with redirect_stdout(buf):
            report.main()
        return buf.getvalue()

    def test_one_iteration_forks_are_marked_not_measurements(self):
        text = self.run_report([grid("v1-1.0-224", "1", 420.0, 1), grid("v1-1.0-224", "1", 21.0, 1, "OnnxRuntimeBenchmark")])
        self.assertIn(report.SMOKE_NOTE, text)
        self.assertIn("ours / ONNX Runtime latency = 20.00× (target ≤ 0.9×): **not met** (by 2122 %) (smoke run: not a measurement)", text)

    def test_measured_forks_are_not_marked(self):
        text = self.run_report([grid("v1-1.0-224", "1", 22.0, 3), grid("v1-1.0-224", "1", 21.0, 3, "OnnxRuntimeBenchmark")])
        self.assertNotIn("smoke run", text.lower())
        self.assertIn("ours / ONNX Runtime latency = 1.05× (target ≤ 0.9×): **not met** (by 16 %)", text)


def named(layers, threads=1):
    return {"threads": threads, "layers": [dict(zip(("name", "type", "us"), l)) for l in layers]}


class SqueezeExcitationTest(unittest.TestCase):
    LAYERS = [("/features/features.0/features.0.0/Conv", "conv3x3", 100),
              ("/features/features.1/block/block.0/block.0.0/Conv", "dw3x3", 30),
              ("/features/features.1/block/block.1/avgpool/GlobalAveragePool", "avgpool", 2),
              ("/features/features.1/block/block.1/fc1/Conv", "fc", 1),
              ("/features/features.1/block/block.1/fc2/Conv", "fc", 1),
              ("/features/features.1/block/block.1/Mul", "scale", 6),
              ("/features/features.1/block/block.2/block.2.0/Conv", "pw1x1", 60),
              ("/features/features.2/block/block.0/block.0.0/Conv", "pw1x1", 50),
              ("/features/features.2/block/block.1/block.1.0/Conv", "dw3x3", 20),
              ("/features/features.2/block/block.2/block.2.0/Conv", "pw1x1", 30),
              ("/avgpool/GlobalAveragePool", "avgpool", 3),
              ("/classifier/classifier.0/Gemm", "fc", 40)]

    def test_only_blocks_with_a_pool_and_a_scale_count(self):
        # features.1: 30 + 2 + 1 + 1 + 6 + 60 = 100 us, of which 2 + 1 + 1 + 6 = 10 are the SE. features.2 has no SE;
        # the stem, the final pool and the classifier are not blocks with one (the classifier's fc has no pool/scale).
        self.assertEqual(report.squeeze_excitation(named(self.LAYERS)), [("/features/features.1", 100, 10)])

    def test_verdict_is_on_the_worst_block(self):
        line = report.squeeze_excitation_line("v3", named(self.LAYERS))
        self.assertIn("10.0 of 100.0 µs, 10.0 %", line)
        self.assertTrue(line.endswith("**not met** (worst block 2.0× the limit)"), line)
        # 4 us of SE in a 100 us block (scale 6 -> 0): 4 % < 5 %: met.
        fast = [(n, t, 0 if t == "scale" else u) for n, t, u in self.LAYERS]
        self.assertTrue(report.squeeze_excitation_line("v3", named(fast)).endswith(": met"))
        self.assertIsNone(report.squeeze_excitation_line("v2", named(self.LAYERS[7:10])))


if __name__ == "__main__":
    unittest.main()


def versus(model, threads, ratios, ours, ort, batch="1", quiet=None):
    """A hand-made InterleavedOrtBenchmark record: one fork, one aux-counter value per iteration. JMH's own score
    for an EVENTS counter is the sum over iterations, deliberately wrong here so a reader of it fails. Without quiet,
    a record from before the quiet-rounds counter existed."""
    def metric(v):
        return {"score": sum(v), "rawData": [v]}
    secondary = {"oursOverOrt": metric(ratios), "oursMs": metric(ours), "ortMs": metric(ort)}
    if quiet is not None:
        secondary["quietOursOverOrt"] = metric(quiet)
    return {"benchmark": "dev.mobilevec.bench.InterleavedOrtBenchmark.round",
            "params": {"model": model, "threads": threads, "batch": batch, "runs": "10", "pauseMs": "20"},
            "primaryMetric": {"score": 200.0},
            "secondaryMetrics": secondary}


class InterleavedTest(unittest.TestCase):
    def test_median_over_iterations_of_the_raw_data_not_the_summed_score(self):
        cells = report.interleaved([versus("v2-1.0-224", "1", [0.95, 0.91, 0.89, 0.93, 0.97], [7, 6.8, 6.6, 7.1, 7.3],
                                           [7.4, 7.5, 7.4, 7.6, 7.5])])
        ratio, lo, hi, ours, ort, n, quiet = cells[("v2-1.0-224", "1", 1)]
        self.assertAlmostEqual(ratio, 0.93)
        self.assertEqual((lo, hi, n), (0.89, 0.97, 5))
        self.assertIsNone(quiet)  # a result from before the counter: no column value, no failure
        self.assertAlmostEqual(ours, 7.0)
        self.assertAlmostEqual(ort, 7.5)

    def test_even_count_takes_the_mean_of_the_middle_two(self):
        cells = report.interleaved([versus("v1-1.0-224", "2", [1.0, 0.8, 0.9, 1.1], [1, 1, 1, 1], [1, 1, 1, 1])])
        self.assertAlmostEqual(cells[("v1-1.0-224", "2", 1)][0], 0.95)

    def test_verdicts_per_issue_and_other_benchmarks_ignored(self):
        results = [versus("v2-1.0-224", "1", [0.92] * 3, [7] * 3, [7.6] * 3),
                   versus("mnasnet0_5", "2", [0.97] * 3, [2] * 3, [2.06] * 3),
                   versus("mobilenet_v3_large", "1", [0.88] * 3, [5] * 3, [5.7] * 3),
                   {"benchmark": "dev.mobilevec.bench.NetworkBenchmark.forward", "params": {}}]
        text = "\n".join(report.interleaved_lines(report.interleaved(results)))
        issue11 = text[text.index("issue 11"):text.index("issue 10")]
        issue10 = text[text.index("issue 10"):]
        self.assertIn("- v2-1.0-224, batch 1, 1 thread(s): 0.920× **not met** (by 2 %)", issue11)
        self.assertIn("- mobilenet_v3_large, batch 1, 1 thread(s): 0.880× met", issue11)
        self.assertNotIn("mnasnet0_5", issue11)  # not among issue 11's models
        self.assertIn("- mnasnet0_5, batch 1, 2 thread(s): 0.970× met", issue10)
        self.assertNotIn("v2-1.0-224", issue10)
        self.assertIn("| v2-1.0-224 | 1 | 1 | 7.000 | 7.600 | 0.920× | 0.920–0.920 (3) | – |", text)

    def test_quiet_rounds_column_is_the_median_over_iterations_and_no_verdict_uses_it(self):
        results = [versus("mnasnet1_0", "1", [1.20, 1.25, 1.10], [12, 13, 11], [10, 10.4, 10], quiet=[1.02, 0.98, 1.05])]
        cells = report.interleaved(results)
        self.assertAlmostEqual(cells[("mnasnet1_0", "1", 1)][6], 1.02)
        text = "\n".join(report.interleaved_lines(cells))
        self.assertIn("| mnasnet1_0 | 1 | 1 | 12.000 | 10.000 | 1.200× | 1.100–1.250 (3) | 1.020× |", text)
        # The targets stay on the median ratio: 1.200 is not met, whatever the quiet rounds say.
        self.assertIn("- mnasnet1_0, batch 1, 1 thread(s): 1.200× **not met**", text)

    def test_batch_throughput_verdicts_for_v1_and_v2_on_two_threads(self):
        # Throughput ratio = ORT's time / ours: 1 / 0.8 = 1.25 meets it, 1 / 0.9 = 1.111 misses by 11 %.
        results = [versus("v2-1.0-224", "2", [0.8] * 3, [40] * 3, [50] * 3, batch="8"),
                   versus("v1-1.0-224", "2", [0.9] * 3, [200] * 3, [222] * 3, batch="32"),
                   versus("v1-1.0-224", "1", [0.5] * 3, [200] * 3, [400] * 3, batch="8")]
        text = "\n".join(report.interleaved_lines(report.interleaved(results)))
        batch = text[text.index("batch 8 and 32"):]
        self.assertIn("- v2-1.0-224, batch 8, 2 threads: 1.250× met", batch)
        self.assertIn("- v1-1.0-224, batch 32, 2 threads: 1.111× **not met** (by 11 %)", batch)
        self.assertNotIn("1 threads", batch)  # the target is for two threads
        self.assertNotIn("latency", text[text.index("Target"):])  # no batch-1 verdicts without batch-1 cells

    def test_a_miss_under_one_percent_keeps_a_decimal(self):
        self.assertEqual(report.at_most(0.903, 0.9), "**not met** (by 0.3 %)")
        self.assertEqual(report.at_most(0.92, 0.9), "**not met** (by 2 %)")
        self.assertEqual(report.at_most(0.9, 0.9), "met")
        # And a throughput just short of its floor (1.248 against 1.25 is 0.16 % short).
        self.assertEqual(report.at_least(1.248, 1.25), "**not met** (by 0.2 %)")
        self.assertEqual(report.at_least(1.21, 1.25), "**not met** (by 3 %)")
        self.assertEqual(report.at_least(1.25, 1.25), "met")

    def test_nothing_interleaved_gives_no_section(self):
        self.assertEqual(report.interleaved_lines(report.interleaved([])), [])


def layer(name, raw, score=None, impl="fast"):
    """A hand-made LayerBenchmark record: raw = the measured iterations' us/op; JMH's score is their mean."""
    return {"benchmark": "dev.mobilevec.bench.LayerBenchmark.run",
            "params": {"layer": name, "impl": impl, "alpha": "1.0", "resolution": "224"},
            "primaryMetric": {"score": sum(raw) / len(raw) if score is None else score, "scoreError": 1.5,
                              "rawData": [raw]}}


class CompileOutlierTest(unittest.TestCase):
    def test_an_iteration_past_three_times_the_median_gives_the_marked_median(self):
        # v2/block14.project in t55-full: 6529.1, 38.2, 37.5 us; JMH's mean 2201.6 (2 % of peak) is C2's compile time.
        us, err, marked = report.layer_time(layer("x", [6529.1, 38.2, 37.5])["primaryMetric"])
        self.assertEqual(us, 38.2)
        self.assertNotEqual(err, err)  # NaN: no error bar on a median of three
        self.assertTrue(marked)

    def test_ordinary_spread_keeps_the_jmh_score_and_error(self):
        for raw in ([54.4, 66.9, 88.0], [10.0, 10.0, 29.9], [5.0, 5.0]):
            m = layer("x", raw)["primaryMetric"]
            self.assertEqual(report.layer_time(m), (m["score"], 1.5, False), raw)

    def test_three_times_the_median_exactly_is_not_marked_and_an_even_count_takes_the_middle_mean(self):
        self.assertFalse(report.layer_time(layer("x", [10.0, 10.0, 30.0])["primaryMetric"])[2])
        us, _, marked = report.layer_time(layer("x", [10.0, 12.0, 14.0, 100.0])["primaryMetric"])
        self.assertEqual((us, marked), (13.0, True))

    def test_report_marks_the_row_and_adds_the_note_once(self):
        d = tempfile.mkdtemp()
        path = os.path.join(d, "kernels.json")
        with open(path, "w") as f:
            json.dump([layer("v2/block14.project", [6529.1, 38.2, 37.5]), layer("v2/block17.project", [123.0, 122.4, 121.8]),
                       layer("v2/block14.project", [2220.1, 2230.6, 2207.7], impl="reference")], f)
        sys.argv = ["report.py", path]
        buf = io.StringIO()
        with redirect_stdout(buf):
            report.main()
        text = buf.getvalue()
        self.assertIn("| v2/block14.project |", text)
        row = next(l for l in text.splitlines() if l.startswith("| v2/block14.project |"))
        self.assertIn("| 38.2 ¹ |", row)
        self.assertIn("| 2219 | 58× |", row)  # the reference's mean (2219.5) against the fast median
        other = next(l for l in text.splitlines() if l.startswith("| v2/block17.project |"))
        self.assertIn("| 122.4 ± 1.5 |", other)
        self.assertEqual(text.count(report.COMPILE_NOTE), 1)

    def test_no_marked_row_no_note(self):
        d = tempfile.mkdtemp()
        path = os.path.join(d, "kernels.json")
        with open(path, "w") as f:
            json.dump([layer("v2/block17.project", [123.0, 122.4, 121.8])], f)
        sys.argv = ["report.py", path]
        buf = io.StringIO()
        with redirect_stdout(buf):
            report.main()
        self.assertNotIn("¹", buf.getvalue())
