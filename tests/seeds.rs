//! The seeds scorecard, in Rust: the same checks as `../shared/tools/score_seeds.py`, run on the
//! project's own copy of the seeds (`seeds/`), so the test suite shows the card on a fresh clone
//! without `../shared`.
//!
//! It prints the card and asserts only what must never regress: every seed is read as exactly one
//! article, and each category stays at or above the floor recorded in `FLOORS` (raise a floor when
//! a change lifts a category; a drop below it is a regression). The Python tool stays the
//! reference; this port follows it check by check (its `norm` uses NFKC; here only the white
//! space, quote and case folding that matter for these texts).

use newslens::report::{convert_offsets, OffsetUnit};
use newslens::Input;
use serde_json::Value;
use std::collections::{BTreeMap, HashMap, HashSet};

/// Minimum hits per category; the scorecard may only go up.
const FLOORS: &[(&str, usize)] = &[("articles", 5)];

fn norm(s: &str) -> String {
    let s: String = s
        .chars()
        .map(|c| match c {
            '\u{2019}' | '\u{2018}' => '\'',
            '\u{201c}' | '\u{201d}' => '"',
            c => c,
        })
        .collect();
    let s = s.split(char::is_whitespace).filter(|w| !w.is_empty()).collect::<Vec<_>>().join(" ").to_lowercase();
    s.trim_matches(|c| " \"'.,;:".contains(c)).to_string()
}

fn s<'a>(v: &'a Value, k: &str) -> &'a str {
    v.get(k).and_then(Value::as_str).unwrap_or("")
}

fn arr<'a>(v: &'a Value, k: &str) -> &'a [Value] {
    v.get(k).and_then(Value::as_array).map(Vec::as_slice).unwrap_or(&[])
}

fn actor_strings(a: &Value) -> HashSet<String> {
    let mut out = HashSet::new();
    out.insert(norm(s(a, "name")));
    for x in arr(a, "aliases") {
        out.insert(norm(x.as_str().unwrap_or("")));
    }
    for m in arr(a, "mentions") {
        out.insert(norm(s(m, "text")));
    }
    out.remove("");
    out
}

/// Slice by code points, like Python's `str[a:b]`.
fn cp_slice(chars: &[char], a: usize, b: usize) -> String {
    let b = b.min(chars.len());
    chars[a.min(b)..b].iter().collect()
}

fn word_in(needle: &str, hay: &str) -> bool {
    // \bneedle\b on normalised strings.
    let mut from = 0;
    while let Some(i) = hay[from..].find(needle) {
        let (b, e) = (from + i, from + i + needle.len());
        let before = hay[..b].chars().next_back().map_or(true, |c| !c.is_alphanumeric() && c != '_');
        let after = hay[e..].chars().next().map_or(true, |c| !c.is_alphanumeric() && c != '_');
        if before && after {
            return true;
        }
        from = b + hay[b..].chars().next().map_or(1, char::len_utf8);
    }
    false
}

