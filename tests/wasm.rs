//! The JavaScript API, run in headless Chromium by wasm-bindgen-test:
//!
//! ```sh
//! CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner CHROMEDRIVER=/usr/bin/chromedriver \
//!   cargo test --target wasm32-unknown-unknown --test wasm
//! ```
//!
//! What it pins down: the objects JavaScript receives are the native report, field for field,
//! with offsets in UTF-16 code units; every offset slices the same characters in JavaScript as the
//! byte offset does in Rust, also past emoji, flags and other characters outside the BMP; bad
//! arguments come back as thrown `Error`s with a message, not as a trap.
#![cfg(target_arch = "wasm32")]

use js_sys::{Array, JsString, Object, Reflect, JSON};
use newslens::report::Report;
use newslens::wasm::{analyze_js, analyze_utf16};
use newslens::Input;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

const SEEDS: [(&str, &str); 5] = [
    ("000_871d32998470bcc1.txt", include_str!("../seeds/000_871d32998470bcc1.txt")),
    ("001_ba5c21cd9d621fab.txt", include_str!("../seeds/001_ba5c21cd9d621fab.txt")),
    ("002_83193f1a8cb9cce4.txt", include_str!("../seeds/002_83193f1a8cb9cce4.txt")),
    ("003_ab47fc6f81cad5ed.txt", include_str!("../seeds/003_ab47fc6f81cad5ed.txt")),
    ("004_0f92cef1d68b0b3b.txt", include_str!("../seeds/004_0f92cef1d68b0b3b.txt")),
];

/// Non-BMP characters (emoji, a flag, mathematical letters) before and inside names and quotes,
/// CJK, and curly quotes, so that UTF-8, code point and UTF-16 offsets all differ.
const ASTRAL: &str = "🇺🇸 WASHINGTON (Reuters) 😀 — President Joe Biden said on Monday that “the 𝒜 plan works 🚀,” \
according to the White House.\n\n“We will not accept this,” said Wang Yi (王毅), China’s foreign minister 🐉, \
according to Xinhua. 北京 later said the 𝕏 posts were “fake”.\n\nAnalysts suggest 😀 the talks may fail, \
the Kremlin’s spokesman Dmitry Peskov told reporters in Moscow.\n";

const ASTRAL_HTML: &str = "<html><head><title>Talks 🚀</title></head><body><article><h1>Talks 😀 stall</h1>\
<p>“We will not accept this,” said Wang Yi (王毅), China’s foreign minister 🐉, according to Xinhua.</p>\
<p>President Joe Biden said on Monday that “the 𝒜 plan works.”</p></article></body></html>";

fn js_articles(items: &[(&str, &str)]) -> JsValue {
    let arr = Array::new();
    for (source, text) in items {
        let o = Object::new();
        Reflect::set(&o, &"source".into(), &(*source).into()).unwrap();
        Reflect::set(&o, &"text".into(), &(*text).into()).unwrap();
        arr.push(&o);
    }
    arr.into()
}

fn inputs<'a>(items: &'a [(&'a str, &'a str)]) -> Vec<Input<'a>> {
    items.iter().map(|&(source, text)| Input { source, text }).collect()
}

/// Every offset pair in a report, in a fixed order, with the input it points into.
fn spans(r: &Report) -> Vec<(usize, usize, usize)> {
    let mut out = Vec::new();
    for a in &r.articles {
        let mut add = |s: usize, e: usize| out.push((a.input, s, e));
        add(a.extent.start, a.extent.end);
        a.body.iter().for_each(|s| add(s.start, s.end));
        a.segments.iter().for_each(|s| add(s.start, s.end));
        for actor in &a.actors {
            actor.mentions.iter().for_each(|m| add(m.start, m.end));
            actor.role_evidence.iter().for_each(|m| add(m.start, m.end));
        }
        for q in &a.quotes {
            add(q.start, q.end);
            q.speaker_span.iter().for_each(|s| add(s.start, s.end));
            q.cue.iter().for_each(|c| add(c.start, c.end));
            q.content.iter().for_each(|c| add(c.start, c.end));
        }
        a.flags.iter().for_each(|f| add(f.start, f.end));
    }
    for d in &r.discrepancies {
        for it in &d.items {
            let input = r.articles.iter().find(|a| a.id == it.article).map_or(usize::MAX, |a| a.input);
            out.push((input, it.start, it.end));
        }
    }
    out
}

