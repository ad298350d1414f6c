"""Error summary of the phone validation study: reads out/phone-validation/results.json (written by
`./pocketsim run configs/phone-validation.yaml`) and prints every comparison and, per metric and
row group, the median and worst absolute relative error. Standard library only."""
import json
import statistics
import sys

path = sys.argv[1] if len(sys.argv) > 1 else "out/phone-validation/results.json"
comparisons = json.load(open(path))["comparisons"]
groups = {}
for c in comparisons:
    err = c["relativeError"]
    print(f"{c['metric']:30s} {err * 100:+8.1f}%  pred {c['predicted']:10.4g}  meas {c['published']:10.4g}  {c['label']}")
    group = c["label"].split(" ")[0][:1]
    for key in (c["metric"], c["metric"] + " [" + group + "]"):
        groups.setdefault(key, []).append((abs(err), c["label"]))
print()
for key in sorted(groups):
    errs = groups[key]
    worst = max(errs)
    print(f"{key:36s} n={len(errs):2d}  median {statistics.median(e for e, _ in errs) * 100:6.1f}%  "
          f"worst {worst[0] * 100:6.1f}% ({worst[1]})")
