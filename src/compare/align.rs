//! Cross-article actor alignment: one [`GlobalActor`] per real entity across the articles.
//!
//! Articles about the same events spell the same people differently ("Sergei"/"Sergey Shoigu",
//! "Kim Jong-un"/"Kim Jong Un") and name the same agency in full or by acronym ("Korean Central
//! News Agency"/"KCNA"). Each article's resolver has already gathered those forms per actor, so
//! alignment links actors that share a form, with rules chosen so that a shared surname or
//! given name alone never joins two people:
//!
//! * countries by their canonical name, places by their folded name;
//! * organisations and media (one family: the tagger may type an agency either way) when they
//!   share a name or alias of more than one word (a plural last word aside: "House Democrats"),
//!   or an acronym (case aside: "COVID"/"Covid"),
//!   or when one name of three or more words begins the other and only "and ...", "of X" or
//!   one word follows ("Centers for Disease Control" and "... and Prevention"), or when they
//!   name one government body with and without its head ("Department of Homeland Security",
//!   "Homeland Security");
//! * people when their full names have the same transliteration-folded key
//!   ([`crate::actors::resolve::names::name_key`]), which keeps every word: "Kim Jong-un" and
//!   "Kim Yo-jong" stay apart. Middle names and initials may be missing on one side ("Donald
//!   J. Trump", "Hillary Rodham Clinton") but must not differ ("George H. W. Bush" and "George
//!   W. Bush" stay apart, and "George Bush" joins neither). An actor known only by one word ("Putin") joins the one full name that word
//!   begins or ends, and stays alone when several do.
//!
//! Linking uses hash maps from keys to actors and a union–find, so the cost is linear in the
//! number of actors and aliases.

use crate::actors::resolve::names;
use crate::report::{Actor, ActorType, Article, GlobalActor};
use std::collections::HashMap;

#[derive(Clone, Copy, PartialEq, Eq, Hash)]
enum Family {
    Person,
    Institution,
    Country,
    Place,
}

fn family(kind: ActorType) -> Family {
    match kind {
        ActorType::Person => Family::Person,
        ActorType::Organization | ActorType::Media => Family::Institution,
        ActorType::Country => Family::Country,
        ActorType::Place => Family::Place,
    }
}

struct UnionFind(Vec<usize>);

impl UnionFind {
    fn find(&mut self, mut x: usize) -> usize {
        while self.0[x] != x {
            self.0[x] = self.0[self.0[x]];
            x = self.0[x];
        }
        x
    }
    fn union(&mut self, a: usize, b: usize) {
        let (a, b) = (self.find(a), self.find(b));
        if a != b {
            // The earlier actor stays the root, so ids follow first appearance.
            self.0[a.max(b)] = a.min(b);
        }
    }
}

/// Whether an alias is a proper name worth showing as a spelling (not "the Russian president").
fn is_name_form(s: &str) -> bool {
    s.chars().next().is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
        && !s.starts_with("The ")
        && !s.contains(['\u{2019}', '\''])
        || s.chars().all(|c| !c.is_lowercase())
}

fn is_acronym(s: &str) -> bool {
    s.chars().filter(|c| c.is_alphabetic()).count() >= 2 && !s.chars().any(char::is_lowercase)
}

/// "Department of Homeland Security", "Homeland Security Department" and "Homeland Security"
/// ("Labor Dept", "Labor") name one government body: the words without the "Department" or
/// "Ministry" head.
fn government_core(words: &[String]) -> Option<String> {
    let head = |w: &str| matches!(w, "department" | "dept" | "ministri");
    match words {
        [h, of, rest @ ..] if head(h) && of == "of" && !rest.is_empty() => Some(rest.join(" ")),
        [rest @ .., h] if head(h) && !rest.is_empty() => Some(rest.join(" ")),
        _ if !words.is_empty() && !words.iter().any(|w| head(w)) => Some(words.join(" ")),
        _ => None,
    }
}

/// A name key with a plural last word made singular ("House Democrats", "House Democrat"),
/// when the name has several words (so "News" and "New" stay apart).
fn singular(key: &str) -> String {
    match key.rsplit_once(' ') {
        Some((head, last)) if last.len() > 3 && last.ends_with('s') && !last.ends_with("ss") => {
            format!("{head} {}", &last[..last.len() - 1])
        }
        _ => key.to_string(),
    }
}

fn fold(s: &str) -> String {
    crate::actors::resolve::lexicon::fold(s)
}