/// The text offsets of input `i` point into.
fn analysed<'a>(r: &'a Report, items: &'a [(&'a str, &'a str)], i: usize) -> &'a str {
    r.inputs[i].text.as_deref().unwrap_or(items[i].1)
}

/// Checks that each UTF-16 span slices in JavaScript exactly what the byte span slices in Rust.
/// Returns how many spans were compared.
fn assert_same_slices(items: &[(&str, &str)]) -> usize {
    let bytes = newslens::analyze(&inputs(items)).expect("native analysis");
    let utf16 = analyze_utf16(&inputs(items)).expect("utf-16 analysis");
    let (b, u) = (spans(&bytes), spans(&utf16));
    assert_eq!(b.len(), u.len());
    let js: Vec<JsString> = (0..items.len()).map(|i| JsString::from(analysed(&bytes, items, i))).collect();
    for (&(input, bs, be), &(_, us, ue)) in b.iter().zip(&u) {
        if input == usize::MAX {
            continue; // a discrepancy item naming an unknown article: nothing to slice
        }
        let text = analysed(&bytes, items, input);
        let want = text.get(bs..be).unwrap_or_else(|| panic!("byte span {bs}..{be} is not on char boundaries"));
        let got: String = js[input].slice(us as u32, ue as u32).into();
        assert_eq!(got, want, "bytes {bs}..{be} vs UTF-16 {us}..{ue} in input {input}");
    }
    b.len()
}

fn analyze_via_js(items: &[(&str, &str)]) -> serde_json::Value {
    let value = analyze_js(js_articles(items)).map_err(JsValue::from).expect("analyze() threw");
    let json: String = JSON::stringify(&value).expect("stringify").into();
    serde_json::from_str(&json).expect("JSON")
}

#[wasm_bindgen_test]
fn js_api_returns_the_native_report_on_the_seeds() {
    let native = analyze_utf16(&inputs(&SEEDS)).expect("native analysis");
    assert_eq!(native.articles.len(), 5);
    let want = serde_json::to_value(&native).unwrap();
    assert_eq!(analyze_via_js(&SEEDS), want);
}

#[wasm_bindgen_test]
fn js_api_returns_plain_objects_with_nulls() {
    let value = analyze_js(js_articles(&SEEDS[..1])).map_err(JsValue::from).unwrap();
    let article = Reflect::get(&Array::from(&Reflect::get(&value, &"articles".into()).unwrap()).get(0), &"date".into());
    // `date` may be known or not, but is never `undefined`: absent values are `null`, as in JSON.
    assert!(!article.unwrap().is_undefined());
    assert_eq!(Object::get_prototype_of(&value), Object::get_prototype_of(&Object::new()));
}

#[wasm_bindgen_test]
fn offsets_are_utf16_on_the_seeds() {
    assert!(assert_same_slices(&SEEDS) > 5);
}

#[wasm_bindgen_test]
fn offsets_are_utf16_past_non_bmp_characters() {
    let items = [("astral.txt", ASTRAL)];
    assert!(assert_same_slices(&items) > 0);
    // At least the article's body starts past the leading flag and emoji: UTF-16 ≠ bytes there.
    let r = analyze_utf16(&inputs(&items)).unwrap();
    let body_end = r.articles[0].body.last().map(|s| s.end).unwrap_or(0);
    assert!(body_end > 0 && body_end < ASTRAL.len(), "body should end in UTF-16 units, not bytes: {body_end}");
    assert_eq!(analyze_via_js(&items), serde_json::to_value(&r).unwrap());
}

