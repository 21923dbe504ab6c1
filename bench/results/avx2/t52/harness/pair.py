import re,sys
ours=[];ort=[]
for l in open(sys.argv[1]):
    m=re.match(r'^(\d+)\s+(\S+)\s+(\w+)\s+(\S+)\s+([\d.]+)\s+([\d.]+)\s+([\d.]+)',l)
    if m and m.group(3) not in ('add',):
        ours.append((m.group(3),m.group(4),float(m.group(6)),float(m.group(7)),m.group(2)))
for l in open(sys.argv[2]):
    m=re.match(r'^\s+(\d+)\s+(Conv|Gemm|ReduceMean|GlobalAveragePool|Add|Mul|HardSigmoid|Relu|Clip)\s+(\S+)',l)
    if m: ort.append((m.group(2),float(m.group(1)),m.group(3)))
ort=[o for o in ort if o[0] in ('Conv','Gemm','ReduceMean','GlobalAveragePool')]
ours=[o for o in ours if o[0]!='add']
print(len(ours),len(ort))
to=tt=0
for a,b in zip(ours,ort):
    to+=a[2];tt+=b[1]
    print(f"{a[0]:8s}{a[1]:14s} ours {a[2]:7.1f} (min {a[3]:6.1f})  ort {b[1]:6.0f}  ratio {a[2]/b[1]:5.2f}  diff {a[2]-b[1]:6.1f}")
print("sum ours",to,"ort",tt)
