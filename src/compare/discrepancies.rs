//! Where the articles disagree.
//!
//! Everything here compares what several articles say of the *same* thing, so it runs after
//! [`super::align`] has decided which per-article actors are one real entity. Each detector is a
//! small function over the articles and global actors that returns [`Discrepancy`] values with
//! the spans a reader needs to check the claim in each article:
//!
//! - **role**: one actor, different titles ("secretary of Russia's State Security Council" in
//!   2025 vs "Russian Defense Minister" in 2023). The article dates go into the summary: a role
//!   that changed over time is not an error, and the reader should see why they differ.
//! - **spelling**: one actor, differently written full names (Sergei / Sergey Shoigu).
//! - **quote_wording**: one remark quoted in different words (“warm letter” vs “warm and good
//!   letter”), found by content-word overlap between quotes of the same speaker.
//! - **framing**: the same thing named with terms that take a side ("special military operation"
//!   vs "invasion"), from the hand-written lexicon `data/lexicons/framing.txt`.
//! - **contested_claim**: an allegation met by a denial, from the quote stage's per-article
//!   `contested_claim` flags.
//!
//! Numbers and dates are not compared yet: the same number often counts different things
//! (11,000 troops vs 11,000 containers), and telling them apart needs event alignment.

use crate::report::{Actor, Article, Discrepancy, DiscrepancyItem, FlagKind, GlobalActor, Quote, Span};
use std::collections::HashMap;
use std::sync::OnceLock;

/// All discrepancies between `articles`; `texts[i]` is the text of input `i` (what the articles'
/// offsets point into).
pub fn discrepancies(texts: &[&str], articles: &[Article], actors: &[GlobalActor]) -> Vec<Discrepancy> {
    let by_id: HashMap<&str, (&Article, &Actor)> =
        articles.iter().flat_map(|a| a.actors.iter().map(move |x| (x.id.as_str(), (a, x)))).collect();
    let mut out = Vec::new();
    for g in actors {
        let members: Vec<(&Article, &Actor)> =
            g.members.iter().filter_map(|m| by_id.get(m.as_str()).copied()).collect();
        out.extend(roles(g, &members));
        out.extend(spelling(g, &members));
    }
    out.extend(quote_wording(articles, actors));
    out.extend(framing(texts, articles));
    out.extend(contested(articles));
    out
}

/// Lower-case words of at least two letters, each cut to its first five letters: a crude stem
/// that makes "Russia's" and "Russian", "ministry" and "minister" meet.
fn stems(s: &str) -> Vec<String> {
    s.split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.chars().count() >= 2 && !STOPWORDS.contains(&w.to_lowercase().as_str()))
        .map(|w| w.to_lowercase().chars().take(5).collect())
        .collect()
}

const STOPWORDS: &[&str] = &[
    "the", "of", "and", "a", "an", "to", "in", "on", "for", "with", "at", "by", "from", "s", "its", "his", "her",
    "their", "is", "was", "be", "that", "this", "as", "or", "now", "former",
];

/// Share of the smaller word set found in the larger one.
fn containment(a: &[String], b: &[String]) -> f64 {
    let (small, large) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    if small.is_empty() {
        return 0.0;
    }
    small.iter().filter(|w| large.contains(w)).count() as f64 / small.len() as f64
}

/// Roles so generic that they never contradict a specific one ("Russian official").
fn is_generic_role(role: &str) -> bool {
    let last = role.split_whitespace().last().unwrap_or("").to_lowercase();
    matches!(last.as_str(), "official" | "officials" | "figure" | "politician" | "diplomat" | "aide" | "source")
}

fn describe(a: &Article) -> String {
    match &a.date {
        Some(d) => format!("{}, {}", a.id, d),
        None => a.id.clone(),
    }
}

