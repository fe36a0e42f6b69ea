//! Every named speaker an actor: [`speaker_actors`] runs after [`super::attribute()`].
//!
//! A quote's speaker words can name someone the actors stage did not make an actor of: a
//! name the tagger missed ("Mr. VandeHei said"), an organisation or a medium ("the
//! Anti-Defamation League said", "The Times reported"), or a name of which only a qualifying
//! place was tagged ("the U.S. Geological Survey said" read as the United States). Such a
//! name joins the actor of the same name when there is one, else becomes a new actor; the
//! words become a mention of it and the quote points at it. Only names count: capitalised
//! words after an optional "the" ("of", "for", "and", "&" may join them); a description ("the
//! Democratic front-runner", "some Democrats", "the President") stays as it is. A proper name
//! that can be made no actor (two actors share it; nothing says what it names) loses its
//! speaker words: the reader is never shown a speaker that leads to no actor. A capitalised
//! common noun opening its sentence ("Polls show") is a description, not a name.

use crate::actors::resolve::type_letter;
use crate::actors::ArticleActors;
use crate::lexicon::names::{name_key, name_words};
use crate::lexicon::{lexicon, OrgWord, SpeakerNoun, TitleKind};
use crate::report::{Actor, ActorType, Mention, Quote};
use crate::span::Span;
use crate::text::pos::{Pos, Tags};
use crate::text::{Segmented, Tokens};
use std::collections::{HashMap, HashSet};

/// Words that may join the capitalised words of a name ("Committee for the Defense of …").
const JOINERS: &[&str] = &["of", "for", "and", "&", "the", "on"];

/// A name inside a speaker phrase.
struct Name {
    /// Its bytes (an opening "the" left out) and tokens.
    span: Span,
    first: usize,
    end: usize,
    /// A courtesy or role title opens it ("Mr. VandeHei", "Sen. Smith").
    titled: bool,
    /// Whether it may become a new actor: not titles alone ("the President", a description
    /// coreference resolves), not one capitalised common noun ("Analysts suggest"). Joining an
    /// actor of that name is allowed either way ("King says" for Pete King).
    new_ok: bool,
}

/// The name a speaker phrase is, if it is one (capitalised words, see the module doc).
fn name_in(tok: &Tokens, pos: &Tags, span: Span) -> Option<Name> {
    let (a, b) = (tok.token_at(span.start), tok.token_at(span.end));
    if a >= b {
        return None;
    }
    let lex = lexicon();
    // "(R-Ariz.):" names no one: the label describes the person before it.
    if (a..b).any(|k| crate::lexicon::words::is_party_label(tok.word(k))) {
        return None;
    }
    let first = if tok.lower(a) == "the" { a + 1 } else { a };
    if first >= b || !tok.is_cap(first) || lex.is_stopword(tok.word(first)) {
        return None;
    }
    let words = |k: usize| tok.word(k);
    for k in first..b {
        let w = words(k);
        let ok = tok.is_cap(k) || w == "." || k > first && k + 1 < b && JOINERS.contains(&w);
        if !ok || tok.is_possessive(k) {
            return None;
        }
    }
    let last = words(b - 1);
    if !last.chars().next().is_some_and(char::is_alphabetic) {
        return None;
    }
    if b - first == 1 && lex.is_not_actor(last) {
        return None;
    }
    let courtesy = lex.title(words(first)) == Some(TitleKind::Courtesy);
    let titles_alone = !courtesy
        && (first..b).all(|k| lex.title(words(k).trim_end_matches('.')).is_some() || lex.title(words(k)).is_some());
    let common = b - first == 1 && pos.get(first) != Pos::Propn;
    let titled = b - first >= 2 && (courtesy || lex.title(words(first)).is_some() && words(first).ends_with('.'));
    Some(Name { span: tok.span(first..b), first, end: b, titled, new_ok: !titles_alone && !common })
}

