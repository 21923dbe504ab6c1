"""Per-layer old/new from layers-ab.sh's files: for each 5x5 depthwise layer (and all layers summed), the median over
rounds of each run's per-layer median, and the minimum over rounds of each run's per-layer minimum, both in us."""
import glob, re, statistics, sys
from collections import defaultdict

d = sys.argv[1] if len(sys.argv) > 1 else 'bench/results/avx2/t45/layers'
models = sorted({re.sub(r'-(old|new)-r\d+\.txt$', '', p.split('/')[-1]) for p in glob.glob(f'{d}/*-r*.txt')})
for m in models:
    rows = defaultdict(lambda: {'old': [], 'new': []})
    order = []
    for b in ('old', 'new'):
        for p in sorted(glob.glob(f'{d}/{m}-{b}-r*.txt')):
            for line in open(p):
                x = re.match(r'^(\d+)\s+(\S+)\s+(\S+)\s+(\S+)\s+([\d.]+)\s+([\d.]+)\s+([\d.]+)\s', line)
                if x:
                    key = (int(x.group(1)), x.group(2), x.group(3), x.group(4))
                    if key not in order:
                        order.append(key)
                    rows[key][b].append((float(x.group(6)), float(x.group(7))))
    print(f'== {m}: layer, old / new median us (ratio), old / new min us (ratio)')
    tot = {'old': [0, 0], 'new': [0, 0]}
    for key in order:
        r = rows[key]
        if not r['old'] or not r['new']:
            continue
        med = {b: statistics.median(v[0] for v in r[b]) for b in r}
        mn = {b: min(v[1] for v in r[b]) for b in r}
        for b in tot:
            tot[b][0] += med[b]; tot[b][1] += mn[b]
        if key[2] == 'dw5x5':
            print(f'  {key[0]:3d} {key[2]} {key[3]:12s} median {med["old"]:7.1f} / {med["new"]:7.1f} ({med["new"] / med["old"]:.3f})'
                  f'   min {mn["old"]:7.1f} / {mn["new"]:7.1f} ({mn["new"] / mn["old"]:.3f})')
    print(f'  all layers: median sum {tot["old"][0]:.0f} / {tot["new"][0]:.0f} ({tot["new"][0] / tot["old"][0]:.3f})'
          f'   min sum {tot["old"][1]:.0f} / {tot["new"][1]:.0f} ({tot["new"][1] / tot["old"][1]:.3f})')
