//! Mention repairs after tagging, each a look at a mention's own tokens and its neighbours
//! (constant work per mention):
//!
//! - **Works in quotation marks** ("PBS's the “Charlie Rose” show", "“Meet the Press”"): a
//!   mention that fills a pair of quotation marks is a title, not an actor (unless the lexicon
//!   knows the name: “The Wall Street Journal” wrote; nor a nickname inside a name: William
//!   "Mo" Cowan).
//! - **Laws** ("Affordable Care Act", "Dodd-Frank Act", "Fourteenth Amendment", "New START
//!   Treaty", "North American Free Trade Agreement", "War Powers Resolution"): a name ending in
//!   Act, Bill, Amendment, Treaty, Accords, Agreement or Resolution is not an organisation or a
//!   place; it is kept as MISC (not an actor). So are plans, programmes and reports of that
//!   shape ("Clean Power Plan", "Red Flag Laws", "National Climate Assessment", "Pell Grants",
//!   "Election Law"; not "Initiative" or "Program", which name organisations: "Clinton Global
//!   Initiative", "World Food Program"). So is a law the synonym lexicon knows by another
//!   name ("Obamacare", "ACA").
//! - **A role before a name** ("Acting White House Chief of Staff Mick Mulvaney" tagged
//!   "White House Chief of Staff" LOC + "Mick Mulvaney" PER): a mention right before a person
//!   is cut at its first title word, leaving the institution ("White House").
//! - **Common nouns capitalised for emphasis** ("the Wall", "close the Southern Border"): an
//!   organisation, place or MISC mention of up to three words that the article writes in lower
//!   case at least as often ("wall", "southern border"), and that the lexicon does not know, is
//!   dropped ("Tea Party" against one "tea party" stays).
//! - **Party labels** ("Democrat of Georgia", "Republican from Ohio", "New York Democrat"): the
//!   description is no
//!   actor (nor is the state: "Georgia" alone would read as the country).
//! - **Not persons**: a known place of two words ("Capitol Hill"), an agency in dotted capitals
//!   ("C.I.A.", "F.B.I."; becomes an organisation), a plural group noun ("Republicans",
//!   "Missourians", "Latinos"; no actor), a plural acronym ("HBCUs") or a party-state label
//!   ("D-W.Va"; no actor).
//! - **A newspaper read as a person** ("According to Haaretz"): a one-word person mention that
//!   the lexicon knows as a medium becomes an organisation (then typed as media) unless some
//!   person of the article has the word in a longer name ("Vicente Fox" keeps "Fox" a person).
//! - **Page junk and verbs at the edges** ("Advertisement Advertisement According", "Biden
//!   Won't", "Trump Says"): leading page words and trailing reporting verbs, auxiliaries and
//!   negated contractions are cut; a mention left empty is dropped.
//! - **Firms**: a name ending in a company suffix ("Marcum L.L.P.", "Acme Inc.") is an
//!   organisation; a professional firm's list of partners' names ("Mintz, Levin, Cohn, Ferris,
//!   Glovsky and Popeo PC", tagged as five names of three types) is one organisation.
//! - **"Ruppersberger of Maryland"**: a name of the article's people followed by "of" and a
//!   place, tagged as one organisation, is the person.
//! - **A person name run on into a common noun** ("President Obama Speech at ..."): when the
//!   last word is written in lower case elsewhere in the article and the rest is a person
//!   tagged elsewhere, the word is cut.

use crate::actors::{EntityKind, EntityMention};
use crate::lexicon::names::name_key;
use crate::lexicon::words::is_dotted_initials;
use crate::lexicon::{lexicon, lower};
use crate::lexicon::{FastMap, FastSet};
use crate::text::{Segmented, Tokens};

/// Web-page words that glue onto names in pasted text.
const PAGE_WORDS: &[&str] = &[
    "advertisement",
    "advertisements",
    "advertising",
    "sponsored",
    "watch",
    "click",
    "subscribe",
    "continue",
    "according",
];

/// Prepositions, conjunctions and adverbs that open a sentence and that the tagger glues to
/// the name after them ("Beyond Trump", "Despite Clinton").
const SENTENCE_OPENERS: &[&str] = &[
    "Beyond",
    "Despite",
    "After",
    "Before",
    "Although",
    "Though",
    "While",
    "Unlike",
    "Like",
    "Since",
    "Until",
    "Without",
    "Among",
    "Against",
    "During",
    "Amid",
    "Meanwhile",
    "If",
    "When",
    "But",
    "And",
    "Or",
    "Yet",
    "Also",
    "Even",
    "Still",
    "Then",
    "Now",
    "Unless",
    "Whether",
    "Because",
];

