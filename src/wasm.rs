//! The JavaScript API: a thin shell over [`crate::analyze`] for the Wasm build.
//!
//! JavaScript hands us an array of pastes and gets back the report as plain objects (no `Map`s,
//! `null` where JSON has `null`), so `JSON.stringify(analyze(x))` is the same document the CLI
//! prints, except for one deliberate difference: every offset is in **UTF-16 code units**, which
//! is what `String.prototype.slice` indexes. Converting here, once, in a single pass per input
//! ([`convert_offsets`]), spares every caller from re-walking the text to find its place.
//!
//! What the offsets promise for strings that are not valid Unicode: a JavaScript string may hold
//! a lone surrogate, which Rust's `String` cannot; wasm-bindgen replaces each with U+FFFD on the
//! way in. Both are one UTF-16 code unit, so every offset still indexes the caller's string
//! exactly and `input.slice(start, end)` covers the same characters; only a `text` field copied
//! into the report (a quote's, a mention's, `report.inputs[i].text`) reads U+FFFD where the
//! caller's string held the lone surrogate. Valid strings, astral characters included, give
//! `text === input.slice(start, end)` for every span.
//!
//! A trap (a Wasm stack overflow, an out-of-bounds access) leaves the instance unusable: its stack
//! pointer and heap are wherever the trap left them. Such throws are not `Error`s from this file
//! (they are `WebAssembly.RuntimeError` or `RangeError`); a caller must then load a fresh
//! instance, as `www/worker.js` does by having the page start a new worker.
//!
//! Errors never cross the boundary as panics. Bad arguments and refused inputs become a thrown
//! JavaScript `Error` with a message fit to show a user; the argument is read field by field with
//! `js_sys` (not an untagged serde enum) precisely so those messages can say *which* article and
//! *which* field was wrong. A panic would abort the module (`panic = "abort"` on wasm32), so this
//! file holds none: no `unwrap`, no indexing.
//!
//! The TypeScript declarations of the report live in `wasm/report.d.ts` and are embedded in the
//! generated `newslens.d.ts`; `tests/typescript.rs` checks them against real reports with `tsc`.

use crate::report::{convert_offsets, OffsetUnit, Report};
use crate::{Error, Input};
use js_sys::{Array, Reflect};
use serde::Serialize;
use wasm_bindgen::prelude::*;

#[wasm_bindgen(typescript_custom_section)]
const REPORT_TS: &'static str = include_str!("wasm/report.d.ts");

/// One paste as received from JavaScript.
struct OwnedInput {
    source: String,
    text: String,
}

/// Analyses an array of pastes (`{source?, text}` objects or plain strings; a single paste may be
/// passed without the array) and returns the report with UTF-16 offsets.
///
/// Throws an `Error` for a malformed argument or a refused input (empty, too large).
#[wasm_bindgen(js_name = analyze, unchecked_return_type = "Report")]
pub fn analyze_js(
    #[wasm_bindgen(unchecked_param_type = "ArticleInput | string | Array<ArticleInput | string>")] articles: JsValue,
) -> Result<JsValue, JsError> {
    let owned = read_articles(&articles)?;
    let inputs: Vec<Input<'_>> = owned.iter().map(|o| Input { source: &o.source, text: &o.text }).collect();
    let report = analyze_utf16(&inputs).map_err(|e| JsError::new(&e.to_string()))?;
    let serializer =
        serde_wasm_bindgen::Serializer::new().serialize_maps_as_objects(true).serialize_missing_as_null(true);
    report.serialize(&serializer).map_err(|e| JsError::new(&format!("cannot build the report object: {e}")))
}

/// The crate version, e.g. `"0.1.0"`.
#[wasm_bindgen]
pub fn version() -> String {
    env!("CARGO_PKG_VERSION").to_string()
}

/// [`crate::analyze`] with every offset converted to UTF-16 code units into the analysed text
/// (the input itself, or for HTML inputs `report.inputs[i].text`): exactly the report the
/// JavaScript API returns, before it becomes JavaScript objects.
pub fn analyze_utf16(inputs: &[Input<'_>]) -> Result<Report, Error> {
    let mut report = crate::analyze(inputs)?;
    let inputs_meta = std::mem::take(&mut report.inputs);
    {
        let texts: Vec<&str> =
            inputs_meta.iter().zip(inputs).map(|(meta, input)| meta.text.as_deref().unwrap_or(input.text)).collect();
        convert_offsets(&mut report, &texts, OffsetUnit::Utf16);
    }
    report.inputs = inputs_meta;
    Ok(report)
}

/// Reads the `articles` argument: an array of strings or `{source?, text}` objects, or one such
/// value on its own. Articles without a source are named "Article 1", "Article 2", ...
fn read_articles(value: &JsValue) -> Result<Vec<OwnedInput>, JsError> {
    let items: Vec<JsValue> =
        if Array::is_array(value) { Array::from(value).iter().collect() } else { vec![value.clone()] };
    items.iter().enumerate().map(|(i, item)| read_article(i, item)).collect()
}

fn read_article(i: usize, item: &JsValue) -> Result<OwnedInput, JsError> {
    let default_source = || format!("Article {}", i + 1);
    if let Some(text) = item.as_string() {
        return Ok(OwnedInput { source: default_source(), text });
    }
    if !item.is_object() {
        return Err(JsError::new(&format!("articles[{i}] must be a string or an object {{source?, text}}")));
    }
    let field = |name: &str| Reflect::get(item, &JsValue::from_str(name)).unwrap_or(JsValue::UNDEFINED);
    let text =
        field("text").as_string().ok_or_else(|| JsError::new(&format!("articles[{i}].text must be a string")))?;
    let source = field("source");
    let source = if source.is_undefined() || source.is_null() {
        default_source()
    } else {
        source.as_string().ok_or_else(|| JsError::new(&format!("articles[{i}].source must be a string")))?
    };
    Ok(OwnedInput { source, text })
}
