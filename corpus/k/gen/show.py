import sys, json, content, specs, render
names = sys.argv[2:]
lst = specs.DEV if sys.argv[1]=="dev" else specs.HOLDOUT
for sp in lst:
    if names and sp["name"] not in names: continue
    spec = {k: v for k, v in sp.items() if k not in ("r","o","name","ext")}; spec["file"]=sp["name"]
    doc, t = content.build(spec)
    print("#####", sp["name"], json.dumps({k:t[k] for k in ("status","priorities","benchmarks","findings")}))
    for s in doc["sections"]:
        if s["id"] in sys.argv[1:] or True:
            print("==", s["heading"], s["state"])
            print(render.sec_text(s))
