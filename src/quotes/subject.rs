//! The subject walker: from a cue to the phrase that names its speaker.
//!
//! There is no parser here, on purpose (the Wasm module must stay small and the input is any
//! news prose): a subject is found by walking tokens outward from the cue, using three kinds
//! of evidence in turn — an actor mention from the actors stage (names, surnames, nominal
//! mentions such as "The Russian president" or "Pyongyang’s foreign ministry"), a personal
//! pronoun, or a generic noun phrase ("a source", "analysts", "the state-run agency") cut at
//! function words. The walk knows the few shapes news sentences take around a cue: auxiliaries
//! and adverbs in between ("has also reportedly said"), an appositive ("Victor Cha, a former
//! official, declared"; "The adviser, Yuri Ushakov, clarified"), the inverted order ("said
//! Putin"; "“…,” said the agency"), a relative pronoun ("Kasich, who said"), a passive with
//! "by" ("was reported by KCNA") and a prepositional tail ("Yang Wook from the Asan Institute").

use super::coref::{pronoun, PRONOUNS_GROUP, PRONOUNS_PERSON};
use super::speaker::{Ctx, Np};
use crate::lexicon::lexicon;
use crate::lexicon::words::is_party_label;
use crate::report::ActorType;
use crate::span::Span;
use crate::text::pos::Pos;

/// The longest appositive read between two commas ("Victor Cha, a former White House official
/// now at the Center for Strategic and International Studies, said"); a longer stretch is a
/// clause, and the bound keeps the walk linear.
const APPOSITIVE_TOKENS: usize = 40;

/// The longest generic noun phrase walked left from its head ("the state-run Korean Central
/// News Agency"): six words hold a determiner, modifiers and a head.
const GENERIC_NP_TOKENS: usize = 6;

/// The longest noun phrase read after an inverted cue ("said another leading Supreme Court
/// advocate"); a longer run of words is the reported clause, not its speaker.
const INVERTED_NP_TOKENS: usize = 8;

const OBJECT_PRONOUNS: &[&str] = &["him", "her", "them", "us", "me", "it", "you", "reporters", "journalists"];

/// Words skipped between a subject and its verb.
const BETWEEN: &[&str] = &[
    "has",
    "have",
    "had",
    "would",
    "will",
    "was",
    "were",
    "is",
    "are",
    "did",
    "does",
    "do",
    "also",
    "not",
    "never",
    "then",
    "later",
    "already",
    "earlier",
    "again",
    "once",
    "further",
    "had",
    "has",
    "n't",
    "might",
    "may",
    "could",
    "should",
    "can",
    "been",
    "still",
    "even",
    "only",
    "just",
    "both",
    "all",
    "too",
    "himself",
    "herself",
    "itself",
    "themselves",
    "first",
    "in",
    "turn",
    "had",
    "soon",
];

/// Words that end a generic noun phrase walking left (function words and frequent verbs).
const STOP: &[&str] = &[
    "of",
    "in",
    "on",
    "at",
    "to",
    "for",
    "with",
    "by",
    "from",
    "about",
    "into",
    "over",
    "after",
    "before",
    "than",
    "as",
    "and",
    "or",
    "but",
    "that",
    "which",
    "who",
    "whom",
    "whose",
    "if",
    "while",
    "when",
    "because",
    "although",
    "though",
    "since",
    "is",
    "are",
    "was",
    "were",
    "be",
    "been",
    "being",
    "has",
    "have",
    "had",
    "do",
    "does",
    "did",
    "will",
    "would",
    "can",
    "could",
    "may",
    "might",
    "must",
    "should",
    "not",
    "so",
    "this",
    "there",
    "here",
    "where",
    "what",
    "how",
    "why",
    "said",
    "says",
    "say",
    "told",
    "it",
    "its",
    "also",
    "now",
    "then",
    "just",
    "even",
    "still",
    "yet",
    "according",
];

/// Determiners: a noun phrase walking left stops after one.
const DETERMINERS: &[&str] = &[
    "the", "a", "an", "another", "some", "many", "several", "two", "three", "four", "most", "other", "these", "those",
    "his", "her", "their", "our", "its", "one", "few", "numerous", "various", "senior", "top", "no", "both", "any",
    "all", "more", "my", "your",
];

