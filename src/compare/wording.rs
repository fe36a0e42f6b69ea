//! Word-level comparison of two quotations: are they the same remark, and if so, which words
//! differ inside the stretch both outlets quote?
//!
//! Outlets quote one remark at different lengths ("not welcome" / "He is not welcome to
//! Mexico"), with different typography (curly or straight apostrophes, "—" or "--", "I.R.S." or
//! "IRS", "tax-filing" or "tax filing"), and with editorial marks ("[President] Obama's", "…"). None of that is a discrepancy.
//! What is: a word substituted, added or dropped *inside* the shared stretch ("something very
//! important" / "something important"; "should have been used" / "shouldn't have been used").
//!
//! So each quotation becomes a list of normalised tokens ([`tokens`]), with an editorial mark
//! (an ellipsis, a bracketed insertion) kept as a wildcard that may stand for any words. A local
//! alignment (Smith–Waterman over tokens, [`align`]) finds the best shared stretch; its ends are
//! always matched words, so "one quotes more of it than the other" never shows as a difference.
//! The alignment is a *remark* only when it is anchored: enough matched words, a run of
//! consecutive matches, and few differences ([`Alignment::same_remark`]). A bag-of-words
//! overlap would pair different remarks that share common words; an anchored run does not.
//!
//! Cost: O(n·m) per pair of quotations, bounded by [`MAX_TOKENS`] tokens a side.

use crate::report::{Quote, Span};

/// Tokens of a quotation compared at most (longer quotations are cut): keeps one pair's
/// alignment within 400 × 400 cells.
pub const MAX_TOKENS: usize = 400;

/// One normalised word of a quotation, or an editorial gap.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Token {
    /// Lower-case, apostrophes unified, dots inside the word removed (a hyphen splits it); empty for a gap.
    pub norm: String,
    /// Byte span in the text the quotation was cut from.
    pub span: Span,
    /// An ellipsis or a bracketed insertion: may stand for any number of the other side's words.
    pub gap: bool,
}

fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '\u{2019}' | '\u{2018}' | '\u{02bc}')
}

/// The tokens of a quote's words: of each of its parts in turn, so the cue that interrupts a
/// quotation is not read as the speaker's words.
pub fn quote_tokens(text: &str, q: &Quote) -> Vec<Token> {
    q.pieces().into_iter().flat_map(|p| tokens(text, p)).collect()
}

/// The tokens of `text[span]` (offsets in the returned tokens are into `text`).
pub fn tokens(text: &str, span: Span) -> Vec<Token> {
    let Some(s) = text.get(span.start..span.end) else { return Vec::new() };
    let mut out: Vec<Token> = Vec::new();
    // A closing bracket with no opening one before it: the quotation began inside an editorial
    // insertion ("President Barack] Obama's war"), so everything before it is the insertion.
    let mut skip_to = 0;
    if let Some(close) = s.find(']') {
        if !s[..close].contains('[') {
            out.push(Token { norm: String::new(), span: Span::new(span.start, span.start + close + 1), gap: true });
            skip_to = close + 1;
        }
    }
    let mut it = s.char_indices().skip_while(|&(i, _)| i < skip_to).peekable();
    while let Some((i, c)) = it.next() {
        if c == '[' || c == '(' {
            // A bracketed or parenthesised insertion is the editor's ("[President] Obama",
            // "(Moammar) Gadhafi"), not the speaker's.
            let close = if c == '[' { ']' } else { ')' };
            let mut end = s.len();
            for (j, d) in it.by_ref() {
                if d == close {
                    end = j + 1;
                    break;
                }
            }
            push_gap(&mut out, Span::new(span.start + i, span.start + end));
        } else if c == '\u{2026}' || (c == '.' && s[i..].starts_with("...")) {
            let mut end = i + c.len_utf8();
            while let Some(&(j, d)) = it.peek() {
                if d == '.' || d == '\u{2026}' || d == ' ' {
                    end = j + d.len_utf8();
                    it.next();
                } else {
                    break;
                }
            }
            push_gap(&mut out, Span::new(span.start + i, span.start + end));
        } else if c.is_alphanumeric() {
            let mut end = i + c.len_utf8();
            let mut norm: String = c.to_lowercase().collect();
            while let Some(&(j, d)) = it.peek() {
                let next_alnum = s[j + d.len_utf8()..].chars().next().is_some_and(char::is_alphanumeric);
                if d.is_alphanumeric() {
                    norm.extend(d.to_lowercase());
                } else if is_apostrophe(d) && next_alnum {
                    norm.push('\'');
                } else if d == '.' && next_alnum {
                    // "I.R.S.": the dots inside a word go. A hyphen splits a word in two, so
                    // "tax-filing" and "tax filing" are the same words.
                } else {
                    break;
                }
                end = j + d.len_utf8();
                it.next();
            }
            let span = Span::new(span.start + i, span.start + end);
            // PAC's spaced contractions ("we ’re", "I ’ll"): the tail after a lone apostrophe is
            // its word ("are", "will"), as in "we're".
            let mut before = s[..i].chars().rev();
            if before.next().is_some_and(is_apostrophe) && before.next().map_or(true, char::is_whitespace) {
                if let Some(full) = [("re", "are"), ("ll", "will"), ("ve", "have"), ("m", "am")]
                    .iter()
                    .find_map(|&(tail, full)| (norm == tail).then_some(full))
                {
                    norm = full.to_string();
                }
            }
            // A contraction is its two words ("we're" / "we are", "don't" / "do not"); "'s" and
            // "'d" stay as they are (is or has, had or would).
            match expand_contraction(&norm) {
                Some((base, tail)) => {
                    out.push(Token { norm: base, span, gap: false });
                    if !tail.is_empty() {
                        out.push(Token { norm: tail.to_string(), span, gap: false });
                    }
                }
                None => out.push(Token { norm: numeral(&norm).map_or(norm, str::to_string), span, gap: false }),
            }
            if out.len() >= MAX_TOKENS {
                break;
            }
        }
    }
    out
}

