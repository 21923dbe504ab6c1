import re,sys,statistics as st
runs=open(sys.argv[1]).read().split('# LayerAb')[1:]
for r in runs:
    order='AB' if 'A.jar /tmp/B.jar' in r.split('\n')[0] else 'BA'
    g={}
    for l in r.split('\n'):
        m=re.search(r'(dw\dx\d) (s\d).*b/a median ([\d.]+)',l)
        if m:
            key=m.group(1)+m.group(2) if m.group(1)=='dw3x3' and m.group(2)=='s1' else 'control'
            g.setdefault(key,[]).append(float(m.group(3)))
    out={k:(st.mean(v) if order=='AB' else 1/st.mean(v)) for k,v in g.items()}
    print(order, ' '.join('%s B/A %.3f (%d)'%(k,out[k],len(g[k])) for k in sorted(out)), ' rel %.3f'%(out.get('dw3x3s1',0)/out['control']))
