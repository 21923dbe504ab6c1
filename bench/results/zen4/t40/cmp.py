import re,sys,statistics as st
def load(f):
    d={}
    for l in open(f):
        p=l.split()
        if len(p)>=9 and p[0].isdigit() and p[-1].endswith('%'):
            d[int(p[0])]=(p[1][-28:],p[2],float(p[-4]))
    return d
for m in sys.argv[1:]:
    B=[load(f'L-{m}-base-{r}.txt') for r in (1,2,3)]; T=[load(f'L-{m}-thp-{r}.txt') for r in (1,2,3)]
    tb=tt=0; agg={}
    for i in sorted(B[0]):
        name,typ,_=B[0][i]
        b=st.median([x[i][2] for x in B]); t=st.median([x[i][2] for x in T])
        tb+=b; tt+=t
        a=agg.setdefault(typ,[0,0]); a[0]+=b; a[1]+=t
        if abs(t-b)>=3 or (b>0 and abs(t/b-1)>0.08 and b>5): print(f'{m:10s} {i:3d} {name:28s} {typ:8s} {b:7.1f} {t:7.1f} {t/b:6.3f}')
    print(m,'sum of medians', round(tb), round(tt), round(tt/tb,3))
    for k,(b,t) in agg.items(): print('   ',k, round(b), round(t), round(t/b,3) if b else '')
