#!/usr/bin/python3
"""Reference for the "risk" benchmark: the same exposure, concentration and structural
single-point-of-failure computation as packages/core/src/risk, written with networkx.

Usage: /usr/bin/python3 bench/reference/risk_networkx.py DATASET.json [--no-text]
Prints one JSON line: timings (ms), peak memory (MB) and checksums that the TypeScript side
compares with its own (so both compute the same thing). Method: docs/risk.md.
"""
import json
import resource
import sys
import time

import networkx as nx

UNSOURCED = "unsourced"


def month_index(m):
    y, mo = m.split("-")
    return int(y) * 12 + int(mo) - 1


def average_capacity(supply, horizon):
    first = month_index(horizon["start"])
    end = first + horizon["periods"]
    steps = supply["capacity"]
    total = 0.0
    for i, step in enumerate(steps):
        nxt = steps[i + 1] if i + 1 < len(steps) else None
        lo = max(month_index(step["from"]), first)
        hi = min(month_index(nxt["from"]) if nxt else end, end)
        if hi > lo:
            total += step["perPeriod"] * (hi - lo)
    return total / horizon["periods"]


def bloc_of(country):
    if country is None:
        return "other"
    if country["concern"]:
        return "concern"
    if country["eu"]:
        return "eu"
    if country["nato"]:
        return "nato"
    return "partner"


def pct(share):
    p = share * 100
    if p == 0:
        return "0%"
    if p < 0.1:
        return "<0.1%"
    return f"{round(p) if p >= 10 else round(p * 10) / 10}%"


def band(h):
    if h is None:
        return None
    return "unconcentrated" if h < 1500 else "moderate" if h <= 2500 else "high"


def hhi(shares):
    total = sum(shares)
    return 10000.0 * sum(s * s for s in shares) / (total * total) if total > 0 else 0.0


