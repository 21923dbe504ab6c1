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

  python3 bench/c2dis.py asm.txt --loops   # per method (its last compile): each innermost loop with FMAs, its
                                           # instruction, FMA and stack-operand counts

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


def disassemble(block):
    """objdump's listing of one method block's code, or None when the block holds no code words."""
    start, data = code_bytes(block)
    if start is None:
        return None
    with tempfile.NamedTemporaryFile(suffix='.bin', delete=False) as f:
        f.write(data)
    try:
        return subprocess.run(['objdump', '-D', '-b', 'binary', '-mi386:x86-64', '--adjust-vma=' + hex(start), f.name],
                              capture_output=True, text=True, check=True).stdout
    finally:
        os.unlink(f.name)


def loops(listing):
    """The innermost loops with FMAs in an objdump listing: a backward jump to an earlier address closes a loop; a
    loop is innermost when no other loop lies inside it (the jumps back from deoptimization stubs at a method's end
    span whole loops, so they never count). Per loop (start, end, instructions, FMAs, stack operands): alignment
    padding is not counted; stack operands are the instructions that name %rsp, spills and reloads in a hot loop."""
    ins = []
    for line in listing.splitlines():
        m = re.match(r'\s*([0-9a-f]+):\s+(?:[0-9a-f]{2} )+\s*(.*)$', line)
        if m and m.group(2).strip():  # objdump puts a long instruction's last bytes on a line of their own
            ins.append((int(m.group(1), 16), m.group(2).strip()))
    spans = []
    for addr, text in ins:
        m = re.match(r'j\w+\s+(?:0x)?([0-9a-f]+)', text)
        if m and int(m.group(1), 16) < addr:
            spans.append((int(m.group(1), 16), addr))
    out = []
    for lo, hi in spans:
        if any((l2, h2) != (lo, hi) and lo <= l2 and h2 <= hi for l2, h2 in spans):
            continue
        body = [t for a, t in ins if lo <= a <= hi and not t.startswith(('nop', 'data16', 'xchg   %ax,%ax'))]
        fmas = sum('vfmadd' in t for t in body)
        if fmas:
            out.append((lo, hi, len(body), fmas, sum('%rsp' in t for t in body)))
    return out


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
    if sys.argv[2] == '--loops':
        last = {}
        for b in blocks:
            m = re.search(r'(\S+::\S+)', b.splitlines()[0])
            last[m.group(1) if m else b.splitlines()[0]] = b
        for name, b in sorted(last.items()):
            listing = disassemble(b)
            for lo, hi, n, fmas, stack in loops(listing or ''):
                print(f'{name}  loop {lo:#x}-{hi:#x}: {n} instructions, {fmas} FMAs, {stack} stack operands')
        return
    block = blocks[int(sys.argv[2])]
    print('#', block.splitlines()[0])
    out = disassemble(block)
    if out is None:
        sys.exit('no code words in that block (was hsdis loaded? then the listing is already assembly)')
    print(out)


if __name__ == '__main__':
    main()