/// The type of a new actor of this name, or `None` when the name is not one to make an actor
/// of. Precision first, as a wrong actor costs more than a missing one:
/// - a person only behind a form of address or an abbreviated title ("Mr. VandeHei", "Sen.
///   Smith"): two capitalised words alone may be a person, a programme or a show;
/// - a medium or organisation the lexicon knows, or whose last word says so ("the Times",
///   "the American Legion", "Special Operations Command"; that word alone only after "the");
/// - an organisation: "the" and two or more words ("the American Legion"), or one word with a
///   capital inside it ("BuzzFeed", "HarperCollins"; not a surname's, "VanderSloot"), or an
///   acronym of three letters or more ("NAACP");
/// - never a role noun ("the Wisconsin Republican"), a plural ("Democrats", "Iowa Republicans", "Polls"), a country or place, words all in
///   capitals ("EXPERTS DOWNPLAY": a headline), or a name whose first word starts its sentence
///   and is no proper noun ("Other Republicans", "Leading Democrats").
fn new_kind(tok: &Tokens, pos: &Tags, n: &Name, the: bool, lo: usize, name: &str) -> Option<ActorType> {
    let lex = lexicon();
    let (first, end) = (n.first, n.end);
    if n.titled {
        return Some(ActorType::Person);
    }
    if let Some(e) = lex.lookup(name) {
        if e.country.is_some() || e.seat.is_some() || e.demonym.is_some() {
            return None;
        }
        if e.media.is_some() {
            return Some(ActorType::Media);
        }
    }
    // "Ban Ki-moon, the secretary general of the United Nations, vowed": two or more
    // capitalised words then an appositive headed by a person's title or role are a person.
    let n_tok = tok.toks.len();
    if !the && end - first >= 2 && end + 2 < n_tok && tok.word(end) == "," && tok.lower(end + 1) == "the" {
        let role = (end + 2..n_tok.min(end + 6)).take_while(|&k| !matches!(tok.word(k), "," | "." | ";")).any(|k| {
            let w = tok.lower(k);
            lex.title(tok.word(k)).is_some_and(|t| t != TitleKind::Courtesy)
                || lex.is_speaker_noun(&w, SpeakerNoun::Person)
        });
        if role {
            return Some(ActorType::Person);
        }
    }
    let last = tok.word(end - 1);
    // A role noun heads a description, not a name ("the Wisconsin Republican").
    if lex.is_speaker_noun(&last.to_lowercase(), SpeakerNoun::Person) {
        return None;
    }
    // An organisation word alone is a name only after "the" ("the Times"; not "Police", "TV").
    let named = the || end - first >= 2;
    match lex.org_word(last) {
        Some(OrgWord::Media) if named => return Some(ActorType::Media),
        Some(OrgWord::Org) if named => return Some(ActorType::Organization),
        Some(_) => return None,
        None => {}
    }
    let letters = |w: &str| w.chars().filter(|c| c.is_alphabetic()).count();
    let caps = |w: &str| !w.chars().any(char::is_lowercase);
    // Several words in capitals are a headline ("EXPERTS DOWNPLAY"); one is an acronym.
    if last.ends_with('s') || end - first >= 2 && (first..end).all(|k| caps(tok.word(k))) {
        return None;
    }
    if !the && first == lo && pos.get(first) != Pos::Propn {
        return None;
    }
    // A capital inside a surname is no company's ("McConnell", "VanderSloot", "DeMoro").
    let surname = ["Mc", "Mac", "Van", "De", "Di", "Da", "La", "Le", "Du", "O'", "O\u{2019}"];
    let camel = |w: &str| {
        w.chars().skip(1).any(char::is_uppercase)
            && w.chars().any(char::is_lowercase)
            && !surname.iter().any(|p| w.starts_with(p))
    };
    let acronym =
        |w: &str| letters(w) >= 3 && caps(w) && w.chars().all(|c| c.is_alphanumeric() || matches!(c, '&' | '-'));
    // "The Tennessean first reported": one proper noun after "the" (a plural was ruled out above).
    let ok =
        the && (end - first >= 2 || pos.get(first) == Pos::Propn) || end - first == 1 && (camel(last) || acronym(last));
    ok.then_some(ActorType::Organization)
}

