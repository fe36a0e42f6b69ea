//! Reading roles from the words around a name, and nominal mentions that name someone by role.
//!
//! News writing attaches a role to a name in three ways, and this module reads each from the
//! tokens alone (no parse), bounded to a dozen tokens so the cost per name is constant:
//!
//! * a premodifier, the title run right before the name: "Russian President Vladimir Putin",
//!   "Russia’s Ambassador to Pyongyang Alexander Matsegora";
//! * an appositive after it: "Sergei Shoigu, secretary of Russia’s State Security Council, ...";
//! * an appositive before it: "The adviser to Putin on foreign policy, Yuri Ushakov, ...".
//!
//! Each must contain a title head word from the lexicon ("president", "secretary", "adviser"),
//! which is what separates "North Korean leader Kim" from "letter to Kim".
//!
//! A nominal mention names a person by role alone ("The Russian president", "Russia’s defense
//! minister") or an institution by its country ("Pyongyang’s foreign ministry"). [`nominal_at`]
//! recognises them; the resolver decides whom they refer to.

use crate::lexicon::{starts_upper, Lexicon, OrgWord, TitleKind};
use crate::span::Span;
use crate::text::Tokens;
use std::ops::Range;

/// The tokens of one article body, with the lexicon.
pub struct View<'a> {
    pub tokens: Tokens<'a>,
    pub lex: &'static Lexicon,
}

/// A place name found at a token: which country, how many tokens, and how it is written.
#[derive(Clone, Copy, Debug)]
pub struct PlaceMatch {
    pub country: usize,
    pub len: usize,
    /// The country's adjective ("Russian").
    pub demonym: bool,
    /// The country's name or an alias ("Russia", "DPRK"), not its capital.
    pub name: bool,
}

impl<'a> std::ops::Deref for View<'a> {
    type Target = Tokens<'a>;
    fn deref(&self) -> &Tokens<'a> {
        &self.tokens
    }
}

impl<'a> View<'a> {
    /// The longest country name, alias, capital or demonym starting at token `i` and ending
    /// before `end`.
    pub fn place_at(&self, i: usize, end: usize) -> Option<PlaceMatch> {
        if !self.is_cap(i) || !self.lex.may_start_country(self.word(i)) {
            return None;
        }
        let max = self.lex.max_words.min(end.saturating_sub(i));
        for n in (1..=max).rev() {
            if let Some(e) = self.lex.lookup(self.slice(i..i + n)) {
                let country = e.country.or(e.demonym).or(e.seat);
                if let Some(country) = country {
                    return Some(PlaceMatch {
                        country,
                        len: n,
                        demonym: e.demonym.is_some(),
                        name: e.country.is_some(),
                    });
                }
            }
        }
        None
    }

    /// Words that may stand in a role phrase: titles, capitalised words (names of countries and
    /// organisations), possessive 's and demonyms.
    fn role_word(&self, i: usize) -> bool {
        let w = self.word(i);
        if self.is_possessive(i) || self.lex.title(w).is_some() {
            return true;
        }
        self.is_cap(i) && !self.lex.is_stopword(w) && w.chars().any(char::is_alphabetic)
    }

    fn is_head(&self, i: usize) -> bool {
        self.lex.is_title_head(self.word(i))
    }

    fn trim(&self, mut r: Range<usize>) -> Range<usize> {
        let edge = |i: usize| {
            let w = self.word(i);
            self.lex.is_stopword(w) || self.is_possessive(i) || !w.chars().any(char::is_alphanumeric)
        };
        while r.start < r.end && edge(r.start) && self.lex.title(self.word(r.start)).is_none() {
            r.start += 1;
        }
        while r.start < r.end && edge(r.end - 1) {
            r.end -= 1;
        }
        r
    }
}

const MAX_ROLE: usize = 12;

/// "J.", "R.": one capital letter and a full stop.
fn is_initial(w: &str) -> bool {
    let mut c = w.chars();
    matches!((c.next(), c.next(), c.next()), (Some(l), Some('.'), None) if l.is_uppercase())
}