/// A number word up to twelve as its digits: "a one-in-three chance" and "a 1 in 3 chance" are
/// the same words (house styles differ on numerals, speakers do not).
fn numeral(w: &str) -> Option<&'static str> {
    const WORDS: [&str; 13] =
        ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve"];
    const DIGITS: [&str; 13] = ["0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12"];
    WORDS.iter().position(|&x| x == w).map(|k| DIGITS[k])
}

/// "we're" → ("we", "are"), "don't" → ("do", "not"), "won't" → ("will", "not"), "can't" →
/// ("can", "not"); `None` for a word that is no such contraction.
fn expand_contraction(w: &str) -> Option<(String, &'static str)> {
    if w == "n't" {
        // PAC's spaced tokens ("is n't"): the tail alone is the word "not".
        return Some(("not".to_string(), ""));
    }
    if let Some(base) = w.strip_suffix("n't") {
        let base = match base {
            "wo" => "will",
            "ca" => "can",
            "sha" => "shall",
            b => b,
        };
        return (!base.is_empty()).then(|| (base.to_string(), "not"));
    }
    for (suffix, full) in [("'re", "are"), ("'ll", "will"), ("'ve", "have"), ("'m", "am")] {
        if let Some(base) = w.strip_suffix(suffix).filter(|b| !b.is_empty()) {
            return Some((base.to_string(), full));
        }
    }
    None
}

fn push_gap(out: &mut Vec<Token>, span: Span) {
    match out.last_mut() {
        Some(t) if t.gap => t.span.end = span.end,
        _ => out.push(Token { norm: String::new(), span, gap: true }),
    }
}

/// One step of an alignment, as indices into the two token lists.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Op {
    Same(usize, usize),
    /// Different words in the same place.
    Changed(usize, usize),
    /// A word only the first quotation has.
    OnlyA(usize),
    /// A word only the second quotation has.
    OnlyB(usize),
    /// Words one side's editorial gap stands for: not a difference.
    Elided,
}

/// The best local alignment of two token lists.
#[derive(Clone, Debug, Default)]
pub struct Alignment {
    pub ops: Vec<Op>,
}

const MATCH: i32 = 3;
const MISMATCH: i32 = -1;
const INDEL: i32 = -1;

