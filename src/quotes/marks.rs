//! Quotation marks: which characters open and close a quotation, and the quoted spans they make.
//!
//! News text mixes every convention: straight `"` and `'`, curly “ ” ‘ ’, guillemets « » ‹ ›,
//! and the same character `’` is both an apostrophe ("Russia’s", "forces’") and a closing
//! single quote (‘warm letter’). A mark is therefore classified by its neighbours alone, in one
//! left-to-right pass over each paragraph:
//!
//! * a mark between two letters or digits is an apostrophe, never a quote;
//! * a curly or angle mark has a fixed direction (“ opens, ” closes); a straight mark opens when
//!   it follows a space or an opening bracket and precedes a non-space, and closes otherwise;
//! * a single mark (straight or curly) closes only when a single quotation is open, so an
//!   apostrophe after a plural ("forces’ military") can never close a double quotation or open
//!   a new one.
//!
//! Open marks live on a small stack; a closing mark pops to the nearest open mark of its family,
//! and only outermost quotations are reported (a nested quotation is part of its parent's text).
//! At a paragraph end whatever is still open is dropped — except the one news convention for
//! long quotations: a paragraph that ends inside a double quotation and is followed by a
//! paragraph *starting* with an opening mark of the same family continues that quotation.
//! Such a long quotation that itself holds double quotations is an *excerpt* (another outlet's
//! article quoted at length): its inner quotations are reported instead of it, so they keep
//! their own speakers.
//! Dropping at paragraph ends is what keeps one stray mark from swallowing the rest of an
//! article, and the whole scan is linear: each character is looked at once and each mark is
//! pushed and popped at most once.

use crate::report::Span;

/// A quoted span: `outer` includes the marks, `inner` is the quoted text. A quotation running
/// over several paragraphs is one span from its first opening mark to its closing mark.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct QuoteSpan {
    pub outer: Span,
    pub inner: Span,
}

/// Families of marks: a closing mark only matches an opening mark of its own family.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Family {
    Double,
    Single,
    Angle,
    SingleAngle,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Role {
    Open(Family),
    Close(Family),
    /// May open or close (straight marks): decided by the open stack.
    Either(Family),
}

/// How the character `c` at a spot with neighbours `prev` and `next` may act, if it is a
/// quotation mark at all. `single_open` says whether a single quotation is currently open.
fn role(c: char, prev: Option<char>, next: Option<char>, single_open: bool) -> Option<Role> {
    let word = |x: Option<char>| x.is_some_and(char::is_alphanumeric);
    let space =
        |x: Option<char>| x.map_or(true, |x| x.is_whitespace() || matches!(x, '(' | '[' | '{' | '—' | '–' | '/'));
    let blank_after = |x: Option<char>| x.map_or(true, |x| x.is_whitespace());
    match c {
        '\u{201c}' | '\u{201e}' | '\u{201f}' => Some(Role::Open(Family::Double)),
        // Some writers use ” for both ends: as an opening mark it sits before a word.
        '\u{201d}' if space(prev) && word(next) => Some(Role::Open(Family::Double)),
        '\u{201d}' => Some(Role::Close(Family::Double)),
        '"' | '\u{ff02}' => {
            if space(prev) && !blank_after(next) {
                Some(Role::Open(Family::Double))
            } else if !space(prev) && (blank_after(next) || !word(next)) {
                Some(Role::Close(Family::Double))
            } else {
                Some(Role::Either(Family::Double))
            }
        }
        '\u{ab}' => Some(Role::Open(Family::Angle)),
        '\u{bb}' => Some(Role::Close(Family::Angle)),
        '\u{2039}' => Some(Role::Open(Family::SingleAngle)),
        '\u{203a}' => Some(Role::Close(Family::SingleAngle)),
        '\u{2018}' | '\u{201b}' if !word(prev) => Some(Role::Open(Family::Single)),
        '\u{2019}' | '\'' | '\u{2018}' => {
            if word(prev) && word(next) {
                None // apostrophe inside a word
            } else if space(prev) && word(next) && c == '\'' {
                Some(Role::Open(Family::Single))
            } else if single_open && !space(prev) && !word(next) {
                Some(Role::Close(Family::Single))
            } else {
                None // apostrophe after a word ("forces’"), elision ("’90s"), or stray
            }
        }
        _ => None,
    }
}

