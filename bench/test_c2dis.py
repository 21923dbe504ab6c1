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

    def test_loops_are_the_innermost_with_fmas_and_count_stack_operands(self):
        # An outer loop (0x10-0x40) around an inner one (0x18-0x30) with a spill, a loop without FMAs (0x50-0x58), and a
        # stub's jump back over everything (0x60 -> 0x08), shaped like objdump's output; the padding and a long
        # instruction's continuation line are not counted.
        listing = """
  8:\t90                   \tnop
 10:\t45 33 c0             \txor    %r8d,%r8d
 18:\tc4 e2 7d 58 84 8a 10 \tvpbroadcastd 0x210(%rdx,%rcx,4),%ymm0
 1f:\t02 00 00 
 1e:\tc4 e2 75 b8 d0       \tvfmadd231ps %ymm0,%ymm1,%ymm2
 23:\tc5 fe 6f 4c 24 38    \tvmovdqu 0x38(%rsp),%ymm1
 29:\tc4 e2 75 b8 d8       \tvfmadd231ps %ymm0,%ymm1,%ymm3
 2c:\t66 90                \txchg   %ax,%ax
 2e:\tff c1                \tinc    %ecx
 30:\t7c e6                \tjl     0x18
 32:\tc4 e2 75 b8 e0       \tvfmadd231ps %ymm0,%ymm1,%ymm4
 40:\t7c ce                \tjl     0x10
 50:\tff c1                \tinc    %ecx
 58:\t7c f6                \tjl     0x50
 60:\teb a6                \tjmp    0x8
"""
        self.assertEqual([(0x18, 0x30, 6, 2, 1)], c2dis.loops(listing))


if __name__ == '__main__':
    unittest.main()
