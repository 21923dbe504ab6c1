import sys, re, subprocess
# usage: dis.py raw.txt startline  -> objdump of the [MachCode] section starting at that line
lines = open(sys.argv[1]).read().split('\n')
start = int(sys.argv[2]) - 1
bs = bytearray(); base = None
for l in lines[start:]:
    if l.startswith('[/MachCode]'): break
    m = re.match(r'\s*0x([0-9a-f]+): ([0-9a-f |]+)$', l)
    if not m: continue
    addr = int(m.group(1), 16)
    hx = m.group(2).replace('|', '').replace(' ', '')
    if not hx: continue
    if base is None: base = addr
    # bytes may repeat at same address after a comment line: place by address
    off = addr - base
    data = bytes.fromhex(hx)
    if len(bs) < off: bs.extend(b'\x90' * (off - len(bs)))
    bs[off:off + len(data)] = data
open('/tmp/code.bin', 'wb').write(bs)
print(subprocess.run(['objdump', '-D', '-b', 'binary', '-mi386:x86-64', '--adjust-vma=' + hex(base), '/tmp/code.bin'], capture_output=True, text=True).stdout)
