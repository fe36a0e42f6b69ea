//! Names the tagger cut into pieces at punctuation (issue 20): "U." of a "U.S" written without
//! its last stop, "Martha" of "Martha's Vineyard", "University of California" and "Berkeley"
//! of "the University of California at Berkeley". Constant work per mention.

use crate::actors::tag::gazetteer::{self, GIVEN_NAMES};
use crate::actors::{EntityKind, EntityMention};
use crate::lexicon::lexicon;
use crate::lexicon::FastSet;
use crate::text::{Segmented, Tokens};

/// Drops lone initials, makes "X's Y" places whole and joins a university to its campus.
pub fn filter(text: &str, seg: &Segmented, mentions: Vec<EntityMention>) -> Vec<EntityMention> {
    let v = Tokens::new(text, &seg.tokens);
    let n = seg.tokens.len();
    let lex = lexicon();
    // Starts of mentions longer than one word, and of one-word mentions of no known name and
    // no organisation ("Vineyard", which consistency may have marked): these a name ending
    // in them swallows.
    let mut starts: FastSet<usize> = FastSet::default();
    let mut loose: FastSet<usize> = FastSet::default();
    for m in &mentions {
        let single = m.tokens.len() == 1
            && matches!(m.kind, EntityKind::Loc | EntityKind::Misc)
            && lex.lookup(v.word(m.tokens.start)).is_none();
        if single {
            loose.insert(m.tokens.start);
        } else {
            starts.insert(m.tokens.start);
        }
    }
    // "Martha's Vineyard": the pairs of words that make a place somewhere in the article, where
    // the context is clear (a function word or punctuation after it, no headline around it).
    let mut pairs: FastSet<(&str, &str)> = FastSet::default();
    for m in mentions.iter().filter(|m| m.kind == EntityKind::Per && m.tokens.len() == 1 && m.tokens.end <= n) {
        let a = m.tokens.start;
        let headline = a > 0 && v.is_cap(a - 1) && v.word(a - 1).chars().all(char::is_alphabetic);
        if let Some(t) = possessive_tail(&v, a + 1).filter(|&t| !headline && place_tail(&v, &starts, t)) {
            pairs.insert((v.word(a), v.word(t)));
        }
    }
    let mut swallow = usize::MAX;
    let mut out: Vec<EntityMention> = Vec::with_capacity(mentions.len());
    for mut m in mentions {
        if m.tokens.is_empty() || m.tokens.end > n {
            out.push(m);
            continue;
        }
        let (a, b) = (m.tokens.start, m.tokens.end);
        if a == swallow && loose.contains(&a) {
            continue;
        }
        // A lone initial that is no person's: "U." of "U.S benchmark".
        if b - a == 1 && m.kind != EntityKind::Per && initial(v.word(a)) {
            continue;
        }
        if b - a == 1 && m.kind == EntityKind::Per {
            if let Some(t) = possessive_tail(&v, b).filter(|&t| pairs.contains(&(v.word(a), v.word(t)))) {
                swallow = t;
                m.tokens.end = t + 1;
                m.span = v.span(m.tokens.clone());
                m.kind = EntityKind::Loc;
            }
        }
        // "the University of California at Berkeley" / ", Berkeley": the campus is the name's end.
        if let Some(prev) = out.last_mut() {
            let (pa, pb) = (prev.tokens.start, prev.tokens.end);
            let campus = prev.kind == EntityKind::Org
                && pb - pa >= 3
                && v.word(pa) == "University"
                && v.word(pa + 1) == "of"
                && a == pb + 1
                && matches!(v.word(pb), "at" | ",")
                && m.kind == EntityKind::Loc
                && b - a <= 2
                && !v.is_cap(b)
                && !v.is_possessive(b);
            if campus {
                prev.tokens.end = b;
                prev.span = v.span(prev.tokens.clone());
                continue;
            }
            // "Port St." + "Lucie": a place name cut after its abbreviated saint or mount.
            let abbreviated = a == pb
                && pb > pa
                && matches!(v.word(pb - 1), "St." | "Ste." | "Mt." | "Ft.")
                && prev.kind != EntityKind::Per
                && m.kind != EntityKind::Per
                && b - a <= 2;
            if abbreviated {
                prev.tokens.end = b;
                prev.span = v.span(prev.tokens.clone());
                prev.kind = EntityKind::Loc;
                continue;
            }
        }
        // "USA" + "TODAY": a name the tagger cut before a capitalised word that completes a
        // listed outlet or organisation ("a USA TODAY analysis").
        if m.kind != EntityKind::Per
            && b < n
            && v.word(b).starts_with(char::is_uppercase)
            && v.word(b).chars().all(char::is_alphabetic)
            && !starts.contains(&b)
            && !loose.contains(&b)
            && v.span(a..b + 1).len() == v.span(a..b).len() + 1 + v.word(b).len()
            && lex.lookup(v.slice(a..b + 1)).is_some_and(|e| e.media.is_some() || e.org.is_some())
        {
            m.tokens.end = b + 1;
            m.span = v.span(m.tokens.clone());
            m.kind = EntityKind::Org;
        }
        out.push(m);
    }
    nicknamed(&v, n, out)
}

