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
//!   "Homeland Security"), or one body with and without an optional word (`short_forms`:
//!   "Pennsylvania (State) Senate", "Castner Range (National Monument)", "Fox (TV)",
//!   "(White House) East Room"), or when the synonym lexicon (`data/lexicons/synonyms.tsv`)
//!   lists both names ("ACA", "Obamacare");
//! * people when their full names have the same transliteration-folded key
//!   ([`crate::lexicon::names::name_key`]), which keeps every word: "Kim Jong-un" and
//!   "Kim Yo-jong" stay apart. Middle names and initials may be missing on one side ("Donald
//!   J. Trump", "Hillary Rodham Clinton") but must not differ ("George H. W. Bush" and "George
//!   W. Bush" stay apart, and "George Bush" joins neither). A short given name is read as its
//!   formal one (`data/lexicons/given_names.tsv`: "Chuck Schumer", "Charles E. Schumer"). A
//!   two-word name joins the one longer name in another article that it ends ("Rue Simmons",
//!   "Robin Rue Simmons"). An actor known only by one word ("Putin") joins the one full name that word
//!   begins or ends, and stays alone when several do or when an article has both the one-word
//!   person and that full name ("Pope Francis", "Francis DeBernardo").
//!
//! Linking uses hash maps from keys to actors and a union–find, so the cost is linear in the
//! number of actors and aliases.

use crate::lexicon::fold;
use crate::lexicon::names::{self, edit_distance};
use crate::lexicon::words::is_all_caps;
use crate::lexicon::OrgWord;
use crate::report::{Actor, ActorType, Article, GlobalActor};
use std::collections::{HashMap, HashSet};

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

/// Shorter forms of an institution's or place's name that name the same thing, from the whole
/// name's words alone:
///
/// * a state body with and without "State" after the state's name ("Pennsylvania State Senate",
///   "Pennsylvania Senate"), only before a legislature's name, so "Ohio State University"
///   keeps its "State";
/// * a protected area without its designation ("Castner Range National Monument", "Castner
///   Range"), when what is left is two or more words or one word that names no known place;
/// * a broadcaster without "TV" ("Fox TV", "Fox"), when what is left is not a country, a
///   demonym or a title word ("State TV" is no broadcaster's name);
/// * a room or office named with its building, when the building is a multiword institution
///   of the set or the lexicon ("White House East Room", "East Room"), and what is left is two
///   or more words.
///
/// Each is one pass over the name's words.
fn short_forms(name: &str, org_names: &HashSet<String>) -> Vec<String> {
    let lex = crate::lexicon::lexicon();
    let words: Vec<&str> = name.split_whitespace().collect();
    let n = words.len();
    let mut out = Vec::new();
    if let Some(k) = words.iter().position(|w| *w == "State") {
        let state = words[..k].join(" ");
        let body = words[k + 1..].join(" ");
        if k > 0
            && lex.lookup(&state).is_some_and(|e| e.place.is_some())
            && matches!(
                body.as_str(),
                "Senate" | "House" | "Assembly" | "Legislature" | "Capitol" | "House of Representatives"
            )
        {
            out.push(format!("{state} {body}"));
        }
    }
    const DESIGNATIONS: &[&str] = &[
        "National Monument",
        "National Park",
        "National Forest",
        "National Wildlife Refuge",
        "National Recreation Area",
        "National Historic Site",
        "National Historical Park",
        "National Memorial",
        "National Seashore",
        "National Preserve",
        "State Park",
    ];
    for d in DESIGNATIONS {
        let dn = d.split(' ').count();
        if n > dn && words[n - dn..].join(" ") == *d {
            let rest = &words[..n - dn];
            if rest.len() >= 2 || lex.lookup(rest[0]).is_none() {
                out.push(rest.join(" "));
            }
        }
    }
    if n >= 2 && matches!(words[n - 1], "TV" | "Television") {
        let rest = words[..n - 1].join(" ");
        let last = words[n - 2];
        let known = lex.lookup(&rest).is_some_and(|e| e.country.is_some() || e.demonym.is_some() || e.seat.is_some());
        if !known && lex.title(last).is_none() && lex.org_word(last).is_none() {
            out.push(rest);
        }
    }
    for k in 2..n.saturating_sub(1) {
        let building = words[..k].join(" ");
        if org_names.contains(&fold(&building)) || lex.lookup(&building).is_some_and(|e| e.org.is_some()) {
            out.push(words[k..].join(" "));
            break;
        }
    }
    out
}