/// The title run right before a name starting at token `first` ("Russian President"), if any.
/// `person[i]` marks tokens of other person names, which a role never crosses.
pub fn premodifier(v: &View, sent: &Range<usize>, first: usize, person: &[bool]) -> Option<Span> {
    let lo = sent.start.max(first.saturating_sub(MAX_ROLE));
    let mut j = first;
    while j > lo {
        let k = j - 1;
        if person.get(k).copied().unwrap_or(false) {
            break;
        }
        let w = v.word(k);
        // Small words inside a role: "Ambassador to Pyongyang", "Assistant to the Head of State".
        let inner = matches!(w, "of" | "to" | "for" | "the" | "on") && k > lo;
        if !(v.role_word(k) || inner) {
            break;
        }
        j = k;
    }
    let mut r = v.trim(j..first);
    // "Committee chairman Rep. Trey Gowdy": the form of address is not part of the role.
    // Nor is an initial the tagger left out of the name ("TD Ameritrade founder J. Joe Ricketts").
    let skipped = |i: usize| v.lex.title(v.word(i)) == Some(TitleKind::Courtesy) || is_initial(v.word(i));
    while r.start < r.end && skipped(r.end - 1) {
        r.end -= 1;
    }
    let r = if r.end < first && !(r.end..first).all(skipped) { first..first } else { r };
    // The word right before the name must belong to the role, not be "to" in "letter to Kim".
    if r.is_empty() || !(r.clone()).any(|i| v.is_head(i)) {
        return None;
    }
    Some(v.span(r))
}

fn ends_phrase(v: &View, i: usize) -> bool {
    let w = v.word(i);
    if matches!(w, "," | ";" | ":" | "(" | ")" | "." | "\u{2014}" | "\u{2013}" | "\"" | "\u{201c}" | "\u{201d}") {
        return true;
    }
    if matches!(
        w,
        "who"
            | "which"
            | "that"
            | "now"
            | "currently"
            | "and"
            | "but"
            | "said"
            | "says"
            | "told"
            | "is"
            | "was"
            | "has"
            | "had"
    ) {
        return true;
    }
    // A participle starts a clause ("affiliated with", "adding that").
    let lower = w.chars().next().is_some_and(char::is_lowercase);
    lower && (w.ends_with("ed") || w.ends_with("ing")) && v.lex.title(w).is_none()
}

/// "NAME, [a] role ..." : the role after a name ending at token `last` (exclusive end `after`).
pub fn appositive_after(v: &View, sent: &Range<usize>, after: usize, person: &[bool]) -> Option<Span> {
    if v.word(after) != "," {
        return None;
    }
    let mut k = after + 1;
    if matches!(v.word(k), "a" | "an" | "the" | "his" | "her" | "its" | "their") {
        k += 1;
    }
    let mut start = k;
    let is_person = |i: usize| person.get(i).copied().unwrap_or(false);
    // The role's run from `from`: where it ends, and whether a person's name ended it.
    let run = |from: usize| {
        let hi = sent.end.min(from + MAX_ROLE);
        let mut k = from;
        while k < hi && !ends_phrase(v, k) && !is_person(k) {
            k += 1;
        }
        (k, k < hi && is_person(k))
    };
    let (mut k, at_person) = run(start);
    if at_person {
        // The title run right before another person's name is that person's ("…, sister of
        // leader Kim Jong-un"; small words inside it: "aide to Secretary of State Clinton").
        let mut cut = k;
        while cut > start {
            let w = v.word(cut - 1);
            let titled = |i: usize| v.lex.title(v.word(i)).is_some() || v.is_cap(i);
            let inner = matches!(w, "of" | "the") && cut - 1 > start && titled(cut - 2);
            if !(titled(cut - 1) || inner) {
                break;
            }
            cut -= 1;
        }
        let before = v.trim(start..cut);
        let mut m = k;
        while m < sent.end && is_person(m) {
            m += 1;
        }
        if before.clone().any(|i| v.is_head(i)) {
            k = cut;
        } else if v.is_possessive(m) {
            // "Susan Rice, President Obama's national security adviser": the role is what
            // follows the possessive.
            start = m + 1;
            let (end, again) = run(start);
            if again {
                return None;
            }
            k = end;
        } else {
            k = cut;
        }
    }
    let r = v.trim(start..k);
    // The head must come early: "Shoigu, secretary of ..." but not "Kim, whose letter to the president".
    let head = (r.clone()).take(6).any(|i| v.is_head(i));
    let first_ok = !r.is_empty() && (v.role_word(r.start) || v.lex.title(v.word(r.start)).is_some());
    (head && first_ok).then(|| v.span(r))
}

