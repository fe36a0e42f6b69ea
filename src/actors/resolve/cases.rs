//! Court cases by their first party: an article that names "Roe v. Wade" means the case by a
//! lone "Roe" ("overturn Roe", "Roe has been the law"), as it means "Dobbs" and "Obergefell"
//! after "Dobbs v. Jackson" (issue 20, draw 151207: "Roe" typed person). A lone-word candidate
//! the lexicon does not know, whose word stands before "v." somewhere in the article, is
//! dropped, unless a person's full name ends in it. One pass over the tokens, one over the candidates.

use super::roles::View;
use super::Cand;
use crate::report::ActorType;
use std::collections::HashSet;

pub(super) fn drop_case_parties(v: &View, cands: &mut Vec<Cand>) {
    let n = v.tokens.toks.len();
    let parties: HashSet<&str> =
        (1..n).filter(|&i| matches!(v.word(i), "v." | "v") && v.tokens.is_cap(i - 1)).map(|i| v.word(i - 1)).collect();
    if parties.is_empty() {
        return;
    }
    // "Trump v. Hawaii" beside "Donald Trump": a lone "Trump" is the person.
    let surnames: HashSet<&str> = cands
        .iter()
        .filter(|c| c.kind == ActorType::Person && c.toks.len() > 1)
        .map(|c| v.word(c.toks.end - 1))
        .collect();
    cands.retain(|c| {
        !(c.toks.len() == 1
            && c.known.is_none()
            && c.nominal.is_none()
            && parties.contains(v.word(c.toks.start))
            && !surnames.contains(v.word(c.toks.start)))
    });
}
