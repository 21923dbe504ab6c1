"""Tests of bench/compare.py on small result folders (bench/src/test/resources/compare): two machines,
a case one of them lacks, and a folder from an older suite without info.json.
Run: python3 -m unittest discover -s bench -p 'test_*.py'"""
import os
import sys
import tempfile
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import compare  # noqa: E402

FIX = os.path.join(HERE, "src", "test", "resources", "compare")


def run(*names):
    out = tempfile.mkdtemp()
    text = compare.compare([os.path.join(FIX, n) for n in names], out)
    return text, out


def row(text, start):
    return next(l for l in text.splitlines() if l.startswith(start))


class CompareTest(unittest.TestCase):
    def test_two_machines_side_by_side(self):
        text, out = run("avx512", "avx2")
        self.assertTrue(os.path.exists(os.path.join(out, "compare.md")))
        # One column per machine, headed by its fingerprint.
        self.assertIn("| | avx512 | avx2 |", text)
        self.assertIn("| CPU | Test AVX-512 CPU | Test AVX2 CPU |", text)
        self.assertIn("512-bit (Species[float, 16, S_512_BIT])", text)
        self.assertIn("-XX:MaxVectorSize=32", text)
        # Peaks from each folder's own FMA benchmark and lanes: 6250 x 16 x 2 / 1000 and 6250 x 8 x 2 / 1000.
        self.assertIn("| FMA peak per core (GFLOPS) | 200.0 | 100.0 |", text)
        # Both threads of the AVX2 run at once made one core's worth: they shared a core while measured.
        self.assertIn("| FMA, all threads at once (median GFLOPS) | – | 99.0 (0.50 × 2 cores) |", text)
        # End to end: 1137.5 MFLOP in 10 ms = 113.75 GFLOPS = 57 % of 200; 25 ms = 45.5 GFLOPS = 46 % of 100.
        e2e = row(text, "| v1-1.0-224 | 1 | 1 |")
        self.assertIn("10.00 ms, 100 img/s, 57 % of peak, ORT 8.00 ms, ours/ORT 1.25×", e2e)
        self.assertIn("25.00 ms, 40 img/s, 46 % of peak, **2.50×** avx512", e2e)
        # Layer: 102.76 MFLOP in 1000 us = 102.8 GFLOPS = 51 % of 200; in 2000 us = 51.4 = 51 % of 100.
        self.assertIn("| v1/block3.pw | 56x56x128 → 56x56x128 | 102.76 | 102.8 (51 %) | 51.4 (51 %), 2.00× time |", text)

    def test_a_case_one_machine_lacks_is_listed_not_fatal(self):
        text, _ = run("avx512", "avx2")
        self.assertNotIn("| v1/block3.dw |", text)
        self.assertIn("- layer v1/block3.dw: only in avx512", text)

    def test_an_older_suite_is_compared_on_what_it_shares(self):
        text, _ = run("avx512", "old")
        self.assertIn("different suite versions (0.2.0-SNAPSHOT, unknown)", text)
        self.assertIn("- old: no info.json", text)
        e2e = row(text, "| v1-1.0-224 | 1 | 1 |")
        self.assertIn("20.00 ms, 50 img/s, **2.00×** avx512", e2e)  # no FLOPs there, so no % of peak
        self.assertIn("- end to end v1-1.0-224, 1 threads, batch 8: only in old", text)
        self.assertIn("| FMA peak per core (GFLOPS) | 200.0 | – |", text)
        self.assertIn("No layer is in every folder.", text)

    def test_charts_when_matplotlib_is_there(self):
        try:
            import matplotlib  # noqa: F401
        except ImportError:
            self.skipTest("no matplotlib")
        text, out = run("avx512", "avx2")
        for f in ("latency.png", "layers.png"):
            self.assertGreater(os.path.getsize(os.path.join(out, f)), 1000, f)
        self.assertIn("![latency.png](latency.png)", text)

    def test_bad_arguments(self):
        self.assertEqual(2, compare.main([]))
        self.assertEqual(2, compare.main(["/no/such/folder"]))
        self.assertEqual(2, compare.main([os.path.join(FIX, "avx512"), "--names", "a,b"]))
        self.assertEqual(2, compare.main([os.path.join(FIX, "avx512"), "--output"]))


if __name__ == "__main__":
    unittest.main()