/// "[The] role ..., NAME," : the role before a name starting at token `first`.
pub fn appositive_before(v: &View, sent: &Range<usize>, first: usize, end: usize) -> Option<Span> {
    if first == 0 || first <= sent.start || v.word(first - 1) != "," || v.word(end) != "," {
        return None;
    }
    let stop = first - 1;
    let lo = sent.start.max(stop.saturating_sub(MAX_ROLE));
    let mut k = stop;
    let mut start = None;
    while k > lo {
        let i = k - 1;
        let w = v.word(i);
        if matches!(w, "the" | "The" | "a" | "A" | "an" | "An" | "his" | "His" | "her" | "Her" | "its" | "their") {
            start = Some(k);
            break;
        }
        if matches!(w, "," | ";" | ":" | "(" | ")" | "\u{2014}" | "\u{2013}") {
            return None;
        }
        k = i;
    }
    let start = start.or((k == sent.start).then_some(k))?;
    let r = v.trim(start..stop);
    let ok = !r.is_empty() && (r.clone()).take(6).any(|i| v.is_head(i)) && v.role_word(r.start);
    ok.then(|| v.span(r))
}

/// A nominal mention: a person by role ("The Russian president") or an institution by its
/// country ("Pyongyang’s foreign ministry").
#[derive(Clone, Debug)]
pub struct Nominal {
    /// The whole mention, with its determiner.
    pub span: Span,
    pub tokens: Range<usize>,
    pub country: Option<usize>,
    /// The role or institution words after the country ("defense minister", "foreign ministry").
    pub words: Span,
    /// The head word, lower-cased ("minister", "ministry").
    pub head: String,
    /// An institution rather than a person.
    pub institution: bool,
}

/// The nominal mention starting at token `i`, if one does.
pub fn nominal_at(v: &View, sent: &Range<usize>, i: usize, person: &[bool]) -> Option<Nominal> {
    let mut k = i;
    let det = matches!(v.word(k), "the" | "The");
    if det {
        k += 1;
    }
    let mut country = None;
    if let Some(p) = v.place_at(k, sent.end) {
        if v.is_possessive(k + p.len) {
            country = Some(p.country);
            k += p.len + 1;
        } else if p.demonym {
            country = Some(p.country);
            k += p.len;
        } else {
            return None;
        }
    }
    if country.is_none() && !det {
        return None;
    }
    let words_start = k;
    while k < sent.end && k < words_start + 3 && v.lex.title(v.word(k)) == Some(TitleKind::Modifier) {
        k += 1;
    }
    let head = v.word(k);
    let institution = match (v.lex.title(head), v.lex.org_word(head)) {
        (_, Some(OrgWord::Nominal)) if country.is_some() => true,
        (Some(TitleKind::Head), _) => false,
        _ => return None,
    };
    if k >= sent.end {
        return None;
    }
    // "North Korean leader Kim" is a premodifier; "his counterpart, Kang" an appositive.
    let next = k + 1;
    let next_word = v.word(next);
    if next < sent.end
        && (person.get(next).copied().unwrap_or(false)
            || (next_word == "," && person.get(next + 1).copied().unwrap_or(false))
            || (v.is_cap(next) && !v.lex.is_stopword(next_word))
            || next_word == "of")
    {
        return None;
    }
    // "the attorney general" is no "attorney" (a compound title the lexicon does not hold), and
    // "the U.S. attorney's office" names an office, not a person who holds the title.
    if next_word == "general" || (v.is_possessive(next) && matches!(v.word(next + 1), "office" | "offices" | "staff")) {
        return None;
    }
    // A bare "the minister" needs a lower-case head (not "The Guardian"-like capitalised names).
    if country.is_none() && starts_upper(head) {
        return None;
    }
    Some(Nominal {
        span: v.span(i..k + 1),
        tokens: i..k + 1,
        country,
        words: v.span(words_start..k + 1),
        head: head.to_lowercase(),
        institution,
    })
}

