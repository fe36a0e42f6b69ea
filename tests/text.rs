//! Stage 1 (text) on whole pastes: the seeds (one article each, two when concatenated),
//! HTML pages, and inputs built to break things (no newlines, unbalanced markup, odd bytes).

use newslens::report::SegmentKind;
use newslens::text::{self, Page};
use std::path::PathBuf;

/// The seed pastes shipped in the repo (`seeds/`), in name order.
fn seeds() -> Vec<(String, String)> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("seeds");
    let mut out: Vec<(String, String)> = std::fs::read_dir(&dir)
        .map(|rd| {
            rd.filter_map(Result::ok)
                .filter(|e| e.path().extension().is_some_and(|x| x == "txt"))
                .filter_map(|e| {
                    Some((e.file_name().to_string_lossy().into_owned(), std::fs::read_to_string(e.path()).ok()?))
                })
                .collect()
        })
        .unwrap_or_default();
    out.sort();
    out
}

fn body_text(page: &Page<'_>, article: usize) -> String {
    page.articles[article].body().iter().map(|s| &page.text[s.start..s.end]).collect::<Vec<_>>().join("\n")
}

#[test]
fn each_seed_is_one_article_with_clean_body() {
    let seeds = seeds();
    if seeds.is_empty() {
        eprintln!("skipped: no seeds/ folder");
        return;
    }
    for (name, text) in &seeds {
        let page = text::read(text);
        assert_eq!(page.articles.len(), 1, "{name} read as {} articles", page.articles.len());
        let body = body_text(&page, 0);
        assert!(body.len() > 1000, "{name}: body too short");
        for junk in [
            "LEAVE A REPLY",
            "Share post:",
            "Support The Moscow Times!",
            "please support us monthly",
            "Original Source:",
            "bookmarkicon",
            "HomeWorld News",
            "READ MORE:",
            "Accept cookies",
            "Valery Sharifulin/TASS",
        ] {
            assert!(!body.contains(junk), "{name}: {junk:?} kept in body");
        }
    }
}

/// A short paste in the New York Times archive's style, where quotation marks are typed as two
/// apostrophes: a paragraph ending in "…Promised Land.''" ends a sentence, so the article's
/// edges are not cut back past it.
#[test]
fn short_paste_with_apostrophe_quotes_keeps_every_paragraph() {
    let paras = [
        "WASHINGTON -- President Obama, dedicating the museum on Saturday, said it would tell an American story, one of ''suffering and delight, of seeing a glimmer of the Promised Land.''",
        "Speaking to dignitaries and thousands of people watching from the Mall, Mr. Obama said the museum would tell of ''the slave but also the president, the keeper of the status quo.''",
        "On a day rich in symbolism, under a gray sky, Mr. Obama warned that the museum would not be a panacea for the nation's racial struggles.",
        "''This isn't tax reform,'' said Douglas Holtz-Eakin, an economist who served as director of the Congressional Budget Office. ''It's anti-reform.''",
    ];
    let paste = paras.join("\n\n");
    let page = text::read(&paste);
    let body = body_text(&page, 0);
    for p in paras {
        assert!(body.contains(p), "lost: {p}\nbody: {body}");
    }
}

/// A paste of a few short paragraphs, each a sentence of its own: the first and the last, the
/// paste's own edges, are kept though they are short; a short call to the reader there is not.
#[test]
fn short_paste_keeps_its_short_first_and_last_sentences() {
    let paras = [
        "The Times ran an editorial on Sunday.",
        "\u{201c}The president has failed the country,\u{201d} the editorial read.",
        "\u{201c}We cannot wait,\u{201d} the statement read.",
        "It still wasn\u{2019}t enough.",
    ];
    let body = body_text(&text::read(&paras.join("\n\n")), 0);
    for p in paras {
        assert!(body.contains(p), "lost: {p}\nbody: {body}");
    }
    let pitch = ["Support The Moscow Times!", paras[0], paras[1], paras[2]].join("\n\n");
    let body = body_text(&text::read(&pitch), 0);
    assert!(!body.contains("Support"), "the pitch is no body: {body}");
    assert!(body.contains(paras[1]), "{body}");
}

#[test]
fn seed_metadata() {
    let seeds = seeds();
    if seeds.len() < 5 {
        eprintln!("skipped: seeds/ incomplete");
        return;
    }
    let read = |i: usize| text::read(&seeds[i].1).articles.remove(0);
    let a = read(0);
    assert_eq!(
        a.title.as_deref(),
        Some("Putin Sends Personal Letter to Kim Jong-un, Reaffirming Russia-North Korea Trade Amid Ukraine Talks")
    );
    assert_eq!(a.date.as_deref(), Some("2025-05-29"));
    let b = read(1);
    assert_eq!(b.title.as_deref(), Some("Putin, Kim Vow Stronger Russia-North Korea Ties \u{2014} State Agency"));
    assert_eq!(b.outlet.as_deref(), Some("The Moscow Times"));
    assert_eq!(b.date, None);
    assert!(b.segments.iter().any(|(k, _)| *k == SegmentKind::Caption), "the TASS photo caption is a caption");
    assert_eq!(read(2).title, None);
    assert_eq!(read(3).title, None);
    let e = read(4);
    assert_eq!(
        e.title.as_deref(),
        Some("Kim Jong-un receives \u{2018}warm letter\u{2019} from Putin \u{2013} Pyongyang")
    );
    assert_eq!(e.outlet.as_deref(), Some("RT"));
    assert_eq!(e.date.as_deref(), Some("2023-07-27"));
}

