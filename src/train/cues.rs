//! The quote cue table: `newslens-train cues [--lexicon FILE] [--out FILE]`.
//!
//! Taboada's reporting-verb list (MIT, `../shared/data/lexicons/reporting_verbs_en.txt`) is
//! merged with the verbs news prose uses around quotations that it lacks, minus its entries that
//! are too often not about speech, and written as one sorted table that the runtime embeds
//! (`src/quotes/cues.rs`). The list itself stays in `../shared/data`; only the table is shipped,
//! with the list's MIT notice in its header.

/// Verbs that frame a quotation in news prose but are missing from the lexicon.
pub const EXTRA_VERBS: &[&str] = &[
    "accuse",
    "accused",
    "accuses",
    "accusing",
    "agree",
    "agreed",
    "agrees",
    "allege",
    "alleged",
    "alleges",
    "alleging",
    "ask",
    "asked",
    "asking",
    "asks",
    "believe",
    "believed",
    "believes",
    "believing",
    "blast",
    "blasted",
    "boast",
    "boasted",
    "call",
    "called",
    "calling",
    "calls",
    "characterize",
    "characterized",
    "characterizes",
    "characterise",
    "characterised",
    "concede",
    "conceded",
    "concedes",
    "contend",
    "contended",
    "contends",
    "dismiss",
    "dismissed",
    "dismisses",
    "deny",
    "denied",
    "denies",
    "denying",
    "emphasize",
    "emphasized",
    "emphasizes",
    "emphasizing",
    "emphasise",
    "emphasised",
    "express",
    "expressed",
    "expresses",
    "expressing",
    "fear",
    "feared",
    "fears",
    "hail",
    "hailed",
    "hails",
    "hailing",
    "hope",
    "hoped",
    "hopes",
    "lament",
    "lamented",
    "laments",
    "maintain",
    "maintained",
    "maintains",
    "praise",
    "praised",
    "praises",
    "pledge",
    "pledged",
    "pledges",
    "promise",
    "promised",
    "promises",
    "quip",
    "quipped",
    "recall",
    "recalled",
    "recalls",
    "reiterate",
    "reiterated",
    "reiterates",
    "reiterating",
    "reject",
    "rejected",
    "rejects",
    "remark",
    "remarked",
    "remarks",
    "stress",
    "stressed",
    "stresses",
    "stressing",
    "urge",
    "urged",
    "urges",
    "urging",
    "voice",
    "voiced",
    "voices",
    "vow",
    "vowed",
    "vows",
    "welcome",
    "welcomed",
    "welcomes",
    "complain",
    "complained",
    "complains",
    "condemn",
    "condemned",
    "condemns",
    "demand",
    "demanded",
    "demands",
    "cite",
    "cited",
    "cites",
    "citing",
    "quote",
    "quoted",
    "quotes",
    "shout",
    "shouted",
    "shouting",
    "shouts",
    "chant",
    "chanted",
    "chanting",
    "chants",
    "yell",
    "yelled",
    "yelling",
    "yells",
    "scream",
    "screamed",
    "bark",
    "barked",
    "answer",
    "answered",
    "answers",
    "muse",
    "mused",
    "slam",
    "slammed",
    "slams",
    "joke",
    "joked",
    "acknowledging",
    "observe",
    "observed",
    "observes",
    "recount",
    "recounted",
    "worry",
    "worried",
    "worries",
];

/// Lexicon entries that are too often not about speech to count as cues at all.
pub const NOT_CUES: &[&str] = &[
    "continue",
    "continued",
    "continues",
    "continuing",
    "ensure",
    "ensured",
    "ensures",
    "ensuring",
    "present",
    "presents",
    "presenting",
    "persist",
    "persisted",
    "persisting",
    "persists",
    "release",
    "released",
    "releases",
    "releasing",
    "point",
    "points",
    "pointing",
    "finding",
    "demonstrate",
    "demonstrated",
    "demonstrates",
    "demonstrating",
    "illustrate",
    "illustrated",
    "illustrates",
    "illustrating",
    "convince",
    "convinced",
    "convinces",
    "convincing",
    "accept",
    "accepted",
    "writing",
    "reporting",
    "warning",
    "thinking",
    "rave",
    "raves",
];

const HEADER: &str = "# Verb cues for quotes and reported speech: compiled by `newslens-train cues` (src/train/cues.rs)
# from Maite Taboada's list of English reporting verbs, with newslens's additions and removals.
# The list's licence, which covers its entries here:
#
";

pub fn run(args: &[String]) -> Result<(), String> {
    let mut lexicon = "../shared/data/lexicons/reporting_verbs_en.txt".to_string();
    let mut out = "data/lexicons/cue_verbs.txt".to_string();
    let mut it = args.iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "--lexicon" => lexicon = it.next().ok_or("--lexicon FILE")?.clone(),
            "--out" => out = it.next().ok_or("--out FILE")?.clone(),
            other => return Err(format!("cues: unknown argument {other:?}")),
        }
    }
    let src = std::fs::read_to_string(&lexicon).map_err(|e| format!("{lexicon}: {e}"))?;
    // The MIT licence beside the list must travel with its entries.
    let licence_path = std::path::Path::new(&lexicon).with_file_name("LICENSE-reporting_verbs");
    let licence = std::fs::read_to_string(&licence_path).map_err(|e| format!("{}: {e}", licence_path.display()))?;
    let table = compile(&src);
    let mut text = HEADER.to_string();
    for line in licence.lines() {
        text.push_str(if line.is_empty() { "#" } else { "# " });
        text.push_str(line);
        text.push('\n');
    }
    for w in &table {
        text.push_str(w);
        text.push('\n');
    }
    std::fs::write(&out, text).map_err(|e| format!("{out}: {e}"))?;
    eprintln!("cues: {} verb forms written to {out}", table.len());
    Ok(())
}

/// The sorted verb table: the list's entries and [`EXTRA_VERBS`], without [`NOT_CUES`].
pub fn compile(src: &str) -> Vec<String> {
    let mut verbs: std::collections::BTreeSet<String> = src
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(str::to_lowercase)
        .chain(EXTRA_VERBS.iter().map(|w| w.to_string()))
        .collect();
    for w in NOT_CUES {
        verbs.remove(*w);
    }
    verbs.into_iter().collect()
}

#[cfg(test)]
mod tests {
    #[test]
    fn merges_and_prunes() {
        let t = super::compile("# c\nsaid\n".to_owned().as_str());
        assert!(t.contains(&"said".to_string()));
        assert!(t.contains(&"hailed".to_string()));
        assert!(super::NOT_CUES.iter().all(|w| !t.contains(&w.to_string())));
    }
}