fn roles(g: &GlobalActor, members: &[(&Article, &Actor)]) -> Option<Discrepancy> {
    // Each group: one role wording, the articles that use a compatible one, and its evidence.
    struct Group<'a> {
        role: &'a str,
        stems: Vec<String>,
        items: Vec<DiscrepancyItem>,
        articles: Vec<&'a Article>,
    }
    let mut groups: Vec<Group> = Vec::new();
    for (art, actor) in members {
        for ev in &actor.role_evidence {
            if is_generic_role(&ev.role) {
                continue;
            }
            let st = stems(&ev.role);
            let item = DiscrepancyItem {
                article: art.id.clone(),
                start: ev.start,
                end: ev.end,
                text: ev.role.clone(),
                value: ev.role.clone(),
            };
            match groups.iter_mut().find(|gr| containment(&gr.stems, &st) >= 0.75) {
                Some(gr) => {
                    if !gr.articles.iter().any(|a| a.id == art.id) {
                        gr.articles.push(art);
                        gr.items.push(item);
                    }
                }
                None => groups.push(Group { role: &ev.role, stems: st, items: vec![item], articles: vec![art] }),
            }
        }
    }
    // An article does not disagree with itself: "the Russian defense chief" and "Russia's defense
    // minister" in one story are two wordings of one role, so groups sharing an article merge.
    let mut i = 0;
    while i < groups.len() {
        let shared = (i + 1..groups.len())
            .find(|&j| groups[j].articles.iter().any(|a| groups[i].articles.iter().any(|b| a.id == b.id)));
        match shared {
            Some(j) => {
                let g = groups.remove(j);
                for (a, item) in g.articles.into_iter().zip(g.items) {
                    if !groups[i].articles.iter().any(|b| b.id == a.id) {
                        groups[i].articles.push(a);
                        groups[i].items.push(item);
                    }
                }
            }
            None => i += 1,
        }
    }
    let distinct_articles = members.iter().map(|(a, _)| a.id.as_str()).collect::<std::collections::BTreeSet<_>>();
    if groups.len() < 2 || distinct_articles.len() < 2 {
        return None;
    }
    // Only a disagreement when different articles hold different roles.
    let arts_of = |gr: &Group| gr.articles.iter().map(|a| a.id.clone()).collect::<Vec<_>>();
    if groups.iter().all(|gr| arts_of(gr) == arts_of(&groups[0])) {
        return None;
    }
    let parts: Vec<String> = groups
        .iter()
        .map(|gr| format!("'{}' ({})", gr.role, gr.articles.iter().map(|a| describe(a)).collect::<Vec<_>>().join("; ")))
        .collect();
    Some(Discrepancy {
        kind: "role".into(),
        summary: format!("{}: {}", g.name, parts.join(" vs ")),
        items: groups.into_iter().flat_map(|gr| gr.items).collect(),
    })
}

