import re,sys
ours=[l.split() for l in open(sys.argv[1]) if re.match(r'^\d+\s',l)]
ours=[(x[2],x[3],float(x[5])) for x in ours if x[2] not in ('add',)]
ort=[l.split() for l in open(sys.argv[2]) if re.match(r'^\s+\d+\s+(Conv|Gemm|ReduceMean|GlobalAveragePool)\s',l)]
ort=[(x[1],float(x[0])) for x in ort]
tot=0
for (t,shape,us),(ot,ous) in zip(ours,ort):
    d=us-(ous-5)
    tot+=d
    print(f"{t:8s} {shape:14s} ours {us:7.1f} ort {ous:6.0f}  diff {d:+7.1f}")
print("sum diff (ORT less 5us/node)", round(tot,1), len(ours), len(ort))