/// Social platforms named in news as where someone spoke ("said on Twitter"); the tagger,
/// trained on 1996 news, leaves them untagged.
const PLATFORMS: &[&str] =
    &["Twitter", "Facebook", "Instagram", "YouTube", "TikTok", "Snapchat", "Reddit", "LinkedIn", "WhatsApp"];

/// Words that name a storm; the name after them is no person ("Hurricane Sandy").
const STORM_WORDS: &[&str] = &["Hurricane", "Superstorm", "Typhoon", "Cyclone"];

/// Words that end a name's run into a clause: reporting verbs and auxiliaries.
const CLAUSE_WORDS: &[&str] = &[
    "says",
    "said",
    "tells",
    "told",
    "is",
    "was",
    "are",
    "were",
    "has",
    "had",
    "have",
    "would",
    "could",
    "should",
    "does",
    "did",
    "wants",
    "warns",
    "according",
];

fn is_open_quote(w: &str) -> bool {
    matches!(w, "\u{201c}" | "\"" | "\u{2018}" | "'" | "\u{00ab}")
}

/// A capitalised word that may belong to a name around a nickname ("Thomas “Tip” O'Neill"),
/// not a headline's capitalised function word ("Promises To ‘Abolish’ The Filibuster").
fn name_word(w: &str) -> bool {
    w.starts_with(char::is_uppercase) && !lexicon().is_stopword(w)
}

fn is_close_quote(w: &str) -> bool {
    matches!(w, "\u{201d}" | "\"" | "\u{2019}" | "'" | "\u{00bb}")
}

/// A plural group noun the tagger reads as a person ("Republicans", "Missourians", "Latinos").
fn is_group_noun(w: &str) -> bool {
    matches!(
        w,
        "Democrat"
            | "Democrats"
            | "Republican"
            | "Republicans"
            | "Independents"
            | "Libertarians"
            | "Latino"
            | "Latinos"
            | "Latina"
            | "Latinas"
            | "Hispanics"
            | "Conservatives"
            | "Liberals"
            | "Progressives"
    ) || (w.len() >= 8 && w.ends_with("ians") && w.chars().next().is_some_and(char::is_uppercase))
}

/// "R.", "W.": one capital letter and a full stop.
fn is_initial(w: &str) -> bool {
    let mut c = w.chars();
    matches!((c.next(), c.next(), c.next()), (Some(l), Some('.'), None) if l.is_uppercase())
}

fn contraction(w: &str) -> bool {
    let l = lower(w).replace('\u{2019}', "'");
    l.ends_with("n't") || l.ends_with("'ll") || l.ends_with("'re") || l.ends_with("'ve") || l.ends_with("'d")
}

/// A company's or a government's policy ("Hateful Conduct Policy"), not an office named for
/// one ("Office of Science and Technology Policy", "Bipartisan Policy Center") nor the
/// magazine "Foreign Policy".
fn is_policy(words: &[&str]) -> bool {
    words.len() >= 3
        && matches!(words.last(), Some(&"Policy" | &"Policies"))
        && !words.iter().any(|w| matches!(*w, "of" | "for" | "on") || lexicon().org_word(w).is_some())
}

/// A quotation mark the tagger ran into a name ("Donald Trump ''doesn't want", as tokenised
/// copy writes its quotes) is cut off; a MISC name left as a given name and a surname, with no
/// organisation or place word, is a person (the mark made it look like a title).
fn quote_edges(v: &Tokens, mut mentions: Vec<EntityMention>) -> Vec<EntityMention> {
    let mark = |w: &str| matches!(w, "'" | "''" | "`" | "``" | "\"" | "\u{201c}" | "\u{201d}");
    for m in &mut mentions {
        let (a, mut b) = (m.tokens.start, m.tokens.end);
        while b > a + 1 && mark(v.word(b - 1)) {
            b -= 1;
        }
        if b == m.tokens.end {
            continue;
        }
        m.tokens = a..b;
        m.span = v.span(a..b);
        let words: Vec<&str> = (a..b).map(|i| v.word(i)).collect();
        if m.kind == EntityKind::Misc
            && (2..=3).contains(&words.len())
            && super::gazetteer::holds(super::gazetteer::GIVEN_NAMES, words[0])
            && words.iter().all(|w| w.starts_with(char::is_uppercase) && lexicon().org_word(w).is_none())
            && lexicon().lookup(v.slice(a..b)).is_none()
        {
            m.kind = EntityKind::Per;
        }
    }
    mentions
}