/// Finds the quoted spans in the given paragraphs of `text` (paragraph spans in text order).
pub fn find_quotes(text: &str, paragraphs: &[Span]) -> Vec<QuoteSpan> {
    let mut out = Vec::new();
    // The open stack: (family, byte offset of the mark, byte length of the mark).
    let mut stack: Vec<(Family, usize, usize)> = Vec::new();
    // How many marks of each family are open (so no lookup ever scans the stack in vain).
    let mut open_count = [0usize; 4];
    // Double quotations closed directly inside the current outermost one, and whether that one
    // has run on over a paragraph end (see `excerpt` below).
    let mut nested: Vec<QuoteSpan> = Vec::new();
    let mut carried = false;
    for (pi, p) in paragraphs.iter().enumerate() {
        let Some(s) = text.get(p.start..p.end) else { continue };
        // A quotation carried over from the previous paragraph: skip this paragraph's
        // repeated opening mark, so it is not pushed as a second, nested quotation.
        let mut skip_first = !stack.is_empty();
        let mut prev: Option<char> = None;
        let mut chars = s.char_indices().peekable();
        while let Some((i, c)) = chars.next() {
            let mut next = chars.peek().map(|&(_, n)| n);
            // Two straight apostrophes are one double mark (''like this'', a newswire habit).
            // Three close a single quotation and then the double one around it (''… on 'Fox
            // and Friends,''' said …): the first is the single's.
            let closes_single = || {
                stack.last().is_some_and(|&(f, _, _)| f == Family::Single)
                    && s.as_bytes().get(i + 1..i + 3) == Some(b"''".as_slice())
            };
            let pair = c == '\'' && next == Some('\'') && !closes_single();
            if pair {
                chars.next();
                next = chars.peek().map(|&(_, n)| n);
            }
            let r = role(if pair { '"' } else { c }, prev, next, open_count[Family::Single as usize] > 0);
            prev = Some(c);
            let Some(r) = r else { continue };
            if skip_first {
                skip_first = false;
                if matches!(r, Role::Open(_) | Role::Either(_)) {
                    continue;
                }
            }
            let at = p.start + i;
            let len = if pair { 2 } else { c.len_utf8() };
            let (open, family) = match r {
                Role::Open(f) => (true, f),
                Role::Close(f) => (false, f),
                Role::Either(f) => (open_count[f as usize] == 0, f),
            };
            if open {
                if stack.is_empty() {
                    nested.clear();
                    carried = false;
                }
                stack.push((family, at, len));
                open_count[family as usize] += 1;
                continue;
            }
            if open_count[family as usize] == 0 {
                continue;
            }
            // Pops everything above the match: amortised, each mark is popped once.
            let Some(k) = stack.iter().rposition(|&(f, _, _)| f == family) else { continue };
            let (_, o, olen) = stack[k];
            for &(f, _, _) in &stack[k..] {
                open_count[f as usize] -= 1;
            }
            stack.truncate(k);
            if k == 1 && family == Family::Double && o + olen <= at {
                nested.push(QuoteSpan { outer: Span::new(o, at + len), inner: Span::new(o + olen, at) });
            }
            if stack.is_empty() && o + olen <= at {
                // An excerpt: a quotation run over several paragraphs that itself quotes people
                // (another outlet's article quoted at length). Its own quotations are what the
                // reader needs, with their speakers; the excerpt is read as article text.
                let excerpt = carried && !nested.is_empty();
                if excerpt {
                    out.append(&mut nested);
                } else {
                    out.push(QuoteSpan { outer: Span::new(o, at + len), inner: Span::new(o + olen, at) });
                }
                nested.clear();
            }
        }
        // Keep an open quotation only if it is the long-quotation convention.
        let carry = match (stack.first(), paragraphs.get(pi + 1)) {
            (Some(&(f, _, _)), Some(np)) if f == Family::Double || f == Family::Angle => starts_with_open(text, *np, f),
            _ => false,
        };
        if carry {
            stack.truncate(1);
            carried = true;
        } else {
            stack.clear();
            nested.clear();
        }
        open_count = [0; 4];
        if let Some(&(f, _, _)) = stack.first() {
            open_count[f as usize] = 1;
        }
    }
    out
}

