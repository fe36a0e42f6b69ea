//! Stories: which of the pasted articles tell the same event.
//!
//! Fact-level comparisons (quote wording, who gets a voice, contested claims) only make sense
//! between articles about one event: two letters from Putin to Kim a year apart quote different
//! remarks, and comparing them would report noise. A false merge is also worse than a miss — it
//! claims that two newsrooms corroborate each other — so grouping prefers keeping apart.
//!
//! Two articles are compared on what they are about: the cosine of their content-word vectors
//! (title words count three times; each word weighed by how few of the pasted articles use it,
//! so the names every article of a relationship shares — Putin, Kim — tell less than the words
//! of one event). The cross-article actors were tried as a second vector and dropped: articles
//! about related events share them as much as articles about one event do (docs/compare.md).
//! Articles dated more than [`MAX_DAYS_APART`] days apart are never one story. Grouping is complete-link: a story is
//! joined only when *every* pair across the two groups is similar enough, so a chain of
//! related-event articles does not collapse into one story.
//!
//! Cost: one sparse vector per article (linear in the text), then O(k²) pairs for the k articles
//! pasted together (tens), sorted; each join checks the pairs across two groups, and every pair
//! of articles is checked in at most one successful join, so the grouping stays O(k² log k).
//! Past [`MAX_STORY_ARTICLES`] articles are not compared.

use crate::lexicon::lexicon;
use crate::report::{Article, Story};
use std::collections::{HashMap, HashSet};

/// Articles dated further apart than this are different events (a story's coverage runs over
/// a few days; the seeds' related letters are months apart).
pub const MAX_DAYS_APART: i64 = 4;

/// Articles grouped into stories at most: the pairs are quadratic in them. A paste of thousands
/// of articles (an archive split into articles) is read, not compared; past the cap each
/// article is its own story.
pub const MAX_STORY_ARTICLES: usize = 300;

/// The similarity every pair of a story must reach. Chosen on BASIL's same-event triples and
/// PAC's story pairs (see docs/compare.md): same-event pairs sit well above it, articles about
/// related events of one topic below it.
pub const SAME_STORY: f64 = 0.15;

/// Groups `articles` into stories, in order of first article; every article is in one story.
pub fn stories(texts: &[&str], articles: &[Article]) -> Vec<Story> {
    let k = articles.len().min(MAX_STORY_ARTICLES);
    let articles_compared = &articles[..k];
    // One article is one story: no word vectors needed (the commonest call, one paste).
    let mut word_vecs: Vec<HashMap<String, f64>> = if k < 2 {
        Vec::new()
    } else {
        articles_compared.iter().map(|a| texts.get(a.input).map_or_else(HashMap::new, |t| word_vector(t, a))).collect()
    };
    weigh_by_rarity(&mut word_vecs);
    let days: Vec<Option<i64>> = articles_compared.iter().map(|a| a.date.as_deref().and_then(day_number)).collect();
    // Every pair similar enough to be one story, most similar first.
    let mut pairs: Vec<(f64, usize, usize)> = Vec::new();
    let mut close: HashSet<(usize, usize)> = HashSet::new();
    for i in 0..k {
        for j in i + 1..k {
            if days[i].zip(days[j]).is_some_and(|(x, y)| (x - y).abs() > MAX_DAYS_APART) {
                continue;
            }
            let s = cosine(&word_vecs[i], &word_vecs[j]);
            if s >= SAME_STORY {
                pairs.push((s, i, j));
                close.insert((i, j));
            }
        }
    }
    pairs.sort_by(|x, y| y.0.total_cmp(&x.0).then((x.1, x.2).cmp(&(y.1, y.2))));
    // Complete link: two groups join, at their most similar pair, only when every pair across
    // them is similar enough. A failed join is never retried: groups only grow, so it would
    // fail again.
    let mut group_of: Vec<usize> = (0..k).collect();
    let mut groups: Vec<Vec<usize>> = (0..k).map(|i| vec![i]).collect();
    let mut failed: HashSet<(usize, usize)> = HashSet::new();
    for (_, i, j) in pairs {
        let (gi, gj) = (group_of[i], group_of[j]);
        if gi == gj || failed.contains(&(gi.min(gj), gi.max(gj))) {
            continue;
        }
        let all_close = groups[gi].iter().all(|&x| groups[gj].iter().all(|&y| close.contains(&(x.min(y), x.max(y)))));
        if all_close {
            let moved = std::mem::take(&mut groups[gj]);
            for &x in &moved {
                group_of[x] = gi;
            }
            groups[gi].extend(moved);
            groups[gi].sort_unstable();
        } else {
            failed.insert((gi.min(gj), gi.max(gj)));
        }
    }
    let mut groups: Vec<Vec<usize>> = groups.into_iter().filter(|g| !g.is_empty()).collect();
    // Articles past the cap are compared with none: each is its own story.
    groups.extend((k..articles.len()).map(|i| vec![i]));
    groups.sort_by_key(|g| g[0]);
    groups
        .into_iter()
        .enumerate()
        .map(|(n, g)| Story {
            id: format!("s{}", n + 1),
            articles: g.into_iter().map(|i| articles[i].id.clone()).collect(),
        })
        .collect()
}

