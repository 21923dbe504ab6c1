"""Summarises LeanVsOurs rounds ('r OURS LEAN OURS/LEAN'): rounds split in thirds by the product of the two GFLOPS
(neither loop's own noise picks its third), medians per third, and the log-log regression slopes both ways (>1: ours
slows more than the lean loop when the core slows)."""
import math, statistics, sys

for path in sys.argv[1:]:
    rows = [tuple(map(float, l.split()[1:])) for l in open(path) if l.startswith('r ')]
    print(f'== {path}: {len(rows)} rounds')
    srt = sorted(rows, key=lambda r: r[0] * r[1])
    n = len(srt) // 3
    for name, part in (('slow third', srt[:n]), ('middle third', srt[n:2 * n]), ('quiet third', srt[2 * n:])):
        print(f'{name:13s} lean {statistics.median(r[1] for r in part):5.1f} GFLOPS, ours {statistics.median(r[0] for r in part):5.1f},'
              f' ours/lean {statistics.median(r[2] for r in part):.3f}')
    x = [math.log(r[1]) for r in rows]
    y = [math.log(r[0]) for r in rows]
    mx, my = statistics.mean(x), statistics.mean(y)
    sxy = sum((a - mx) * (b - my) for a, b in zip(x, y))
    sxx = sum((a - mx) ** 2 for a in x)
    syy = sum((b - my) ** 2 for b in y)
    print(f'log(ours) on log(lean): slope {sxy / sxx:.2f}; 1 / slope of log(lean) on log(ours): {syy / sxy:.2f};'
          f' correlation {sxy / math.sqrt(sxx * syy):.2f}')
