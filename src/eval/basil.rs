//! Evaluation: quote speakers on BASIL (`newslens-eval basil DIR [--errors]`).
//!
//! BASIL (Fan et al., EMNLP 2019) holds 300 articles of Fox News, The New York Times and
//! HuffPost, 2010–2014: `articles/YEAR/ID_N.json` (title, `body-paragraphs`: a list of
//! paragraphs, each a list of sentences) and `annotations/YEAR/ID_N_ann.json`, whose
//! `phrase-level-annotations` mark biased spans; those with `quote` = "yes" carry a `speaker`
//! label: a person ("Rick_Perry"), a group ("Democratic_lawmakers", "NAACP") or "other_…".
//! The `start`/`end` of a phrase count code points inside its sentence, which the file does not
//! name: the phrase is placed in the first sentence whose slice at those offsets is its text, or
//! else at the first occurrence of its text in the article.
//!
//! Each article is written as the comparison scripts write it (title line, blank line,
//! paragraphs of space-joined sentences separated by blank lines) and read by
//! [`crate::analyze`]. Only **named-person labels** are scored: two or more parts, each
//! capitalised, none a group word ("campaign", "party", "lawmakers", …). Each is matched to the
//! newslens quote overlapping it most (bytes; on a tie a quotation before reported speech found
//! inside it), and counted:
//!
//! - right: the quote's speaker (its actor's name or an alias, else the speaker words) has the
//!   label's surname: the last name word, folded by [`name_words`] (case, diacritics, "Jr.");
//!   a surname of five or more letters also matches at edit distance 1 (label spellings such
//!   as "Cowen"/"Cowan");
//! - wrong: a speaker without that surname;
//! - no speaker: a matched quote with no speaker, or whose speaker is a pronoun resolved to
//!   no actor;
//! - unmatched: no quote of ours overlaps the phrase (or the phrase could not be placed).
//!
//! Speaker precision = right / (right + wrong). Development = 2010–2012, held-out =
//! 2013–2014: rules are chosen on development only; `--errors` lists development items alone.

use crate::lexicon::names::{edit_distance, name_words};
use crate::report::{Article, Quote, QuoteKind};
use crate::span::Span;
use std::path::Path;

/// Words that make a capitalised label a group, not a person.
const GROUP_WORDS: &[&str] = &[
    "campaign",
    "party",
    "lawmakers",
    "officials",
    "republicans",
    "democrats",
    "department",
    "committee",
    "administration",
    "house",
    "senate",
    "congress",
    "america",
    "now",
    "companies",
    "news",
    "association",
    "council",
    "union",
    "group",
    "supporters",
    "members",
    "leaders",
];

const DEV_YEARS: &[&str] = &["2010", "2011", "2012"];

#[derive(Default)]
struct Counts {
    right: usize,
    wrong: usize,
    none: usize,
    unmatched: usize,
}

impl Counts {
    fn line(&self, name: &str) -> String {
        let p = self.right as f64 / (self.right + self.wrong).max(1) as f64;
        format!(
            "{name}: named-person quotes {} | right {} wrong {} no speaker {} unmatched {} | speaker precision {p:.3}",
            self.right + self.wrong + self.none + self.unmatched,
            self.right,
            self.wrong,
            self.none,
            self.unmatched
        )
    }
}

/// Whether a speaker label names one person ("Rick_Perry", "Bibi_Netanyahu").
pub(crate) fn is_person_label(label: &str) -> bool {
    let parts: Vec<&str> = label.split('_').filter(|p| !p.is_empty()).collect();
    parts.len() >= 2
        && parts.iter().all(|p| p.chars().next().is_some_and(char::is_uppercase))
        && !parts.iter().any(|p| GROUP_WORDS.contains(&p.to_lowercase().as_str()))
}

/// Whether a name (an actor's name, an alias, speaker words) carries the label's surname.
fn same_surname(label_surname: &str, name: &str) -> bool {
    let Some(last) = name_words(name).pop() else { return false };
    last == label_surname || label_surname.chars().count() >= 5 && edit_distance(&last, label_surname) <= 1
}

struct Built {
    text: String,
    /// Byte start of every sentence in `text`, with its text.
    sentences: Vec<(usize, String)>,
}