impl Ctx<'_> {
    /// The subject of a verb cue at token `cue`, looking left (normal order) within `[lo, cue)`.
    pub fn subject_left(&self, cue: usize, lo: usize) -> Option<Np> {
        self.subject_left_hops(cue, lo, true)
    }

    /// [`Self::subject_left`], stepping over at most one prepositional phrase (`hop`), so a
    /// pasted "has in the past has in the past …" cannot recurse without end.
    fn subject_left_hops(&self, cue: usize, lo: usize, hop: bool) -> Option<Np> {
        let mut j = cue;
        while j > lo {
            let w = self.lower(j - 1);
            // A verb chain before the cue: "The email went on to say", "he continued to argue".
            if w == "to" {
                let went_on = j >= lo + 3
                    && self.lower(j - 2) == "on"
                    && matches!(self.lower(j - 3).as_str(), "went" | "goes" | "go" | "going" | "gone");
                let continued = j >= lo + 2
                    && matches!(
                        self.lower(j - 2).as_str(),
                        "continued" | "continues" | "continue" | "proceeded" | "proceeds"
                    );
                if went_on || continued {
                    j -= if went_on { 3 } else { 2 };
                    continue;
                }
            }
            let skip = BETWEEN.contains(&w.as_str())
                || (w.ends_with("ly") && w.len() > 4 && !self.is_cap(j - 1) && w != "only" && w != "family");
            if !skip {
                break;
            }
            j -= 1;
        }
        if j <= lo {
            return None;
        }
        let last = j - 1;
        if self.is_quoted(last) {
            return None;
        }
        let t = self.word(last);
        if t == "," || t == ")" {
            return self.appositive(last, lo, true);
        }
        let w = self.lower(last);
        if matches!(w.as_str(), "who" | "which") {
            let mut k = last;
            if k > lo && self.word(k - 1) == "," {
                k -= 1;
            }
            if k > lo {
                return self.np_ending_at(k - 1, lo);
            }
            return None;
        }
        // "McConnell, who in 2010 said": a date between a relative pronoun and its verb.
        if hop
            && last >= lo + 2
            && (w.chars().all(|c| c.is_ascii_digit()) || lexicon().is_time_head(&w))
            && matches!(self.lower(last - 1).as_str(), "in" | "on" | "at" | "during" | "since" | "last" | "this")
            && matches!(self.lower(last - 2).as_str(), "who" | "which")
        {
            return self.subject_left_hops(last - 1, lo, false);
        }
        let np = self.np_ending_at(last, lo)?;
        // A prepositional phrase between the subject and its verb: "Trump at the time said",
        // "Clinton in Iowa said", "Beck, who has in the past described".
        let placeish = np.actor.map_or(true, |a| self.actors.actors.get(a).is_some_and(|x| x.kind == ActorType::Place));
        if hop
            && placeish
            && np.first >= lo + 2
            && matches!(
                self.lower(np.first - 1).as_str(),
                "at" | "in" | "on" | "during" | "over" | "through" | "across"
            )
        {
            let before = np.first - 2;
            if matches!(self.lower(before).as_str(), "who" | "which" | "has" | "have" | "had") {
                return self.subject_left_hops(before + 1, lo, false);
            }
            if let Some(head) = self.np_ending_at(before, lo) {
                return Some(head);
            }
        }
        Some(np)
    }

    /// `X, <appositive>, said` / `<description>, X, said`: the token at `comma` closes it.
    /// `nested` allows one step over a second appositive that describes the first one's object
    /// ("Evan Wolfson, the founder of Freedom to Marry, a gay rights organization, said").
    fn appositive(&self, comma: usize, lo: usize, nested: bool) -> Option<Np> {
        let open_tok = if self.word(comma) == ")" { "(" } else { "," };
        let mut k = comma;
        let mut steps = 0;
        while k > lo && steps < APPOSITIVE_TOKENS {
            k -= 1;
            steps += 1;
            if self.word(k) == open_tok || (open_tok == "," && self.word(k) == "(") {
                break;
            }
        }
        if k <= lo || self.word(k) != open_tok || k + 1 >= comma {
            // No opening comma: a fronted clause ("While hosting X, Kim said") is not an
            // appositive; the subject is then the phrase right after the comma (none here).
            return None;
        }
        // `The adviser, Yuri Ushakov, clarified`: the commas enclose exactly one person mention.
        if let Some((m, a)) = self.mention_at(k + 1) {
            if self.token_at(m.end) == comma && self.actors.actors.get(a).is_some_and(|x| x.kind == ActorType::Person) {
                return Some(self.np_of_mention(m, a));
            }
        }
        if k == lo {
            return None;
        }
        let np = self.np_ending_at(k - 1, lo)?;
        // The phrase before this appositive is a prepositional object ("… of Freedom to Marry")
        // closing an earlier appositive: the speaker is the person that one describes.
        let object =
            np.first > lo && matches!(self.lower(np.first - 1).as_str(), "of" | "for" | "at" | "to" | "with" | "from");
        if nested && object && self.word(k) == "," {
            if let Some(outer) = self.appositive(k, lo, false) {
                // The person heads the clause ("Asked about Obama, a spokesman for …" does not).
                let heads = outer.first <= lo
                    || !self.is_word(outer.first - 1)
                    || matches!(self.lower(outer.first - 1).as_str(), "and" | "but");
                let person =
                    outer.actor.is_some_and(|a| self.actors.actors.get(a).is_some_and(|x| x.kind == ActorType::Person));
                if heads && person {
                    return Some(outer);
                }
            }
        }
        Some(np)
    }

    /// A noun phrase whose last token is `j`, not reaching left of `lo`.
    pub fn np_ending_at(&self, j: usize, lo: usize) -> Option<Np> {
        // A party-state label between commas describes the name before it ("Sen. John Cornyn,
        // R-TX, who heads …, said"): the phrase is that name.
        let label = if j > lo && self.word(j) == "." { j - 1 } else { j };
        let j = if label >= lo + 2 && is_party_label(self.word(label)) && self.word(label - 1) == "," {
            label - 2
        } else {
            j
        };
        if self.is_quoted(j) {
            return None;
        }
        if let Some((m, a)) = self.mention_at(j) {
            let np = self.np_of_mention(m, a);
            // `Yang Wook from the Asan Institute remarked`: the head is the earlier mention.
            let mut p = np.first;
            if p > lo && matches!(self.lower(p - 1).as_str(), "the" | "a" | "an") {
                p -= 1;
            }
            if p >= lo + 2 && matches!(self.lower(p - 1).as_str(), "from" | "of" | "at" | "with") {
                if let Some((m2, a2)) = self.mention_at(p - 2) {
                    if self.actors.actors.get(a2).is_some_and(|x| x.kind == ActorType::Person) {
                        return Some(self.np_of_mention(m2, a2));
                    }
                }
            }
            return Some(np);
        }
        let w = self.lower(j);
        let p = pronoun(&w);
        if PRONOUNS_PERSON.contains(&p) || PRONOUNS_GROUP.contains(&p) {
            let span = self.seg.tokens[j];
            return Some(Np { span, first: j, end: j + 1, actor: None });
        }
        // A verb is not a subject ("… and expressed hope"): only nouns end a phrase here.
        // Neither a time ("said Tuesday") nor a speech noun ("in a statement, …") speaks.
        if lexicon().is_time_head(&w) || super::cues::cue_word(&w).is_some_and(|c| c.noun) {
            return None;
        }
        let verb = super::cues::cue_word(&w).is_some_and(|c| !c.noun)
            && j > lo
            && matches!(self.lower(j - 1).as_str(), "and" | "but" | "or" | "then");
        if !self.is_word(j) || verb || STOP.contains(&w.as_str()) || DETERMINERS.contains(&w.as_str()) {
            return None;
        }
        // An adjective or a determiner in lower case heads no phrase: before a cue word it
        // makes that word a noun ("his early-morning tweets", "a controversial comment").
        // (An age is a head: "the 43-year-old asked".)
        let age = w.starts_with(|c: char| c.is_ascii_digit());
        if !self.is_cap(j) && !age && matches!(self.pos(j), Pos::Adj | Pos::Det | Pos::Pron) {
            return None;
        }
        let mut k = j;
        while k > lo && j - k < GENERIC_NP_TOKENS {
            let p = self.lower(k - 1);
            if self.is_quoted(k - 1) || !(self.is_word(k - 1) || self.word(k - 1) == "-") || STOP.contains(&p.as_str())
            {
                break;
            }
            k -= 1;
            if DETERMINERS.contains(&p.as_str()) {
                break;
            }
        }
        let span = Span::new(self.seg.tokens[k].start, self.seg.tokens[j].end);
        Some(Np { span, first: k, end: j + 1, actor: None })
    }

    /// The subject after a cue in inverted order (`said Putin`, `said the agency`), up to `hi`.
    pub fn subject_right(&self, cue: usize, hi: usize) -> Option<Np> {
        let j = cue + 1;
        if j >= hi || self.is_quoted(j) {
            return None;
        }
        if let Some((m, a)) = self.mention_at(j) {
            if self.token_at(m.start) == j && !self.qualifier(m, hi) {
                return Some(self.np_of_mention(m, a));
            }
        }
        let w = self.lower(j);
        if lexicon().is_time_head(&w) {
            return None;
        }
        if PRONOUNS_PERSON.contains(&w.as_str()) || PRONOUNS_GROUP.contains(&w.as_str()) {
            return Some(Np { span: self.seg.tokens[j], first: j, end: j + 1, actor: None });
        }
        if !DETERMINERS.contains(&w.as_str()) && !self.is_cap(j) {
            // A title in lower case before the name: "said pollster Frank Luntz", "said
            // conservative activist Bob Klaus", "said former state Sen. Jim Smith".
            let name = (j + 1..hi.min(j + 5))
                .take_while(|&k| {
                    // (A date in the title: "said 9/11 widow Terry Strada".)
                    let date = matches!(self.word(k), "/" | "-") || self.word(k).chars().all(|c| c.is_ascii_digit());
                    (self.is_word(k) || date) && !self.is_quoted(k) && !STOP.contains(&self.lower(k - 1).as_str())
                })
                .find_map(|k| self.mention_at(k).filter(|(m, _)| self.token_at(m.start) == k));
            return name.map(|(m, a)| self.np_of_mention(Span::new(self.seg.tokens[j].start, m.end), a));
        }
        let mut k = j;
        while k < hi && k - j < INVERTED_NP_TOKENS && (self.is_word(k) || self.word(k) == "-") && !self.is_quoted(k) {
            // A verb ends the phrase ("said the Khan family deserved better"), but not a
            // participle between a determiner or adjective and the rest of the phrase ("said
            // another leading Supreme Court advocate", "said one unaligned strategist").
            let prenominal = || {
                matches!(self.pos(k - 1), Pos::Det | Pos::Adj | Pos::Num)
                    && (k + 1 < hi && self.is_word(k + 1) && !STOP.contains(&self.lower(k + 1).as_str()))
                    && matches!(self.pos(k + 1), Pos::Noun | Pos::Propn | Pos::Adj)
            };
            if k > j
                && (STOP.contains(&self.lower(k).as_str())
                    || self.pos(k) == Pos::Verb && !prenominal() && !self.title_read_as_verb(k, hi))
            {
                break;
            }
            if let Some((m, a)) = self.mention_at(k) {
                // A name followed by more of the phrase qualifies its head ("one Florida
                // Republican strategist", "a Supreme Court advocate"): it does not speak.
                if !self.qualifier(m, hi) {
                    return Some(self.np_of_mention(Span::new(self.seg.tokens[j].start, m.end), a));
                }
                k = self.token_at(m.end);
                continue;
            }
            k += 1;
        }
        // A named appositive after a common head ("said another leading advocate, Andrew J.
        // Pincus of …"): the name speaks, the phrase is its span.
        if k > j && k + 1 < hi && self.word(k) == "," {
            if let Some((m, a)) = self.mention_at(k + 1).filter(|(m, _)| self.token_at(m.start) == k + 1) {
                if self.actors.actors.get(a).is_some_and(|x| x.kind == ActorType::Person) {
                    return Some(self.np_of_mention(Span::new(self.seg.tokens[j].start, m.end), a));
                }
            }
        }
        (k > j + usize::from(DETERMINERS.contains(&w.as_str()))).then(|| Np {
            span: Span::new(self.seg.tokens[j].start, self.seg.tokens[k - 1].end),
            first: j,
            end: k,
            actor: None,
        })
    }

    /// Whether mention `m` is followed, before `hi`, by more of its noun phrase, so that it
    /// qualifies a later head rather than being one: "Trump campaign manager Corey Lewandowski",
    /// "a Supreme Court advocate" (not "Putin Tuesday": a time ends the phrase).
    fn qualifier(&self, m: Span, hi: usize) -> bool {
        let after = self.token_at(m.end);
        after < hi
            && self.is_word(after)
            && !self.is_quoted(after)
            && !STOP.contains(&self.lower(after).as_str())
            && (matches!(self.pos(after), Pos::Noun | Pos::Propn | Pos::Adj) || self.title_read_as_verb(after, hi))
            && !lexicon().is_time_head(&self.lower(after))
    }

    /// Whether token `k`, tagged a verb, is rather a title between a qualifying name and the
    /// name it belongs to: "said Virginia delegate Beau Correll". A finite verb there would
    /// agree with the singular name before it ("delegates", "delegated"), so only a bare form
    /// right before a name is read this way.
    fn title_read_as_verb(&self, k: usize, hi: usize) -> bool {
        let w = self.lower(k);
        k + 1 < hi
            && self.pos(k) == Pos::Verb
            && !self.is_cap(k)
            && !w.ends_with('s')
            && !w.ends_with("ed")
            && !w.ends_with("ing")
            && !STOP.contains(&w.as_str())
            && self.mention_at(k + 1).is_some_and(|(m, _)| self.token_at(m.start) == k + 1)
    }

    /// Whether token `i` is an object pronoun or addressee word ("told him", "told reporters").
    pub fn is_object_pronoun(&self, i: usize) -> bool {
        OBJECT_PRONOUNS.contains(&self.lower(i).as_str())
    }
}