def analyze(d, texts=True):
    countries = {c["code"]: c for c in d["countries"]}
    sites = {s["id"]: s for s in d["sites"]}
    companies = {c["id"]: c for c in d["companies"]}
    items = {it["id"]: it for it in d["items"]}
    materials = {m["item"]: m for m in d["materials"]}

    g = nx.DiGraph()
    g.add_nodes_from(items)
    for b in d["bom"]:
        g.add_edge(b["parent"], b["child"], qty=b["qty"])

    # Direct sources: active options weighted by mean capacity, else the material's EU sourcing.
    options = {i: [] for i in items}
    for s in d["supply"]:
        cap = average_capacity(s, d["horizon"])
        if cap > 0:
            site = sites[s["site"]]
            options[s["item"]].append((site["id"], site["company"], site["country"], cap))
    sources = {}
    for i in items:
        opts = options[i]
        if opts:
            total = sum(o[3] for o in opts)
            by_country, by_company = {}, {}
            for _, company, country, cap in opts:
                by_country[country] = by_country.get(country, 0.0) + cap / total
                by_company[company] = by_company.get(company, 0.0) + cap / total
            hosts = []
            if len({o[0] for o in opts}) == 1:
                hosts.append(("site", opts[0][0]))
            if len(by_company) == 1:
                hosts.append(("company", opts[0][1]))
            if len(by_country) == 1:
                hosts.append(("country", opts[0][2]))
            sources[i] = ("supply", by_country, by_company, hosts)
            continue
        m = materials.get(i)
        stage = None
        if m:
            stage = next((s for s in m["stages"] if s["stage"] == "processing"), m["stages"][0])
        shares = {c: v for c, v in (stage["euSourcing"].items() if stage else []) if v > 0}
        total = sum(shares.values())
        if total > 0:
            sources[i] = ("material", {c: v / total for c, v in shares.items()}, None, [])
        else:
            sources[i] = ("none", {}, None, [])

    # Exposure by value, children before parents; with the best path per country and the top paths.
    # A path is (share, country, source share, items tuple from this item down).
    top_k, max_paths = 3, 10
    exposure, best, top, paths = {}, {}, {}, {}
    for p in reversed(list(nx.topological_sort(g))):
        value = items[p]["unitValue"]
        lines = [(c, data["qty"] * items[c]["unitValue"]) for c, data in g[p].items()]
        inputs = sum(v for _, v in lines)
        total = max(value, inputs)
        if total <= 0:
            own = 1.0 / (len(lines) + 1)
            lines = [(c, own) for c, _ in lines]
        else:
            own = max(value - inputs, 0.0) / total
            lines = [(c, v / total) for c, v in lines]
        e, b, t = {}, {}, []

        def offer(country, share, source, tail):
            if country not in b or share > b[country][0]:
                b[country] = (share, country, source, (p,) + tail)

        def offer_top(cand):
            if top_k == 0 or (len(t) >= top_k and cand[0] <= t[-1][0]):
                return
            at = len(t)
            while at > 0 and t[at - 1][0] < cand[0]:
                at -= 1
            t.insert(at, cand)
            if len(t) > top_k:
                t.pop()

        if own > 0:
            kind, by_country, _, _ = sources[p]
            for c, s in ({UNSOURCED: 1.0} if kind == "none" else by_country).items():
                e[c] = e.get(c, 0.0) + own * s
                if s > 0:
                    offer(c, own * s, s, ())
                    offer_top((own * s, c, s, (p,)))
        for c, w in lines:
            if w > 0:
                for k, v in exposure[c].items():
                    e[k] = e.get(k, 0.0) + w * v
                for share, country, source, its in best[c].values():
                    offer(country, w * share, source, its)
                for share, country, source, its in top[c]:
                    offer_top((w * share, country, source, (p,) + its))
        exposure[p], best[p], top[p] = e, b, t
        listed = {(path[1], path[3]): path for path in list(b.values()) + t}
        chosen = sorted(listed.values(), key=lambda x: -x[0])[:max_paths]
        paths[p] = [
            {
                "items": list(its),
                "country": country,
                "share": share,
                "sourceShare": source,
                "text": (" ← ".join(items[i]["name"] for i in its) + (f": no supply, {pct(share)} of value" if country == UNSOURCED else f": {country} {pct(source)} of supply, {pct(share)} of value")) if texts else "",
            }
            for share, country, source, its in chosen
        ]

    by_bloc = {}
    for i, e in exposure.items():
        bb = {"eu": 0.0, "nato": 0.0, "partner": 0.0, "concern": 0.0, "other": 0.0, UNSOURCED: 0.0}
        for code, v in e.items():
            bb[UNSOURCED if code == UNSOURCED else bloc_of(countries.get(code))] += v
        by_bloc[i] = bb

    eu_sum = sum(bb["eu"] for bb in by_bloc.values())
    concern_sum = sum(bb["concern"] for bb in by_bloc.values())
    unsourced_sum = sum(bb[UNSOURCED] for bb in by_bloc.values())

    # Concentration of direct sources.
    concentration = {}
    for i, (kind, by_country, by_company, _) in sources.items():
        hc = hhi(list(by_country.values())) if kind != "none" else None
        hk = hhi(list(by_company.values())) if by_company is not None else None
        concentration[i] = {
            "hhiCountry": hc,
            "hhiCompany": hk,
            "hhiCountryBand": band(hc),
            "hhiCompanyBand": band(hk),
            "singleSource": {
                "option": kind == "supply" and len(options[i]) == 1,
                "company": kind == "supply" and len(by_company) == 1,
                "country": kind == "supply" and len(by_country) == 1,
            },
        }
    hhi_country_sum = sum(c["hhiCountry"] or 0 for c in concentration.values())
    hhi_company_sum = sum(c["hhiCompany"] or 0 for c in concentration.values())
    single = sum(1 for c in concentration.values() if c["singleSource"]["option"])

    # Monthly requirement (demands, target gaps over the horizon, usage), exploded top-down; pool stock.
    periods = d["horizon"]["periods"]
    monthly = {i: 0.0 for i in items}
    pool, holding = {i: 0.0 for i in items}, {}
    for st in d["stocks"]:
        if st["holder"] == "pool":
            pool[st["item"]] += st["qty"]
        else:
            holding[(st["holder"], st["item"])] = holding.get((st["holder"], st["item"]), 0.0) + st["qty"]
    for x in d["demands"]:
        monthly[x["item"]] += x["qty"] / periods
    for x in d["targets"]:
        gap = max(0.0, x["level"] - holding.get((x["consumer"], x["item"]), 0.0))
        monthly[x["item"]] += gap / periods + x.get("usagePerPeriod", 0.0)
    for p in nx.topological_sort(g):
        if monthly[p]:
            for c, data in g[p].items():
                monthly[c] += monthly[p] * data["qty"]

    def cover(i):
        return pool[i] / monthly[i] if monthly[i] > 0 else None

    def host_label(kind, ident):
        if kind == "site":
            site = sites[ident]
            return f"site {site['name']} ({companies[site['company']]['name']}, {site['country']})"
        if kind == "company":
            return f"company {companies[ident]['name']} ({companies[ident]['country']})"
        return f"country {countries[ident]['name'] if ident in countries else ident} ({ident})"

    # Structural SPOFs: per end item, the hosts of all active options of an item in its BOM tree
    # (breadth-first, so the first item of a host is the closest and its BFS path the shortest).
    wanted = {it["id"] for it in d["items"] if it["kind"] == "end-item"}
    wanted |= {x["item"] for x in d["demands"]} | {x["item"] for x in d["targets"]}
    targets_of = {}
    for x in d["targets"]:
        targets_of.setdefault(x["item"], []).append(x["id"])
    spof = []
    for e in (it["id"] for it in d["items"] if it["id"] in wanted):
        via = {e: None}
        order = [e]
        for parent, child in nx.bfs_edges(g, e):
            via[child] = parent
            order.append(child)
        groups = {}
        for j in order:
            for h in sources[j][3]:
                groups.setdefault(h, []).append(j)
        for (kind, ident), its in groups.items():
            path = []
            at = its[0]
            while at is not None:
                path.append(at)
                at = via[at]
            path.reverse()
            covers = [c for c in (cover(i) for i in its) if c is not None]
            least = min(covers) if covers else None
            text = ""
            if texts:
                names = [items[i]["name"] for i in its]
                stock = "" if least is None else " No pool stock covers the gap." if least == 0 else f" Pool stock covers {least:.1f} months."
                chain = " ← ".join(items[i]["name"] for i in path)
                text = f"Losing {host_label(kind, ident)} leaves {', '.join(names)} without any supply" + (f"; {items[e]['name']} needs {names[0]} via {chain}" if len(path) > 1 else "") + "." + stock
            spof.append({"endItem": e, "node": ident, "nodeKind": kind, "explanation": text, "items": its, "path": path, "targets": targets_of.get(e, []), "stockMonths": least})

    return {
        "items": len(items),
        "euSum": eu_sum,
        "concernSum": concern_sum,
        "unsourcedSum": unsourced_sum,
        "hhiCountrySum": hhi_country_sum,
        "hhiCompanySum": hhi_company_sum,
        "singleOption": single,
        "spof": len(spof),
        "spofItems": sum(len(x["items"]) for x in spof),
        "spofPathSum": sum(len(x["path"]) for x in spof),
        "paths": sum(len(p) for p in paths.values()),
        "pathShareSum": sum(x["share"] for p in paths.values() for x in p),
    }


def main():
    t0 = time.perf_counter()
    with open(sys.argv[1], encoding="utf-8") as f:
        d = json.load(f)
    t1 = time.perf_counter()
    c1 = time.process_time()
    result = analyze(d, texts="--no-text" not in sys.argv[2:])
    c2 = time.process_time()
    t2 = time.perf_counter()
    result["loadMs"] = (t1 - t0) * 1000
    result["ms"] = (t2 - t1) * 1000
    result["cpuMs"] = (c2 - c1) * 1000
    result["peakRssMb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    result["networkx"] = nx.__version__
    print(json.dumps(result))


if __name__ == "__main__":
    main()