/// "Fox News' Megyn" + "Kelly" (PER): a name the tagger ran on over a possessive into the
/// given name of the person after it is cut at the possessive, and the given name joins the
/// person ("NBC's Lester" + "Holt" alike).
fn possessive_given_names(v: &Tokens, mut mentions: Vec<EntityMention>) -> Vec<EntityMention> {
    for k in 1..mentions.len() {
        let (a, b) = (mentions[k - 1].tokens.start, mentions[k - 1].tokens.end);
        if mentions[k - 1].kind == EntityKind::Per
            || mentions[k].kind != EntityKind::Per
            || mentions[k].tokens.start != b
        {
            continue;
        }
        // The possessive: "'s", or a lone apostrophe after a word ending in "s".
        let Some(p) = (a + 1..b.saturating_sub(1))
            .find(|&i| v.is_possessive(i) || (matches!(v.word(i), "'" | "\u{2019}") && v.word(i - 1).ends_with('s')))
        else {
            continue;
        };
        // One or two capitalised words that are no title, organisation word or known name.
        let given = b - p <= 3
            && (p + 1..b).all(|i| {
                let w = v.word(i);
                w.starts_with(char::is_uppercase)
                    && w.chars().all(|c| c.is_alphabetic() || c == '.' || c == '-')
                    && lexicon().title(w).is_none()
                    && lexicon().org_word(w).is_none()
                    && !lexicon().is_stopword(w)
                    && lexicon().lookup(w).is_none()
            });
        if !given {
            continue;
        }
        mentions[k - 1].tokens = a..p;
        mentions[k - 1].span = v.span(a..p);
        let end = mentions[k].tokens.end;
        mentions[k].tokens = p + 1..end;
        mentions[k].span = crate::span::Span::new(v.span(p + 1..end).start, mentions[k].span.end);
    }
    mentions
}

/// Applies the repairs of the module docs; returns the mentions in text order.
/// Suffixes that make the name before them a company.
const COMPANY_SUFFIXES: &[&str] =
    &["LLP", "L.L.P.", "LLC", "L.L.C.", "PC", "P.C.", "Inc", "Inc.", "Ltd", "Ltd.", "PLC", "Corp", "Corp."];
/// Suffixes of professional partnerships (law and accounting firms), named by lists of
/// partners' surnames.
const PARTNERSHIP_SUFFIXES: &[&str] = &["LLP", "L.L.P.", "PC", "P.C."];
/// Partners' names a firm's name may list.
const MAX_PARTNERS: usize = 8;

/// Firms, joined before the mention-by-mention repairs (see
/// the module doc). `mentions` are in text order; so is the result.
fn join_names(
    v: &Tokens,
    n: usize,
    same_sentence: impl Fn(usize, usize) -> bool,
    mentions: Vec<EntityMention>,
) -> Vec<EntityMention> {
    let mut out: Vec<EntityMention> = Vec::with_capacity(mentions.len());
    let mut it = mentions.into_iter().peekable();
    while let Some(mut m) = it.next() {
        let (a, b) = (m.tokens.start, m.tokens.end);
        // A company suffix (one token, or two written together: "L." "L.P.") at the end of
        // the mention or right after it, after at least one word of the name.
        let suffix = |i: usize| -> Option<(usize, String)> {
            if i >= n || !same_sentence(a, i) {
                return None;
            }
            let one = v.word(i);
            if COMPANY_SUFFIXES.contains(&one) {
                return Some((i + 1, one.to_string()));
            }
            let two = format!("{one}{}", v.word(i + 1));
            (i + 1 < n
                && v.span(i..i + 1).end == v.span(i + 1..i + 2).start
                && COMPANY_SUFFIXES.contains(&two.as_str()))
            .then_some((i + 2, two))
        };
        let found = (b.saturating_sub(2).max(a + 1)..=b).find_map(|i| suffix(i).filter(|&(e, _)| e >= b));
        if let Some((sfx_end, sfx)) = found {
            let mut start = a;
            if PARTNERSHIP_SUFFIXES.contains(&sfx.as_str()) {
                // Back over ", Name" and "and Name" / "& Name": one-word capitalised names.
                let mut partners = 0;
                while partners < MAX_PARTNERS
                    && start >= 2
                    && matches!(v.word(start - 1), "," | "and" | "&")
                    && v.is_cap(start - 2)
                    && v.word(start - 2).chars().all(char::is_alphabetic)
                    && same_sentence(start - 2, a)
                {
                    start -= 2;
                    partners += 1;
                }
                if partners < 2 {
                    start = a;
                }
            }
            while out.last().is_some_and(|o| o.tokens.end > start) {
                out.pop();
            }
            // Anything tagged inside the suffix's reach is part of the firm.
            while it.peek().is_some_and(|o| o.tokens.start < sfx_end) {
                it.next();
            }
            m = EntityMention { span: v.span(start..sfx_end), kind: EntityKind::Org, tokens: start..sfx_end };
            out.push(m);
            continue;
        }
        out.push(m);
    }
    out
}