/// A person the tagger missed, named as a speaker: two or three capitalised words written in
/// mixed case (initials allowed: "J. J. Price"), no title first and nothing the lexicon knows,
/// whose first word is a given name ("April Mellody said") or whose last word is the surname of
/// a person of the article ("Ivanka Trump acknowledged" beside Donald Trump); never a name
/// ending in an organisation's word ("Frank Russell Company").
fn missed_person(tok: &Tokens, n: &Name, index: &Index, actors: &[Actor], name: &str) -> Option<ActorType> {
    let words = n.end - n.first;
    if n.titled || !(2..=4).contains(&words) {
        return None;
    }
    let lex = lexicon();
    let initial = |w: &str| w.len() <= 3 && w.ends_with('.') && w.chars().next().is_some_and(char::is_uppercase);
    let mixed = |w: &str| w.chars().any(char::is_lowercase) && w.chars().next().is_some_and(char::is_uppercase);
    let toks: Vec<&str> = (n.first..n.end).map(|k| tok.word(k)).filter(|w| *w != ".").collect();
    let (Some(&given), Some(&surname)) = (toks.first(), toks.last()) else { return None };
    if toks.len() < 2
        || toks.len() > 3
        || !toks.iter().all(|w| mixed(w) || initial(w))
        || !mixed(surname)
        || lex.title(given.trim_end_matches('.')).is_some()
        || lex.lookup(name).is_some()
        || lex.lookup(given).is_some()
        || lex.org_word(surname).is_some()
    {
        return None;
    }
    let given_name =
        !initial(given) && crate::actors::tag::gazetteer::holds(crate::actors::tag::gazetteer::GIVEN_NAMES, given);
    let kin = name_words(surname).pop().and_then(|k| index.by_surname.get(&k)).is_some_and(|people| {
        people.iter().any(|&i| actors[i].kind == ActorType::Person && name_words(&actors[i].name).len() >= 2)
    });
    (given_name || kin).then_some(ActorType::Person)
}

/// Whether tokens `first..end` are one capitalised word opening its sentence (at `lo`) that the
/// article also writes in lower case: a common noun ("Polls show", "Experts say", "Video
/// shows"), whatever the part-of-speech tagger made of it. `lower` is the article's lower-case
/// words, gathered on first use.
fn common_noun<'t>(
    tok: &Tokens<'t>,
    first: usize,
    end: usize,
    lo: usize,
    lower: &mut Option<HashSet<&'t str>>,
) -> bool {
    if end != first + 1 || first != lo {
        return false;
    }
    let words = lower.get_or_insert_with(|| lower_words(tok));
    words.contains(tok.word(first).to_lowercase().as_str())
}

/// The words of a text written in lower case (first letter lower case).
pub fn lower_words<'t>(tok: &Tokens<'t>) -> HashSet<&'t str> {
    (0..tok.toks.len()).map(|k| tok.word(k)).filter(|w| w.chars().next().is_some_and(char::is_lowercase)).collect()
}

fn sentence_of(seg: &Segmented, tok: usize) -> usize {
    seg.sentences.partition_point(|s| s.tokens.end <= tok)
}