/// Smith–Waterman over tokens. A gap token absorbs any run of the other side's words at no cost.
pub fn align(a: &[Token], b: &[Token]) -> Alignment {
    let (n, m) = (a.len(), b.len());
    if n == 0 || m == 0 {
        return Alignment::default();
    }
    // score[i][j]: best alignment ending at a[i-1], b[j-1]; move: 0 stop, 1 diag, 2 up (a), 3 left (b).
    let w = m + 1;
    let mut score = vec![0i32; (n + 1) * w];
    let mut mv = vec![0u8; (n + 1) * w];
    let (mut best, mut bi, mut bj) = (0, 0, 0);
    for i in 1..=n {
        for j in 1..=m {
            let (ta, tb) = (&a[i - 1], &b[j - 1]);
            let diag = score[(i - 1) * w + j - 1]
                + if ta.gap || tb.gap {
                    0
                } else if ta.norm == tb.norm {
                    MATCH
                } else {
                    MISMATCH
                };
            let up = score[(i - 1) * w + j] + if ta.gap || tb.gap { 0 } else { INDEL };
            let left = score[i * w + j - 1] + if tb.gap || ta.gap { 0 } else { INDEL };
            let (mut s, mut k) = (0, 0u8);
            for (v, kk) in [(diag, 1u8), (up, 2), (left, 3)] {
                if v > s {
                    s = v;
                    k = kk;
                }
            }
            score[i * w + j] = s;
            mv[i * w + j] = k;
            if s > best {
                best = s;
                bi = i;
                bj = j;
            }
        }
    }
    let mut ops = Vec::new();
    let (mut i, mut j) = (bi, bj);
    while i > 0 && j > 0 && score[i * w + j] > 0 {
        match mv[i * w + j] {
            1 => {
                let (ta, tb) = (&a[i - 1], &b[j - 1]);
                ops.push(if ta.gap || tb.gap {
                    Op::Elided
                } else if ta.norm == tb.norm {
                    Op::Same(i - 1, j - 1)
                } else {
                    Op::Changed(i - 1, j - 1)
                });
                i -= 1;
                j -= 1;
            }
            2 => {
                ops.push(if a[i - 1].gap || b[j - 1].gap { Op::Elided } else { Op::OnlyA(i - 1) });
                i -= 1;
            }
            3 => {
                ops.push(if b[j - 1].gap || a[i - 1].gap { Op::Elided } else { Op::OnlyB(j - 1) });
                j -= 1;
            }
            _ => break,
        }
    }
    ops.reverse();
    // Differences next to an editorial gap are what the gap left out, not a change.
    let n_ops = ops.len();
    for k in 0..n_ops {
        let near_gap = |op: &Op| matches!(op, Op::Elided);
        if !matches!(ops[k], Op::Same(..)) && (k > 0 && near_gap(&ops[k - 1]) || k + 1 < n_ops && near_gap(&ops[k + 1]))
        {
            ops[k] = Op::Elided;
        }
    }
    Alignment { ops }
}

/// Fewest words matched for two quotations to be one remark.
const MIN_SAME: usize = 3;
/// Longest run of consecutive matched words one remark must share: a run, not scattered
/// common words, is what tells one remark quoted twice from two remarks of one speaker.
const MIN_RUN: usize = 3;
/// Most differing words inside the shared stretch: beyond it the outlets paraphrase, or the
/// alignment has joined two remarks.
const MAX_DIFF: usize = 6;

impl Alignment {
    pub fn same(&self) -> usize {
        self.ops.iter().filter(|o| matches!(o, Op::Same(..))).count()
    }
    pub fn diffs(&self) -> usize {
        self.ops.iter().filter(|o| matches!(o, Op::Changed(..) | Op::OnlyA(_) | Op::OnlyB(_))).count()
    }
    fn longest_run(&self) -> usize {
        let (mut best, mut cur) = (0, 0);
        for o in &self.ops {
            match o {
                Op::Same(..) => {
                    cur += 1;
                    best = best.max(cur);
                }
                Op::Elided => {}
                _ => cur = 0,
            }
        }
        best
    }
    /// Whether the two quotations are one remark: an anchored run of shared words, most of the
    /// shorter one's words matched, and few differences. A short quotation whose every word from
    /// first to last is inside the alignment is one remark on two shared words ("warm letter" /
    /// "warm and good letter"): its edges pin it down.
    pub fn same_remark(&self, a: &[Token], b: &[Token]) -> bool {
        let words = |t: &[Token]| t.iter().filter(|t| !t.gap).count();
        let shorter = words(a).min(words(b));
        let (same, diffs) = (self.same(), self.diffs());
        if same < 2 || diffs > MAX_DIFF {
            return false;
        }
        let spanned = self.extent().is_some_and(|((a0, a1), (b0, b1))| {
            let whole = |t: &[Token], f: usize, l: usize| {
                t.iter().position(|t| !t.gap) == Some(f) && t.iter().rposition(|t| !t.gap) == Some(l)
            };
            (words(a) == shorter && whole(a, a0, a1)) || (words(b) == shorter && whole(b, b0, b1))
        });
        if spanned && same >= diffs {
            return true;
        }
        self.anchored(shorter)
    }
    /// The stricter half of [`Alignment::same_remark`]: an anchored run of shared words and most
    /// of the shorter quotation's `shorter` words matched, not only a short excerpt's two edges.
    pub fn anchored(&self, shorter: usize) -> bool {
        let (same, diffs) = (self.same(), self.diffs());
        same >= MIN_SAME && self.longest_run() >= MIN_RUN && same * 2 >= shorter && same >= 2 * diffs
    }
    /// The first and last token of each side the alignment covers.
    pub fn extent(&self) -> Option<((usize, usize), (usize, usize))> {
        let pairs: Vec<(usize, usize)> =
            self.ops.iter().filter_map(|o| if let Op::Same(i, j) = o { Some((*i, *j)) } else { None }).collect();
        let (f, l) = (pairs.first()?, pairs.last()?);
        Some(((f.0, l.0), (f.1, l.1)))
    }
}

