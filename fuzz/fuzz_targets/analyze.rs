//! The whole analysis from bytes: the input is split at the first 0xFF byte (never in UTF-8)
//! into one or two pastes, read as UTF-8 with replacement, and analysed in one call. The checks
//! are tests/properties.rs's (tests/invariants/): no panic, spans within their text, on
//! character boundaries and equal to their `text`, UTF-16 and code point offsets consistent,
//! JSON that serialises.
#![no_main]

use libfuzzer_sys::fuzz_target;

#[path = "../../tests/invariants/mod.rs"]
mod invariants;

fuzz_target!(|data: &[u8]| {
    let texts: Vec<String> = data.splitn(2, |&b| b == 0xff).map(|p| String::from_utf8_lossy(p).into_owned()).collect();
    if let Err(e) = invariants::check(&texts) {
        panic!("{e}");
    }
});