/// Links the actors of all articles into cross-article actors.
pub fn align(articles: &[Article]) -> Vec<GlobalActor> {
    let actors: Vec<&Actor> = articles.iter().flat_map(|a| a.actors.iter()).collect();
    let article_of: Vec<usize> =
        articles.iter().enumerate().flat_map(|(n, a)| std::iter::repeat(n).take(a.actors.len())).collect();
    let mut uf = UnionFind((0..actors.len()).collect());
    let lex = crate::lexicon::lexicon();
    // Names of institutions, for "White House East Room" (a room named with its building).
    let org_names: HashSet<String> =
        actors.iter().filter(|a| family(a.kind) == Family::Institution).map(|a| fold(&a.name)).collect();
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
            Family::Country => link(&mut uf, (fam, fold(&a.name)), i),
            Family::Place => {
                link(&mut uf, (fam, fold(&a.name)), i);
                for short in short_forms(&a.name, &org_names) {
                    link(&mut uf, (fam, fold(&short)), i);
                }
                // A law the tagger called a place ("Obamacare") still joins its other names.
                if let Some(c) = lex.synonym(&names::name_key(&a.name)) {
                    link(&mut uf, (Family::Institution, format!("synonym: {c}")), i);
                }
            }
            Family::Institution => {
                for al in a.aliases.iter().filter(|s| is_name_form(s)) {
                    if al.split_whitespace().count() > 1 || is_all_caps(al) || *al == a.name {
                        link(&mut uf, (fam, singular(&names::name_key(al))), i);
                    }
                    if let Some(c) = lex.synonym(&names::name_key(al)) {
                        link(&mut uf, (fam, format!("synonym: {c}")), i);
                    }
                }
                for short in short_forms(&a.name, &org_names) {
                    link(&mut uf, (fam, singular(&names::name_key(&short))), i);
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
                    // "Chuck Schumer" and "Charles E. Schumer": a short given name is its formal one.
                    let first = lex.formal_given(first);
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
    // "House Select Committee on Benghazi" and "Select Committee on Benghazi": a committee named
    // with and without its chamber, when only one chamber's committee claims the bare name
    // (else "Senate Select Committee on Intelligence" would join the House's through it).
    let mut chamber: HashMap<String, (Vec<String>, Vec<usize>)> = HashMap::new();
    for (i, a) in actors.iter().enumerate() {
        let words = names::name_words(&a.name);
        if family(a.kind) == Family::Institution
            && words.len() >= 4
            && matches!(words[0].as_str(), "house" | "senate")
            && words[2..].iter().any(|w| matches!(w.as_str(), "on" | "of" | "for"))
        {
            let entry = chamber.entry(singular(&words[1..].join(" "))).or_default();
            let full = words.join(" ");
            if !entry.0.contains(&full) {
                entry.0.push(full);
            }
            entry.1.push(i);
        }
    }
    for (bare_name, (fulls, members)) in chamber {
        if let (1, Some(&j)) = (fulls.len(), keys.get(&(Family::Institution, bare_name))) {
            for i in members {
                uf.union(i, j);
            }
        }
    }
    link_org_tails(&actors, &mut uf);
    link_misspelt_org_words(&actors, &article_of, &mut uf);
    link_misspelt_surnames(&actors, &article_of, &mut uf);
    link_two_word_tails(&actors, &article_of, &mut uf);
    // One-word people join the single full name their word begins or ends.
    let mut by_word: HashMap<String, Vec<usize>> = HashMap::new();
    // Per full name's root: its first and last words as spelled (lower-case, accents aside). The
    // word key folds doubled letters and "y" ("Marry" / "Mary"), which is right for two full
    // names but lets a one-word fragment ("Marry", from "Freedom to Marry") join a person
    // ("Mary Fallin"): a one-word person joins only a name it spells letter for letter.
    let mut spelled: HashMap<usize, HashSet<String>> = HashMap::new();
    for (i, a) in actors.iter().enumerate() {
        let words = names::name_words(&a.name);
        if a.kind == ActorType::Person && words.len() > 1 {
            let raw: Vec<&str> = a.name.split_whitespace().collect();
            for w in [raw.first(), raw.last()].into_iter().flatten() {
                spelled.entry(uf.find(i)).or_default().insert(spelling(w));
            }
            for w in [words.first(), words.last()].into_iter().flatten() {
                let root = uf.find(i);
                let list = by_word.entry(w.clone()).or_default();
                if !list.contains(&root) {
                    list.push(root);
                }
            }
        }
    }
    // An article with both a one-word person and a full name beginning or ending with that
    // word kept them apart on purpose ("Pope Francis" and "Francis DeBernardo"): one-word
    // actors of that word then join each other, not the full name.
    let mut full_in: HashSet<(&str, usize)> = HashSet::new();
    for (i, a) in actors.iter().enumerate() {
        if a.kind == ActorType::Person {
            if let [first, .., last] = names::name_words(&a.name).as_slice() {
                for w in [first, last] {
                    if let Some((k, _)) = by_word.get_key_value(w) {
                        full_in.insert((k.as_str(), article_of[i]));
                    }
                }
            }
        }
    }
    let contested: HashSet<String> = single_word
        .iter()
        .filter(|(i, w)| full_in.contains(&(w.as_str(), article_of[*i])))
        .map(|(_, w)| w.clone())
        .collect();
    let mut alone: HashMap<String, usize> = HashMap::new();
    for (i, w) in single_word {
        let full = if contested.contains(&w) { None } else { by_word.get(&w).map(Vec::as_slice) };
        match full {
            Some([root]) => {
                let word = actors[i].name.split_whitespace().next().map(spelling).unwrap_or_default();
                if spelled.get(root).is_some_and(|s| s.contains(&word)) {
                    uf.union(i, *root);
                }
            }
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

/// A name word as spelled, for comparing spellings: lower-case letters and digits, accents
/// aside, nothing folded.
fn spelling(w: &str) -> String {
    w.chars().flat_map(char::to_lowercase).map(names::base_letter).filter(|c| c.is_alphanumeric()).collect()
}

/// "Henry J. Kaiser Family Foundation" and "Kaiser Family Foundation": an organisation named
/// after a person is often written without the person's given name or initials. The short
/// form must itself be a name (two or more capitalised words ending in an organisation head
/// word such as "Foundation"), the words dropped must look like a person's given name (an
/// initial among them, or with the next word the name of a person actor in the set), and only
/// one long form may claim the short one. So "State Security Council" never joins "Security
/// Council", nor "Dallas Federal Reserve Bank" "Federal Reserve Bank": "State" and "Dallas"
/// are not given names. Each name is looked up by its suffixes, so the cost is linear in words.
fn link_org_tails(actors: &[&Actor], uf: &mut UnionFind) {
    let lex = crate::lexicon::lexicon();
    let words_of = |a: &Actor| -> Vec<String> { a.name.split_whitespace().map(str::to_string).collect() };
    let key = |ws: &[String]| ws.iter().map(|w| names::word_key(w)).collect::<Vec<_>>().join(" ");
    let capitalised = |w: &str| w.chars().next().is_some_and(char::is_uppercase);
    let is_short_form = |ws: &[String]| {
        ws.len() >= 2
            && ws.iter().all(|w| capitalised(w))
            && ws.last().is_some_and(|h| matches!(lex.org_word(h), Some(OrgWord::Org | OrgWord::Media)))
    };
    let mut short: HashMap<String, Vec<usize>> = HashMap::new();
    let mut persons: HashSet<String> = HashSet::new();
    for (i, a) in actors.iter().enumerate() {
        let ws = words_of(a);
        match family(a.kind) {
            Family::Institution if is_short_form(&ws) => short.entry(key(&ws)).or_default().push(i),
            Family::Person if ws.len() >= 2 => {
                let (first, last) = (&ws[0], &ws[ws.len() - 1]);
                persons.insert(key(&[first.clone(), last.clone()]));
            }
            _ => {}
        }
    }
    let is_initial = |w: &str| {
        let letters: Vec<char> = w.chars().filter(|c| c.is_alphabetic()).collect();
        letters.len() == 1 && letters[0].is_uppercase() && w.chars().count() <= 2
    };
    // Short-form key → the distinct long-form keys claiming it, and their actors.
    let mut claims: HashMap<String, (Vec<String>, Vec<usize>)> = HashMap::new();
    for (i, a) in actors.iter().enumerate() {
        let ws = words_of(a);
        if family(a.kind) != Family::Institution || !is_short_form(&ws) {
            continue;
        }
        for k in 1..ws.len().saturating_sub(1) {
            let tail = key(&ws[k..]);
            if !short.contains_key(&tail) {
                continue;
            }
            let extra = &ws[..k];
            let person_like =
                extra.iter().any(|w| is_initial(w)) || persons.contains(&key(&[extra[0].clone(), ws[k].clone()]));
            if extra.iter().all(|w| capitalised(w)) && person_like {
                let entry = claims.entry(tail).or_default();
                let long = key(&ws);
                if !entry.0.contains(&long) {
                    entry.0.push(long);
                }
                entry.1.push(i);
            }
        }
    }
    for (tail, (longs, members)) in claims {
        if let ([_], Some(shorts)) = (longs.as_slice(), short.get(&tail)) {
            for &j in members.iter().chain(shorts) {
                uf.union(members[0], j);
            }
        }
    }
}

/// "Jeff Merkeley" in one article and "Jeff Merkley" in another: a misspelt surname. Two
/// people in different articles join when their given and middle names are the same and their
/// surnames, both of six letters or more, differ by one inserted, dropped or changed letter, or
/// by two adjacent letters swapped. Candidates are found through a deletion index (each surname and
/// each form of it with one letter dropped), which is linear in letters; a pair is taken only
/// when exactly two surname spellings meet under the key, so a crowd of near-names links none.
fn link_misspelt_surnames(actors: &[&Actor], article_of: &[usize], uf: &mut UnionFind) {
    let mut index: HashMap<String, Vec<(String, usize)>> = HashMap::new();
    for (i, a) in actors.iter().enumerate() {
        if a.kind != ActorType::Person {
            continue;
        }
        let words = names::name_words(&a.name);
        let [given @ .., last] = words.as_slice() else { continue };
        let letters: Vec<char> = last.chars().collect();
        if given.is_empty() || letters.len() < 6 || !letters.iter().all(|c| c.is_alphabetic()) {
            continue;
        }
        let given = given.join(" ");
        let mut keys = vec![format!("{given}|{last}")];
        for d in 0..letters.len() {
            let dropped: String = letters.iter().enumerate().filter(|&(n, _)| n != d).map(|(_, c)| c).collect();
            keys.push(format!("{given}|-{d}|{dropped}"));
            // An insertion on one side is a deletion on the other: index the drop under the plain key too.
            keys.push(format!("{given}|{dropped}"));
        }
        keys.sort_unstable();
        keys.dedup();
        for k in keys {
            index.entry(k).or_default().push((last.clone(), i));
        }
    }
    // Two adjacent letters swapped meet under the key of either dropped letter ("Macchiarola" /
    // "Macchairola", a voice once reported for the misspelling of a person the other quotes).
    join_two_spellings(index.values(), article_of, uf, |a, b| edit_distance(a, b) == 1 || one_swap(a, b));
}

/// For each bucket of (spelling, actor) pairs found under one key, joins the bucket's actors
/// when it holds exactly two spellings, `near` each other, that never meet in one article (both
/// spellings in one article are two actors to that article's resolver).
fn join_two_spellings<'a>(
    buckets: impl Iterator<Item = &'a Vec<(String, usize)>>,
    article_of: &[usize],
    uf: &mut UnionFind,
    near: impl Fn(&str, &str) -> bool,
) {
    for list in buckets {
        let mut spellings: Vec<&str> = list.iter().map(|(s, _)| s.as_str()).collect();
        spellings.sort_unstable();
        spellings.dedup();
        let [a, b] = spellings.as_slice() else { continue };
        if !near(a, b) {
            continue;
        }
        let articles = |s: &str| -> Vec<usize> { list.iter().filter(|x| x.0 == s).map(|x| article_of[x.1]).collect() };
        let (in_a, in_b) = (articles(a), articles(b));
        if in_a.iter().any(|n| in_b.contains(n)) {
            continue;
        }
        for x in &list[1..] {
            uf.union(list[0].1, x.1);
        }
    }
}

/// "Rue Simmons" in one article and "Robin Rue Simmons" in another: a two-word name that is the
/// end of one longer name in another article (a compound surname written without the given
/// name). The longer names ending so must all be one actor by now, in articles other than the
/// short name's (an article that has both kept them apart on purpose), and the short name may
/// not begin with an initial. Candidates are found by a hash of each long name's last two words.
fn link_two_word_tails(actors: &[&Actor], article_of: &[usize], uf: &mut UnionFind) {
    let mut tails: HashMap<String, Vec<usize>> = HashMap::new();
    let mut shorts = Vec::new();
    for (i, a) in actors.iter().enumerate() {
        if a.kind != ActorType::Person {
            continue;
        }
        let words = names::name_words(&a.name);
        match words.len() {
            2 if words[0].chars().count() > 1 => shorts.push((i, words.join(" "))),
            n if n >= 3 => tails.entry(words[n - 2..].join(" ")).or_default().push(i),
            _ => {}
        }
    }
    for (i, key) in shorts {
        let Some(longs) = tails.get(&key) else { continue };
        if longs.iter().any(|&j| article_of[j] == article_of[i]) {
            continue;
        }
        let root = uf.find(longs[0]);
        if longs.iter().all(|&j| uf.find(j) == root) {
            uf.union(i, root);
        }
    }
}

/// "George Floyd Justice in Policing Act" in one article and "Geroge Floyd Justice in Policing
/// Act" in another: an institution's name of three or more words misspelt in one word of five
/// or more letters (one letter inserted, dropped or changed, or two adjacent letters swapped).
/// Names are bucketed by their words with one word left out, which is linear in words; a
/// bucket joins its actors only when it holds exactly two spellings of the missing word, and
/// they are in different articles.
fn link_misspelt_org_words(actors: &[&Actor], article_of: &[usize], uf: &mut UnionFind) {
    let mut buckets: HashMap<String, Vec<(String, usize)>> = HashMap::new();
    for (i, a) in actors.iter().enumerate() {
        if family(a.kind) != Family::Institution {
            continue;
        }
        let words = names::name_words(&a.name);
        if words.len() < 3 {
            continue;
        }
        for p in 0..words.len() {
            if words[p].chars().count() < 5 || !words[p].chars().all(char::is_alphabetic) {
                continue;
            }
            let mut w = words.clone();
            w[p] = "*".to_string();
            buckets.entry(w.join(" ")).or_default().push((words[p].clone(), i));
        }
    }
    join_two_spellings(buckets.values(), article_of, uf, |a, b| edit_distance(a, b) == 1 || one_swap(a, b));
}

/// Whether two words differ only by two adjacent letters swapped ("geroge", "george").
fn one_swap(a: &str, b: &str) -> bool {
    let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    if a.len() != b.len() {
        return false;
    }
    let diff: Vec<usize> = (0..a.len()).filter(|&i| a[i] != b[i]).collect();
    matches!(diff.as_slice(), [i, j] if *j == i + 1 && a[*i] == b[*j] && a[*j] == b[*i])
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
        Article { id: id.into(), source: id.into(), actors, ..Default::default() }
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

    #[test]
    fn an_organisation_named_after_a_person_joins_its_short_form() {
        let a1 = article(
            "a1",
            vec![
                actor("a1:o1", "Henry J. Kaiser Family Foundation", ActorType::Organization, &[]),
                actor("a1:o2", "Dallas Federal Reserve Bank", ActorType::Organization, &[]),
                actor("a1:o3", "Bill Gates Foundation", ActorType::Organization, &[]),
            ],
        );
        let a2 = article(
            "a2",
            vec![
                actor("a2:o1", "Kaiser Family Foundation", ActorType::Organization, &[]),
                actor("a2:o2", "Federal Reserve Bank", ActorType::Organization, &[]),
                actor("a2:o3", "Gates Foundation", ActorType::Organization, &[]),
            ],
        );
        let a3 = article("a3", vec![actor("a3:p1", "Bill Gates", ActorType::Person, &[])]);
        let g = align(&[a1, a2, a3]);
        assert_eq!(group_of(&g, "a2:o1").members, vec!["a1:o1", "a2:o1"]);
        // "Dallas" is no given name or initial.
        assert_eq!(group_of(&g, "a2:o2").members.len(), 1);
        // "Bill" with "Gates" names a person in the set.
        assert_eq!(group_of(&g, "a2:o3").members, vec!["a1:o3", "a2:o3"]);
    }

    #[test]
    fn a_short_form_two_long_forms_claim_stays_apart() {
        let a1 = article("a1", vec![actor("a1:o1", "Henry J. Kaiser Family Foundation", ActorType::Organization, &[])]);
        let a2 = article("a2", vec![actor("a2:o1", "Kaiser Family Foundation", ActorType::Organization, &[])]);
        let a3 = article("a3", vec![actor("a3:o1", "Mary K. Kaiser Family Foundation", ActorType::Organization, &[])]);
        let g = align(&[a1, a2, a3]);
        assert_eq!(g.len(), 3);
    }

    #[test]
    fn a_one_letter_surname_misspelling_joins_across_articles() {
        let a1 = article(
            "a1",
            vec![
                actor("a1:p1", "Jeff Merkeley", ActorType::Person, &[]),
                actor("a1:p2", "Jim Hanks", ActorType::Person, &[]),
                actor("a1:p3", "Mark Pocanski", ActorType::Person, &[]),
                actor("a1:p4", "Ann Sorensen", ActorType::Person, &[]),
                actor("a1:p5", "Ann Sorenson", ActorType::Person, &[]),
            ],
        );
        let a2 = article(
            "a2",
            vec![
                actor("a2:p1", "Jeff Merkley", ActorType::Person, &[]),
                actor("a2:p2", "Jim Banks", ActorType::Person, &[]),
                actor("a2:p3", "Mark Pokanskie", ActorType::Person, &[]),
                actor("a2:p4", "John Merkley", ActorType::Person, &[]),
                actor("a2:p5", "Ann Sorensen", ActorType::Person, &[]),
            ],
        );
        let g = align(&[a1, a2]);
        assert_eq!(group_of(&g, "a2:p1").members, vec!["a1:p1", "a2:p1"]);
        // Short surnames, two edits, another given name: apart.
        assert_eq!(group_of(&g, "a2:p2").members.len(), 1);
        assert_eq!(group_of(&g, "a2:p3").members.len(), 1);
        assert_eq!(group_of(&g, "a2:p4").members.len(), 1);
        // Both spellings as two people in one article: the exact spelling joins, the other does not.
        assert_eq!(group_of(&g, "a2:p5").members, vec!["a1:p4", "a2:p5"]);
        assert_eq!(group_of(&g, "a1:p5").members.len(), 1);
    }

    #[test]
    fn a_short_given_name_is_its_formal_one() {
        let a1 = article(
            "a1",
            vec![
                actor("a1:p1", "Chuck Schumer", ActorType::Person, &[]),
                actor("a1:p2", "Chuck Grassley", ActorType::Person, &[]),
                actor("a1:p3", "Ted Cruz", ActorType::Person, &[]),
            ],
        );
        let a2 = article(
            "a2",
            vec![
                actor("a2:p1", "Charles E. Schumer", ActorType::Person, &[]),
                actor("a2:p2", "Charles Schumer", ActorType::Person, &[]),
                actor("a2:p3", "Edward Cruz", ActorType::Person, &[]),
            ],
        );
        let a3 = article("a3", vec![actor("a3:p1", "Schumer", ActorType::Person, &[])]);
        let g = align(&[a1, a2, a3]);
        assert_eq!(group_of(&g, "a1:p1").members, vec!["a1:p1", "a2:p1", "a2:p2", "a3:p1"]);
        // Same given name, another surname; and "Ted" is not listed (Edward or Theodore).
        assert_eq!(group_of(&g, "a1:p2").members.len(), 1);
        assert_eq!(group_of(&g, "a1:p3").members.len(), 1);
    }

    #[test]
    fn well_known_alternate_names_join() {
        let a1 = article(
            "a1",
            vec![
                actor("a1:o1", "ACA", ActorType::Organization, &[]),
                actor("a1:o2", "LGBTQ", ActorType::Organization, &[]),
                actor("a1:o3", "Medicare", ActorType::Organization, &[]),
            ],
        );
        let a2 = article(
            "a2",
            vec![
                // The tagger called the law a place.
                actor("a2:l1", "Obamacare", ActorType::Place, &[]),
                actor("a2:o1", "LGBT", ActorType::Organization, &[]),
                actor("a2:o2", "Medicaid", ActorType::Organization, &[]),
            ],
        );
        let g = align(&[a1, a2]);
        assert_eq!(group_of(&g, "a1:o1").members, vec!["a1:o1", "a2:l1"]);
        assert_eq!(group_of(&g, "a1:o2").members, vec!["a1:o2", "a2:o1"]);
        assert_eq!(group_of(&g, "a1:o3").members.len(), 1);
    }

    #[test]
    fn optional_words_in_a_bodys_name() {
        let a1 = article(
            "a1",
            vec![
                actor("a1:o1", "Pennsylvania State Senate", ActorType::Organization, &[]),
                actor("a1:o2", "Ohio State University", ActorType::Organization, &[]),
                actor("a1:o3", "Castner Range National Monument", ActorType::Organization, &[]),
                actor("a1:m1", "Fox TV", ActorType::Media, &[]),
                actor("a1:m2", "State TV", ActorType::Media, &[]),
                actor("a1:l1", "White House East Room", ActorType::Place, &[]),
                actor("a1:o4", "Yellowstone National Park", ActorType::Organization, &[]),
            ],
        );
        let a2 = article(
            "a2",
            vec![
                actor("a2:o1", "Pennsylvania Senate", ActorType::Organization, &[]),
                actor("a2:o2", "Ohio University", ActorType::Organization, &[]),
                actor("a2:o3", "Senate", ActorType::Organization, &[]),
                actor("a2:o4", "Castner Range", ActorType::Organization, &[]),
                actor("a2:o5", "Fox", ActorType::Organization, &[]),
                actor("a2:o6", "State", ActorType::Organization, &[]),
                actor("a2:l1", "East Room", ActorType::Place, &[]),
                actor("a2:o7", "Yellowstone", ActorType::Organization, &[]),
                actor("a2:o8", "Range", ActorType::Organization, &[]),
            ],
        );
        let g = align(&[a1, a2]);
        assert_eq!(group_of(&g, "a2:o1").members, vec!["a1:o1", "a2:o1"]);
        // "State" is part of a university's name, and "Senate" alone may be another body.
        assert_eq!(group_of(&g, "a2:o2").members.len(), 1);
        assert_eq!(group_of(&g, "a2:o3").members.len(), 1);
        assert_eq!(group_of(&g, "a2:o4").members, vec!["a1:o3", "a2:o4"]);
        assert_eq!(group_of(&g, "a2:o5").members, vec!["a1:m1", "a2:o5"]);
        assert_eq!(group_of(&g, "a2:o5").kind, ActorType::Media);
        assert_eq!(group_of(&g, "a2:o6").members.len(), 1);
        assert_eq!(group_of(&g, "a2:l1").members, vec!["a1:l1", "a2:l1"]);
        assert_eq!(group_of(&g, "a2:o7").members, vec!["a1:o4", "a2:o7"]);
        assert_eq!(group_of(&g, "a2:o8").members.len(), 1);
    }

    #[test]
    fn a_two_word_name_joins_the_one_longer_name_it_ends() {
        let a1 = article(
            "a1",
            vec![
                actor("a1:p1", "Rue Simmons", ActorType::Person, &["Simmons"]),
                actor("a1:p2", "Ann Smith", ActorType::Person, &[]),
                actor("a1:p3", "Lee Jones", ActorType::Person, &[]),
                actor("a1:p4", "Tommy Lee Jones", ActorType::Person, &[]),
            ],
        );
        let a2 = article(
            "a2",
            vec![
                actor("a2:p1", "Robin Rue Simmons", ActorType::Person, &[]),
                actor("a2:p2", "Mary Ann Smith", ActorType::Person, &[]),
                actor("a2:p3", "Jo Ann Smith", ActorType::Person, &[]),
                actor("a2:p4", "Tommy Lee Jones", ActorType::Person, &[]),
            ],
        );
        let g = align(&[a1, a2]);
        assert_eq!(group_of(&g, "a1:p1").members, vec!["a1:p1", "a2:p1"]);
        // Two longer names end so: the short one could be either.
        assert_eq!(group_of(&g, "a1:p2").members.len(), 1);
        // Its own article has the longer name as another person.
        assert_eq!(group_of(&g, "a1:p3").members.len(), 1);
    }

    #[test]
    fn a_committee_with_and_without_its_chamber() {
        let a1 = article(
            "a1",
            vec![
                actor("a1:o1", "House Select Committee on Benghazi", ActorType::Organization, &[]),
                actor("a1:o2", "Senate Select Committee on Intelligence", ActorType::Organization, &[]),
                actor("a1:o3", "House Select Committee on Intelligence", ActorType::Organization, &[]),
            ],
        );
        let a2 = article(
            "a2",
            vec![
                actor("a2:o1", "Select Committee on Benghazi", ActorType::Organization, &[]),
                actor("a2:o2", "Select Committee on Intelligence", ActorType::Organization, &[]),
            ],
        );
        let g = align(&[a1, a2]);
        assert_eq!(group_of(&g, "a2:o1").members, vec!["a1:o1", "a2:o1"]);
        // Both chambers have one: the bare name could be either.
        assert_eq!(group_of(&g, "a2:o2").members.len(), 1);
        assert_eq!(group_of(&g, "a1:o2").members.len(), 1);
    }

    #[test]
    fn a_misspelt_word_in_a_long_institution_name_joins() {
        let a1 = article(
            "a1",
            vec![
                actor("a1:o1", "George Floyd Justice in Policing Act", ActorType::Organization, &[]),
                actor("a1:o2", "Minneapolis Public Schools", ActorType::Organization, &[]),
                actor("a1:o3", "Court of Appeals for the Fifth Circuit", ActorType::Organization, &[]),
            ],
        );
        let a2 = article(
            "a2",
            vec![
                actor("a2:o1", "Geroge Floyd Justice in Policing Act", ActorType::Organization, &[]),
                actor("a2:o2", "Minnesota Public Schools", ActorType::Organization, &[]),
                actor("a2:o3", "Court of Appeals for the Ninth Circuit", ActorType::Organization, &[]),
            ],
        );
        let g = align(&[a1, a2]);
        assert_eq!(group_of(&g, "a2:o1").members, vec!["a1:o1", "a2:o1"]);
        assert_eq!(group_of(&g, "a2:o2").members.len(), 1);
        assert_eq!(group_of(&g, "a2:o3").members.len(), 1);
        assert!(one_swap("geroge", "george"));
        assert!(!one_swap("george", "george"));
        assert!(!one_swap("abcd", "badc"));
    }

    #[test]
    fn a_one_word_name_kept_apart_in_its_own_article_stays_apart() {
        let a1 = article("a1", vec![actor("a1:p1", "Francis", ActorType::Person, &["Pope Francis"])]);
        let a2 = article(
            "a2",
            vec![
                actor("a2:p1", "Francis", ActorType::Person, &["Pope Francis"]),
                actor("a2:p2", "Francis DeBernardo", ActorType::Person, &["DeBernardo"]),
            ],
        );
        let g = align(&[a1, a2]);
        assert_eq!(group_of(&g, "a1:p1").members, vec!["a1:p1", "a2:p1"]);
        assert_eq!(group_of(&g, "a2:p2").members.len(), 1);
    }

    #[test]
    fn one_letter_apart() {
        assert_eq!(edit_distance("merkley", "merkeley"), 1);
        assert_eq!(edit_distance("merkeley", "merkley"), 1);
        assert_eq!(edit_distance("sorensen", "sorenson"), 1);
        assert_ne!(edit_distance("xabcdef", "abcdefy"), 1);
        assert_ne!(edit_distance("abc", "abc"), 1);
        assert_ne!(edit_distance("pocanski", "pokanskie"), 1);
    }
}
