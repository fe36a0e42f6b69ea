#!/usr/bin/env python3
"""Actors on unseen news, judged by hand (an evaluation command, not a test).

  python3 scripts/eval-actors.py sample --seed S [--polnear 20] [--pac 10] [--cmd target/release/newslens]

draws articles at random (seed S, written down before drawing) from ../shared/data/polnear/dev and
from the single articles of ../shared/data/pac, analyses each alone, and writes one sheet per article
to /tmp/nl-actors/: the article as the tool read it (title included, with byte offsets per
paragraph) and every actor the tool reported, with its type, roles (and the words they were read
from) and mentions. A judge marks each actor right or wrong, each role right or wrong, and lists the
actors the tool missed; `score` adds the judged sheets up.

  python3 scripts/eval-actors.py score /tmp/nl-actors/*.judged.json

A judged file is {"actors_right": n, "actors_wrong": n, "actors_missed": n,
"roles_right": n, "roles_wrong": n, "wrong": [...], "missed": [...]}.
"""
import argparse, json, os, random, subprocess, sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
SHARED = os.path.join(HERE, '..', '..', 'shared', 'data')
OUT = '/tmp/nl-actors'


def pac_articles():
    import importlib.util
    spec = importlib.util.spec_from_file_location('ec', os.path.join(HERE, 'eval-compare.py'))
    ec = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(ec)
    return [(f, t) for _, arts in ec.pac_stories() for f, t in arts]


def polnear_articles():
    root = os.path.join(SHARED, 'polnear', 'dev', 'text')
    return [(f, open(os.path.join(root, f), encoding='utf-8').read()) for f in sorted(os.listdir(root))]


def sheet(name, text, rep):
    art = rep['articles'][0]
    b = text.encode('utf-8')
    lines = [f'# {name}', '', f"title read: {art.get('title')!r}  date: {art.get('date')}  outlet: {art.get('outlet')}", '']
    lines.append('## Segments (kind, code-point start-end, text)')
    for s in art.get('segments', []):
        # CLI offsets are code points
        lines.append(f"- [{s['kind']} {s['start']}-{s['end']}] {text[s['start']:s['end']]}")
    lines += ['', '## Actors reported']
    for a in art.get('actors', []):
        roles = '; '.join(f"{r['role']} <- {text[r['start']:r['end']]!r}" for r in a.get('role_evidence', [])) or '-'
        ms = ', '.join(f"{m['text']}@{m['start']}" for m in a.get('mentions', []))
        lines.append(f"- {a['id']} **{a['name']}** ({a['type']}) roles: {roles} | mentions: {ms}")
    return '\n'.join(lines) + '\n'


def sample(a):
    rng = random.Random(a.seed)
    pol = rng.sample(polnear_articles(), a.polnear)
    pac = rng.sample(pac_articles(), a.pac)
    os.makedirs(OUT, exist_ok=True)
    for i, (name, text) in enumerate(pol + pac):
        src = os.path.join(OUT, f'{i:02d}.txt')
        with open(src, 'w', encoding='utf-8') as f:
            f.write(text)
        cp = subprocess.run(a.cmd.split() + ['analyze', '--json', src], stdout=subprocess.PIPE, check=True)
        rep = json.loads(cp.stdout)
        with open(os.path.join(OUT, f'{i:02d}.md'), 'w', encoding='utf-8') as f:
            f.write(sheet(('polnear/dev ' if i < a.polnear else 'pac ') + name, text, rep))
        print(f'{i:02d}', 'polnear' if i < a.polnear else 'pac', name, len(rep['articles'][0]['actors']), 'actors')


def score(a):
    t = {k: 0 for k in ('actors_right', 'actors_wrong', 'actors_missed', 'roles_right', 'roles_wrong')}
    for f in a.files:
        d = json.load(open(f))
        for k in t:
            t[k] += d.get(k, 0)
    p = t['actors_right'] / max(1, t['actors_right'] + t['actors_wrong'])
    r = t['actors_right'] / max(1, t['actors_right'] + t['actors_missed'])
    rp = t['roles_right'] / max(1, t['roles_right'] + t['roles_wrong'])
    print(f"{len(a.files)} articles: actor precision {p:.3f} ({t['actors_right']}/{t['actors_right'] + t['actors_wrong']}), "
          f"recall {r:.3f} ({t['actors_right']}/{t['actors_right'] + t['actors_missed']}), "
          f"role precision {rp:.3f} ({t['roles_right']}/{t['roles_right'] + t['roles_wrong']})")


def main():
    p = argparse.ArgumentParser()
    sub = p.add_subparsers(dest='what', required=True)
    s = sub.add_parser('sample')
    s.add_argument('--seed', type=int, required=True)
    s.add_argument('--polnear', type=int, default=20)
    s.add_argument('--pac', type=int, default=10)
    s.add_argument('--cmd', default='target/release/newslens')
    s.set_defaults(f=sample)
    c = sub.add_parser('score')
    c.add_argument('files', nargs='+')
    c.set_defaults(f=score)
    a = p.parse_args()
    if not os.path.isdir(SHARED):
        sys.exit('../shared/data is absent: nothing to sample')
    a.f(a)


if __name__ == '__main__':
    main()