/// Name tokens for comparing spellings: split on spaces and hyphens, lower-cased.
fn name_tokens(s: &str) -> Vec<String> {
    s.split(|c: char| c.is_whitespace() || c == '-' || c == '\u{2010}')
        .filter(|t| !t.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// Two full names that write the same name differently: same number of parts, and either the
/// parts are equal but joined differently ("Kim Jong-un" / "Kim Jong Un") or exactly one part
/// differs by a small edit ("Sergei" / "Sergey").
fn spelling_variant(a: &str, b: &str) -> bool {
    if a == b || a.replace('.', "") == b.replace('.', "") {
        return false;
    }
    let (ta, tb) = (name_tokens(a), name_tokens(b));
    if ta.len() < 2 || ta.len() != tb.len() {
        return false;
    }
    let diffs: Vec<(&String, &String)> = ta.iter().zip(&tb).filter(|(x, y)| x != y).collect();
    match diffs.as_slice() {
        [] => true,
        [(x, y)] => edit_distance(x, y) <= 2 && x.chars().count().min(y.chars().count()) >= 4,
        _ => false,
    }
}

/// Levenshtein distance (short strings only: names).
fn edit_distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.iter().enumerate() {
        let mut cur = vec![i + 1];
        for (j, cb) in b.iter().enumerate() {
            cur.push((prev[j] + usize::from(ca != cb)).min(prev[j + 1] + 1).min(cur[j] + 1));
        }
        prev = cur;
    }
    prev[b.len()]
}

fn spelling(g: &GlobalActor, members: &[(&Article, &Actor)]) -> Option<Discrepancy> {
    // The first article and mention where each full-name spelling occurs.
    let mut seen: Vec<(String, DiscrepancyItem)> = Vec::new();
    for (art, actor) in members {
        for m in &actor.mentions {
            if seen.iter().any(|(s, _)| *s == m.text) || !g.variants.contains(&m.text) {
                continue;
            }
            let item = DiscrepancyItem {
                article: art.id.clone(),
                start: m.start,
                end: m.end,
                text: m.text.clone(),
                value: m.text.clone(),
            };
            seen.push((m.text.clone(), item));
        }
    }
    let mut items = Vec::new();
    for (i, (a, ia)) in seen.iter().enumerate() {
        for (b, ib) in &seen[i + 1..] {
            if ia.article != ib.article && spelling_variant(a, b) {
                for it in [ia, ib] {
                    if !items.iter().any(|x: &DiscrepancyItem| x.value == it.value) {
                        items.push(it.clone());
                    }
                }
            }
        }
    }
    if items.len() < 2 {
        return None;
    }
    let spellings: Vec<String> = items.iter().map(|i| format!("'{}' ({})", i.value, i.article)).collect();
    Some(Discrepancy {
        kind: "spelling".into(),
        summary: format!("{} is spelled {}", g.name, spellings.join(" vs ")),
        items,
    })
}

/// Upper bound on quotes compared pairwise in one report (the comparison is quadratic in it).
const MAX_QUOTES_COMPARED: usize = 1000;

/// A quote prepared for comparison: its article, the global ids of its speaker and of the
/// reporting actors it came through, and its content-word stems.
struct QuoteKey<'a> {
    article: &'a Article,
    quote: &'a Quote,
    speaker: Option<&'a GlobalActor>,
    via: Vec<&'a str>,
    relayed: bool,
    stems: Vec<String>,
}

/// Two quotes may be the same remark when they have the same speaker, when one's speaker is the
/// medium the other came through ("the state-run KCNA said" vs "Kim asked …, KCNA said"), or
/// when one's speaker is unknown or a medium that may be relaying someone else's words.
fn same_source(a: &QuoteKey, b: &QuoteKey) -> bool {
    match (a.speaker, b.speaker) {
        (Some(x), Some(y)) => {
            x.id == y.id || a.via.contains(&y.id.as_str()) || b.via.contains(&x.id.as_str()) || a.relayed || b.relayed
        }
        _ => true,
    }
}

fn quote_wording(articles: &[Article], actors: &[GlobalActor]) -> Vec<Discrepancy> {
    let global_of: HashMap<&str, &GlobalActor> =
        actors.iter().flat_map(|g| g.members.iter().map(move |m| (m.as_str(), g))).collect();
    let keys: Vec<QuoteKey> = articles
        .iter()
        .flat_map(|a| a.quotes.iter().map(move |q| (a, q)))
        .filter(|(_, q)| matches!(q.kind, crate::report::QuoteKind::Direct | crate::report::QuoteKind::Partial))
        .take(MAX_QUOTES_COMPARED)
        .map(|(a, q)| {
            let speaker = q.speaker.as_deref().and_then(|s| global_of.get(s).copied());
            QuoteKey {
                article: a,
                quote: q,
                speaker,
                via: q.via.iter().filter_map(|v| global_of.get(v.as_str()).map(|g| g.id.as_str())).collect(),
                relayed: speaker.is_some_and(|g| g.kind == crate::report::ActorType::Media),
                stems: stems(&q.text),
            }
        })
        .collect();
    let mut out = Vec::new();
    for (i, a) in keys.iter().enumerate() {
        for b in &keys[i + 1..] {
            let (na, nb) = (normalize_quote(&a.quote.text), normalize_quote(&b.quote.text));
            // Same words in the shorter one, but not the same wording.
            if na == nb
                || a.stems.len() < 2
                || b.stems.len() < 2
                || containment(&a.stems, &b.stems) < 1.0
                || !same_source(a, b)
            {
                continue;
            }
            let who = [a, b]
                .iter()
                .filter_map(|k| k.speaker)
                .find(|g| g.kind != crate::report::ActorType::Media)
                .or(a.speaker.or(b.speaker))
                .map_or("an unnamed source", |g| g.name.as_str());
            out.push(Discrepancy {
                kind: "quote_wording".into(),
                summary: format!(
                    "{who} quoted as \u{201c}{}\u{201d} ({}) and \u{201c}{}\u{201d} ({})",
                    na, a.article.id, nb, b.article.id
                ),
                items: [a, b]
                    .iter()
                    .map(|k| DiscrepancyItem {
                        article: k.article.id.clone(),
                        start: k.quote.start,
                        end: k.quote.end,
                        text: k.quote.text.clone(),
                        value: normalize_quote(&k.quote.text),
                    })
                    .collect(),
            });
        }
    }
    out
}

