//! Properties of the whole analysis on arbitrary input (proptest): text made of news-like
//! fragments, quotation marks, odd characters and markup, and raw bytes read as UTF-8.
//!
//! For every input `newslens::analyze` returns (a report or a refusal, never a panic), and in
//! the report: every span lies within its text and on character boundaries, every span's `text`
//! equals its slice, offsets converted to UTF-16 (what the JS API returns) and to code points
//! (the CLI) are where the converted text says, and the report serialises to JSON and back.
//! fuzz/ has a cargo-fuzz target with the same checks, for longer runs.

use proptest::prelude::*;

mod invariants;

fn check(texts: &[String]) -> Result<(), TestCaseError> {
    invariants::check(texts).map_err(TestCaseError::fail)
}

/// Pieces of news text and of hostile input, glued in any order.
fn fragment() -> impl Strategy<Value = String> {
    let pieces: Vec<&'static str> = vec![
        "Kim Jong Un",
        "Vladimir Putin",
        "Moon",
        "President",
        "Russia’s",
        "defense minister",
        "Sergei Shoigu",
        "said",
        "told reporters",
        "according to",
        "KCNA",
        "the",
        "talks",
        "went well",
        "on Monday",
        "Mr.",
        "U.S.",
        ", ",
        ". ",
        "? ",
        "! ",
        ": ",
        " — ",
        "…",
        "'s",
        "’s",
        " ",
        " ",
        " ",
        "\n",
        "\n\n",
        "\t",
        "\r\n",
        "\u{a0}",
        "\"",
        "\"",
        "“",
        "”",
        "‘",
        "’",
        "'",
        "«",
        "»",
        "„",
        "「",
        "」",
        "😀",
        "🇺🇸",
        "👩‍👩‍👧",
        "王毅",
        "北京",
        "مرحبا",
        "שלום",
        "e\u{301}",
        "Z\u{351}\u{35b}\u{363}",
        "\u{200b}",
        "\u{feff}",
        "\0",
        "\u{2028}",
        "\u{1}",
        "\u{7f}",
        "\u{fffd}",
        "<p>",
        "</p>",
        "<b>",
        "</b>",
        "<div hidden>",
        "</div>",
        "<br>",
        "<script>",
        "</script>",
        "<title>",
        "</title>",
        "<a href=\"x\">",
        "</a>",
        "<!--",
        "-->",
        "&amp;",
        "&#x1F600;",
        "&nbsp;",
        "&bogus;",
        "<h1>",
        "</h1>",
        "<p class=\"byline\">By ",
        "<![CDATA[",
        "]]>",
        "<",
        ">",
        "&",
    ];
    prop_oneof![
        6 => prop::sample::select(pieces).prop_map(str::to_string),
        2 => "[A-Za-z]{1,9}".prop_map(|s| s),
        1 => any::<char>().prop_map(String::from),
    ]
}

fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => prop::collection::vec(fragment(), 0..48).prop_map(|v| v.concat()),
        // HTML-ish: the same pieces after a tag, so the paste is read as HTML.
        2 => prop::collection::vec(fragment(), 0..48).prop_map(|v| format!("<html><body><p>{}", v.concat())),
        1 => prop::collection::vec(any::<u8>(), 0..160).prop_map(|b| String::from_utf8_lossy(&b).into_owned()),
    ]
}

proptest! {
    // 300 cases keep the suite fast; PROPTEST_CASES=20000 for a longer hunt.
    #![proptest_config(ProptestConfig {
        cases: std::env::var("PROPTEST_CASES").ok().and_then(|v| v.parse().ok()).unwrap_or(300),
        failure_persistence: None,
        ..ProptestConfig::default()
    })]

    #[test]
    fn one_paste_keeps_every_invariant(t in text()) {
        check(&[t])?;
    }

    #[test]
    fn two_pastes_compared_keep_every_invariant(a in text(), b in text()) {
        check(&[a, b])?;
    }
}

/// Two seeds together: the real discrepancies (seeds 000 and 004 disagree on roles and more).
#[test]
fn seeds_keep_every_invariant() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/seeds/");
    let a = std::fs::read_to_string(format!("{dir}000_871d32998470bcc1.txt")).unwrap();
    let b = std::fs::read_to_string(format!("{dir}004_0f92cef1d68b0b3b.txt")).unwrap();
    check(&[a, b]).unwrap();
}

/// Quotes in parts (interrupted by their cue, continued over paragraphs), with characters of
/// every UTF-8 length before and inside them so the converted offsets of each part are checked.
#[test]
fn quotes_in_parts_keep_every_invariant() {
    let a = "Senate leader Mitch McConnell spoke on Tuesday in Zürich 😀.\n\n\
             “We will not back down — ever,” McConnell said, “not now, not in 2025 😀.”\n\n\
             “This is the moment. We owe it to the voters.\n\n\
             “And we will act before the recess,” he added.\n";
    let b = "“We won’t back down,” McConnell said, “not now, not ever.”\n";
    let report = newslens::analyze(&[newslens::Input { source: "a", text: a }]).unwrap();
    assert!(report.articles[0].quotes.iter().filter(|q| !q.parts.is_empty()).count() >= 2);
    check(&[a.to_string(), b.to_string()]).unwrap();
}
