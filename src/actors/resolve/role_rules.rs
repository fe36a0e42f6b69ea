//! Roles that say something untrue of their person, repaired or refused (issue 20, the wrong
//! roles of draws 71207, 81207 and 91207):
//!
//! - a role cut before its object ("chairman of" from "chairman of Mrs. Clinton's campaign"
//!   where a name ended the run) says nothing and is refused ([`cut_role`]);
//! - a bare lower-case title head after a lower-case noun takes the noun ("Clinton
//!   communication director Jennifer Palmieri" is a "communication director", not a
//!   "director"; "campaign chairman", "police officer": [`compound_head`]);
//! - a nominal that describes rather than refers ("the former first lady and U.S. senator",
//!   "as a U.S. senator", "a former U.S. senator") names no one by itself, so no person nearby
//!   takes it as a mention or a role ([`describes`]).

use super::looks_like_verb;
use super::roles::{Nominal, View};
use crate::span::Span;

/// A role whose last word is a preposition or a conjunction: cut before its object.
pub(super) fn cut_role(role: &str) -> bool {
    role.split_whitespace().last().is_some_and(|w| {
        matches!(w.to_lowercase().as_str(), "of" | "to" | "for" | "at" | "in" | "on" | "with" | "and" | "the" | "by")
    })
}

/// `role` (a premodifier ending right before a name) widened by the lower-case noun before
/// it when the role is one title head alone ("communication director").
pub(super) fn compound_head(v: &View, role: Span) -> Span {
    let toks = v.token_at(role.start);
    // A lower-case head: "President Obama" after a verb ("defeat President Obama") is no
    // compound.
    let head = v.word(toks);
    // A generic head stays refused: "criminal division head" cut to "division head" is no
    // truer than "head".
    if matches!(head, "head" | "chief" | "member" | "official" | "officer") {
        return role;
    }
    if v.span(toks..toks + 1) != role || toks < 2 || !v.lex.is_title_head(head) || !head.starts_with(char::is_lowercase)
    {
        return role;
    }
    // "long-time aide": the word is half of a hyphenated adjective.
    if matches!(v.word(toks - 2), "-" | "\u{2010}") || v.span(toks - 2..toks - 1).end == v.span(toks - 1..toks).start {
        return role;
    }
    let w = v.word(toks - 1);
    let noun = w.len() >= 4
        && w.chars().all(|c| c.is_lowercase() && c.is_alphabetic())
        && !v.lex.is_stopword(w)
        && !looks_like_verb(w)
        && !w.ends_with("ly")
        && !w.ends_with("ing");
    if noun {
        Span::new(v.span(toks - 1..toks).start, role.end)
    } else {
        role
    }
}

/// A person nominal in a coordination or a predicate ("first lady and U.S. senator", "as a
/// U.S. senator", "a former U.S. senator").
pub(super) fn describes(v: &View, n: &Nominal) -> bool {
    let i = n.tokens.start;
    if n.institution || i == 0 || matches!(v.word(i), "the" | "The") {
        return false;
    }
    matches!(v.word(i - 1), "and" | "or" | "a" | "an" | "as" | "former" | "ex" | "then")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn roles_cut_before_their_object() {
        assert!(cut_role("chairman of"));
        assert!(cut_role("senior adviser to"));
        assert!(!cut_role("chairman of the committee"));
        assert!(!cut_role("communication director"));
    }
}
