#!/usr/bin/env python3
"""Per-round ratios of an AbDriver -Drounds=true run with two jars and ONNX Runtime, split into thirds of the rounds
by ONNX Runtime's own round time (quiet, middle, slow): median of jar0/ort and jar1/ort in each third, and of jar0/jar1.
Usage: python3 phases.py FILE (blocks start with a '# model' line, as fuse-slow-phases.sh writes them)."""
import statistics
import sys


def blocks(path):
    out = []
    for line in open(path):
        if line.startswith('# model'):
            out.append({'title': line[2:].strip(), 'rounds': []})
        elif line.startswith('r ') and out:
            out[-1]['rounds'].append([float(x) for x in line.split()[1:]])
    return out


for b in blocks(sys.argv[1]):
    rs = sorted(b['rounds'], key=lambda r: r[-1])
    if len(rs) < 6:
        continue
    n = len(rs) // 3
    thirds = [('quiet', rs[:n]), ('middle', rs[n:len(rs) - n]), ('slow', rs[len(rs) - n:])]
    print(b['title'])
    for name, part in thirds:
        med = lambda f: statistics.median(f(r) for r in part)
        print('  %-6s ort %6.2f ms  jar0 %6.2f  jar1 %6.2f   jar0/ort %.3f  jar1/ort %.3f  jar0/jar1 %.3f' % (
            name, med(lambda r: r[2]), med(lambda r: r[0]), med(lambda r: r[1]),
            med(lambda r: r[0] / r[2]), med(lambda r: r[1] / r[2]), med(lambda r: r[0] / r[1])))