#[test]
fn two_seeds_pasted_together_are_two_articles() {
    let seeds = seeds();
    if seeds.len() < 5 {
        eprintln!("skipped: seeds/ incomplete");
        return;
    }
    for (i, j, sep) in [(0, 1, "\n\n"), (1, 4, "\n\n\n"), (2, 3, "\n\n"), (3, 4, "\n"), (4, 0, "\n\n")] {
        let joined = format!("{}{sep}{}", seeds[i].1.trim_end(), seeds[j].1);
        let page = text::read(&joined);
        assert_eq!(page.articles.len(), 2, "{} + {}", seeds[i].0, seeds[j].0);
        let (first, second) = (&page.articles[0], &page.articles[1]);
        let boundary = seeds[i].1.trim_end().len();
        assert!(
            first.extent.end <= boundary + sep.len(),
            "{} + {}: first article runs into the second",
            seeds[i].0,
            seeds[j].0
        );
        assert!(second.body().iter().all(|s| s.start >= boundary), "{} + {}", seeds[i].0, seeds[j].0);
        assert!(!first.body().is_empty() && !second.body().is_empty());
    }
}

#[test]
fn html_article_with_metadata() {
    let html = r#"<!DOCTYPE html><html><head><title>Kim meets Putin | Example News</title>
<meta property="og:site_name" content="Example News">
<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle","headline":"Kim meets Putin","datePublished":"2024-06-19T08:00:00Z","author":{"@type":"Person","name":"Jane Doe"}}</script>
<style>p { color: red }</style></head><body>
<nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article><h1>Kim meets Putin</h1>
<p>North Korean leader Kim Jong Un welcomed Russian President Vladimir Putin in Pyongyang on Wednesday, the state news agency KCNA said, in the first such visit in 24 years.</p>
<figure><img src="x.jpg"><figcaption>Kim and Putin in Pyongyang. Photo: KCNA</figcaption></figure>
<p>The two leaders signed a partnership agreement that includes a mutual defence clause, according to officials familiar with the text &mdash; a step that alarmed Seoul and Washington.</p>
<script>document.write("<p>not text</p>")</script>
<p>Putin thanked Kim for his &ldquo;unwavering support&rdquo; of Russia&rsquo;s policies, and the two discussed trade, tourism and education in talks that lasted several hours.</p>
</article>
<footer><p>&copy; 2024 Example News. All rights reserved.</p><a href="/privacy">Privacy policy</a></footer>
</body></html>"#;
    let page = text::read(html);
    assert!(page.html);
    assert_eq!(page.articles.len(), 1);
    let a = &page.articles[0];
    assert_eq!(a.title.as_deref(), Some("Kim meets Putin"));
    assert_eq!(a.date.as_deref(), Some("2024-06-19"));
    assert_eq!(a.outlet.as_deref(), Some("Example News"));
    assert_eq!(a.byline.as_deref(), Some("Jane Doe"));
    let body = body_text(&page, 0);
    assert!(body.starts_with("North Korean leader"), "{body}");
    assert!(body.contains("\u{201c}unwavering support\u{201d} of Russia\u{2019}s"));
    assert!(!body.contains("not text") && !body.contains("color") && !body.contains("Home"));
    assert!(!body.contains("All rights reserved"));
    let caption = a.segments.iter().find(|(k, _)| *k == SegmentKind::Caption).expect("figcaption is a caption");
    assert!(page.text[caption.1.start..caption.1.end].starts_with("Kim and Putin"));
    // Spans point into the extracted text, paragraphs separated by blank lines.
    assert!(page.text.contains("24 years.\n\n"));
}

/// html5gum 0.6 to 0.9 recurse once per double-quoted attribute of a tag: ~52,000 overflowed the
/// native stack (abort, exit 134) and ~10,000 the Wasm one, which then failed every later call.
#[test]
fn a_tag_with_sixty_thousand_attributes_is_read() {
    let html = format!("<p{}>The mayor said the talks went well.</p><p>Second.</p>", " a=\"\"".repeat(60_000));
    let page = text::read(&html);
    assert!(page.html);
    assert_eq!(body_text(&page, 0), "The mayor said the talks went well.\nSecond.");
    let report = newslens::analyze(&[newslens::Input { source: "a.html", text: &html }]).unwrap();
    assert_eq!(report.articles.len(), 1);
}

#[test]
fn hostile_inputs_never_panic_and_keep_offsets_valid() {
    let long_line = "word ".repeat(20_000);
    let unbalanced = format!("<div>{}<p>text{}", "<span><b>".repeat(3000), "</i></div>".repeat(3000));
    let cases: Vec<String> = vec![
        String::new(),
        "\u{feff}".into(),
        "<".into(),
        "<<<>>>".into(),
        "<!-- never closed".into(),
        "<script>never closed".into(),
        "\u{a0}\u{200b}\r\n\r\n\u{2028}x".into(),
        "é".repeat(1000),
        long_line,
        unbalanced,
        "By\nBy By\n\u{a9}\n\u{a9} 2024\nOriginal Source:\n27 Jul, 2023 06:09\n".into(),
        "\u{201c}".repeat(5000),
        "Mr. U.S. J. ... \u{2026} \u{2014}\u{2014} 1,,,2 3.. 's '' \u{2019}s".into(),
    ];
    for c in &cases {
        let page = text::read(c);
        for a in &page.articles {
            for (_, s) in &a.segments {
                assert!(page.text.get(s.start..s.end).is_some(), "segment {s:?} is not a valid span");
            }
            let body = a.body();
            let seg = text::segment(&page.text, &body);
            for t in &seg.tokens {
                let tok = page.text.get(t.start..t.end).expect("token on char boundaries");
                assert!(!tok.is_empty() && !tok.contains(char::is_whitespace));
            }
        }
    }
}
