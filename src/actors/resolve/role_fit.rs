//! A role must be the words that modify its person, whole (issue 20, draws 121207 and 131207
//! and the role verdicts of 81207, 91207 and 101207). [`fit`] takes the span a role reader
//! found and mends or refuses it:
//!
//! - a dash ends an appositive ("chief executive of Ora Media -- the production company" is
//!   "chief executive of Ora Media");
//! - a role after the name that ends in "to/of/for" + a capitalised title belongs to the next
//!   person's title ("former foreign policy advisor to Vice President (then-Senator) Joseph
//!   R. Biden" is a "former foreign policy advisor");
//! - an institution cut before its "of" + name takes them ("head of the National Center for
//!   Veterans Studies at the University" + "of Utah");
//! - a premodifier cut at "and" takes the word before it ("Transportation and Infrastructure
//!   Chairman", not "Infrastructure Chairman");
//! - "retired" right before a role is part of it ("a retired Belgian general");
//! - a title and a name inside quotation marks is a nickname ("nicknamed “King James”"): no role;
//! - a bare title that names an office only with its department ("Secretary" from
//!   "Secretary Clinton", "Minister") says too little to show.
//!
//! Constant work per role (a few tokens either side).

use super::roles::{Nominal, View};
use crate::actors::tag::gazetteer::{self, GIVEN_NAMES, SURNAMES};
use crate::lexicon::OrgWord;
use crate::span::Span;
use std::ops::Range;

/// Bare titles that say nothing without their office ("Secretary of what?").
const INCOMPLETE: &[&str] = &["secretary", "minister", "undersecretary", "deputy", "executive", "assistant"];

fn dash(w: &str) -> bool {
    !w.is_empty() && w.chars().all(|c| matches!(c, '-' | '\u{2014}' | '\u{2013}'))
}

fn quote_mark(w: &str) -> bool {
    matches!(w, "\"" | "\u{201c}" | "\u{201d}" | "''" | "``")
}

/// The role `role` read around the person name at tokens `name`, mended, or `None` when it
/// should not be shown.
pub(super) fn fit(v: &View, role: Span, name: &Range<usize>, person: &[bool]) -> Option<Span> {
    let mut r = v.token_at(role.start)..v.token_at(role.end);
    if r.is_empty() {
        return None;
    }
    let before = r.end <= name.start;
    // A dash ends an appositive after the name.
    // (A spaced dash: "A.F.L.-C.I.O." is one name.)
    let spaced = |i: usize| v.span(i - 1..i).end < v.span(i..i + 1).start;
    if let Some(d) = r.clone().find(|&i| i > r.start && dash(v.word(i)) && spaced(i)) {
        r.end = d;
    }
    // "advisor to Vice President": the title of the next person.
    if !before {
        let mut k = r.end;
        while k > r.start && v.is_cap(k - 1) && v.lex.title(v.word(k - 1)).is_some() {
            k -= 1;
        }
        let head = v.lex.is_title_head(v.word(r.end - 1));
        if head && k < r.end && k > r.start + 1 && matches!(v.word(k - 1), "to" | "of" | "for") {
            r.end = k - 1;
        }
    }
    // "at the University" + "of Utah".
    let last = v.word(r.end.saturating_sub(1));
    if !before
        && r.end > r.start
        && v.is_cap(r.end - 1)
        && v.lex.org_word(last) == Some(OrgWord::Org)
        && v.word(r.end) == "of"
        && v.is_cap(r.end + 1)
    {
        let mut e = r.end + 1;
        while e < r.end + 5 && v.is_cap(e) && !dash(v.word(e)) {
            e += 1;
        }
        r.end = e;
    }
    // "Transportation and Infrastructure Chairman".
    if before
        && r.start >= 2
        && v.word(r.start - 1) == "and"
        && v.is_cap(r.start)
        && v.lex.title(v.word(r.start)).is_none()
    {
        let w = r.start - 2;
        // Not "Trump and House Speaker Paul Ryan": the word before "and" is no name.
        let name_word = person.get(w).copied().unwrap_or(false)
            || gazetteer::holds(SURNAMES, v.word(w))
            || gazetteer::holds(GIVEN_NAMES, v.word(w));
        let lower_before = w > 0 && !v.is_cap(w - 1);
        if v.is_cap(w)
            && lower_before
            && !name_word
            && v.lex.title(v.word(w)).is_none()
            && !v.lex.is_stopword(v.word(w))
        {
            r.start = w;
        }
    }
    // "a retired Belgian general".
    if r.start > 0 && v.word(r.start - 1).eq_ignore_ascii_case("retired") {
        r.start -= 1;
    }
    // Punctuation left at the end by the cuts (a role cut before its object stays so, for
    // `role_rules::cut_role` to refuse).
    while r.end > r.start && !v.word(r.end - 1).chars().any(char::is_alphanumeric) {
        r.end -= 1;
    }
    if r.is_empty() || !r.clone().any(|i| v.lex.is_title_head(v.word(i))) {
        return None;
    }
    // "a President Trump would": a title after "a" is hoped for or supposed, not held.
    if before && r.len() == 1 && v.is_cap(r.start) && r.start > 0 && matches!(v.word(r.start - 1), "a" | "an") {
        return None;
    }
    // "nicknamed “King James”".
    if before && r.end == name.start && r.start > 0 && quote_mark(v.word(r.start - 1)) && quote_mark(v.word(name.end)) {
        return None;
    }
    if r.len() == 1 && INCOMPLETE.contains(&v.lower(r.start).as_str()) {
        return None;
    }
    Some(v.span(r))
}

/// The role a resolved nominal gives its person, with a "retired" the nominal reader left
/// before it ("a retired Belgian general" is no serving one).
pub(super) fn nominal_role(v: &View, n: &Nominal, role: String) -> String {
    let i = n.tokens.start;
    let retired = (i.saturating_sub(1)..=i).any(|k| v.word(k).eq_ignore_ascii_case("retired"));
    if retired && !role.to_lowercase().starts_with("retired") {
        format!("retired {role}")
    } else {
        role
    }
}
