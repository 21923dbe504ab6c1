#!/usr/bin/env python3
"""Disassemble HotSpot's compiled code without hsdis.

Without the hsdis plugin, -XX:+PrintAssembly (or -XX:CompileCommand=print,...) prints each compiled method's code
as hex words between its comments. This script gathers those words back into bytes, in address order, and hands
them to binutils' objdump. Usage:

  java --add-modules jdk.incubator.vector -XX:+UnlockDiagnosticVMOptions \\
       '-XX:CompileCommand=print,dev.mobilevec.kernels.PointwiseGemm$Prepared::tile8x1' ... > asm.txt
  python3 bench/c2dis.py asm.txt            # lists the compiled methods found
  python3 bench/c2dis.py asm.txt -1         # disassembles the last one (usually the final C2 compile)
  python3 bench/c2dis.py asm.txt -1 | grep -E 'vfmadd|broadcast|rsp'

What to look for in a kernel's hot loop: the FMAs and what feeds them (vbroadcastss against vpbroadcastd, folded
memory operands), stack traffic (spills: (%rsp) operands), bounds checks left inside the loop, and calls
(boxing: _new_instance_Java / _new_array_Java near the vector code).
"""
import os
import re
import subprocess
import sys
import tempfile


def methods(text):
    return [b for b in re.split(r'\n(?=Compiled method)', text) if b.startswith('Compiled method')]


def code_bytes(block):
    data, start = bytearray(), None
    for line in block.splitlines():
        m = re.match(r'\s*0x([0-9a-f]+): ((?:[0-9a-f]{2,8}\s*\|?\s*)+)$', line)
        if not m:
            continue
        addr = int(m.group(1), 16)
        words = re.sub(r'[\s|]', '', m.group(2))
        if start is None:
            start = addr
        gap = addr - start - len(data)
        if gap < 0:
            continue  # a repeated line
        data += b'\x90' * gap + bytes.fromhex(words)
    return start, bytes(data)


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    blocks = methods(open(sys.argv[1]).read())
    if not blocks:
        sys.exit('no "Compiled method" blocks in ' + sys.argv[1] + ' (was the print CompileCommand given?)')
    if len(sys.argv) < 3:
        for i, b in enumerate(blocks):
            print(i, b.splitlines()[0])
        return
    block = blocks[int(sys.argv[2])]
    print('#', block.splitlines()[0])
    start, data = code_bytes(block)
    if start is None:
        sys.exit('no code words in that block (was hsdis loaded? then the listing is already assembly)')
    with tempfile.NamedTemporaryFile(suffix='.bin', delete=False) as f:
        f.write(data)
    try:
        out = subprocess.run(['objdump', '-D', '-b', 'binary', '-mi386:x86-64', '--adjust-vma=' + hex(start), f.name],
                             capture_output=True, text=True, check=True).stdout
    finally:
        os.unlink(f.name)
    print(out)


if __name__ == '__main__':
    main()