/// Makes every named speaker an actor with a mention (see the module doc).
pub fn speaker_actors(
    text: &str,
    seg: &Segmented,
    pos: &Tags,
    article_id: &str,
    actors: &mut ArticleActors,
    quotes: &mut [Quote],
) {
    let tok = Tokens::new(text, &seg.tokens);
    let mut index = Index::new(article_id, &actors.actors);
    let original = actors.mentions.clone();
    let mut removed: HashSet<(usize, usize)> = HashSet::new();
    let mut added: Vec<(Span, usize)> = Vec::new();
    let mut added_at: HashSet<(usize, usize)> = HashSet::new();
    let mut touched: HashSet<usize> = HashSet::new();
    let mut lower: Option<HashSet<&str>> = None;
    for q in quotes.iter_mut() {
        let Some(sp) = q.speaker_span else { continue };
        // "The two Democrats added", "some Republicans said": members counted out of a party are
        // people, not the party speaking; which people is not for this step to guess.
        if counted_members(&tok, sp) {
            q.speaker = None;
            continue;
        }
        let current = q.speaker.as_ref().and_then(|id| index.by_id.get(id)).copied();
        // A speaker whose actor is named by the words already keeps it, unless that actor is
        // a country or place only qualifying a longer name ("the U.S. Geological Survey").
        if let Some(c) = current {
            let kind = actors.actors[c].kind;
            let qualifier = matches!(kind, ActorType::Country | ActorType::Place)
                && near(&original, sp).any(|(m, a)| {
                    let k = tok.token_at(m.end);
                    a == c
                        && sp.contains(m)
                        && m.end < sp.end
                        && k < seg.tokens.len()
                        && !tok.is_possessive(k)
                        && tok.is_cap(k)
                });
            if !qualifier {
                continue;
            }
        }
        if current.is_none() {
            if let Some((pspan, word)) = party_group(&tok, sp).filter(|(p, _)| near(&original, *p).next().is_none()) {
                let keys = if word == "Democrats" {
                    ["Democrats", "Democratic Party", "Democratic party"]
                } else {
                    ["Republicans", "Republican Party", "GOP"]
                };
                let mut found: Vec<usize> =
                    keys.iter().filter_map(|k| index.by_key.get(&name_key(k))).flatten().copied().collect();
                found.sort_unstable();
                found.dedup();
                let idx = match found.as_slice() {
                    [one] => *one,
                    [] => index.new_actor(&mut actors.actors, word, ActorType::Organization),
                    _ => continue,
                };
                if added_at.insert((pspan.start, pspan.end)) {
                    add_mention(&mut actors.actors[idx], text, pspan);
                    added.push((pspan, idx));
                    touched.insert(idx);
                }
                q.speaker = Some(actors.actors[idx].id.clone());
                continue;
            }
        }
        let Some(n) = name_in(&tok, pos, sp) else { continue };
        let Name { span: name_span, first, end, titled, new_ok } = n;
        // A proper name this step cannot make an actor of ("Poll:", "Video shows", a name
        // shared by two actors) is no speaker: a name the reader cannot follow to an actor is
        // worse than none. A description ("Analysts say") keeps its words.
        // The first token of the name's sentence.
        let lo = seg.sentences.get(sentence_of(seg, first)).map_or(first, |s| s.tokens.start);
        let resolved = 'r: {
            let the = first > tok.token_at(sp.start);
            let name = &text[name_span.start..name_span.end];
            // A title opening a person's name is not part of the name ("Mr. VandeHei").
            let bare = if titled { tok.slice(first + 1..end).trim_start_matches('.').trim() } else { name };
            let key = name_key(bare);
            if key.is_empty() {
                break 'r None;
            }
            // Mentions inside the name must be places or countries qualifying it, each with another
            // mention left to its actor once this one is given to the name; any other overlap, or a
            // mention reaching out of the name, leaves the speaker as it was.
            let inner: Vec<(Span, usize)> = near(&original, name_span)
                .filter(|(m, _)| m.overlaps(name_span) && *m != name_span && !removed.contains(&(m.start, m.end)))
                .collect();
            let movable = |&(m, a): &(Span, usize)| {
                let x = &actors.actors[a];
                name_span.contains(m)
                    && matches!(x.kind, ActorType::Country | ActorType::Place)
                    && x.mentions.len() > inner.iter().filter(|(_, b)| *b == a).count()
            };
            if !inner.iter().all(movable) {
                break 'r None;
            }
            let words = name_words(bare);
            let surname = (words.len() == 1).then(|| words.into_iter().next()).flatten();
            let mut found: Vec<usize> = index.by_key.get(&key).cloned().unwrap_or_default();
            if let Some(s) = surname.as_ref().and_then(|s| index.by_surname.get(s)) {
                found.extend(s.iter().copied());
            }
            found.sort_unstable();
            found.dedup();
            let idx = match found.as_slice() {
                [one] => *one,
                [] if new_ok => {
                    let kind = new_kind(&tok, pos, &n, the, lo, name)
                        .or_else(|| missed_person(&tok, &n, &index, &actors.actors, name));
                    let Some(kind) = kind else { break 'r None };
                    index.new_actor(&mut actors.actors, bare, kind)
                }
                // No actor of that name and not one to make, or two of that name: which one is not
                // for this step to guess.
                _ => break 'r None,
            };
            Some((idx, inner))
        };
        let Some((idx, inner)) = resolved else {
            if current.is_none() && new_ok && !common_noun(&tok, first, end, lo, &mut lower) {
                q.speaker_span = None;
            }
            continue;
        };
        for &(m, a) in &inner {
            removed.insert((m.start, m.end));
            actors.actors[a].mentions.retain(|x| !(x.start == m.start && x.end == m.end));
        }
        if !added_at.contains(&(name_span.start, name_span.end))
            && !near(&original, name_span).any(|(m, b)| m == name_span && b == idx)
        {
            add_mention(&mut actors.actors[idx], text, name_span);
            added.push((name_span, idx));
            added_at.insert((name_span.start, name_span.end));
            touched.insert(idx);
        }
        q.speaker = Some(actors.actors[idx].id.clone());
    }
    if removed.is_empty() && added.is_empty() {
        return;
    }
    for &i in &touched {
        actors.actors[i].mentions.sort_by_key(|m| (m.start, m.end));
    }
    actors.mentions.retain(|(m, _)| !removed.contains(&(m.start, m.end)));
    actors.mentions.extend(added);
    actors.mentions.sort_by_key(|(m, _)| (m.start, m.end));
}

