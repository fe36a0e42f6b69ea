//! The vocabulary every stage shares, at the floor of the crate: word normalisers
//! ([`words`]), name keys and acronyms ([`names`]), and the word lists of `data/lexicons/`.
//!
//! The lists say what a tagger does not: which strings name a country (and its capital used as
//! a metonym, and its demonym), which name a news medium, which words are titles, which words end
//! an organisation's name, which are time words, and which nouns head a description of a speaker.
//!
//! A CoNLL tagger says "KCNA" is ORG and "Pyongyang" is LOC; a reader wants "a news agency" and
//! "North Korea, speaking as a state". That step is lookup, not learning, so it is a table:
//! small hand-written files under `data/lexicons/`, compiled into the binary with
//! `include_str!` (no file system in the browser) and parsed once on first use.
//!
//! Keys are folded ([`fold`]): curly apostrophes become straight ones, runs of white space one
//! space, and the text is lower-cased, except all-capital acronyms, which keep their case so
//! that "US" is a country and "us" is not.

pub mod genders;
pub mod names;
pub mod words;

pub use words::{lower, starts_upper};

use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;

/// A fast multiplicative hasher for the built-in tables (this lexicon, the tagger's gazetteer
/// phrase hashes and cluster words). Their contents are fixed at build time, so input text can
/// only look keys up, never fill a table with colliding keys; SipHash was a third of the tagging
/// time and a tenth of the whole analysis. Maps filled from the input keep std's hasher.
#[derive(Default, Clone, Copy)]
pub(crate) struct FastHasher(u64);

impl std::hash::Hasher for FastHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for chunk in bytes.chunks(8) {
            let mut b = [0u8; 8];
            b[..chunk.len()].copy_from_slice(chunk);
            self.write_u64(u64::from_le_bytes(b));
        }
    }
    fn write_u64(&mut self, v: u64) {
        self.0 = (self.0.rotate_left(5) ^ v).wrapping_mul(0x517c_c1b7_2722_0a95);
    }
    fn write_u8(&mut self, v: u8) {
        self.write_u64(v as u64);
    }
    fn write_usize(&mut self, v: usize) {
        self.write_u64(v as u64);
    }
}

pub(crate) type FastSet<K> = HashSet<K, std::hash::BuildHasherDefault<FastHasher>>;
pub(crate) type FastMap<K, V> = HashMap<K, V, std::hash::BuildHasherDefault<FastHasher>>;

const COUNTRIES: &str = include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/data/lexicons/countries.tsv"));
const MEDIA: &str = include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/data/lexicons/media.tsv"));
const PLACES: &str = include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/data/lexicons/places.tsv"));
const ORGS: &str = include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/data/lexicons/organizations.tsv"));
const TITLES: &str = include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/data/lexicons/titles.tsv"));
const ORG_WORDS: &str = include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/data/lexicons/org_words.tsv"));
const STOPWORDS: &str = include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/data/lexicons/stopwords.txt"));
const NOT_ACTORS: &str = include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/data/lexicons/not_actors.txt"));
const WORKS: &str = include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/data/lexicons/works.txt"));
const GIVEN_NAMES: &str = include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/data/lexicons/given_names.tsv"));
const SYNONYMS: &str = include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/data/lexicons/synonyms.tsv"));
const TIME_WORDS: &str = include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/data/lexicons/time_words.tsv"));
const SPEAKER_NOUNS: &str = include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/data/lexicons/speaker_nouns.tsv"));

/// What a folded surface string can name. One string may be several things at once ("U.S." is
/// both the country and its adjective), so every field is separate.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Entry {
    /// Index into [`Lexicon::countries`]: the country's name or an alias ("DPRK").
    pub country: Option<usize>,
    /// A capital or seat of government standing for the country ("Pyongyang").
    pub seat: Option<usize>,
    /// The country's adjective ("North Korean").
    pub demonym: Option<usize>,
    /// Index into [`Lexicon::media`].
    pub media: Option<usize>,
    /// Index into [`Lexicon::orgs`].
    pub org: Option<usize>,
    /// Index into [`Lexicon::places`]: a place that is not a country ("Calif.").
    pub place: Option<usize>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TitleKind {
    /// A role noun that can name a person on its own ("the president").
    Head,
    /// A word narrowing a role ("deputy", "defense").
    Modifier,
    /// A form of address used only before a name ("Mr.").
    Courtesy,
}