/// Links the actors of all articles into cross-article actors.
pub fn align(articles: &[Article]) -> Vec<GlobalActor> {
    let actors: Vec<&Actor> = articles.iter().flat_map(|a| a.actors.iter()).collect();
    let mut uf = UnionFind((0..actors.len()).collect());
    let mut keys: HashMap<(Family, String), usize> = HashMap::new();
    let mut link = |uf: &mut UnionFind, key: (Family, String), i: usize| match keys.get(&key) {
        Some(&j) => uf.union(i, j),
        None => {
            keys.insert(key, i);
        }
    };
    let mut single_word = Vec::new();
    // First and last name → (the middle names or initials, actor) seen with them.
    let mut bare: HashMap<String, Vec<(String, usize)>> = HashMap::new();
    let mut long_orgs = Vec::new();
    for (i, a) in actors.iter().enumerate() {
        let fam = family(a.kind);
        match fam {
            Family::Country | Family::Place => link(&mut uf, (fam, fold(&a.name)), i),
            Family::Institution => {
                for al in a.aliases.iter().filter(|s| is_name_form(s)) {
                    if al.split_whitespace().count() > 1 || is_acronym(al) || *al == a.name {
                        link(&mut uf, (fam, singular(&names::name_key(al))), i);
                    }
                }
                let words = names::name_words(&a.name);
                if let Some(core) = government_core(&words) {
                    link(&mut uf, (fam, format!("core: {core}")), i);
                }
                if words.len() > 3 {
                    long_orgs.push((i, words));
                }
            }
            Family::Person => {
                let words = names::name_words(&a.name);
                if let [first, middle @ .., last] = words.as_slice() {
                    link(&mut uf, (fam, words.join(" ")), i);
                    bare.entry(format!("{first} {last}")).or_default().push((middle.join(" "), i));
                } else if let Some(w) = words.into_iter().next() {
                    single_word.push((i, w));
                }
            }
        }
    }
    for list in bare.values() {
        let mut distinct: Vec<&str> = list.iter().map(|(ini, _)| ini.as_str()).filter(|s| !s.is_empty()).collect();
        distinct.sort_unstable();
        distinct.dedup();
        if distinct.len() <= 1 {
            for w in list.windows(2) {
                uf.union(w[0].1, w[1].1);
            }
        }
    }
    for (i, words) in long_orgs {
        for n in 3..words.len() {
            // Only a short tail: "... and Prevention", "...-Alaska", "... of America"; not
            // "... Inspector General".
            if !(words[n] == "and" || n + 1 == words.len() || (words[n] == "of" && n + 2 == words.len())) {
                continue;
            }
            if let Some(&j) = keys.get(&(Family::Institution, words[..n].join(" "))) {
                uf.union(i, j);
            }
        }
    }
    // One-word people join the single full name their word begins or ends.
    let mut by_word: HashMap<String, Vec<usize>> = HashMap::new();
    for (i, a) in actors.iter().enumerate() {
        let words = names::name_words(&a.name);
        if a.kind == ActorType::Person && words.len() > 1 {
            for w in [words.first(), words.last()].into_iter().flatten() {
                let root = uf.find(i);
                let list = by_word.entry(w.clone()).or_default();
                if !list.contains(&root) {
                    list.push(root);
                }
            }
        }
    }
    let mut alone: HashMap<String, usize> = HashMap::new();
    for (i, w) in single_word {
        match by_word.get(&w).map(Vec::as_slice) {
            Some([root]) => uf.union(i, *root),
            Some(_) => {}
            None => match alone.get(&w) {
                Some(&j) => uf.union(i, j),
                None => {
                    alone.insert(w, i);
                }
            },
        }
    }
    // Gather groups in order of first appearance.
    let mut group_of: HashMap<usize, usize> = HashMap::new();
    let mut groups: Vec<Vec<usize>> = Vec::new();
    for i in 0..actors.len() {
        let root = uf.find(i);
        let g = *group_of.entry(root).or_insert_with(|| {
            groups.push(Vec::new());
            groups.len() - 1
        });
        groups[g].push(i);
    }
    groups.iter().enumerate().map(|(n, members)| global(n + 1, members.iter().map(|&i| actors[i]).collect())).collect()
}