/// A party's members speaking as a group ("Democrats said", "Senate Republicans"; not counted
/// members, see [`counted_members`]): the party word's span and the word, read as the party speaking. A short phrase
/// only (at most three words) whose last word is the party's plural; a singular ("the Wisconsin
/// Republican") is a person described, left to coreference.
fn party_group(tok: &Tokens, sp: Span) -> Option<(Span, &'static str)> {
    let (a, b) = (tok.token_at(sp.start), tok.token_at(sp.end));
    if b <= a || b - a > 3 {
        return None;
    }
    let word = match tok.word(b - 1) {
        "Democrats" => "Democrats",
        "Republicans" => "Republicans",
        _ => return None,
    };
    Some((tok.span(b - 1..b), word))
}

/// Whether a speaker phrase counts some members of a party ("the two Democrats", "some
/// Republicans", "three House Democrats"): a party plural last, and a number or a quantifier
/// before it.
fn counted_members(tok: &Tokens, sp: Span) -> bool {
    let (a, b) = (tok.token_at(sp.start), tok.token_at(sp.end));
    if b <= a || b - a > 4 || !matches!(tok.word(b - 1), "Democrats" | "Republicans") {
        return false;
    }
    // The phrase may name the party word alone: its two words before count too.
    (a.saturating_sub(2)..b - 1).any(|k| crate::lexicon::words::is_quantifier(tok.word(k)))
}

/// The mentions that may overlap `span`: those starting before its end, at most 16 back.
fn near(mentions: &[(Span, usize)], span: Span) -> impl Iterator<Item = (Span, usize)> + '_ {
    let k = mentions.partition_point(|(m, _)| m.start < span.end);
    mentions[..k].iter().rev().take(16).copied().filter(move |(m, _)| m.overlaps(span))
}

/// The article's actors looked up by id, name key and (people) surname, and the highest number
/// each id letter has used: built once, so the pass stays linear in quotes, actors and mentions.
struct Index<'a> {
    article_id: &'a str,
    by_id: HashMap<String, usize>,
    by_key: HashMap<String, Vec<usize>>,
    by_surname: HashMap<String, Vec<usize>>,
    numbers: HashMap<char, usize>,
}

impl<'a> Index<'a> {
    fn new(article_id: &'a str, actors: &[Actor]) -> Self {
        let mut index = Index {
            article_id,
            by_id: HashMap::new(),
            by_key: HashMap::new(),
            by_surname: HashMap::new(),
            numbers: HashMap::new(),
        };
        for (i, a) in actors.iter().enumerate() {
            index.file(a, i);
            if let Some(rest) = a.id.strip_prefix(article_id).and_then(|r| r.strip_prefix(':')) {
                let mut cs = rest.chars();
                if let (Some(letter), Ok(n)) = (cs.next(), cs.as_str().parse::<usize>()) {
                    let e = index.numbers.entry(letter).or_insert(0);
                    *e = (*e).max(n);
                }
            }
        }
        index
    }

    /// Files actor `i` under its id, its name keys and, for a person, its surname.
    fn file(&mut self, a: &Actor, i: usize) {
        self.by_id.insert(a.id.clone(), i);
        for n in std::iter::once(&a.name).chain(a.aliases.iter()) {
            let v = self.by_key.entry(name_key(n)).or_default();
            if !v.contains(&i) {
                v.push(i);
            }
        }
        if a.kind == ActorType::Person {
            if let Some(s) = name_words(&a.name).pop() {
                let v = self.by_surname.entry(s).or_default();
                if !v.contains(&i) {
                    v.push(i);
                }
            }
        }
    }

    /// A new actor of that name and kind, with the next id of its letter, filed; its index.
    fn new_actor(&mut self, actors: &mut Vec<Actor>, name: &str, kind: ActorType) -> usize {
        let letter = type_letter(kind);
        let number = self.numbers.entry(letter).or_insert(0);
        *number += 1;
        let i = actors.len();
        actors.push(Actor {
            id: format!("{}:{letter}{number}", self.article_id),
            name: name.to_string(),
            kind,
            aliases: vec![name.to_string()],
            roles: Vec::new(),
            role_evidence: Vec::new(),
            mentions: Vec::new(),
        });
        self.file(&actors[i], i);
        i
    }
}

/// Gives actor `a` the words at `span` as a mention, and as an alias when new.
fn add_mention(a: &mut Actor, text: &str, span: Span) {
    let words = &text[span.start..span.end];
    a.mentions.push(Mention { start: span.start, end: span.end, text: words.to_string() });
    if !a.aliases.iter().any(|x| x == words) {
        a.aliases.push(words.to_string());
    }
}