/// What the head noun of a definite description ("the minister", "the agency") names.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SpeakerNoun {
    Person,
    Media,
    Group,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OrgWord {
    /// Ends an organisation's name ("Council").
    Org,
    /// Ends a news medium's name ("Times", "Agency" is not one: most agencies are not media).
    Media,
    /// A lower-case institution noun after a country ("Pyongyang's foreign ministry").
    Nominal,
    /// Ends a geographic feature's name ("Peninsula").
    Place,
}

pub struct Country {
    pub name: String,
    /// The first demonym, used to write roles read from "Russia's defense minister" as
    /// "Russian defense minister".
    pub demonym: Option<String>,
}

pub struct Lexicon {
    pub countries: Vec<Country>,
    pub media: Vec<String>,
    pub orgs: Vec<String>,
    pub places: Vec<String>,
    entries: FastMap<String, Entry>,
    titles: FastMap<String, TitleKind>,
    org_words: FastMap<String, OrgWord>,
    stopwords: FastSet<String>,
    not_actors: FastSet<String>,
    /// Programme titles, folded, without a leading "the" (`data/lexicons/works.txt`).
    works: FastSet<String>,
    /// The longest of `works`, in bytes.
    works_len: usize,
    /// The first words of `works`, and a bit per their first bytes (mod 128).
    works_first: Vec<String>,
    works_lead: u128,
    /// The longest key of `entries`, in bytes.
    entries_len: usize,
    /// The keys of `entries` that name a country (by name, alias, adjective or capital), sorted.
    country_keys: Vec<String>,
    /// Short given name → formal one, both as [`names::word_key`]s ("chuck" → "charles").
    formal_given: FastMap<String, String>,
    /// Alternate name → canonical name of its group, both as [`names::name_key`]s.
    synonyms: FastMap<String, String>,
    /// The weekdays and the months, lower-case, in calendar order.
    pub weekdays: Vec<String>,
    pub months: Vec<String>,
    time_heads: FastSet<String>,
    time_adverbs: FastSet<String>,
    /// Per noun, the [`SpeakerNoun`]s it can head (person, media, group: at most one each).
    speaker_nouns: FastMap<String, Vec<SpeakerNoun>>,
    /// The most tokens any multi-word entry has, bounding lookups over token windows.
    pub max_words: usize,
}

/// Folds a surface string into a lookup key (see the module doc).
pub fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    fold_chars(s.trim().chars(), is_acronym(s), &mut out, usize::MAX);
    out
}

/// Whether [`fold`] keeps the case of `s`: letters, none of them lower-case.
fn is_acronym(s: &str) -> bool {
    s.chars().any(|c| c.is_alphabetic()) && !s.chars().any(|c| c.is_lowercase())
}

/// [`fold`]'s loop: appends the key of `chars` to `out`, and gives up (false) as soon as `out`
/// is longer than `limit` bytes.
fn fold_chars(chars: impl Iterator<Item = char>, acronym: bool, out: &mut String, limit: usize) -> bool {
    let mut space = false;
    for c in chars {
        if c.is_whitespace() {
            space = true;
            continue;
        }
        // Tokenised copy writes a possessive apart ("Martha ’s Vineyard"): the same key.
        if space && !out.is_empty() && !matches!(c, '\u{2019}' | '\'') {
            out.push(' ');
        }
        space = false;
        match c {
            '\u{2019}' | '\u{2018}' | '`' => out.push('\''),
            '\u{2010}' | '\u{2011}' => out.push('-'),
            _ if acronym => out.push(c),
            _ if c.is_ascii() => out.push(c.to_ascii_lowercase()),
            _ => out.extend(c.to_lowercase()),
        }
        if out.len() > limit {
            return false;
        }
    }
    true
}