fn normalize_quote(s: &str) -> String {
    s.trim()
        .trim_matches(|c: char| c.is_ascii_punctuation() || c.is_whitespace())
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// One group of the framing lexicon.
struct FramingGroup {
    name: String,
    anchors: Vec<String>,
    /// `(term, loaded)`
    terms: Vec<(String, bool)>,
}

fn framing_lexicon() -> &'static [FramingGroup] {
    static LEX: OnceLock<Vec<FramingGroup>> = OnceLock::new();
    LEX.get_or_init(|| parse_framing(include_str!("../../data/lexicons/framing.txt")))
}

fn parse_framing(src: &str) -> Vec<FramingGroup> {
    let mut groups: Vec<FramingGroup> = Vec::new();
    for line in src.lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('#')) {
        if let Some(head) = line.strip_prefix('=') {
            let (name, anchors) = head.split_once('|').unwrap_or((head, ""));
            groups.push(FramingGroup {
                name: name.trim().to_string(),
                anchors: anchors.split(',').map(|a| a.trim().to_lowercase()).filter(|a| !a.is_empty()).collect(),
                terms: Vec::new(),
            });
        } else if let Some(g) = groups.last_mut() {
            let (term, loaded) = match line.strip_prefix('!') {
                Some(t) => (t, true),
                None => (line, false),
            };
            g.terms.push((term.to_lowercase(), loaded));
        }
    }
    groups
}

/// Occurrences of `term` (lower-case) in `text`'s body spans, on word boundaries, leaving out
/// those inside a capitalised name ("Korean War") and those inside a longer term of the group.
fn find_term(text: &str, body: &[Span], term: &str) -> Vec<Span> {
    let mut out = Vec::new();
    for s in body {
        let para = &text[s.start..s.end];
        let lower = para.to_lowercase();
        if lower.len() != para.len() {
            // Lower-casing changed byte lengths (rare scripts): offsets would not line up.
            continue;
        }
        let mut from = 0;
        while let Some(i) = lower[from..].find(term) {
            let (b, e) = (from + i, from + i + term.len());
            from = e;
            let before = para[..b].chars().next_back();
            let after = para[e..].chars().next();
            if before.is_some_and(|c| c.is_alphanumeric() || c == '-')
                || after.is_some_and(|c| c.is_alphanumeric() || c == '-')
            {
                continue;
            }
            // Part of a proper name: the term itself is capitalised mid-sentence after a capitalised word.
            let first_upper = para[b..].chars().next().is_some_and(char::is_uppercase);
            let prev_word_cap = para[..b]
                .trim_end()
                .rsplit(char::is_whitespace)
                .next()
                .and_then(|w| w.chars().next())
                .is_some_and(char::is_uppercase);
            if first_upper && prev_word_cap {
                continue;
            }
            out.push(Span::new(s.start + b, s.start + e));
        }
    }
    out
}

