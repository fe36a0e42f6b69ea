#!/usr/bin/env python3
"""Cross-source comparison on ../shared/data (an evaluation command, not a test).

  python3 scripts/eval-compare.py counts  [--cmd target/release/newslens]   discrepancies per kind, 50 BASIL events
  python3 scripts/eval-compare.py stories [--cmd ...]                        "same story" pairwise P/R:
        30 articles of 10 BASIL events in one call, 20 articles of 10 PAC stories in another
  python3 scripts/eval-compare.py sample --set basil|pac --seed S --n N     draws N reported discrepancies
        at random (seed S) and prints each with its passages, for judging by hand
  python3 scripts/eval-compare.py dump --event EVENT                        one BASIL event's discrepancies

BASIL events are written as the scorer (../shared/tools/score_discrepancies.py) writes them: title line,
blank line, body paragraphs. PAC stories: the two articles of a pair.
"""
import argparse, glob, json, os, random, subprocess, sys, tempfile
from collections import Counter, defaultdict

SHARED = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..', 'shared', 'data')
WORK = os.path.join(tempfile.gettempdir(), 'nl-compare')
OUTLETS = ('fox', 'nyt', 'hpo')


def basil_events():
    ev = defaultdict(dict)
    for f in glob.glob(os.path.join(SHARED, 'basil', 'articles', '*', '*.json')):
        d = json.load(open(f, encoding='utf-8'))
        ev[d['triplet-uuid']][d['source'].lower()] = d
    out = {}
    for tid, arts in ev.items():
        if all(o in arts for o in OUTLETS):
            out[f"{(arts['fox'].get('date') or '0000')[:4]}_{tid[:8]}"] = arts
    return dict(sorted(out.items()))


def basil_text(d):
    paras = [' '.join(s.strip() for s in p if s.strip()) for p in d.get('body-paragraphs', [])]
    return (d.get('title') or '').strip() + '\n\n' + '\n\n'.join(p for p in paras if p) + '\n'


def write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, 'w', encoding='utf-8') as f:
        f.write(text)
    return path


def basil_files(name, arts):
    return [write(os.path.join(WORK, 'basil', name, o + '.txt'), basil_text(arts[o])) for o in OUTLETS]


def pac_stories():
    """[(story, [(file name, text), (file name, text)])] from ../shared/data/pac: each article's title, a
    blank line, then its sentences three to a paragraph (PAC keeps sentences, not paragraphs)."""
    root = os.path.join(SHARED, 'pac', 'data', 'merged_annotations')
    names = sorted({f.rsplit('_DOCUMENT_', 1)[0] for f in os.listdir(root) if f.endswith('.json')},
                   key=lambda n: int(n.split('_')[1]))
    out = []
    for n in names:
        arts = []
        for d in (0, 1):
            fp = os.path.join(root, f'{n}_DOCUMENT_{d}.json')
            if not os.path.exists(fp):
                break
            j = json.load(open(fp, encoding='utf-8'))
            news = j.get('news') or []
            if isinstance(news, str):
                import ast
                news = ast.literal_eval(news)
            sents = [x['text'].strip() for x in news if x.get('text', '').strip()]
            paras = [' '.join(sents[i:i + 3]) for i in range(0, len(sents), 3)]
            arts.append((f'{n}_{d}.txt', (j.get('title') or '').strip() + '\n\n' + '\n\n'.join(paras) + '\n'))
        if len(arts) == 2:
            out.append((n, arts))
    return out


def pac_files(name, arts):
    return [write(os.path.join(WORK, 'pac', name, f), t) for f, t in arts]