/// [`fold_chars`] for ASCII text, byte by byte.
fn fold_ascii(s: &str, acronym: bool, out: &mut String, limit: usize) -> bool {
    let mut space = false;
    for b in s.bytes() {
        if (b as char).is_whitespace() {
            space = true;
            continue;
        }
        if space && !out.is_empty() {
            out.push(' ');
        }
        space = false;
        out.push(match b {
            b'`' => '\'',
            _ if acronym => b as char,
            _ => b.to_ascii_lowercase() as char,
        });
        if out.len() > limit {
            return false;
        }
    }
    true
}

/// Runs `f` on this thread's reusable key buffer, emptied.
fn with_key<T>(f: impl FnOnce(&mut String) -> T) -> T {
    thread_local! {
        static KEY: std::cell::RefCell<String> = const { std::cell::RefCell::new(String::new()) };
    }
    KEY.with(|k| {
        let mut out = k.borrow_mut();
        out.clear();
        f(&mut out)
    })
}

/// A title folded to lower case, without a leading "the".
fn work_key(s: &str) -> String {
    let f = fold(&s.to_lowercase());
    f.strip_prefix("the ").map_or(f.clone(), str::to_string)
}

fn rows(file: &str) -> impl Iterator<Item = Vec<&str>> {
    file.lines().filter(|l| !l.trim().is_empty() && !l.starts_with('#')).map(|l| l.split('\t').map(str::trim).collect())
}

fn alts<'a>(field: Option<&&'a str>) -> impl Iterator<Item = &'a str> {
    field.copied().unwrap_or("").split('|').map(str::trim).filter(|s| !s.is_empty())
}