fn framing(texts: &[&str], articles: &[Article]) -> Vec<Discrepancy> {
    let mut out = Vec::new();
    for g in framing_lexicon() {
        // Longer terms first, so "military operation" inside "special military operation" is
        // claimed by the longer term and not counted again.
        let mut terms: Vec<&(String, bool)> = g.terms.iter().collect();
        terms.sort_by_key(|(t, _)| std::cmp::Reverse(t.len()));
        // (term, loaded, first occurrence in each article that uses it)
        let mut uses: Vec<(&str, bool, Vec<DiscrepancyItem>)> = Vec::new();
        for a in articles {
            let Some(text) = texts.get(a.input) else { continue };
            let anchored = a.actors.iter().any(|x| {
                x.mentions.iter().any(|m| g.anchors.iter().any(|an| m.text.to_lowercase().contains(an.as_str())))
            });
            if !anchored {
                continue;
            }
            let mut claimed: Vec<Span> = Vec::new();
            for (term, loaded) in &terms {
                let hits: Vec<Span> = find_term(text, &a.body, term)
                    .into_iter()
                    .filter(|h| !claimed.iter().any(|c| c.contains(*h)))
                    .collect();
                if let Some(first) = hits.first() {
                    let item = DiscrepancyItem {
                        article: a.id.clone(),
                        start: first.start,
                        end: first.end,
                        text: text[first.start..first.end].to_string(),
                        value: term.clone(),
                    };
                    match uses.iter_mut().find(|(t, _, _)| *t == term.as_str()) {
                        Some(u) => u.2.push(item),
                        None => uses.push((term.as_str(), *loaded, vec![item])),
                    }
                }
                claimed.extend(hits);
            }
        }
        if uses.len() < 2 || !uses.iter().any(|(_, loaded, _)| *loaded) {
            continue;
        }
        // Loaded terms first, then by how many articles use them.
        uses.sort_by_key(|(_, loaded, items)| (!loaded, std::cmp::Reverse(items.len())));
        let parts: Vec<String> = uses
            .iter()
            .map(|(t, _, items)| {
                format!("'{}' ({})", t, items.iter().map(|i| i.article.as_str()).collect::<Vec<_>>().join(", "))
            })
            .collect();
        out.push(Discrepancy {
            kind: "framing".into(),
            summary: format!("{} is called {}", g.name, parts.join(" vs ")),
            items: uses.into_iter().flat_map(|(_, _, items)| items).collect(),
        });
    }
    out
}

