# Recomputes the end-to-end pairs of a benchmarks/run.sh results directory from its JMH JSON, with the suite's
# statistics (Alternation.candidateAt, geometric mean of pair ratios, Student t 95% interval). Used for the
# 2026-12-01 run, whose suite process did not write summary.md (see README.md in this folder).
# python3 pairs.py DIR
import json,glob,math,os,sys
M=(1<<64)-1
def s64(x):
    x&=M
    return x-(1<<64) if x>>63 else x
def next_boolean(seed):
    g=0x9e3779b97f4a7c15
    z=(seed+g)&M
    z=((z^(z>>33))*0x62a9d9ed799705f5)&M
    r=(((z^(z>>28))*0xcb24d0a5c88c35b3)&M)>>32
    return r>=(1<<31)   # int < 0
def candidate_at(seed,it):
    pair=it//2
    bf=next_boolean((seed*1000003+pair)&M)
    first=(it%2==0)
    return first!=bf
if len(sys.argv)>1 and sys.argv[1]=='selftest':
    for seed in [1013,5000,1,7]:
        print(seed,[candidate_at(seed,i) for i in range(16,26)])
    sys.exit()
T=[12.706,4.303,3.182,2.776,2.571,2.447,2.365,2.306,2.262,2.228,2.201,2.179,2.160,2.145,2.131,2.120,2.110,2.101,2.093,2.086,2.080,2.074,2.069,2.064,2.060,2.056,2.052,2.048,2.045,2.042]
def mean_ci(v):
    n=len(v); m=sum(v)/n
    if n<2: return (m,m,m,n)
    sd=math.sqrt(sum((x-m)**2 for x in v)/(n-1)); t=T[n-2] if n-1<=len(T) else (2.0 if n-1<=60 else 1.96)
    h=t*sd/math.sqrt(n); return (m,m-h,m+h,n)
def gmean(r):
    m,l,h,n=mean_ci([math.log(x) for x in r]); return (math.exp(m),math.exp(l),math.exp(h),n)
WARM=16
groups={}
for f in sorted(glob.glob(sys.argv[1]+'/entity-*.json')):
    d=json.load(open(f))
    for b in d:
        p=b['params']; meth=b['benchmark'].split('.')[-1]
        key=(p['database'],meth,p['candidate'],p['baseline'],p['keyOrder'])
        seed=int(p['orderSeed'])
        scores=b['primaryMetric']['rawData'][0]
        alloc=b['secondaryMetrics']['gc.alloc.rate.norm']['rawData'][0]
        g=groups.setdefault(key,{'c':[],'b':[],'r':[],'ca':[],'ba':[],'forks':[],'unit':b['primaryMetric']['scoreUnit']})
        fr=[]
        for j in range(0,len(scores)-1,2):
            fc=candidate_at(seed,WARM+j)
            assert fc!=candidate_at(seed,WARM+j+1)
            c,bb=(scores[j],scores[j+1]) if fc else (scores[j+1],scores[j])
            ca,ba=(alloc[j],alloc[j+1]) if fc else (alloc[j+1],alloc[j])
            g['c'].append(c); g['b'].append(bb); g['r'].append(c/bb); g['ca'].append(ca); g['ba'].append(ba); fr.append(c/bb)
        g['forks'].append(gmean(fr)[0])
cells={'persist':1500,'loadById':3,'lookupByNationalId':4}
per={'persist':500,'loadById':1,'lookupByNationalId':1}
for key in sorted(groups):
    g=groups[key]; r=gmean(g['r']); c=mean_ci(g['c']); b=mean_ci(g['b'])
    added=c[0]-b[0]; unit=g['unit']
    addus=added*(1000 if unit=='ms/op' else 1)
    print("%s | %s | %s vs %s | %s | base %.3f±%.3f %s | cand %.3f±%.3f | ratio %.3f [%.3f, %.3f] n=%d | forks %s | added/cell %.2f us | alloc %.0f -> %.0f (%+.0f per %s)"%(
        key[0],key[1],key[2],key[3],key[4],b[0],b[2]-b[0],unit,c[0],c[2]-c[0],r[0],r[1],r[2],r[3],
        ",".join("%.3f"%x for x in g['forks']),addus/cells[key[1]],sum(g['ba'])/len(g['ba']),sum(g['ca'])/len(g['ca']),(sum(g['ca'])/len(g['ca'])-sum(g['ba'])/len(g['ba']))/per[key[1]], 'entity' if per[key[1]]>1 else 'op'))