impl Lexicon {
    fn parse() -> Lexicon {
        let mut lex = Lexicon {
            countries: Vec::new(),
            media: Vec::new(),
            orgs: Vec::new(),
            places: Vec::new(),
            entries: Default::default(),
            titles: Default::default(),
            org_words: Default::default(),
            stopwords: Default::default(),
            not_actors: Default::default(),
            works: Default::default(),
            works_len: 0,
            works_first: Vec::new(),
            works_lead: 0,
            entries_len: 0,
            country_keys: Vec::new(),
            formal_given: Default::default(),
            synonyms: Default::default(),
            weekdays: Vec::new(),
            months: Vec::new(),
            time_heads: Default::default(),
            time_adverbs: Default::default(),
            speaker_nouns: Default::default(),
            max_words: 1,
        };
        for r in rows(COUNTRIES) {
            let i = lex.countries.len();
            let demonym = alts(r.get(2)).next().map(str::to_string);
            lex.countries.push(Country { name: r[0].to_string(), demonym });
            for n in std::iter::once(r[0]).chain(alts(r.get(1))) {
                lex.entry(n).country = Some(i);
            }
            for d in alts(r.get(2)) {
                lex.entry(d).demonym = Some(i);
            }
            for s in alts(r.get(3)) {
                lex.entry(s).seat = Some(i);
            }
        }
        for r in rows(MEDIA) {
            let i = lex.media.len();
            lex.media.push(r[0].to_string());
            for n in std::iter::once(r[0]).chain(alts(r.get(1))) {
                lex.entry(n).media = Some(i);
            }
        }
        for r in rows(ORGS) {
            let i = lex.orgs.len();
            lex.orgs.push(r[0].to_string());
            for n in std::iter::once(r[0]).chain(alts(r.get(1))) {
                lex.entry(n).org = Some(i);
            }
        }
        for r in rows(PLACES) {
            let i = lex.places.len();
            lex.places.push(r[0].to_string());
            for n in std::iter::once(r[0]).chain(alts(r.get(1))) {
                lex.entry(n).place = Some(i);
            }
        }
        for r in rows(TITLES) {
            let kind = match r.get(1).copied() {
                Some("head") => TitleKind::Head,
                Some("courtesy") => TitleKind::Courtesy,
                _ => TitleKind::Modifier,
            };
            // A word listed as both head and modifier ("chief") keeps the first, the head.
            lex.titles.entry(r[0].to_lowercase()).or_insert(kind);
        }
        for r in rows(ORG_WORDS) {
            let kind = match r.get(1).copied() {
                Some("media") => OrgWord::Media,
                Some("nominal") => OrgWord::Nominal,
                Some("place") => OrgWord::Place,
                _ => OrgWord::Org,
            };
            lex.org_words.insert(r[0].to_string(), kind);
        }
        lex.stopwords = rows(STOPWORDS).map(|r| r[0].to_lowercase()).collect();
        lex.not_actors = rows(NOT_ACTORS).map(|r| r[0].to_lowercase()).collect();
        lex.works = rows(WORKS).map(|r| work_key(r[0])).collect();
        lex.works_len = lex.works.iter().map(String::len).max().unwrap_or(0);
        lex.works_first = lex.works.iter().filter_map(|w| w.split(' ').next()).map(str::to_string).collect();
        lex.works_first.sort();
        lex.works_first.dedup();
        lex.works_lead = lex.works_first.iter().fold(0, |m, w| m | 1 << (w.bytes().next().unwrap_or(0) & 127));
        for r in rows(GIVEN_NAMES) {
            let formal = names::word_key(r[0]);
            for short in alts(r.get(1)) {
                lex.formal_given.insert(names::word_key(short), formal.clone());
            }
        }
        for r in rows(TIME_WORDS) {
            for kind in r.get(1).copied().unwrap_or("").split_whitespace() {
                let w = r[0].to_string();
                match kind {
                    "weekday" => lex.weekdays.push(w),
                    "month" => lex.months.push(w),
                    "head" => {
                        lex.time_heads.insert(w);
                    }
                    _ => {
                        lex.time_adverbs.insert(w);
                    }
                }
            }
        }
        for r in rows(SPEAKER_NOUNS) {
            let kinds = r.get(1).copied().unwrap_or("").split_whitespace().map(|k| match k {
                "person" => SpeakerNoun::Person,
                "media" => SpeakerNoun::Media,
                _ => SpeakerNoun::Group,
            });
            lex.speaker_nouns.insert(r[0].to_string(), kinds.collect());
        }
        for r in rows(SYNONYMS) {
            let canonical = names::name_key(r[0]);
            for n in std::iter::once(r[0]).chain(alts(r.get(1))) {
                lex.synonyms.insert(names::name_key(n), canonical.clone());
            }
        }
        lex.entries_len = lex.entries.keys().map(String::len).max().unwrap_or(0);
        let countryish = |e: &Entry| e.country.or(e.demonym).or(e.seat).is_some();
        lex.country_keys = lex.entries.iter().filter(|(_, e)| countryish(e)).map(|(k, _)| k.clone()).collect();
        lex.country_keys.sort_unstable();
        lex
    }

    fn entry(&mut self, surface: &str) -> &mut Entry {
        // Count words the way the segmenter counts tokens: a possessive 's is a token of its own.
        let words =
            surface.split_whitespace().map(|w| if w.contains("'s") || w.contains("\u{2019}s") { 2 } else { 1 }).sum();
        self.max_words = self.max_words.max(words);
        self.entries.entry(fold(surface)).or_default()
    }

    /// What `surface` names, if the lexicon knows it.
    pub fn lookup(&self, surface: &str) -> Option<Entry> {
        // `fold` in a reused buffer, given up once longer than any entry.
        with_key(|out| {
            let whole = if surface.is_ascii() {
                let b = surface.as_bytes();
                let acronym = b.iter().any(u8::is_ascii_alphabetic) && !b.iter().any(u8::is_ascii_lowercase);
                fold_ascii(surface, acronym, out, self.entries_len)
            } else {
                fold_chars(surface.trim().chars(), is_acronym(surface), out, self.entries_len)
            };
            whole.then(|| self.entries.get(out.as_str()).copied()).flatten()
        })
    }

