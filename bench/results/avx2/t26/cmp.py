import sys, glob, re, collections
tag, model = sys.argv[1], sys.argv[2]
rows = collections.OrderedDict()
tot = {}
for f in sorted(glob.glob(f'/tmp/ab/pl-{tag}-{model}-*.txt')):
    j = f.split('-')[-2]
    for line in open(f):
        m = re.match(r'^(\d+)\s+(\S+)\s+(\S+)\s+(\S+)\s+([\d.]+)\s+([\d.]+)\s+([\d.]+)', line)
        if m:
            key = (int(m.group(1)), m.group(3), m.group(4))
            rows.setdefault(key, {}).setdefault(j, []).append(float(m.group(6)))
        m2 = re.search(r'median ([\d.]+) ms', line)
        if m2 and 'layer' not in line:
            tot.setdefault(j, []).append(line.strip()[:100])
for key, d in rows.items():
    o, n = d.get('old', []), d.get('new', [])
    if not o or not n: continue
    mo, mn = min(o), min(n)
    flag = ' <<' if mn < 0.93 * mo else (' >>' if mn > 1.07 * mo else '')
    if max(mo, mn) > 20:
        print(f'{key[0]:3d} {key[1]:8s} {key[2]:12s} old {"/".join("%.1f"%x for x in o):>14s} new {"/".join("%.1f"%x for x in n):>14s}{flag}')
for j, l in tot.items(): print(j, l)