/// The head word of a role phrase: the last title head before the first preposition
/// ("secretary" in "secretary of Russia’s State Security Council", "president" in
/// "Russian President").
pub fn role_head(lex: &Lexicon, role: &str) -> Option<String> {
    let mut head = None;
    for w in role.split_whitespace() {
        if matches!(w, "of" | "to" | "for" | "on" | "at" | "in" | "with") && head.is_some() {
            break;
        }
        let w = w.trim_end_matches(['\u{2019}', '\'', 's']).trim_end_matches(',');
        if lex.is_title_head(w) {
            head = Some(w.to_lowercase());
        }
    }
    head
}

/// The country a role phrase names ("Russian President" → Russia), if any.
pub fn role_country(lex: &Lexicon, role: &str) -> Option<usize> {
    let words: Vec<&str> = role.split_whitespace().collect();
    for i in 0..words.len() {
        for n in (1..=3.min(words.len() - i)).rev() {
            let s = words[i..i + n].join(" ");
            let s = s.trim_end_matches("\u{2019}s").trim_end_matches("'s");
            if let Some(e) = lex.lookup(s) {
                if let Some(c) = e.country.or(e.demonym).or(e.seat) {
                    return Some(c);
                }
            }
        }
    }
    None
}

/// Whether two role heads can name the same office: equal, or both generic heads ("chief",
/// "minister", "head", "secretary") sharing a domain word ("defense chief" ~ "defense minister").
pub fn heads_fit(a_head: &str, a_words: &str, b_head: &str, b_words: &str) -> bool {
    // "vice president" is not "president", nor "deputy minister" "minister".
    let rank = |s: &str| -> Vec<String> {
        let mut r: Vec<String> = s
            .split(|c: char| c.is_whitespace() || c == '-')
            .map(str::to_lowercase)
            .filter(|w| matches!(w.as_str(), "vice" | "deputy" | "former" | "acting" | "assistant" | "ex" | "first"))
            .collect();
        r.sort();
        r
    };
    if rank(a_words) != rank(b_words) {
        return false;
    }
    if a_head == b_head {
        return true;
    }
    let generic = |h: &str| matches!(h, "chief" | "minister" | "head" | "secretary" | "leader");
    if !(generic(a_head) && generic(b_head)) {
        return false;
    }
    let domain = |s: &str| -> Vec<String> {
        s.split_whitespace()
            .map(|w| w.to_lowercase().replace("defence", "defense"))
            .filter(|w| {
                matches!(
                    w.as_str(),
                    "defense"
                        | "foreign"
                        | "interior"
                        | "finance"
                        | "security"
                        | "health"
                        | "trade"
                        | "energy"
                        | "justice"
                        | "intelligence"
                )
            })
            .collect()
    };
    let a = domain(a_words);
    !a.is_empty() && domain(b_words).iter().any(|w| a.contains(w))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lexicon::lexicon;
    use crate::text::segment;

    fn view_of(text: &str) -> (crate::text::Segmented, &str) {
        (segment(text, &[Span::new(0, text.len())]), text)
    }

    fn find(v: &View, w: &str) -> usize {
        (0..v.toks.len()).find(|&i| v.word(i) == w).unwrap()
    }

    #[test]
    fn premodifiers() {
        let cases = [
            ("Russian President Vladimir Putin spoke.", "Vladimir", Some("Russian President")),
            (
                "Russia\u{2019}s Ambassador to Pyongyang Alexander Matsegora said.",
                "Alexander",
                Some("Russia\u{2019}s Ambassador to Pyongyang"),
            ),
            (
                "On Monday, U.S. State Department spokesperson Matthew Miller said.",
                "Matthew",
                Some("U.S. State Department spokesperson"),
            ),
            ("He sent a letter to Kim Jong Un.", "Kim", None),
            (
                "It was stated by Assistant to the Head of State Yuri Ushakov.",
                "Yuri",
                Some("Assistant to the Head of State"),
            ),
        ];
        for (t, name, want) in cases {
            let (seg, text) = view_of(t);
            let v = View { tokens: Tokens::new(text, &seg.tokens), lex: lexicon() };
            let i = find(&v, name);
            let person = vec![false; seg.tokens.len()];
            let got = premodifier(&v, &(0..seg.tokens.len()), i, &person).map(|s| &text[s.start..s.end]);
            assert_eq!(got, want, "{t}");
        }
    }

    #[test]
    fn appositives() {
        let t = "It followed a visit by Sergei Shoigu, secretary of Russia\u{2019}s State Security Council, who conveyed it.";
        let (seg, text) = view_of(t);
        let v = View { tokens: Tokens::new(text, &seg.tokens), lex: lexicon() };
        let person = vec![false; seg.tokens.len()];
        let after = find(&v, "Shoigu") + 1;
        let got = appositive_after(&v, &(0..seg.tokens.len()), after, &person).unwrap();
        assert_eq!(&text[got.start..got.end], "secretary of Russia\u{2019}s State Security Council");

        let t = "Victor Cha, a former U.S. national security official now affiliated with CSIS, said so.";
        let (seg, text) = view_of(t);
        let v = View { tokens: Tokens::new(text, &seg.tokens), lex: lexicon() };
        let got = appositive_after(&v, &(0..seg.tokens.len()), 2, &vec![false; seg.tokens.len()]).unwrap();
        assert_eq!(&text[got.start..got.end], "former U.S. national security official");

        let t = "The adviser to Putin on foreign policy, Yuri Ushakov, clarified it.";
        let (seg, text) = view_of(t);
        let v = View { tokens: Tokens::new(text, &seg.tokens), lex: lexicon() };
        let first = find(&v, "Yuri");
        let got = appositive_before(&v, &(0..seg.tokens.len()), first, first + 2).unwrap();
        assert_eq!(&text[got.start..got.end], "adviser to Putin on foreign policy");
    }

    #[test]
    fn nominals() {
        let t = "Russia\u{2019}s defense minister met North Korean leader Kim. The Russian president wrote. Pyongyang\u{2019}s foreign ministry said so.";
        let (seg, text) = view_of(t);
        let v = View { tokens: Tokens::new(text, &seg.tokens), lex: lexicon() };
        let mut person = vec![false; seg.tokens.len()];
        person[find(&v, "Kim")] = true;
        let all = 0..seg.tokens.len();
        let n = nominal_at(&v, &all, 0, &person).unwrap();
        assert_eq!(&text[n.span.start..n.span.end], "Russia\u{2019}s defense minister");
        assert_eq!(n.head, "minister");
        assert!(nominal_at(&v, &all, find(&v, "North"), &person).is_none());
        let n = nominal_at(&v, &all, find(&v, "The"), &person).unwrap();
        assert_eq!(&text[n.span.start..n.span.end], "The Russian president");
        let n = nominal_at(&v, &all, find(&v, "Pyongyang"), &person).unwrap();
        assert!(n.institution);
        assert_eq!(&text[n.words.start..n.words.end], "foreign ministry");
    }

    #[test]
    fn an_office_or_a_compound_title_is_no_nominal_person() {
        let t = "She worked for the U.S. attorney\u{2019}s office. She advised the attorney general herself.";
        let (seg, text) = view_of(t);
        let v = View { tokens: Tokens::new(text, &seg.tokens), lex: lexicon() };
        let person = vec![false; seg.tokens.len()];
        let all = 0..seg.tokens.len();
        let thes: Vec<usize> = (0..seg.tokens.len()).filter(|&i| v.word(i) == "the").collect();
        assert!(thes.iter().all(|&i| nominal_at(&v, &all, i, &person).is_none()));
    }

    #[test]
    fn heads() {
        let lex = lexicon();
        assert_eq!(role_head(lex, "secretary of Russia\u{2019}s State Security Council").as_deref(), Some("secretary"));
        assert_eq!(role_head(lex, "Russian President").as_deref(), Some("president"));
        assert!(role_country(lex, "Russian President").is_some());
        assert!(heads_fit("chief", "defense chief", "minister", "Russian Defense Minister"));
        assert!(!heads_fit("president", "president", "minister", "defense minister"));
        assert!(!heads_fit("president", "vice president", "president", "President"));
    }
}