    /// Whether a window of words starting with the token `word` may name a country (by name,
    /// alias, adjective or capital): some such key of [`Lexicon::lookup`] starts with `word`'s
    /// key, folded either way (a window in capitals keeps its case). A token holds no
    /// whitespace, so its key is the start of any window's; one with whitespace says yes.
    pub fn may_start_country(&self, word: &str) -> bool {
        if word.chars().any(char::is_whitespace) {
            return true;
        }
        [false, true].into_iter().any(|acronym| {
            with_key(|out| {
                let fits = if word.is_ascii() {
                    fold_ascii(word, acronym, out, self.entries_len)
                } else {
                    fold_chars(word.chars(), acronym, out, self.entries_len)
                };
                let at = self.country_keys.partition_point(|k| k.as_str() < out.as_str());
                fits && self.country_keys.get(at).is_some_and(|k| k.starts_with(out.as_str()))
            })
        })
    }

    /// The kind of title word `word` is (case-insensitive).
    pub fn title(&self, word: &str) -> Option<TitleKind> {
        if word.bytes().any(|b| b.is_ascii_uppercase()) || !word.is_ascii() {
            self.titles.get(word).or_else(|| self.titles.get(&word.to_lowercase())).copied()
        } else {
            self.titles.get(word).copied()
        }
    }

    pub fn is_title_head(&self, word: &str) -> bool {
        self.title(word) == Some(TitleKind::Head)
    }

    /// Whether `word` is a title that can stand right before a name and make it a person's: a
    /// role head ("President") or a form of address ("Mr."), not a modifier ("deputy").
    pub fn is_title_before_name(&self, word: &str) -> bool {
        self.title(word).is_some_and(|t| t != TitleKind::Modifier)
    }

    /// What the last word of an organisation's name says (case-sensitive: "Times" but not "times").
    pub fn org_word(&self, word: &str) -> Option<OrgWord> {
        self.org_words.get(word).copied()
    }

    /// A function word ("through", "the"): never a name, often glued to one by a lost space.
    pub fn is_stopword(&self, word: &str) -> bool {
        self.stopwords.contains(&word.to_lowercase())
    }

    /// A word that is never an actor on its own (weekdays, months).
    /// Whether `s` is a programme's title the lexicon lists ("Morning Joe", "The Apprentice",
    /// "fox and friends"): case-insensitive, a leading "the" optional.
    pub fn is_work_title(&self, s: &str) -> bool {
        // This runs for every window around every mention, so `work_key` is built without its
        // three copies, in one buffer, and given up once longer than any listed title. Each
        // ASCII character other than a space adds a byte to the key (three of them to a
        // leading "the" it may lose): many windows are too long for any title.
        let limit = self.works_len + 4;
        if self.works.is_empty() {
            return false;
        }
        // The key's first word (as `fold` spaces it) must start a listed title or be a "the"
        // that goes. An ASCII first word folds the same way whatever the rest holds.
        // Up to the first ASCII space when no other character comes first (`char::is_whitespace`
        // on ASCII is ' ' and '\t'..='\r').
        let stop = s.bytes().position(|b| b >= 0x80 || matches!(b, b' ' | b'\t'..=b'\r'));
        let first = match stop {
            None => s,
            Some(p) if p > 0 && s.as_bytes()[p] < 0x80 => &s[..p],
            _ => s.split(char::is_whitespace).find(|w| !w.is_empty()).unwrap_or(""),
        };
        let first = first.as_bytes();
        if first.is_ascii() {
            let map = |c: u8| if c == b'`' { b'\'' } else { c.to_ascii_lowercase() };
            let same = |w: &str| w.len() == first.len() && w.bytes().zip(first).all(|(a, &c)| a == map(c));
            let lead = first.first().map_or(0, |&c| map(c));
            // `works_first` is sorted: compared with the folded first word byte by byte.
            let listed = (self.works_lead >> (lead & 127)) & 1 == 1
                && self.works_first.binary_search_by(|w| w.bytes().cmp(first.iter().map(|&c| map(c)))).is_ok();
            if !(listed || same("the")) {
                return false;
            }
        }
        if s.is_ascii() {
            let b = s.as_bytes();
            // `char::is_whitespace` on ASCII.
            let ws = |c: u8| matches!(c, b' ' | b'\t'..=b'\r');
            if b.iter().filter(|&&c| !ws(c)).count() > limit {
                return false;
            }
            // Lower-cased ASCII text is never an acronym to `fold`.
            return with_key(|out| {
                fold_ascii(s, false, out, limit)
                    && self.works.contains(out.strip_prefix("the ").unwrap_or(out.as_str()))
            });
        }
        if s.bytes().filter(|&b| b.is_ascii() && !(b as char).is_whitespace()).count() > limit {
            return false;
        }
        if s.contains('\u{3a3}') {
            // `str::to_lowercase` writes a final capital sigma as "ς", `char::to_lowercase` not.
            return self.works.contains(&work_key(s));
        }
        with_key(|out| {
            let lower = || s.chars().flat_map(char::to_lowercase);
            let acronym = lower().any(char::is_alphabetic) && !lower().any(char::is_lowercase);
            fold_chars(lower(), acronym, out, limit)
                && self.works.contains(out.strip_prefix("the ").unwrap_or(out.as_str()))
        })
    }