/// Name particles written in lower case inside a person's name: Arabic "bin" ("Osama bin
/// Laden", "Mohammed bin Salman"), which joins any two names, and European ones ("Ludwig van
/// Beethoven"), which join only where the tagger called one side a person.
fn particle(w: &str) -> Option<bool> {
    match w {
        "bin" | "ibn" | "bint" => Some(true),
        "van" | "von" | "de" | "da" | "di" | "del" | "della" | "du" | "dos" | "das" => Some(false),
        _ => None,
    }
}

/// "Osama" + "bin" + "Laden" tagged as two names (often places): one person. A name after a
/// lower-case "al" ("al Qaeda", "al Shabab") takes the article back.
fn join_particles(
    v: &Tokens,
    same_sentence: impl Fn(usize, usize) -> bool,
    mentions: Vec<EntityMention>,
) -> Vec<EntityMention> {
    let mut out: Vec<EntityMention> = Vec::with_capacity(mentions.len());
    for mut m in mentions {
        let (a, b) = (m.tokens.start, m.tokens.end);
        if let Some(prev) = out.last_mut() {
            let (pa, pb) = (prev.tokens.start, prev.tokens.end);
            let joins = pb + 1 == a
                && same_sentence(pa, b - 1)
                && pb - pa <= 3
                && b - a <= 2
                && particle(v.word(pb))
                    .is_some_and(|any| any || prev.kind == EntityKind::Per || m.kind == EntityKind::Per);
            if joins {
                prev.span = crate::span::Span::new(prev.span.start, m.span.end);
                prev.tokens = pa..b;
                prev.kind = EntityKind::Per;
                continue;
            }
        }
        if a >= 1
            && v.word(a - 1) == "al"
            && !out.last().is_some_and(|p| p.tokens.end >= a)
            && same_sentence(a - 1, a)
            && !(a >= 2 && v.is_cap(a - 2))
        {
            m.span = crate::span::Span::new(v.span(a - 1..a).start, m.span.end);
            m.tokens = a - 1..b;
        }
        out.push(m);
    }
    out
}