fn contested(articles: &[Article]) -> Vec<Discrepancy> {
    articles
        .iter()
        .flat_map(|a| a.flags.iter().filter(|f| f.kind == FlagKind::ContestedClaim).map(move |f| (a, f)))
        .map(|(a, f)| Discrepancy {
            kind: "contested_claim".into(),
            summary: match &f.note {
                Some(n) => format!("Claim \u{201c}{}\u{201d} ({}) is contested, {}", f.text, a.id, n),
                None => format!("Claim \u{201c}{}\u{201d} ({}) is disputed", f.text, a.id),
            },
            items: vec![DiscrepancyItem {
                article: a.id.clone(),
                start: f.start,
                end: f.end,
                text: f.text.clone(),
                value: f.note.clone().unwrap_or_default(),
            }],
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::{ActorType, Mention, QuoteKind, RoleEvidence};

    fn article(id: &str, input: usize, date: Option<&str>, body: Span, actors: Vec<Actor>) -> Article {
        Article {
            id: id.into(),
            source: id.into(),
            input,
            date: date.map(Into::into),
            extent: body,
            body: vec![body],
            actors,
            ..Default::default()
        }
    }

    fn person(id: &str, name: &str, role: Option<&str>) -> Actor {
        Actor {
            id: id.into(),
            name: name.into(),
            kind: ActorType::Person,
            aliases: vec![name.into()],
            roles: role.into_iter().map(Into::into).collect(),
            role_evidence: role.into_iter().map(|r| RoleEvidence { role: r.into(), start: 0, end: r.len() }).collect(),
            mentions: vec![Mention { start: 0, end: name.len(), text: name.into() }],
        }
    }

    fn global(name: &str, members: &[&str], variants: &[&str]) -> GlobalActor {
        GlobalActor {
            id: "g1".into(),
            name: name.into(),
            kind: ActorType::Person,
            members: members.iter().map(|m| m.to_string()).collect(),
            variants: variants.iter().map(|m| m.to_string()).collect(),
        }
    }

    #[test]
    fn spelling_variants() {
        assert!(spelling_variant("Sergei Shoigu", "Sergey Shoigu"));
        assert!(spelling_variant("Kim Jong-un", "Kim Jong Un"));
        assert!(!spelling_variant("Vladimir Putin", "Putin"));
        assert!(!spelling_variant("U.S.", "US"));
        assert!(!spelling_variant("John Smith", "Jane Smith"));
        assert!(!spelling_variant("Kim Jong-un", "Kim Yo-jong"));
    }

    #[test]
    fn role_change_is_reported_with_dates_and_generic_roles_are_not() {
        let arts = vec![
            article(
                "a1",
                0,
                Some("2025-05-29"),
                Span::new(0, 10),
                vec![person("a1:p1", "Sergei Shoigu", Some("secretary of Russia's State Security Council"))],
            ),
            article(
                "a2",
                1,
                Some("2025-05-30"),
                Span::new(0, 10),
                vec![person("a2:p1", "Sergei Shoigu", Some("Russian official"))],
            ),
            article(
                "a3",
                2,
                Some("2023-07-27"),
                Span::new(0, 10),
                vec![person("a3:p1", "Sergey Shoigu", Some("Russian Defense Minister"))],
            ),
        ];
        let g = global("Sergei Shoigu", &["a1:p1", "a2:p1", "a3:p1"], &["Sergei Shoigu", "Sergey Shoigu"]);
        let d = discrepancies(&["", "", ""], &arts, &[g]);
        let role = d.iter().find(|d| d.kind == "role").expect("a role discrepancy");
        assert!(role.summary.contains("2025-05-29") && role.summary.contains("2023-07-27"), "{}", role.summary);
        assert!(!role.summary.contains("official"), "{}", role.summary);
        assert_eq!(role.items.len(), 2);
        let sp = d.iter().find(|d| d.kind == "spelling").expect("a spelling discrepancy");
        assert!(sp.summary.contains("Sergei Shoigu") && sp.summary.contains("Sergey Shoigu"));
    }

    #[test]
    fn same_role_worded_differently_is_not_a_discrepancy() {
        let arts = vec![
            article(
                "a1",
                0,
                None,
                Span::new(0, 1),
                vec![person("a1:p1", "Sergei Shoigu", Some("secretary of Russia's State Security Council"))],
            ),
            article(
                "a2",
                1,
                None,
                Span::new(0, 1),
                vec![person("a2:p1", "Sergei Shoigu", Some("secretary of the Russian State Security Council"))],
            ),
        ];
        let g = global("Sergei Shoigu", &["a1:p1", "a2:p1"], &["Sergei Shoigu"]);
        assert!(discrepancies(&["", ""], &arts, &[g]).is_empty());
    }

    #[test]
    fn framing_finds_loaded_terms_but_not_proper_names() {
        let t1 = "Russia's special military operation in Ukraine goes on. It began before the Korean War ended? No.";
        let t2 = "Russia's invasion of Ukraine, a war that began in 2022.";
        let mut a1 = article("a1", 0, None, Span::new(0, t1.len()), vec![person("a1:c1", "Ukraine", None)]);
        a1.actors[0].mentions[0].text = "Ukraine".into();
        let a2 = article("a2", 1, None, Span::new(0, t2.len()), vec![person("a2:c1", "Ukraine", None)]);
        let d = discrepancies(&[t1, t2], &[a1, a2], &[]);
        let f = d.iter().find(|d| d.kind == "framing").expect("framing");
        assert!(f.summary.contains("special military operation") && f.summary.contains("invasion"), "{}", f.summary);
        assert!(f.summary.contains("'war' (a2)"), "Korean War must not count: {}", f.summary);
        assert!(!f.summary.contains("'military operation'"), "claimed by the longer term: {}", f.summary);
        for it in &f.items {
            let t = if it.article == "a1" { t1 } else { t2 };
            assert_eq!(&t[it.start..it.end].to_lowercase(), &it.value);
        }
    }

    #[test]
    fn quote_wording_pairs_same_words_different_wording() {
        let mut a = article("a1", 0, None, Span::new(0, 1), vec![person("a1:p1", "Kim Jong-un", None)]);
        let q = |t: &str, s: usize| Quote {
            start: s,
            end: s + t.len(),
            text: t.into(),
            kind: QuoteKind::Partial,
            speaker: Some("a1:p1".into()),
            speaker_span: None,
            cue: None,
            via: vec![],
            content: None,
        };
        a.quotes = vec![q("warm letter", 0), q("warm and good letter,", 20), q("new strategic heights", 40)];
        let g = global("Kim Jong-un", &["a1:p1"], &["Kim Jong-un"]);
        let d = discrepancies(&[""], &[a], &[g]);
        let w: Vec<_> = d.iter().filter(|d| d.kind == "quote_wording").collect();
        assert_eq!(w.len(), 1);
        assert!(w[0].summary.contains("warm letter") && w[0].summary.contains("warm and good letter"));
    }

    #[test]
    fn quote_relayed_by_a_medium_is_compared_with_the_speakers_own() {
        let mut kcna = person("a1:m1", "KCNA", None);
        kcna.kind = ActorType::Media;
        let mut a = article("a1", 0, None, Span::new(0, 1), vec![person("a1:p1", "Kim Jong-un", None), kcna]);
        let q = |t: &str, s: usize, speaker: &str, via: &[&str]| Quote {
            start: s,
            end: s + t.len(),
            text: t.into(),
            kind: QuoteKind::Partial,
            speaker: Some(speaker.into()),
            speaker_span: None,
            cue: None,
            via: via.iter().map(|v| v.to_string()).collect(),
            content: None,
        };
        a.quotes = vec![q("warm letter", 0, "a1:m1", &[]), q("warm and good letter", 20, "a1:p1", &["a1:m1"])];
        let mut gk = global("KCNA", &["a1:m1"], &["KCNA"]);
        gk.id = "g2".into();
        gk.kind = ActorType::Media;
        let d = discrepancies(&[""], &[a], &[global("Kim Jong-un", &["a1:p1"], &["Kim Jong-un"]), gk]);
        let w = d.iter().find(|d| d.kind == "quote_wording").expect("quote_wording");
        assert!(w.summary.starts_with("Kim Jong-un quoted as"), "{}", w.summary);
    }

    #[test]
    fn quotes_of_different_named_speakers_are_not_compared() {
        let mut a =
            article("a1", 0, None, Span::new(0, 1), vec![person("a1:p1", "A B", None), person("a1:p2", "C D", None)]);
        let q = |t: &str, speaker: &str| Quote {
            start: 0,
            end: t.len(),
            text: t.into(),
            kind: QuoteKind::Partial,
            speaker: Some(speaker.into()),
            speaker_span: None,
            cue: None,
            via: vec![],
            content: None,
        };
        a.quotes = vec![q("warm letter", "a1:p1"), q("warm and good letter", "a1:p2")];
        let mut g2 = global("C D", &["a1:p2"], &["C D"]);
        g2.id = "g2".into();
        let d = discrepancies(&[""], &[a], &[global("A B", &["a1:p1"], &["A B"]), g2]);
        assert!(d.iter().all(|d| d.kind != "quote_wording"));
    }

    #[test]
    fn two_wordings_of_a_role_in_one_article_agree() {
        let mut shoigu = person("a2:p1", "Sergey Shoigu", Some("Russian defense minister"));
        shoigu.role_evidence.push(RoleEvidence { role: "Russian defense chief".into(), start: 5, end: 9 });
        let arts = vec![
            article(
                "a1",
                0,
                None,
                Span::new(0, 1),
                vec![person("a1:p1", "Sergei Shoigu", Some("secretary of the Security Council"))],
            ),
            article("a2", 1, None, Span::new(0, 1), vec![shoigu]),
        ];
        let d = discrepancies(&["", ""], &arts, &[global("Sergei Shoigu", &["a1:p1", "a2:p1"], &["Sergei Shoigu"])]);
        let role = d.iter().find(|d| d.kind == "role").expect("role");
        assert_eq!(role.summary.matches(" vs ").count(), 1, "{}", role.summary);
    }
}