    /// Whether [`Lexicon::is_work_title`] may hold for a window of `text` that starts where it
    /// starts (a prefix of it): the window's first word is a prefix of `text`'s, so unless that
    /// holds other than ASCII (then the first-word test does not apply), some listed title's
    /// first word, or "the", must begin `text`'s first word once folded.
    pub fn may_start_work_title(&self, text: &str) -> bool {
        let b = text.as_bytes();
        let end = b.iter().position(|&c| c >= 0x80 || matches!(c, b' ' | b'\t'..=b'\r')).unwrap_or(b.len());
        if end == 0 || b.get(end).is_some_and(|&c| c >= 0x80) {
            return !b.is_empty();
        }
        let first = &b[..end];
        let map = |c: u8| if c == b'`' { b'\'' } else { c.to_ascii_lowercase() };
        let begins = |w: &str| w.len() <= first.len() && w.bytes().zip(first).all(|(a, &c)| a == map(c));
        begins("the") || self.works_first.iter().any(|w| begins(w))
    }

    pub fn is_not_actor(&self, word: &str) -> bool {
        // Listed in lower case; `fold` keeps an acronym's capitals ("COVID", "PAC").
        if word.is_ascii() && !word.bytes().any(|b| (b as char).is_whitespace()) {
            // `fold` of an ASCII word without spaces, in the reused buffer: lower case (also
            // the key of the lower-cased word), or as written for an acronym.
            let b = word.as_bytes();
            let acronym = b.iter().any(u8::is_ascii_alphabetic) && !b.iter().any(u8::is_ascii_lowercase);
            let listed = |acronym: bool| {
                with_key(|out| fold_ascii(word, acronym, out, usize::MAX) && self.not_actors.contains(out.as_str()))
            };
            return listed(false) || (acronym && listed(true));
        }
        self.not_actors.contains(&fold(word)) || self.not_actors.contains(&fold(&word.to_lowercase()))
    }
}

impl Lexicon {
    /// A weekday, lower-case ("tuesday").
    pub fn is_weekday(&self, w: &str) -> bool {
        self.weekdays.iter().any(|d| d == w)
    }

    /// A month, lower-case ("may" included).
    pub fn is_month(&self, w: &str) -> bool {
        self.months.iter().any(|m| m == w)
    }

    /// A weekday, month or other time noun (lower-case): never a speaker ("said Tuesday",
    /// "Thursday morning"). "may" is left out: it is far more often the modal verb.
    pub fn is_time_head(&self, w: &str) -> bool {
        self.is_weekday(w) || (self.is_month(w) && w != "may") || self.time_heads.contains(w)
    }

    /// A weekday or time adverb (lower-case) skipped between a reporting verb and a bare
    /// reported clause ("said Monday the …").
    pub fn is_time_word(&self, w: &str) -> bool {
        self.is_weekday(w) || self.time_adverbs.contains(w)
    }

    /// Whether `noun` (lower-case) heads a description of a speaker of this kind ("the
    /// minister": person; "the agency": media and group).
    pub fn is_speaker_noun(&self, noun: &str, kind: SpeakerNoun) -> bool {
        self.speaker_nouns.get(noun).is_some_and(|k| k.contains(&kind))
    }