/// Content words of the article's title and body: lower-case, four letters or more, not a
/// stopword; the title's words count three times (a headline says what the story is).
fn word_vector(text: &str, a: &Article) -> HashMap<String, f64> {
    let lex = lexicon();
    let mut v: HashMap<String, f64> = HashMap::new();
    let mut add = |s: &str, w: f64| {
        for word in s.split(|c: char| !c.is_alphanumeric()) {
            if word.chars().count() < 4 || word.chars().all(|c| c.is_ascii_digit()) {
                continue;
            }
            let low = word.to_lowercase();
            if lex.is_stopword(&low) {
                continue;
            }
            *v.entry(low).or_insert(0.0) += w;
        }
    };
    if let Some(t) = &a.title {
        add(t, 3.0);
    }
    for s in &a.body {
        if let Some(p) = text.get(s.start..s.end) {
            add(p, 1.0);
        }
    }
    // Square roots damp words an article repeats.
    v.values_mut().for_each(|x| *x = x.sqrt());
    v
}

/// Scales each term by ln(1 + k/df) over the k articles pasted together: what every article
/// shares (the relationship's actors, "said") tells events apart less than what two share.
/// Below [`RARITY_FROM`] articles there is no telling what is common: a pair or a triple of one
/// event shares most of its words, and weighing those down would split it.
fn weigh_by_rarity(vecs: &mut [HashMap<String, f64>]) {
    if vecs.len() < RARITY_FROM {
        return;
    }
    let k = vecs.len() as f64;
    let mut df: HashMap<String, f64> = HashMap::new();
    for v in vecs.iter() {
        for t in v.keys() {
            *df.entry(t.clone()).or_insert(0.0) += 1.0;
        }
    }
    for v in vecs.iter_mut() {
        for (t, x) in v.iter_mut() {
            *x *= (1.0 + k / df[t]).ln();
        }
    }
}

/// Articles pasted together from which word rarity among them is used (see [`weigh_by_rarity`]).
const RARITY_FROM: usize = 4;

fn cosine(a: &HashMap<String, f64>, b: &HashMap<String, f64>) -> f64 {
    let (small, large) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    let dot: f64 = small.iter().filter_map(|(k, x)| large.get(k).map(|y| x * y)).sum();
    let na: f64 = a.values().map(|x| x * x).sum::<f64>().sqrt();
    let nb: f64 = b.values().map(|x| x * x).sum::<f64>().sqrt();
    if na == 0.0 || nb == 0.0 {
        0.0
    } else {
        dot / (na * nb)
    }
}

/// Days since 1970-01-01 of an ISO date `YYYY-MM-DD` (the proleptic Gregorian calendar).
pub fn day_number(iso: &str) -> Option<i64> {
    let mut it = iso.get(..10)?.split('-');
    let y: i64 = it.next()?.parse().ok()?;
    let m: i64 = it.next()?.parse().ok()?;
    let d: i64 = it.next()?.parse().ok()?;
    if !(1..=12).contains(&m) || !(1..=31).contains(&d) {
        return None;
    }
    // Howard Hinnant's days_from_civil.
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    Some(era * 146097 + doe - 719468)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::Span;

    #[test]
    fn day_numbers() {
        assert_eq!(day_number("1970-01-01"), Some(0));
        assert_eq!(day_number("2000-03-01"), Some(11017));
        assert_eq!(day_number("2025-13-01"), None);
        assert_eq!(day_number("soon"), None);
    }

    fn art(id: &str, input: usize, date: Option<&str>, len: usize) -> Article {
        Article {
            id: id.into(),
            input,
            date: date.map(Into::into),
            body: vec![Span::new(0, len)],
            ..Default::default()
        }
    }

    #[test]
    fn same_words_same_days_one_story_far_dates_two() {
        let t1 = "Senators debated the border security bill on Tuesday, and the border bill failed.";
        let t2 = "The border security bill failed in the Senate on Tuesday after senators debated it.";
        let t3 = "A storm flooded coastal towns and closed schools across the region.";
        let texts = [t1, t2, t3];
        let arts = vec![
            art("a1", 0, Some("2024-02-06"), t1.len()),
            art("a2", 1, Some("2024-02-07"), t2.len()),
            art("a3", 2, Some("2024-02-06"), t3.len()),
        ];
        let s = stories(&texts, &arts);
        assert_eq!(s.len(), 2, "{s:?}");
        assert_eq!(s[0].articles, ["a1", "a2"]);
        let mut far = arts.clone();
        far[1].date = Some("2023-02-07".into());
        assert_eq!(stories(&texts, &far).len(), 3);
    }
}