/// Words whose presence or absence turns a statement around.
pub fn is_negation(norm: &str) -> bool {
    matches!(norm, "not" | "no" | "never" | "nothing" | "none" | "nor" | "neither" | "without" | "cannot")
        || norm.ends_with("n't")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn toks(s: &str) -> Vec<Token> {
        tokens(s, Span::new(0, s.len()))
    }

    fn diff(a: &str, b: &str) -> (bool, usize) {
        let (ta, tb) = (toks(a), toks(b));
        let al = align(&ta, &tb);
        (al.same_remark(&ta, &tb), al.diffs())
    }

    #[test]
    fn normalises_typography() {
        let t: Vec<String> = toks("I.R.S. rules—and “tax-filing” don’t […] ok…").into_iter().map(|t| t.norm).collect();
        assert_eq!(t, ["irs", "rules", "and", "tax", "filing", "do", "not", "", "ok", ""]);
        assert_eq!(diff("and now we are winning", "and now we're winning").1, 0);
        assert_eq!(diff("we won't back down", "we will not back down").1, 0);
        // PAC's spaced tokens.
        assert_eq!(diff("and now we \u{2019}re winning , winning", "and now we are winning , winning").1, 0);
        assert_eq!(diff("this is n\u{2019}t about taking away", "this is not about taking away").1, 0);
        assert_eq!(diff("the tax-filing season starts", "the tax filing season starts").1, 0);
        assert_eq!(diff("there's a one-in-three chance we could lose", "there's a 1 in 3 chance we could lose").1, 0);
        assert_eq!(diff("three of the ten seats", "3 of the 12 seats").1, 1);
    }

    #[test]
    fn an_excerpt_is_the_same_remark_with_no_difference() {
        assert_eq!(diff("He is not welcome to Mexico", "is not welcome to"), (true, 0));
        assert_eq!(
            diff("We are disappointed by the government's decision", "the government’s decision, but"),
            (true, 0)
        );
    }

    #[test]
    fn a_dropped_word_inside_the_shared_stretch_is_a_difference() {
        assert_eq!(diff("We have learned something very important", "We have learned something important"), (true, 1));
        let (same, d) = diff("money that should have been used for", "used money that shouldn't have been used");
        assert!(same && d == 1);
    }

    #[test]
    fn a_short_excerpt_pinned_at_both_ends_is_one_remark() {
        assert_eq!(diff("warm letter", "warm and good letter,"), (true, 2));
    }

    #[test]
    fn elisions_and_brackets_are_not_differences() {
        assert_eq!(
            diff("As president, I'll end Obama's war on religion", "President Barack] Obama's war on religion"),
            (true, 0)
        );
        assert_eq!(diff("we owe our military men and women", "we owe … men and women"), (true, 0));
        // A parenthesised insertion is the editors', and so is the house spelling beside it.
        assert_eq!(diff("as (Moammar) Gadhafi did to his people", "as (Muammar al-) Qaddafi did to his people").1, 0);
    }

    #[test]
    fn different_remarks_sharing_words_are_not_one() {
        assert!(!diff("the American people deserve better than this", "this is what the American people want").0);
        assert!(!diff("the people of this state", "the state of the union").0);
    }
}