    /// The formal given name a short one stands for ("chuck" → "charles"), or the word itself;
    /// both as [`names::word_key`]s.
    pub fn formal_given<'a>(&'a self, word_key: &'a str) -> &'a str {
        self.formal_given.get(word_key).map_or(word_key, String::as_str)
    }

    /// The canonical name of a group of well-known alternate names ("obamacare" → "affordable
    /// care act"), given and returned as [`names::name_key`]s.
    pub fn synonym(&self, name_key: &str) -> Option<&str> {
        self.synonyms.get(name_key).map(String::as_str)
    }
}

/// The lexicon, parsed on first use.
pub fn lexicon() -> &'static Lexicon {
    static LEX: OnceLock<Lexicon> = OnceLock::new();
    LEX.get_or_init(Lexicon::parse)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_country_window_starts_with_a_token_that_may_start_one() {
        let lex = lexicon();
        let mut n = 0;
        for (k, e) in &lex.entries {
            if e.country.or(e.demonym).or(e.seat).is_none() {
                continue;
            }
            n += 1;
            // The key's first word as written, in lower case, capitalised and in capitals.
            let first = k.split(' ').next().unwrap();
            let cap: String = first.chars().take(1).flat_map(char::to_uppercase).chain(first.chars().skip(1)).collect();
            for w in [first.to_string(), cap, first.to_uppercase()] {
                let window = format!("{w}{}", &k[first.len()..]);
                if lex.lookup(&window).is_some() {
                    assert!(lex.may_start_country(&w), "{w:?} starts {window:?}");
                }
            }
        }
        assert!(n > 100);
        for w in ["Said", "Trump", "Monday", "Xyzzy"] {
            assert!(!lex.may_start_country(w), "{w}");
        }
        for w in ["Russia", "RUSSIA", "Russian", "North", "Pyongyang", "U.S.", "United"] {
            assert!(lex.may_start_country(w), "{w}");
        }
    }

    #[test]
    fn countries_seats_and_demonyms() {
        let lex = lexicon();
        let nk = lex.lookup("North Korea").and_then(|e| e.country).unwrap();
        assert_eq!(lex.lookup("DPRK").and_then(|e| e.country), Some(nk));
        assert_eq!(lex.lookup("Democratic People\u{2019}s Republic of Korea").and_then(|e| e.country), Some(nk));
        assert_eq!(lex.lookup("Pyongyang").and_then(|e| e.seat), Some(nk));
        assert_eq!(lex.lookup("North Korean").and_then(|e| e.demonym), Some(nk));
        assert_eq!(lex.countries[nk].demonym.as_deref(), Some("North Korean"));
    }

    #[test]
    fn buffered_keys_match_fold() {
        let lex = lexicon();
        let mut cases: Vec<String> = vec![
            "  Morning   Joe ".into(),
            "THE APPRENTICE".into(),
            "the the apprentice".into(),
            "Fox \u{2018}n\u{2019} Friends".into(),
            "ΣΑΣ".into(),
            "İstanbul Live".into(),
            "\u{212a}ELVIN".into(),
            String::new(),
            " ".into(),
            "the\u{b}Apprentice".into(),
            "`Morning Joe`".into(),
            "a\u{a0}b".into(),
            "FBI".into(),
            "F.B.I.".into(),
            "123".into(),
            "\u{a0}Morning Joe".into(),
            "the\u{a0}Apprentice".into(),
            "Morning Joe\u{2019}s".into(),
            "\u{201c}Morning Joe\u{201d}".into(),
            "Fox \u{2018}n\u{2019}".into(),
        ];
        for r in rows(WORKS) {
            cases.push(r[0].to_string());
            cases.push(format!("The {}", r[0].to_uppercase()));
            cases.push(format!("{}\n", r[0].replace(' ', "  ")));
            cases.push(format!("{} x", r[0]));
            cases.push(format!("\u{201c}{}\u{201d}", r[0]));
            cases.push(format!("{}\u{2019}s", r[0].replace(' ', "\u{a0}")));
        }
        for k in lex.entries.keys().take(500) {
            cases.push(k.clone());
            cases.push(format!(" {} ", k.to_uppercase()));
            cases.push(format!("{k} of the {k}"));
        }
        for c in &cases {
            assert_eq!(lex.is_work_title(c), lex.works.contains(&work_key(c)), "{c:?}");
            assert_eq!(lex.lookup(c), lex.entries.get(&fold(c)).copied(), "{c:?}");
            // Any text that a title starts may start one.
            if lex.is_work_title(c) {
                for more in ["", " x", "\u{2019}s said", "-based", " \u{e9}t\u{e9}"] {
                    assert!(lex.may_start_work_title(&format!("{c}{more}")), "{c:?}{more:?}");
                }
            }
        }
        assert!(!lex.may_start_work_title("Trump said") && !lex.may_start_work_title(""));
    }

    #[test]
    fn acronyms_keep_their_case() {
        let lex = lexicon();
        assert!(lex.lookup("US").and_then(|e| e.country).is_some());
        assert!(lex.lookup("us").is_none());
        assert!(lex.lookup("KCNA").and_then(|e| e.media).is_some());
        assert!(lex.lookup("Kremlin").and_then(|e| e.org).is_some());
        assert!(lex.lookup("Calif.").and_then(|e| e.place).is_some());
    }

    #[test]
    fn titles_and_org_words() {
        let lex = lexicon();
        assert_eq!(lex.title("President"), Some(TitleKind::Head));
        assert_eq!(lex.title("deputy"), Some(TitleKind::Modifier));
        assert_eq!(lex.title("Mr."), Some(TitleKind::Courtesy));
        assert_eq!(lex.org_word("Council"), Some(OrgWord::Org));
        assert_eq!(lex.org_word("ministry"), Some(OrgWord::Nominal));
        assert!(lex.is_stopword("Through"));
        assert!(lex.is_not_actor("Thursday"));
    }

    #[test]
    fn time_words_and_speaker_nouns() {
        let lex = lexicon();
        assert_eq!(lex.months.len(), 12);
        assert_eq!(lex.months[8], "september");
        assert!(lex.is_time_head("tuesday") && lex.is_time_head("morning") && lex.is_time_head("june"));
        assert!(!lex.is_time_head("may") && lex.is_month("may"));
        assert!(lex.is_time_word("monday") && lex.is_time_word("repeatedly") && !lex.is_time_word("morning"));
        assert!(lex.is_speaker_noun("minister", SpeakerNoun::Person));
        assert!(lex.is_speaker_noun("agency", SpeakerNoun::Media) && lex.is_speaker_noun("agency", SpeakerNoun::Group));
        assert!(!lex.is_speaker_noun("ministry", SpeakerNoun::Media));
    }

    #[test]
    fn programme_titles() {
        let lex = lexicon();
        assert!(lex.is_work_title("Morning Joe") && lex.is_work_title("the apprentice"));
        assert!(lex.is_work_title("The Apprentice") && lex.is_work_title("Fox and Friends"));
        assert!(!lex.is_work_title("Joe") && !lex.is_work_title("Fox News") && !lex.is_work_title("the"));
    }

    #[test]
    fn given_names_and_synonyms() {
        use names::{name_key, word_key};
        let lex = lexicon();
        assert_eq!(lex.formal_given(&word_key("Chuck")), word_key("Charles"));
        assert_eq!(lex.formal_given(&word_key("Bobby")), word_key("Robert"));
        // Ambiguous short forms are not listed; unknown words stay as they are.
        assert_eq!(lex.formal_given(&word_key("Ted")), word_key("Ted"));
        let aca = lex.synonym(&name_key("Obamacare"));
        assert!(aca.is_some());
        assert_eq!(lex.synonym(&name_key("ACA")), aca);
        assert_eq!(lex.synonym(&name_key("Affordable Care Act")), aca);
        assert_eq!(lex.synonym(&name_key("LGBT")), lex.synonym(&name_key("LGBTQ")));
        assert_eq!(lex.synonym(&name_key("Medicare")), None);
    }
}