#[wasm_bindgen_test]
fn offsets_are_utf16_into_the_extracted_text_of_html() {
    let items = [("page.html", ASTRAL_HTML), ("astral.txt", ASTRAL)];
    assert_same_slices(&items);
}

fn thrown_message(arg: JsValue) -> String {
    let err = analyze_js(arg).map(|_| ()).map_err(JsValue::from).expect_err("should throw");
    let err: js_sys::Error = err.dyn_into().expect("an Error object");
    err.message().into()
}

#[wasm_bindgen_test]
fn bad_arguments_throw_errors_with_a_message() {
    assert_eq!(thrown_message(Array::new().into()), "no article given");
    assert!(thrown_message(js_articles(&[("x", "  \n ")])).contains("empty"));
    assert_eq!(thrown_message(JsValue::from(42)), "articles[0] must be a string or an object {source?, text}");
    let no_text = Array::of1(&Object::new());
    assert_eq!(thrown_message(no_text.into()), "articles[0].text must be a string");
}

#[wasm_bindgen_test]
fn plain_strings_and_a_single_article_are_accepted() {
    let one = analyze_js(JsValue::from_str(SEEDS[0].1)).map_err(JsValue::from).unwrap();
    let src = Reflect::get(&Array::from(&Reflect::get(&one, &"inputs".into()).unwrap()).get(0), &"source".into());
    assert_eq!(src.unwrap().as_string().as_deref(), Some("Article 1"));
    assert_eq!(newslens::wasm::version(), env!("CARGO_PKG_VERSION"));
}

/// A JS string may hold lone surrogates; Rust reads each as U+FFFD, also one UTF-16 unit. So
/// offsets index the caller's string unshifted, and a span's `text` is its slice with lone
/// surrogates read as U+FFFD (what src/wasm.rs and the README promise).
#[wasm_bindgen_test]
fn a_lone_surrogate_reads_as_one_replacement_character() {
    let mut units: Vec<u16> =
        "X Kim Jong Un said on Monday that \u{201c}talks Ywent well,\u{201d} officials said.".encode_utf16().collect();
    units[0] = 0xD800; // a lone high surrogate before the name
    let y = units.iter().position(|&u| u == u16::from(b'Y')).unwrap();
    units[y] = 0xDC00; // a lone low surrogate inside the quotation
    let value = analyze_js(JsString::from_char_code(&units).into()).map_err(JsValue::from).expect("analyze() threw");
    let json: String = JSON::stringify(&value).expect("stringify").into();
    let report: serde_json::Value = serde_json::from_str(&json).unwrap();
    let article = &report["articles"][0];
    let slice = |s: &serde_json::Value| {
        String::from_utf16_lossy(&units[s["start"].as_u64().unwrap() as usize..s["end"].as_u64().unwrap() as usize])
    };
    let mention = &article["actors"][0]["mentions"][0];
    assert_eq!((mention["text"].as_str(), mention["start"].as_u64()), (Some("Kim Jong Un"), Some(2)));
    let quotes = article["quotes"].as_array().unwrap();
    assert!(quotes.iter().any(|q| q["text"].as_str().unwrap().contains('\u{fffd}')), "{quotes:?}");
    for q in quotes {
        assert_eq!(q["text"].as_str().unwrap(), slice(q));
    }
}

/// html5gum 0.6-0.9 recursed once per attribute of a tag: 10,000 `a=""` overflowed the Wasm
/// stack ("Maximum call stack size exceeded") and every later call failed. Now it is read, and
/// the module goes on working.
#[wasm_bindgen_test]
fn a_tag_with_thousands_of_attributes_does_not_trap() {
    let html = format!("<p{}>The mayor said on Monday that the talks went well.</p>", " a=\"\"".repeat(60_000));
    for _ in 0..2 {
        let report = analyze_utf16(&inputs(&[("a.html", &html)])).expect("analysed");
        assert_eq!(report.inputs[0].text.as_deref(), Some("The mayor said on Monday that the talks went well."));
    }
    assert_eq!(analyze_via_js(&SEEDS[..1])["articles"].as_array().map(Vec::len), Some(1));
}