#[derive(Default)]
struct Card(BTreeMap<&'static str, (usize, usize)>, Vec<String>);

impl Card {
    fn add(&mut self, key: &'static str, ok: bool, what: String) {
        let e = self.0.entry(key).or_default();
        e.0 += ok as usize;
        e.1 += 1;
        if !ok {
            self.1.push(format!("  miss [{key}] {what}"));
        }
    }
}

#[test]
fn seeds_scorecard() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/seeds");
    let gold: Value = serde_json::from_str(&std::fs::read_to_string(format!("{dir}/gold.json")).unwrap()).unwrap();
    let names: Vec<String> = gold["articles"].as_object().unwrap().keys().cloned().collect();
    let texts: Vec<String> = names.iter().map(|n| std::fs::read_to_string(format!("{dir}/{n}")).unwrap()).collect();
    let inputs: Vec<Input> = names.iter().zip(&texts).map(|(n, t)| Input { source: n, text: t }).collect();
    let mut report = newslens::analyze(&inputs).expect("the seeds analyse");
    let analysed: Vec<String> =
        report.inputs.iter().zip(&texts).map(|(i, t)| i.text.clone().unwrap_or_else(|| t.clone())).collect();
    let refs: Vec<&str> = analysed.iter().map(String::as_str).collect();
    convert_offsets(&mut report, &refs, OffsetUnit::CodePoints);
    let rep: Value = serde_json::to_value(&report).unwrap();

    let mut card = Card::default();
    let mut per_source: HashMap<String, usize> = HashMap::new();
    for a in arr(&rep, "articles") {
        *per_source.entry(s(a, "source").to_string()).or_default() += 1;
    }
    let mut matched: HashMap<(String, String), Value> = HashMap::new();
    for (name, text) in names.iter().zip(&texts) {
        let g = &gold["articles"][name];
        let chars: Vec<char> = text.chars().collect();
        let Some(a) = arr(&rep, "articles").iter().find(|a| s(a, "source") == name) else {
            card.add("articles", false, format!("{name}: no article"));
            continue;
        };
        card.add("articles", per_source[name] == 1, format!("{name}: read as {} articles", per_source[name]));
        for key in ["title", "date", "outlet"] {
            if let Some(want) = g.get(key).and_then(Value::as_str) {
                let got = a.get(key).and_then(Value::as_str).unwrap_or("");
                card.add("metadata", norm(got) == norm(want), format!("{key}: want {want:?}, got {got:?}"));
            }
        }
        let mut spans: Vec<(usize, usize)> = arr(a, "body")
            .iter()
            .map(|s| (s["start"].as_u64().unwrap() as usize, s["end"].as_u64().unwrap() as usize))
            .collect();
        spans.sort();
        let body = spans.iter().map(|&(b, e)| cp_slice(&chars, b, e)).collect::<Vec<_>>().join("\n");
        if let (Some(first), Some(last)) = (spans.first(), spans.last()) {
            let bf = s(g, "body_first");
            let bl = s(g, "body_last");
            let n_bf = bf.chars().count();
            let n_bl = bl.chars().count();
            card.add(
                "body",
                norm(&cp_slice(&chars, first.0, first.0 + n_bf)) == norm(bf),
                format!("body start {bf:?}"),
            );
            card.add(
                "body",
                norm(&cp_slice(&chars, last.1.saturating_sub(n_bl), last.1)) == norm(bl),
                format!("body end {bl:?}"),
            );
        } else {
            card.add("body", false, "no body".into());
        }
        for x in arr(g, "not_in_body") {
            let x = x.as_str().unwrap();
            card.add("boilerplate", !body.contains(x), format!("kept {x:?}"));
        }
        let actors = arr(a, "actors");
        for ga in arr(g, "actors") {
            let want = norm(s(ga, "name"));
            let alias0 = norm(arr(ga, "aliases")[0].as_str().unwrap());
            let cands: Vec<&Value> = actors
                .iter()
                .filter(|x| {
                    let st = actor_strings(x);
                    st.contains(&want) || st.contains(&alias0)
                })
                .collect();
            let mut types: HashSet<&str> = arr(ga, "alt_types").iter().filter_map(Value::as_str).collect();
            types.insert(s(ga, "type"));
            let best = cands.iter().find(|x| types.contains(s(x, "type"))).or(cands.first()).copied();
            card.add("actors", best.is_some(), format!("actor missing: {}", s(ga, "name")));
            let Some(best) = best else { continue };
            matched.insert((name.clone(), s(ga, "name").to_string()), best.clone());
            card.add("types", types.contains(s(best, "type")), format!("{}: type {}", s(ga, "name"), s(best, "type")));
            let strs = actor_strings(best);
            for al in arr(ga, "aliases") {
                let al = al.as_str().unwrap();
                card.add("aliases", strs.contains(&norm(al)), format!("{}: alias {al:?}", s(ga, "name")));
            }
            let roles: Vec<String> = arr(best, "roles").iter().map(|r| norm(r.as_str().unwrap_or(""))).collect();
            for r in arr(ga, "roles") {
                let r = norm(r.as_str().unwrap());
                let ok = roles.iter().any(|x| !x.is_empty() && (r.contains(x.as_str()) || x.contains(r.as_str())));
                card.add("roles", ok, format!("{}: role {r:?}", s(ga, "name")));
            }
        }
        for bad in arr(g, "not_actors") {
            let bad = norm(bad.as_str().unwrap());
            let hit = actors.iter().flat_map(|x| arr(x, "mentions")).any(|m| word_in(&bad, &norm(s(m, "text"))));
            card.add("no_false_actors", !hit, format!("false actor {bad:?}"));
        }
        let quotes = arr(a, "quotes");
        let ids: HashMap<&str, &Value> = actors.iter().map(|x| (s(x, "id"), x)).collect();
        for gq in arr(g, "quotes") {
            let want = norm(s(gq, "text"));
            let q = quotes.iter().find(|x| {
                let t = norm(s(x, "text"));
                !t.is_empty()
                    && (t.contains(&want) || want.contains(&t))
                    && (want.len().min(t.len()) as f64) >= 0.8 * want.len().max(t.len()) as f64
            });
            card.add("quotes", q.is_some(), format!("quote missing: {want:?}"));
            let Some(q) = q else { continue };
            let sp = q.get("speaker").and_then(Value::as_str).and_then(|id| ids.get(id)).copied();
            let mut ok_names: Vec<Option<&str>> = vec![gq.get("speaker").and_then(Value::as_str)];
            ok_names.extend(arr(gq, "alt_speakers").iter().map(Value::as_str));
            let good = ok_names.iter().any(|nm| match (nm, sp) {
                (None, None) => true,
                (Some(nm), Some(sp)) => {
                    matched.get(&(name.clone(), nm.to_string())).is_some_and(|m| s(m, "id") == s(sp, "id"))
                        || actor_strings(sp).contains(&norm(nm))
                }
                _ => false,
            });
            card.add("speakers", good, format!("{want:?}: speaker {:?}", sp.map(|x| s(x, "name"))));
            if let Some(via) = gq.get("via").and_then(Value::as_str) {
                let ok = arr(q, "via")
                    .iter()
                    .filter_map(|v| ids.get(v.as_str().unwrap_or("")))
                    .any(|v| actor_strings(v).contains(&norm(via)));
                card.add("via", ok, format!("{want:?}: via {via}"));
            }
        }
        for t in arr(g, "terms_not_speech") {
            let t = norm(t.as_str().unwrap());
            let q = quotes.iter().find(|x| norm(s(x, "text")) == t);
            card.add("terms", q.is_none_or(|q| s(q, "kind") == "term"), format!("{t:?} is a term"));
        }
        let flags = arr(a, "flags");
        for v in arr(g, "vague_sources") {
            let v = norm(v.as_str().unwrap());
            let ok = flags.iter().any(|f| {
                let ft = norm(s(f, "text"));
                s(f, "kind") == "vague_source" && (ft.contains(&v) || (!ft.is_empty() && v.contains(&ft)))
            });
            card.add("vague", ok, format!("vague source {v:?}"));
        }
        for c in arr(g, "claims") {
            let claim = norm(s(c, "claim"));
            let head: String = claim.chars().take(30).collect();
            let ok = flags.iter().any(|f| {
                let k = s(f, "kind");
                let ft = norm(s(f, "text"));
                (k == "contested" || k == "contested_claim")
                    && !ft.is_empty()
                    && (norm(&format!("{} {}", s(f, "text"), s(f, "note"))).contains(&head) || claim.contains(&ft))
            });
            card.add("contested", ok, format!("claim {head:?}"));
        }
    }
    let across = &gold["across"];
    let gactors = arr(&rep, "actors");
    let variants = |ga: &Value| -> HashSet<String> {
        let mut v: HashSet<String> = arr(ga, "variants").iter().map(|x| norm(x.as_str().unwrap_or(""))).collect();
        v.insert(norm(s(ga, "name")));
        v
    };
    for pair in arr(across, "same_actor") {
        let pair: Vec<String> = pair.as_array().unwrap().iter().map(|x| norm(x.as_str().unwrap())).collect();
        let ok = gactors.iter().any(|ga| pair.iter().all(|p| variants(ga).contains(p)));
        card.add("same_actor", ok, format!("not merged: {pair:?}"));
    }
    let discs = arr(&rep, "discrepancies");
    let disc_text = |d: &Value| {
        let mut t = s(d, "summary").to_string();
        for i in arr(d, "items") {
            t.push(' ');
            t.push_str(s(i, "text"));
            t.push(' ');
            t.push_str(s(i, "value"));
        }
        norm(&t)
    };
    for gd in arr(across, "discrepancies") {
        let ok = discs.iter().any(|d| {
            s(d, "kind") == s(gd, "kind")
                && arr(gd, "must_mention").iter().all(|m| disc_text(d).contains(&norm(m.as_str().unwrap())))
        });
        card.add("discrepancies", ok, format!("not reported: {} {}", s(gd, "kind"), gd["must_mention"]));
    }
    for bad in arr(across, "must_not_flag") {
        if s(bad, "kind") == "separate_actors" {
            let apart = gactors
                .iter()
                .filter(|ga| arr(bad, "forbid_apart").iter().any(|v| variants(ga).contains(&norm(v.as_str().unwrap()))))
                .count();
            card.add("false_flags", apart <= 1, format!("{} separate actors", apart));
        } else {
            let hit = discs.iter().any(|d| {
                s(d, "kind") == s(bad, "kind")
                    && arr(bad, "forbid_together").iter().all(|m| disc_text(d).contains(&norm(m.as_str().unwrap())))
            });
            card.add("false_flags", !hit, format!("wrong {} discrepancy", s(bad, "kind")));
        }
    }

    for line in &card.1 {
        println!("{line}");
    }
    let keys = [
        "articles",
        "metadata",
        "body",
        "boilerplate",
        "actors",
        "types",
        "aliases",
        "roles",
        "no_false_actors",
        "quotes",
        "speakers",
        "via",
        "terms",
        "vague",
        "contested",
        "same_actor",
        "discrepancies",
        "false_flags",
    ];
    let (hit, tot) = keys.iter().filter_map(|k| card.0.get(k)).fold((0, 0), |(h, t), (a, b)| (h + a, t + b));
    let line: Vec<String> = keys.iter().filter_map(|k| card.0.get(k).map(|(h, t)| format!("{k}={h}/{t}"))).collect();
    println!("seeds: {} | all={hit}/{tot}", line.join(" "));
    for (k, floor) in FLOORS {
        let got = card.0.get(k).map_or(0, |x| x.0);
        assert!(got >= *floor, "seeds scorecard regressed: {k}={got}, floor {floor}");
    }
}