def run(cmd, files):
    cp = subprocess.run(cmd.split() + ['analyze', '--json'] + files, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    if cp.returncode != 0:
        print('failed:', files[0], cp.stderr.decode()[:200], file=sys.stderr)
        return None
    return json.loads(cp.stdout)


def reports(cmd, which):
    if which == 'basil':
        for name, arts in basil_events().items():
            files = basil_files(name, arts)
            yield name, files, run(cmd, files)
    else:
        for name, arts in pac_stories():
            files = pac_files(name, arts)
            yield name, files, run(cmd, files)


def counts(a):
    by = Counter()
    n = 0
    for name, files, rep in reports(a.cmd, a.set):
        n += 1
        for d in (rep or {}).get('discrepancies', []):
            by[d['kind']] += 1
    print(f'{a.set}: {n} events, {sum(by.values())} discrepancies: ' + ', '.join(f'{k} {v}' for k, v in sorted(by.items())))


def pairwise(groups_true, groups_pred, ids):
    t = {i: g for g, mem in enumerate(groups_true) for i in mem}
    p = {i: g for g, mem in enumerate(groups_pred) for i in mem}
    tp = fp = fn = 0
    for x in range(len(ids)):
        for y in range(x + 1, len(ids)):
            a, b = ids[x], ids[y]
            same_t, same_p = t[a] == t[b], p.get(a, -1 - x) == p.get(b, -2 - y)
            tp += same_t and same_p
            fp += same_p and not same_t
            fn += same_t and not same_p
    return tp, fp, fn


def stories(a):
    for which in ('basil', 'pac'):
        if which == 'basil':
            evs = list(basil_events().items())[:10]
            files, truth = [], []
            for name, arts in evs:
                fs = basil_files(name, arts)
                truth.append(fs)
                files += fs
        else:
            evs = pac_stories()[:10]
            files, truth = [], []
            for name, arts in evs:
                fs = pac_files(name, arts)
                truth.append(fs)
                files += fs
        rep = run(a.cmd, files)
        src = {art['id']: os.path.abspath(art['source']) for art in rep['articles']}
        pred = [[src[x] for x in s['articles']] for s in rep.get('stories', [])]
        ids = [os.path.abspath(f) for f in files]
        truth = [[os.path.abspath(f) for f in g] for g in truth]
        tp, fp, fn = pairwise(truth, pred, ids)
        p = tp / max(1, tp + fp)
        r = tp / max(1, tp + fn)
        print(f'stories {which}: {len(files)} articles, {len(truth)} events -> {len(pred)} stories; '
              f'same-story pairs precision {p:.3f} recall {r:.3f} (tp {tp}, fp {fp}, fn {fn})')


def passage(text, s, e, pad=160):
    return text[max(0, s - pad):s].replace('\n', ' ') + ' [[' + text[s:e] + ']] ' + text[e:e + pad].replace('\n', ' ')


def sample(a):
    allds = []
    for name, files, rep in reports(a.cmd, a.set):
        if not rep:
            continue
        texts = {art['id']: open(art['source'], encoding='utf-8').read() for art in rep['articles']}
        names = {art['id']: os.path.basename(art['source']) for art in rep['articles']}
        for d in rep.get('discrepancies', []):
            allds.append((name, d, texts, names))
    rng = random.Random(a.seed)
    picked = rng.sample(allds, min(a.n, len(allds)))
    print(f'{len(allds)} discrepancies in {a.set}; drew {len(picked)} with seed {a.seed}\n')
    for k, (name, d, texts, names) in enumerate(picked, 1):
        print(f'#{k} {name} [{d["kind"]}/{d.get("importance")}] {d["summary"]}')
        for it in d['items']:
            print(f'   - {names[it["article"]]}: {passage(texts[it["article"]], it["start"], it["end"])}')
        print()


def dump(a):
    evs = basil_events()
    files = basil_files(a.event, evs[a.event])
    rep = run(a.cmd, files)
    print(json.dumps(rep['discrepancies'], indent=1, ensure_ascii=False))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('what', choices=['counts', 'stories', 'sample', 'dump'])
    ap.add_argument('--cmd', default='target/release/newslens')
    ap.add_argument('--set', default='basil', choices=['basil', 'pac'])
    ap.add_argument('--seed', type=int, default=0)
    ap.add_argument('--n', type=int, default=40)
    ap.add_argument('--event')
    a = ap.parse_args()
    if not os.path.isdir(SHARED):
        print('eval-compare: ../shared/data not found; nothing to measure')
        return
    {'counts': counts, 'stories': stories, 'sample': sample, 'dump': dump}[a.what](a)


if __name__ == '__main__':
    main()