/// "Marcia “Cia” Price", "Robert C. “Bobby” Scott": a given name (and an initial), one
/// title-case word in quotation marks, then a capitalised surname is one person, whatever
/// pieces the tagger cut it into ("Marcia" a place, "Cia" an organisation). One pass over the
/// tokens; the mentions inside the name are replaced by it.
fn nicknamed(v: &Tokens, n: usize, mut out: Vec<EntityMention>) -> Vec<EntityMention> {
    let open = |w: &str| matches!(w, "\u{201c}" | "\"" | "``" | "''");
    let close = |w: &str| matches!(w, "\u{201d}" | "\"" | "''");
    let title_case = |w: &str| {
        let mut c = w.chars();
        c.next().is_some_and(char::is_uppercase) && w.len() <= 12 && c.all(char::is_lowercase)
    };
    let mut names: Vec<std::ops::Range<usize>> = Vec::new();
    for q in 1..n.saturating_sub(3) {
        if !open(v.word(q)) || !title_case(v.word(q + 1)) || !close(v.word(q + 2)) {
            continue;
        }
        let surname = v.word(q + 3);
        if !surname.starts_with(char::is_uppercase) || !surname.chars().all(|c| c.is_alphabetic() || c == '\'') {
            continue;
        }
        let mut a = q - 1;
        if initial(v.word(a)) && a > 0 {
            a -= 1;
        }
        let given = v.word(a);
        if !given.starts_with(char::is_uppercase) || !gazetteer::holds(GIVEN_NAMES, given) {
            continue;
        }
        // Nothing but spaces between the words ("Marcia “Cia” Price", not across a line).
        let tight = (a..q + 3).all(|i| v.span(i..i + 2).len() <= v.word(i).len() + v.word(i + 1).len() + 1);
        if tight {
            names.push(a..q + 4);
        }
    }
    if names.is_empty() {
        return out;
    }
    out.retain(|m| !names.iter().any(|r| m.tokens.start < r.end && r.start < m.tokens.end));
    for r in names {
        out.push(EntityMention { span: v.span(r.clone()), kind: EntityKind::Per, tokens: r });
    }
    out.sort_by_key(|m| m.tokens.start);
    out
}

/// The token after a possessive at `b` ("'s", or "’" + "s" as tokenised copy writes it).
fn possessive_tail(v: &Tokens, b: usize) -> Option<usize> {
    if v.is_possessive(b) {
        Some(b + 1)
    } else if matches!(v.word(b), "\u{2019}" | "'") && v.word(b + 1) == "s" {
        Some(b + 2)
    } else {
        None
    }
}

/// "U.", "S.": one capital letter and a stop.
fn initial(w: &str) -> bool {
    let mut c = w.chars();
    matches!((c.next(), c.next(), c.next()), (Some(l), Some('.'), None) if l.is_uppercase())
}

/// The "Vineyard" of "Martha's Vineyard": a capitalised word that starts no mention and is no
/// title, function, time or non-actor word, followed by a function word or punctuation.
fn place_tail(v: &Tokens, starts: &FastSet<usize>, i: usize) -> bool {
    let lex = lexicon();
    let w = v.word(i);
    let after = v.word(i + 1);
    w.starts_with(char::is_uppercase)
        && w.chars().all(char::is_alphabetic)
        && !starts.contains(&i)
        && !lex.is_stopword(w)
        && lex.title(w).is_none()
        && lex.lookup(w).is_none()
        && !lex.is_time_head(&w.to_lowercase())
        && !lex.is_not_actor(w)
        // Only a function word or punctuation after it: not a headline's next capitalised word
        // ("Trump’s Stunning Win"), not a noun ("Trump's Twitter account").
        && (lex.is_stopword(after) && after.starts_with(char::is_lowercase) || !after.chars().any(char::is_alphanumeric))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::span::Span;

    fn names(text: &str, forms: &[(&str, EntityKind)]) -> Vec<(String, EntityKind)> {
        let seg = crate::text::segment(text, &[Span::new(0, text.len())]);
        let ms = crate::actors::tag::mentions_at(text, &seg, forms);
        filter(text, &seg, ms).into_iter().map(|m| (text[m.span.start..m.span.end].to_string(), m.kind)).collect()
    }

    #[test]
    fn a_quoted_nickname_inside_a_name_is_one_person() {
        let text = "Rep. Marcia \u{201c}Cia\u{201d} Price and Rep. Robert C. \"Bobby\" Scott spoke.";
        let got = names(
            text,
            &[
                ("Marcia", EntityKind::Loc),
                ("Cia", EntityKind::Org),
                ("Price", EntityKind::Per),
                ("Robert C.", EntityKind::Per),
                ("Scott", EntityKind::Per),
            ],
        );
        assert_eq!(
            got,
            vec![
                ("Marcia \u{201c}Cia\u{201d} Price".to_string(), EntityKind::Per),
                ("Robert C. \"Bobby\" Scott".to_string(), EntityKind::Per)
            ]
        );
        // No given name before the quoted word: a nickname used alone stays as it was.
        let text = "Trump called \u{201c}Crooked\u{201d} Hillary names.";
        assert_eq!(names(text, &[("Hillary", EntityKind::Per)]), vec![("Hillary".to_string(), EntityKind::Per)]);
    }
}
