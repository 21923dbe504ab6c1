import re, sys
ours = {}
for line in open(sys.argv[1]):
    m = re.match(r'^\d+\s+(\S+)\s+(\S+)\s+(\S+)\s+[\d.]+\s+([\d.]+)\s', line)
    if m:
        ours[m.group(1)] = (m.group(2), m.group(3), float(m.group(4)))
ort = {}
for line in open(sys.argv[2]):
    m = re.match(r'^\s*(\d+)\s+(\S+)\s+(\S+)', line)
    if m:
        name = m.group(3)
        name = re.sub(r'_output_0(_nchwc)?$', '', name)
        name = name.replace('/activation/Relu', '/fc1/Conv').replace('/scale_activation/HardSigmoid', '/fc2/Conv')
        # A Conv fused with the ReLU after its batch norm is named after the ReLU (MNASNet: layers.i/Relu is
        # layers.(i-2)/Conv).
        r = re.match(r'^(.*/layers\.)(\d+)/Relu$', name)
        if r:
            name = f"{r.group(1)}{int(r.group(2)) - 2}/Conv"
        ort[name] = ort.get(name, 0) + int(m.group(1))
rows = []
for k, (t, shape, us) in ours.items():
    o = ort.get(k)
    rows.append((k, t, shape, us, o))
tot_o = tot_r = 0
for k, t, shape, us, o in rows:
    if o is not None:
        tot_o += us; tot_r += o
    print(f"{t:8s} {shape:14s} ours {us:7.1f}  ort {o if o is not None else '-':>5}  {'' if o is None else f'{us - o:+7.1f}'}  {k[-60:]}")
print(f"matched: ours {tot_o:.0f} ort {tot_r}")
print("ORT nodes unmatched:", sum(v for k, v in ort.items() if k not in ours), [ (k[-50:], v) for k, v in ort.items() if k not in ours][:30])