fn build(v: &serde_json::Value) -> Built {
    let mut text = v["title"].as_str().unwrap_or("").trim().to_string();
    text.push_str("\n\n");
    let mut sentences = Vec::new();
    let paras = v["body-paragraphs"].as_array().cloned().unwrap_or_default();
    let mut first_para = true;
    for p in &paras {
        let sents: Vec<&str> = p.as_array().map(|a| a.iter().filter_map(|s| s.as_str()).collect()).unwrap_or_default();
        let mut first = true;
        for s in sents {
            let trimmed = s.trim();
            if trimmed.is_empty() {
                continue;
            }
            if first {
                if !first_para {
                    text.push_str("\n\n");
                }
                first_para = false;
            } else {
                text.push(' ');
            }
            first = false;
            // Annotation offsets count from the sentence as given, leading white space included.
            let lead = s.len() - s.trim_start().len();
            sentences.push((text.len() - lead.min(text.len()), s.to_string()));
            text.push_str(trimmed);
        }
    }
    text.push('\n');
    Built { text, sentences }
}

/// Byte span of a phrase in the built text: by its sentence offsets (code points), else by
/// searching its text.
fn place(b: &Built, txt: &str, start: usize, end: usize) -> Option<Span> {
    let txt_t = txt.trim();
    if txt_t.is_empty() {
        return None;
    }
    for (at, s) in &b.sentences {
        let idx: Vec<usize> = s.char_indices().map(|(i, _)| i).chain(std::iter::once(s.len())).collect();
        if end < idx.len() && start < end && s[idx[start]..idx[end]] == *txt {
            let lead = txt.len() - txt.trim_start().len();
            let a = at + idx[start] + lead;
            if b.text.get(a..a + txt_t.len()) == Some(txt_t) {
                return Some(Span::new(a, a + txt_t.len()));
            }
        }
    }
    b.text.find(txt_t).map(|a| Span::new(a, a + txt_t.len()))
}

fn overlap(a: Span, q: &Quote) -> usize {
    a.end.min(q.end).saturating_sub(a.start.max(q.start))
}

/// The names a quote's speaker goes by: its actor's name and aliases, else the speaker words
/// (none for a bare pronoun).
fn speaker_names(art: &Article, text: &str, q: &Quote) -> Option<Vec<String>> {
    if let Some(a) = q.speaker.as_ref().and_then(|id| art.actors.iter().find(|a| &a.id == id)) {
        let mut v = vec![a.name.clone()];
        v.extend(a.aliases.iter().cloned());
        return Some(v);
    }
    // Speaker words that are a bare pronoun ("he", "you") name nobody: no speaker.
    let words = q.speaker_span.and_then(|s| text.get(s.start..s.end))?;
    let pronoun = matches!(words.to_lowercase().as_str(), "he" | "she" | "they" | "it" | "i" | "we" | "you");
    (!pronoun).then(|| vec![words.to_string()])
}

fn context(t: &str, s: Span) -> String {
    super::context(t, &[s], 160, 100)
}