/// Whether paragraph `p` starts (after white space) with an opening mark of family `f`.
fn starts_with_open(text: &str, p: Span, f: Family) -> bool {
    let Some(s) = text.get(p.start..p.end) else { return false };
    let mut it = s.trim_start().chars();
    let c = it.next();
    let next = it.next();
    c.is_some_and(|c| matches!(role(c, None, next, false), Some(Role::Open(g) | Role::Either(g)) if g == f))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn quotes(text: &str) -> Vec<&str> {
        let paras = paragraphs(text);
        find_quotes(text, &paras).iter().map(|q| &text[q.inner.start..q.inner.end]).collect()
    }

    fn paragraphs(text: &str) -> Vec<Span> {
        let mut out = Vec::new();
        let mut start = 0;
        for (i, _) in text.match_indices('\n') {
            if i > start {
                out.push(Span::new(start, i));
            }
            start = i + 1;
        }
        if start < text.len() {
            out.push(Span::new(start, text.len()));
        }
        out
    }

    #[test]
    fn curly_and_straight_doubles() {
        assert_eq!(
            quotes("Kim expressed \u{201c}deep thanks\u{201d} and \"militant greetings\" to Putin."),
            vec!["deep thanks", "militant greetings"]
        );
    }

    #[test]
    fn apostrophes_inside_and_after_words() {
        let t = "Russia\u{2019}s ties: \"the hostile forces' military threat\" and the workers\u{2019} \u{2018}warm letter\u{2019}.";
        assert_eq!(quotes(t), vec!["the hostile forces' military threat", "warm letter"]);
    }

    #[test]
    fn nested_quotes_belong_to_the_outer_one() {
        let t = "He said: \u{201c}They call it \u{2018}peace\u{2019}, I call it war.\u{201d} Then he left.";
        assert_eq!(quotes(t), vec!["They call it \u{2018}peace\u{2019}, I call it war."]);
    }

    #[test]
    fn doubled_apostrophes_are_a_double_mark() {
        assert_eq!(quotes("He said ''this is it,'' and left."), vec!["this is it,"]);
    }

    #[test]
    fn three_apostrophes_close_a_single_then_a_double() {
        let t = "''It appeared on 'Fox and Friends,''' said Tommy Vietor.";
        assert_eq!(quotes(t), vec!["It appeared on 'Fox and Friends,'"]);
    }

    #[test]
    fn guillemets() {
        assert_eq!(quotes("Il a dit \u{ab} non \u{bb} et \u{2039}oui\u{203a}."), vec![" non ", "oui"]);
    }

    #[test]
    fn unmatched_mark_resynchronises_at_paragraph_end() {
        let t = "He said \u{201c}this never closes.\nShe said \u{201c}this does.\u{201d}";
        assert_eq!(quotes(t), vec!["this does."]);
        let t = "A stray \" mark here.\nThen \"a quote\" follows.";
        assert_eq!(quotes(t), vec!["a quote"]);
    }

    #[test]
    fn quotation_over_several_paragraphs() {
        let t = "He said: \u{201c}First part.\n\u{201c}Second part.\u{201d}\nNot quoted.";
        let paras = paragraphs(t);
        let q = find_quotes(t, &paras);
        assert_eq!(q.len(), 1);
        assert_eq!(&t[q[0].inner.start..q[0].inner.end], "First part.\n\u{201c}Second part.");
        assert_eq!(q[0].outer.end, t.find("\nNot").unwrap());
    }

    #[test]
    fn an_excerpt_over_several_paragraphs_reports_its_own_quotations() {
        let t = "McCrummen reports:\n\"She was watching TV.\n\"\u{201c}That\u{2019}s right, Donald,\u{201d} Melanie said.\n\"Kevin slept.\"\nAfter.";
        assert_eq!(quotes(t), vec!["That\u{2019}s right, Donald,"]);
        // A long quotation of one speaker without quotations inside stays whole.
        let t = "He said: \u{201c}First part.\n\u{201c}Second part.\u{201d}";
        assert_eq!(quotes(t), vec!["First part.\n\u{201c}Second part."]);
    }

    #[test]
    fn many_stray_marks_stay_linear_and_safe() {
        let t = "\u{2019}\u{201d}\"'\u{ab}".repeat(10_000);
        let paras = paragraphs(&t);
        let _ = find_quotes(&t, &paras);
    }
}
