#!/usr/bin/env python3
"""Re-run the current binary on a judged draw of eval-actors.py and compare with the judgement
(a development aid, not a test).

  python3 scripts/recheck-actors.py /work/nl-actors-71207 [--cmd target/release/newslens] [--quiet]

For each judged sheet NN.judged.json beside NN.txt and NN.md (the actors the judged binary
reported), analyse NN.txt again and print:
  FIXED  a judged-wrong actor that is gone (or whose mentions changed: 'changed'),
  STILL  a judged-wrong actor still reported,
  LOST   an actor judged right that is no longer reported (costs recall),
  FOUND  an actor judged missed that is now reported (by name),
  NEW    an actor not in the judged sheet (judge it yourself).
Actors are compared by (name, type); a wrong entry names its actor as 'Name (type) — why' or
'Name — why'. Role entries ('role ...') are listed with the roles now on that actor.
"""
import argparse, glob, json, os, re, subprocess

ACTOR = re.compile(r'^- (\S+) \*\*(.+?)\*\* \((\w+)\) roles: (.*?) \| mentions: (.*)$')


def old_actors(md):
    out = []
    for line in open(md, encoding='utf-8'):
        m = ACTOR.match(line.rstrip('\n'))
        if m:
            out.append({'name': m.group(2), 'type': m.group(3), 'roles': m.group(4),
                        'mentions': len(m.group(5).split(', '))})
    return out


def parse_entry(s):
    """'Name (type) — why' -> (name, type or None)."""
    head = s.split(' — ')[0].strip()
    m = re.match(r'^(.*?) \((\w+(?:/\w+)?)\)$', head)
    if m:
        return m.group(1).strip(), m.group(2)
    return head, None


def new_actors(cmd, txt):
    cp = subprocess.run(cmd.split() + ['analyze', '--json', txt], stdout=subprocess.PIPE, check=True)
    art = json.loads(cp.stdout)['articles'][0]
    return [{'name': a['name'], 'type': a['type'], 'mentions': len(a.get('mentions', [])),
             'roles': '; '.join(r['role'] for r in a.get('role_evidence', [])) or '-'}
            for a in art.get('actors', [])]


def main():
    p = argparse.ArgumentParser()
    p.add_argument('dir')
    p.add_argument('--cmd', default='target/release/newslens')
    p.add_argument('--quiet', action='store_true', help='totals only')
    a = p.parse_args()
    tot = {k: 0 for k in ('wrong', 'fixed', 'still', 'right', 'lost', 'missed', 'found', 'new')}
    for jf in sorted(glob.glob(os.path.join(a.dir, '*.judged.json'))):
        nn = os.path.basename(jf).split('.')[0]
        j = json.load(open(jf, encoding='utf-8'))
        old = old_actors(os.path.join(a.dir, nn + '.md'))
        new = new_actors(a.cmd, os.path.join(a.dir, nn + '.txt'))
        newkey = {(x['name'], x['type']): x for x in new}
        newnames = {x['name'] for x in new}
        wrong_keys, lines = set(), []
        for w in j.get('wrong', []):
            if w.startswith('role '):
                m = re.search(r' on (.+?) —', w) or re.search(r' of (.+?) —', w)
                who = m.group(1) if m else '?'
                now = [x['roles'] for x in new if x['name'] == who]
                lines.append(f'  ROLE   {w[:90]}  | now: {now}')
                continue
            name, typ = parse_entry(w)
            cands = [o for o in old if o['name'] == name and (typ is None or o['type'] == typ.split('/')[0])]
            o = cands[0] if cands else None
            key = (name, o['type'] if o else typ)
            wrong_keys.add(key)
            tot['wrong'] += 1
            n = newkey.get(key) or (None if typ else next((x for x in new if x['name'] == name), None))
            if n is None:
                tot['fixed'] += 1
                lines.append(f'  FIXED  {w[:110]}')
            elif o and n['mentions'] != o['mentions'] and 'merge' in w:
                tot['fixed'] += 1
                lines.append(f"  FIXED  (changed {o['mentions']}->{n['mentions']} mentions) {w[:90]}")
            else:
                tot['still'] += 1
                lines.append(f'  STILL  {w[:110]}')
        oldkeys = set()
        for o in old:
            k = (o['name'], o['type'])
            oldkeys.add(k)
            if k in wrong_keys or (o['name'], None) in wrong_keys:
                continue
            tot['right'] += 1
            if k not in newkey:
                tot['lost'] += 1
                alt = [x['type'] for x in new if x['name'] == o['name']]
                lines.append(f"  LOST   {o['name']} ({o['type']})" + (f' now typed {alt}' if alt else ''))
        for m in j.get('missed', []):
            tot['missed'] += 1
            name, _ = parse_entry(m)
            if name in newnames and name not in {o['name'] for o in old}:
                tot['found'] += 1
                lines.append(f'  FOUND  {m[:110]}')
        for x in new:
            if (x['name'], x['type']) not in oldkeys:
                tot['new'] += 1
                lines.append(f"  NEW    {x['name']} ({x['type']}) x{x['mentions']} roles: {x['roles']}")
        if lines and not a.quiet:
            print(f'== {nn}')
            print('\n'.join(lines))
    print('totals: ' + ', '.join(f'{k} {v}' for k, v in tot.items()))


if __name__ == '__main__':
    main()