pub fn run(args: &[String]) -> Result<(), String> {
    let dir = args.first().ok_or("usage: newslens-eval basil DIR [--errors]")?;
    let errors = args.iter().any(|a| a == "--errors");
    let dir = Path::new(dir);
    let (mut dev, mut held) = (Counts::default(), Counts::default());
    let mut years: Vec<String> = std::fs::read_dir(dir.join("articles"))
        .map_err(|e| format!("{}: {e}", dir.display()))?
        .filter_map(|e| e.ok().map(|e| e.file_name().to_string_lossy().into_owned()))
        .collect();
    years.sort();
    for year in &years {
        let is_dev = DEV_YEARS.contains(&year.as_str());
        let adir = dir.join("articles").join(year);
        let mut files: Vec<String> = std::fs::read_dir(&adir)
            .map_err(|e| format!("{}: {e}", adir.display()))?
            .filter_map(|e| e.ok().map(|e| e.file_name().to_string_lossy().into_owned()))
            .filter(|n| n.ends_with(".json"))
            .collect();
        files.sort();
        for f in files {
            let stem = f.trim_end_matches(".json");
            let apath = adir.join(&f);
            let npath = dir.join("annotations").join(year).join(format!("{stem}_ann.json"));
            let read = |p: &Path| -> Result<serde_json::Value, String> {
                let raw = std::fs::read_to_string(p).map_err(|e| format!("{}: {e}", p.display()))?;
                serde_json::from_str(&raw).map_err(|e| format!("{}: {e}", p.display()))
            };
            let (art_v, ann_v) = (read(&apath)?, read(&npath)?);
            let items: Vec<&serde_json::Value> = ann_v["phrase-level-annotations"]
                .as_array()
                .map(|a| a.iter().collect::<Vec<_>>())
                .unwrap_or_default()
                .into_iter()
                .filter(|p| p["quote"].as_str() == Some("yes"))
                .filter(|p| p["speaker"].as_str().is_some_and(is_person_label))
                .collect();
            if items.is_empty() {
                continue;
            }
            let b = build(&art_v);
            let report =
                crate::analyze(&[crate::Input { source: stem, text: &b.text }]).map_err(|e| format!("{stem}: {e}"))?;
            let c = if is_dev { &mut dev } else { &mut held };
            for p in items {
                let label = p["speaker"].as_str().unwrap_or("");
                let txt = p["txt"].as_str().unwrap_or("");
                let (s, e) = (p["start"].as_u64().unwrap_or(0) as usize, p["end"].as_u64().unwrap_or(0) as usize);
                let Some(span) = place(&b, txt, s, e) else {
                    c.unmatched += 1;
                    continue;
                };
                let best = report
                    .articles
                    .iter()
                    .flat_map(|a| a.quotes.iter().map(move |q| (a, q)))
                    .map(|(a, q)| (overlap(span, q), a, q))
                    .filter(|x| x.0 > 0)
                    // On equal overlap a quotation wins over reported speech found inside it.
                    .max_by_key(|x| (x.0, x.2.kind != QuoteKind::Indirect));
                let Some((_, art, q)) = best else {
                    c.unmatched += 1;
                    if errors && is_dev {
                        println!("UNMATCHED {label} | {stem}\n     {}", context(&b.text, span));
                    }
                    continue;
                };
                let surname = name_words(&label.replace('_', " ")).pop().unwrap_or_default();
                match speaker_names(art, &b.text, q) {
                    None => {
                        c.none += 1;
                        if errors && is_dev {
                            println!("NO SPEAKER {label} | {stem}\n     {}", context(&b.text, span));
                        }
                    }
                    Some(names) if names.iter().any(|n| same_surname(&surname, n)) => c.right += 1,
                    Some(names) => {
                        c.wrong += 1;
                        if errors && is_dev {
                            let words = q.speaker_span.and_then(|s| b.text.get(s.start..s.end)).unwrap_or("-");
                            println!(
                                "WRONG {label} ← ours {:?} (words {words:?}) | {stem}\n     quote {:?}\n     {}",
                                names.first().map(String::as_str).unwrap_or(""),
                                q.text.chars().take(100).collect::<String>(),
                                context(&b.text, Span::new(q.start, q.end))
                            );
                        }
                    }
                }
            }
        }
    }
    println!("BASIL {}", dir.display());
    println!("{}", dev.line("development 2010-2012"));
    println!("{}", held.line("held-out 2013-2014"));
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn person_labels() {
        assert!(is_person_label("Rick_Perry"));
        assert!(is_person_label("Bibi_Netanyahu"));
        assert!(!is_person_label("NAACP"));
        assert!(!is_person_label("Democratic_Lawmakers"));
        assert!(!is_person_label("Obama_campaign"));
        assert!(!is_person_label("Secure_America_Now"));
        assert!(!is_person_label("other_anti"));
        assert!(!is_person_label("White_House_officials_and_lawmakers"));
    }

    #[test]
    fn surnames() {
        assert!(same_surname("perri", "Gov. Rick Perry"));
        assert!(same_surname("cowan", "William Cowen"));
        assert!(!same_surname("paul", "Rand Pail"));
        assert!(same_surname("paul", "Rand Paul Jr."));
    }
}
