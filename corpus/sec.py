#!/usr/bin/env python3
"""print a section's mapped text: sec.py BIN SECTION FILE..."""
import json, subprocess, sys
bin_, sec = sys.argv[1], sys.argv[2]
for f in sys.argv[3:]:
    r = subprocess.run([bin_, "extract", f], capture_output=True, text=True)
    try:
        j = json.loads(r.stdout)
    except Exception:
        print(f, "extract failed", r.stderr[:300]); continue
    subs = j if isinstance(j, list) else j.get("submissions", [j])
    for s in subs:
        for x in s.get("sections", []):
            if x.get("id") == sec:
                print("=====", f, x.get("state"))
                print(x.get("text", "")[:3000])
