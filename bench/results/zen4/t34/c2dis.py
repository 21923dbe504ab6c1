import re, sys, subprocess
# usage: dis.py asmfile nth_method -> disassembles the nth "Compiled method" block
txt = open(sys.argv[1]).read()
blocks = re.split(r'\n(?=Compiled method)', txt)
blk = [b for b in blocks if b.startswith('Compiled method')][int(sys.argv[2])]
print(blk.splitlines()[0], file=sys.stderr)
data = bytearray(); start = None
for line in blk.splitlines():
    m = re.match(r'\s*0x([0-9a-f]+): ((?:[0-9a-f]{2,8}\s*\|?\s*)+)$', line)
    if m:
        addr = int(m.group(1), 16)
        hx = re.sub(r'[\s|]', '', m.group(2))
        if start is None: start = addr
        if addr - start != len(data):
            if addr - start > len(data): data += b'\x90' * (addr - start - len(data))
            else: continue
        data += bytes.fromhex(hx)
open('/tmp/probe/code.bin', 'wb').write(data)
out = subprocess.run(['objdump', '-D', '-b', 'binary', '-mi386:x86-64', f'--adjust-vma={hex(start)}', '/tmp/probe/code.bin'], capture_output=True, text=True).stdout
print(out)