pub fn repair(text: &str, seg: &Segmented, mentions: Vec<EntityMention>) -> Vec<EntityMention> {
    let v = Tokens::new(text, &seg.tokens);
    let mut sent_of = vec![0usize; seg.tokens.len()];
    for (k, s) in seg.sentences.iter().enumerate() {
        for i in s.tokens.clone() {
            if let Some(x) = sent_of.get_mut(i) {
                *x = k;
            }
        }
    }
    let same_sentence = |a: usize, b: usize| b < seg.tokens.len() && sent_of[a] == sent_of[b];
    let mentions = join_names(&v, seg.tokens.len(), same_sentence, mentions);
    let mentions = join_particles(&v, same_sentence, mentions);
    let mentions = possessive_given_names(&v, quote_edges(&v, mentions));
    // Person keys (and surnames) tagged in the article, and words written in lower case.
    let mut persons: FastSet<String> = FastSet::default();
    let mut person_words: FastSet<String> = FastSet::default();
    for m in mentions.iter().filter(|m| m.kind == EntityKind::Per) {
        let key = name_key(v.slice(m.tokens.clone()));
        if m.tokens.len() >= 2 {
            person_words.extend(key.split(' ').map(str::to_string));
        }
        if let Some(last) = key.rsplit(' ').next() {
            persons.insert(last.to_string());
        }
        persons.insert(key);
    }
    // Words written in lower case, and lower-case runs of one to three words, counted only for
    // what the loop below asks about (every token's runs as strings were a tenth of the whole
    // analysis): the last words of person names, and the names of up to three words that are
    // not persons.
    let needed: FastSet<String> = mentions
        .iter()
        .filter(|m| m.kind == EntityKind::Per && m.tokens.len() >= 2)
        .flat_map(|m| m.tokens.clone().map(|i| lower(v.word(i))))
        .collect();
    let starts_lower = |w: &str| w.chars().next().is_some_and(char::is_lowercase);
    let lower_words: FastSet<String> = (0..seg.tokens.len())
        .map(|i| v.word(i))
        .filter(|w| starts_lower(w))
        .filter_map(|w| {
            // An ASCII word already in lower case is its own key: no copy to look it up.
            if w.is_ascii() && !w.bytes().any(|b| b.is_ascii_uppercase()) {
                needed.contains(w).then(|| w.to_string())
            } else {
                let l = lower(w);
                needed.contains(&l).then_some(l)
            }
        })
        .collect();
    let mut lower_runs: FastMap<String, usize> = mentions
        .iter()
        .filter(|m| m.kind != EntityKind::Per && m.tokens.len() <= 3)
        .map(|m| (lower(v.slice(m.tokens.clone())), 0))
        .collect();
    let firsts: FastSet<String> = lower_runs.keys().filter_map(|k| k.split(' ').next()).map(str::to_string).collect();
    for s in &seg.sentences {
        for i in s.tokens.clone().filter(|&i| firsts.contains(v.word(i))) {
            let mut run = String::new();
            for j in i..s.tokens.end.min(i + 3) {
                let w = v.word(j);
                if !starts_lower(w) {
                    break;
                }
                if !run.is_empty() {
                    run.push(' ');
                }
                run.push_str(w);
                if let Some(n) = lower_runs.get_mut(&run) {
                    *n += 1;
                }
            }
        }
    }
    lower_runs.retain(|_, n| *n > 0);
    let mut capital_runs: FastMap<String, usize> = FastMap::default();
    for m in &mentions {
        *capital_runs.entry(lower(v.slice(m.tokens.clone()))).or_default() += 1;
    }
    // Given names of the article's full names: "Crooked Hillary" beside "Hillary Clinton".
    let given_names: FastSet<&str> = mentions
        .iter()
        .filter(|m| m.kind == EntityKind::Per && m.tokens.len() >= 2)
        .map(|m| v.word(m.tokens.start))
        .collect();
    let person_start: FastSet<usize> =
        mentions.iter().filter(|m| m.kind == EntityKind::Per).map(|m| m.tokens.start).collect();
    let mut out = Vec::with_capacity(mentions.len());
    for mut m in mentions {
        let (a, b) = (m.tokens.start, m.tokens.end);
        if a >= b || b > seg.tokens.len() {
            continue;
        }
        // A title in quotation marks.
        if a > 0
            && same_sentence(a - 1, b)
            && is_open_quote(v.word(a - 1))
            && is_close_quote(v.word(b))
            && lexicon().lookup(v.slice(a..b)).is_none()
            && !(a > 1 && name_word(v.word(a - 2)) && name_word(v.word(b + 1)))
        {
            continue;
        }
        let words: Vec<&str> = m.tokens.clone().map(|i| v.word(i)).collect();
        // A law.
        let last = *words.last().unwrap_or(&"");
        if words.len() >= 2
            && matches!(
                last,
                "Act"
                    | "Acts"
                    | "Amendment"
                    | "Amendments"
                    | "Treaty"
                    | "Accords"
                    | "Agreement"
                    | "Bill"
                    | "Resolution"
                    | "Law"
                    | "Laws"
                    | "Plan"
                    | "Assessment"
                    | "Doctrine"
                    | "Grants"
            )
            && (m.kind != EntityKind::Per || last != "Bill")
            || is_policy(&words)
        {
            m.kind = EntityKind::Misc;
            out.push(m);
            continue;
        }
        // Two names run together where a comma is missing ("the Washington Post Trump said"):
        // a name the lexicon knows, then a surname of the article's people.
        if m.kind != EntityKind::Per
            && words.len() >= 2
            && persons.contains(&name_key(last))
            && lexicon().lookup(v.slice(a..b - 1)).is_some()
            && lexicon().lookup(v.slice(a..b)).is_none()
        {
            out.push(EntityMention { span: v.span(a..b - 1), kind: m.kind, tokens: a..b - 1 });
            out.push(EntityMention { span: v.span(b - 1..b), kind: EntityKind::Per, tokens: b - 1..b });
            continue;
        }
        // A nickname: a word that is no name before the given name of a person of the article
        // ("Crooked Hillary", "Sleepy Joe" beside "Hillary Clinton", "Joe Biden").
        if m.kind == EntityKind::Per
            && words.len() == 2
            && given_names.contains(words[1])
            && super::gazetteer::holds(super::gazetteer::GIVEN_NAMES, words[1])
            // An adjective's ending ("Crooked", "Sleepy", "Lyin'"), not a rare given name ("Megyn").
            && (words[0].ends_with("ed") || words[0].ends_with('y') || words[0].ends_with('\''))
            && !super::gazetteer::holds(super::gazetteer::GIVEN_NAMES, words[0])
            && !super::gazetteer::holds(super::gazetteer::SURNAMES, words[0])
            && lexicon().title(words[0]).is_none()
            && !is_initial(words[0])
        {
            continue;
        }
        // A role right before a person's name: keep what precedes the first title word. In
        // tokenised copy the title's stop is a token of its own ("GOP Rep . Mark Amodei").
        let abbreviation = |w: &str| lexicon().title(&format!("{w}.")) == Some(crate::lexicon::TitleKind::Courtesy);
        let split_stop = v.word(b) == "." && person_start.contains(&(b + 1)) && abbreviation(last);
        if m.kind != EntityKind::Per && (person_start.contains(&b) || split_stop) {
            let title = |i: usize| {
                if split_stop {
                    i + 1 == b
                } else {
                    lexicon().title(v.word(i)).is_some()
                }
            };
            if let Some(t) = (a..b).find(|&i| title(i)) {
                if t > a {
                    out.push(EntityMention { span: v.span(a..t), kind: m.kind, tokens: a..t });
                }
                continue;
            }
        }
        // A common noun capitalised for emphasis.
        if m.kind != EntityKind::Per
            && words.len() <= 3
            && {
                let l = lower(v.slice(a..b));
                lower_runs.get(&l).is_some_and(|&n| n >= capital_runs.get(&l).copied().unwrap_or(0))
            }
            && lexicon().lookup(v.slice(a..b)).is_none()
        {
            continue;
        }
        // A law by another name ("Obamacare", "ACA": synonyms of "Affordable Care Act").
        if let Some(canon) = lexicon().synonym(&name_key(v.slice(a..b))) {
            if canon.ends_with(" act") || canon.ends_with(" amendment") {
                m.kind = EntityKind::Misc;
                out.push(m);
                continue;
            }
        }
        // "New York Democrat", "Allegheny Republican" after a name: a description, not an
        // organisation nor a person.
        if words.len() >= 2 && matches!(last, "Democrat" | "Republican") {
            continue;
        }
        // "Democrat of Georgia": keep the state.
        if words.len() >= 3
            && matches!(words[0], "Democrat" | "Republican" | "Independent" | "Democrats" | "Republicans")
            && matches!(words[1], "of" | "from")
        {
            continue;
        }
        // "Ruppersberger of Maryland": a person of the article, then "of" and a place.
        if m.kind != EntityKind::Per {
            if let Some(of) = words.iter().position(|w| *w == "of").filter(|&i| i >= 1 && i + 1 < words.len()) {
                // After any title ("Representative C. A. Dutch Ruppersberger of Maryland"); the
                // surname before "of" must be a person's of the article.
                let first = (a..a + of).find(|&i| lexicon().title(v.word(i)).is_none()).unwrap_or(a + of);
                if first < a + of && persons.contains(&name_key(v.word(a + of - 1))) {
                    out.push(EntityMention {
                        span: v.span(first..a + of),
                        kind: EntityKind::Per,
                        tokens: first..a + of,
                    });
                    continue;
                }
            }
        }
        // A city tagged as an organisation ("the convention in Cleveland", "cities like
        // Philadelphia"): one word the city list holds and the lexicon does not know, after a
        // preposition of place. Elsewhere a city's name may well be its team ("Cleveland beat
        // Boston": CoNLL's sports pages) or a university ("a professor at Columbia").
        if m.kind == EntityKind::Org
            && words.len() == 1
            && a > 0
            && matches!(v.word(a - 1), "in" | "to" | "from" | "near" | "outside" | "across" | "like")
            && super::gazetteer::holds(super::gazetteer::CITIES, words[0])
            && lexicon().lookup(words[0]).is_none()
        {
            m.kind = EntityKind::Loc;
        }
        // A person's name tagged as an organisation or a place: a middle initial or a
        // generational suffix after two or more capitalised words ("Vann R. Newkirk II"),
        // unless an organisation or place word ends it.
        if matches!(m.kind, EntityKind::Org | EntityKind::Loc)
            && words.len() >= 3
            && words.iter().all(|w| w.chars().next().is_some_and(char::is_uppercase))
            && (words[1..words.len() - 1].iter().any(|w| is_initial(w))
                || matches!(last, "II" | "III" | "IV" | "Jr." | "Sr."))
            && lexicon().org_word(last).is_none()
            && (!last.contains('.') || matches!(last, "Jr." | "Sr."))
            && !COMPANY_SUFFIXES.contains(&last)
            && lexicon().lookup(v.slice(a..b)).is_none()
        {
            m.kind = EntityKind::Per;
        }
        // A place, an agency or a group tagged as a person.
        let surface = text.get(m.span.start..m.span.end).unwrap_or("");
        if m.kind == EntityKind::Per && words.len() >= 2 && lexicon().lookup(surface).is_some_and(|e| e.place.is_some())
        {
            m.kind = EntityKind::Loc;
            out.push(m);
            continue;
        }
        // (MISC too: the resolver makes a MISC name in a person's slot a person.)
        if matches!(m.kind, EntityKind::Per | EntityKind::Misc) {
            if is_dotted_initials(surface) && surface.chars().filter(|c| c.is_alphabetic()).count() >= 3 {
                m.kind = EntityKind::Org;
                out.push(m);
                continue;
            }
            // A plural acronym ("HBCUs").
            let plural_acronym = surface.len() >= 3
                && surface.ends_with('s')
                && surface[..surface.len() - 1].chars().all(|c| c.is_ascii_uppercase());
            // A party named by its members ("Republicans have hammered Obama") is the party;
            // members counted out of it ("the two Democrats", "some Republicans") are people.
            let counted = (a.saturating_sub(2)..a).any(|k| crate::lexicon::words::is_quantifier(v.word(k)));
            if counted && is_group_noun(surface) {
                continue;
            }
            if lexicon().lookup(surface).is_some_and(|e| e.org.is_some()) {
                m.kind = EntityKind::Org;
                out.push(m);
                continue;
            }
            if is_group_noun(surface) || plural_acronym {
                continue;
            }
        }
        // A party-state label ("D-W.Va", "R-S.C."), whatever its type; also written with
        // spaces ("( R - Iowa )", "(D - Calif.)").
        if crate::lexicon::words::is_party_label(surface)
            || (a >= 3
                && matches!(v.word(a - 1), "-" | "\u{2013}" | "\u{2014}")
                && matches!(v.word(a - 2), "D" | "R" | "I")
                && matches!(v.word(a - 3), "(" | ","))
        {
            continue;
        }
        // A newspaper tagged as a person.
        if m.kind == EntityKind::Per
            && words.len() == 1
            && lexicon().lookup(words[0]).is_some_and(|e| e.media.is_some())
            && !person_words.contains(&name_key(words[0]))
        {
            m.kind = EntityKind::Org;
            out.push(m);
            continue;
        }
        // Edges: page words first, clause words and contractions last.
        let mut r = a..b;
        while r.start < r.end && PAGE_WORDS.contains(&lower(v.word(r.start)).as_str()) {
            r.start += 1;
        }
        // A sentence's first word glued to the name ("Beyond Trump's personal finances").
        if r.len() >= 2
            && (r.start == 0 || !same_sentence(r.start - 1, r.start))
            && SENTENCE_OPENERS.contains(&v.word(r.start))
        {
            r.start += 1;
        }
        // A storm's name ("Hurricane Sandy"), whatever the tagger took.
        if STORM_WORDS.contains(&v.word(a)) || (a > 0 && STORM_WORDS.contains(&v.word(a - 1))) {
            continue;
        }
        while r.end > r.start && {
            let w = v.word(r.end - 1);
            PAGE_WORDS.contains(&lower(w).as_str()) || CLAUSE_WORDS.contains(&lower(w).as_str()) || contraction(w)
        } {
            r.end -= 1;
        }
        // "Obama Speech": a common noun after a known person.
        if m.kind == EntityKind::Per
            && r.len() >= 2
            && lower_words.contains(&lower(v.word(r.end - 1)))
            && persons.contains(&name_key(v.slice(r.start..r.end - 1)))
        {
            r.end -= 1;
        }
        if r.is_empty() {
            continue;
        }
        if r != (a..b) {
            // The tagger's span may stop inside the last token ("Putin's"): keep its end then.
            let end = if r.end == b { m.span.end } else { v.span(r.clone()).end };
            m.span = crate::span::Span::new(v.span(r.clone()).start, end);
            m.tokens = r;
        }
        out.push(m);
    }
    // Platforms the 1996 tagger never learned ("said on Twitter"), untagged: organisations.
    let mut covered = vec![false; seg.tokens.len()];
    for m in &out {
        for i in m.tokens.clone() {
            if let Some(c) = covered.get_mut(i) {
                *c = true;
            }
        }
    }
    let before = out.len();
    for (i, _) in covered.iter().enumerate().filter(|(i, c)| !**c && PLATFORMS.contains(&v.word(*i))) {
        out.push(EntityMention { span: v.span(i..i + 1), kind: EntityKind::Org, tokens: i..i + 1 });
    }
    if out.len() > before {
        out.sort_by_key(|m| m.span.start);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::span::Span;

    fn run(text: &str) -> Vec<(String, EntityKind)> {
        let seg = crate::text::segment(text, &[Span::new(0, text.len())]);
        let m = repair(text, &seg, crate::actors::tag::tag(text, &seg));
        m.into_iter().map(|m| (text[m.span.start..m.span.end].to_string(), m.kind)).collect()
    }

    #[test]
    fn quote_marks_and_possessives_leave_the_names() {
        let text = "Clinton said that Donald Trump ''doesn't pay.'' Later Fox News' Megyn Kelly asked.";
        let seg = crate::text::segment(text, &[Span::new(0, text.len())]);
        let v = Tokens::new(text, &seg.tokens);
        let ms = crate::actors::tag::mentions_at(
            text,
            &seg,
            &[("Donald Trump ''", EntityKind::Misc), ("Fox News' Megyn", EntityKind::Misc), ("Kelly", EntityKind::Per)],
        );
        let out = possessive_given_names(&v, quote_edges(&v, ms));
        let got: Vec<(&str, EntityKind)> = out.iter().map(|m| (&text[m.span.start..m.span.end], m.kind)).collect();
        assert_eq!(
            got,
            vec![("Donald Trump", EntityKind::Per), ("Fox News", EntityKind::Misc), ("Megyn Kelly", EntityKind::Per)]
        );
        assert!(is_policy(&["Hateful", "Conduct", "Policy"]));
        assert!(!is_policy(&["Foreign", "Policy"]));
        assert!(!is_policy(&["Office", "of", "Science", "and", "Technology", "Policy"]));
    }

    #[test]
    fn firms_and_home_states() {
        let m = run("He joined Mintz, Levin, Cohn, Ferris, Glovsky and Popeo PC in Boston, and Nanette Lee Miller \
                     of Marcum L.L.P. agreed.");
        assert!(m.contains(&("Mintz, Levin, Cohn, Ferris, Glovsky and Popeo PC".into(), EntityKind::Org)), "{m:?}");
        assert!(m.contains(&("Marcum L.L.P.".into(), EntityKind::Org)), "{m:?}");
        let m = run("Representative C. A. Dutch Ruppersberger of Maryland spoke. Mr. Ruppersberger of Maryland \
                     said the committee would meet.");
        assert!(!m.iter().any(|(t, _)| t.contains("of Maryland")), "{m:?}");
    }

    #[test]
    fn quoted_works_laws_and_party_labels_are_no_actors() {
        let m = run("Netanyahu told PBS's the \u{201c}Charlie Rose\u{201d} show that the Affordable Care Act failed.");
        assert!(!m.iter().any(|(t, _)| t.contains("Charlie")), "{m:?}");
        assert!(m.iter().all(|(t, k)| !t.ends_with("Act") || *k == EntityKind::Misc), "{m:?}");
        let m = run("The Environmental Protection Agency defended the Clean Power Plan and the National Climate \
                     Assessment.");
        let plans = ["Plan", "Assessment"];
        assert!(m.iter().all(|(t, k)| !plans.iter().any(|p| t.ends_with(p)) || *k == EntityKind::Misc), "{m:?}");
        assert!(m.iter().any(|(t, k)| t.contains("Environmental Protection Agency") && *k == EntityKind::Org), "{m:?}");
        let m = run("Rep. John Lewis, Democrat of Georgia, said the vote was close.");
        assert!(!m.iter().any(|(t, _)| t.starts_with("Democrat")), "{m:?}");
    }

    #[test]
    fn roles_before_names_and_emphasised_common_nouns() {
        let text = "We will finish the Wall, he said of the border wall and a second wall. \
                    Acting White House Chief of Staff Mick Mulvaney agreed.";
        let seg = crate::text::segment(text, &[Span::new(0, text.len())]);
        let v = Tokens::new(text, &seg.tokens);
        let at = |w: &str, n: usize| {
            let i = v.token_at(text.find(w).unwrap());
            (i, i + n)
        };
        let (wa, wb) = at("Wall", 1);
        let (ra, rb) = at("White", 5);
        let (pa, pb) = at("Mick", 2);
        let ms = vec![
            EntityMention { span: v.span(wa..wb), kind: EntityKind::Org, tokens: wa..wb },
            EntityMention { span: v.span(ra..rb), kind: EntityKind::Loc, tokens: ra..rb },
            EntityMention { span: v.span(pa..pb), kind: EntityKind::Per, tokens: pa..pb },
        ];
        let got: Vec<&str> = repair(text, &seg, ms).iter().map(|m| &text[m.span.start..m.span.end]).collect();
        assert_eq!(got, ["White House", "Mick Mulvaney"]);
    }

    #[test]
    fn particles_join_names_and_spaced_party_labels_are_no_actors() {
        let text = "The raid killed Osama bin Laden, and Sen. Chuck Grassley ( R - Iowa ) tweeted.";
        let seg = crate::text::segment(text, &[Span::new(0, text.len())]);
        let v = Tokens::new(text, &seg.tokens);
        let at = |w: &str, n: usize| {
            let i = v.token_at(text.find(w).unwrap());
            EntityMention { span: v.span(i..i + n), kind: EntityKind::Loc, tokens: i..i + n }
        };
        let ms = vec![at("Osama", 1), at("Laden", 1), at("Iowa", 1)];
        let got: Vec<(&str, EntityKind)> =
            repair(text, &seg, ms).iter().map(|m| (&text[m.span.start..m.span.end], m.kind)).collect();
        assert_eq!(got, [("Osama bin Laden", EntityKind::Per)]);
    }

    #[test]
    fn page_words_and_verbs_are_cut() {
        let text = "Advertisement Advertisement According to Haaretz, Biden Won't run.";
        let seg = crate::text::segment(text, &[Span::new(0, text.len())]);
        let v = Tokens::new(text, &seg.tokens);
        let ms = vec![
            EntityMention { span: v.span(0..3), kind: EntityKind::Org, tokens: 0..3 },
            EntityMention { span: v.span(6..8), kind: EntityKind::Per, tokens: 6..8 },
        ];
        let got: Vec<&str> = repair(text, &seg, ms).iter().map(|m| &text[m.span.start..m.span.end]).collect();
        assert_eq!(got, ["Biden"]);
    }
}