fn global(n: usize, members: Vec<&Actor>) -> GlobalActor {
    let kind = if members.iter().any(|a| a.kind == ActorType::Media) { ActorType::Media } else { members[0].kind };
    // The name most members use; among equals, the longest.
    let mut counts: HashMap<&str, usize> = HashMap::new();
    for a in &members {
        *counts.entry(a.name.as_str()).or_default() += 1;
    }
    let name = members
        .iter()
        .map(|a| a.name.as_str())
        .max_by_key(|s| (counts[s], s.split_whitespace().count(), s.len()))
        .unwrap_or_default()
        .to_string();
    let mut variants: Vec<String> = Vec::new();
    for a in &members {
        for s in std::iter::once(&a.name).chain(a.aliases.iter()) {
            if is_name_form(s) && !variants.contains(s) {
                variants.push(s.clone());
            }
        }
    }
    GlobalActor { id: format!("g{n}"), name, kind, members: members.iter().map(|a| a.id.clone()).collect(), variants }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::Span;

    fn actor(id: &str, name: &str, kind: ActorType, aliases: &[&str]) -> Actor {
        Actor {
            id: id.into(),
            name: name.into(),
            kind,
            aliases: std::iter::once(name).chain(aliases.iter().copied()).map(String::from).collect(),
            roles: vec![],
            role_evidence: vec![],
            mentions: vec![],
        }
    }

    fn article(id: &str, actors: Vec<Actor>) -> Article {
        Article {
            id: id.into(),
            source: id.into(),
            input: 0,
            title: None,
            date: None,
            outlet: None,
            byline: None,
            extent: Span::default(),
            body: vec![],
            segments: vec![],
            actors,
            quotes: vec![],
            flags: vec![],
        }
    }

    fn group_of<'a>(g: &'a [GlobalActor], id: &str) -> &'a GlobalActor {
        g.iter().find(|x| x.members.iter().any(|m| m == id)).unwrap()
    }

    #[test]
    fn transliterations_and_acronyms_merge() {
        let a1 = article(
            "a1",
            vec![
                actor("a1:p1", "Sergei Shoigu", ActorType::Person, &["Shoigu"]),
                actor("a1:p2", "Kim Jong-un", ActorType::Person, &["Kim"]),
                actor("a1:m1", "Korean Central News Agency", ActorType::Media, &["KCNA"]),
            ],
        );
        let a2 = article(
            "a2",
            vec![
                actor("a2:p1", "Sergey Shoigu", ActorType::Person, &[]),
                actor("a2:p2", "Kim Jong Un", ActorType::Person, &[]),
                actor("a2:o1", "KCNA", ActorType::Organization, &[]),
            ],
        );
        let g = align(&[a1, a2]);
        assert_eq!(g.len(), 3);
        let s = group_of(&g, "a2:p1");
        assert_eq!(s.members, vec!["a1:p1", "a2:p1"]);
        assert!(s.variants.contains(&"Sergei Shoigu".to_string()) && s.variants.contains(&"Sergey Shoigu".to_string()));
        assert_eq!(group_of(&g, "a2:o1").kind, ActorType::Media);
        assert_eq!(group_of(&g, "a2:o1").members.len(), 2);
    }

    #[test]
    fn shared_surname_or_given_name_does_not_merge() {
        let a1 = article(
            "a1",
            vec![
                actor("a1:p1", "Kim Jong-un", ActorType::Person, &[]),
                actor("a1:p2", "Sergei Lavrov", ActorType::Person, &[]),
            ],
        );
        let a2 = article(
            "a2",
            vec![
                actor("a2:p1", "Kim Yo-jong", ActorType::Person, &[]),
                actor("a2:p2", "Sergei Shoigu", ActorType::Person, &[]),
                actor("a2:p3", "Kim", ActorType::Person, &[]),
            ],
        );
        let g = align(&[a1, a2]);
        // Four full names, and "Kim" ambiguous between two of them: five actors.
        assert_eq!(g.len(), 5);
    }

    #[test]
    fn initials_may_be_missing_but_not_differ() {
        let a1 = article(
            "a1",
            vec![
                actor("a1:p1", "Donald J. Trump", ActorType::Person, &[]),
                actor("a1:p2", "George H. W. Bush", ActorType::Person, &[]),
                actor("a1:p3", "Hillary Rodham Clinton", ActorType::Person, &[]),
                actor("a1:o1", "Department of Homeland Security", ActorType::Organization, &[]),
            ],
        );
        let a2 = article(
            "a2",
            vec![
                actor("a2:p1", "Donald Trump", ActorType::Person, &[]),
                actor("a2:p2", "George W. Bush", ActorType::Person, &[]),
                actor("a2:p3", "Hillary Clinton", ActorType::Person, &[]),
                actor("a2:o1", "Homeland Security", ActorType::Organization, &[]),
            ],
        );
        let a3 = article("a3", vec![actor("a3:p1", "George Bush", ActorType::Person, &[])]);
        let g = align(&[a1, a2, a3]);
        assert_eq!(group_of(&g, "a2:p1").members.len(), 2);
        assert_eq!(group_of(&g, "a2:p2").members.len(), 1);
        assert_eq!(group_of(&g, "a3:p1").members.len(), 1);
        assert_eq!(group_of(&g, "a2:p3").members.len(), 2);
        assert_eq!(group_of(&g, "a2:o1").members.len(), 2);
    }

    #[test]
    fn organisation_long_forms() {
        let a1 = article(
            "a1",
            vec![actor("a1:o1", "Centers for Disease Control and Prevention", ActorType::Organization, &[])],
        );
        let a2 = article(
            "a2",
            vec![
                actor("a2:o1", "Centers for Disease Control", ActorType::Organization, &[]),
                actor("a2:o2", "Security Council", ActorType::Organization, &[]),
            ],
        );
        let a3 = article("a3", vec![actor("a3:o1", "State Security Council", ActorType::Organization, &[])]);
        let g = align(&[a1, a2, a3]);
        assert_eq!(group_of(&g, "a2:o1").members.len(), 2);
        assert_eq!(group_of(&g, "a3:o1").members.len(), 1);
    }

    #[test]
    fn a_lone_surname_joins_its_unique_full_name() {
        let a1 = article("a1", vec![actor("a1:p1", "Vladimir Putin", ActorType::Person, &["Putin"])]);
        let a2 = article("a2", vec![actor("a2:p1", "Putin", ActorType::Person, &[])]);
        let g = align(&[a1, a2]);
        assert_eq!(g.len(), 1);
        assert_eq!(g[0].name, "Vladimir Putin");
    }
}
