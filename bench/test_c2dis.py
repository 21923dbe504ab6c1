"""Tests for c2dis.py: PrintAssembly's hex listing (no hsdis) back into bytes, and objdump on them."""
import os
import shutil
import subprocess
import sys
import tempfile
import unittest

sys.path.insert(0, os.path.dirname(__file__))
import c2dis  # noqa: E402

# Shaped like HotSpot's listing without hsdis: comments between address-tagged hex words, a block per method.
LISTING = """CompileCommand: print Probe.f bool print = true
Compiled method (c1) 612  582       3       Probe::f (10 bytes)
  0x00007f0000001000: 9090 9090 | c3
Compiled method (c2) 700  590       4       Probe::f (10 bytes)
 [Verified Entry Point]
  0x00007f0000002000: 62f2 7d48 | 5844 8a04
  0x00007f0000002008: ;   {comment between the words}
  0x00007f0000002008: 62f2 7548 | b8f9
  0x00007f0000002010: c3
"""


class C2DisTest(unittest.TestCase):
    def test_splits_methods(self):
        blocks = c2dis.methods(LISTING)
        self.assertEqual(2, len(blocks))
        self.assertIn('(c2)', blocks[1].splitlines()[0])

    def test_words_become_bytes_in_address_order_with_gaps_filled(self):
        start, data = c2dis.code_bytes(c2dis.methods(LISTING)[1])
        self.assertEqual(0x7f0000002000, start)
        # 8 bytes, then the FMA's 6 at +8, a 2-byte gap (nops), the ret at +0x10
        self.assertEqual(bytes.fromhex('62f27d4858448a04' '62f27548b8f9' '9090' 'c3'), data)

    @unittest.skipIf(shutil.which('objdump') is None, 'objdump (binutils) not installed')
    def test_objdump_names_the_instructions(self):
        with tempfile.NamedTemporaryFile('w', suffix='.txt', delete=False) as f:
            f.write(LISTING)
        try:
            out = subprocess.run([sys.executable, os.path.join(os.path.dirname(__file__), 'c2dis.py'), f.name, '-1'],
                                 capture_output=True, text=True, check=True).stdout
        finally:
            os.unlink(f.name)
        self.assertIn('vpbroadcastd', out)
        self.assertIn('vfmadd231ps', out)
        self.assertIn('ret', out)


if __name__ == '__main__':
    unittest.main()
