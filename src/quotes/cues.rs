//! Cues: the words that say somebody said (or thought, or wrote) something.
//!
//! Three kinds of cue matter for attribution, and they behave differently:
//!
//! * **verbs** ("said", "told", "expressed", "hailed"). The inflected verbs of Taboada's
//!   MIT-licensed list plus the verbs news writers use around partial quotes that the list lacks ("expressed “deep thanks”", "hailed the “rich
//!   history”", "what he characterized as"). Only the *speech* verbs among them ([`CueWord::speech`])
//!   introduce reported speech without quotation marks ("X said the talks failed"); the rest
//!   ("continue", "present", "ensure" are in the list too) count only next to a quotation or
//!   before "that", which keeps ordinary uses from becoming attributions. The merged
//!   table is compiled into `data/lexicons/cue_verbs.txt` by `newslens-train cues`.
//! * **"according to"** and "as stated/reported by": they name a source but no verb of its own,
//!   so they act as the outer frame of a sentence (a *via* when the sentence has its own speaker).
//! * **nouns** ("statement", "letter", "remarks", "allegations"): weaker, used when no verb cue
//!   is near.

use crate::lexicon::{FastMap, FastSet};
use std::sync::OnceLock;

/// The verb cues, compiled by `newslens-train cues` from Taboada's list and newslens's own
/// additions and removals (see `src/train/cues.rs`).
const LEXICON: &str = include_str!("../../data/lexicons/cue_verbs.txt");

/// Verbs that introduce reported speech or thought with a bare clause ("X said the talks failed",
/// "Democrats insist the tide is turning") and can close a sentence as its frame (", X said.").
const SPEECH: &[&str] = &[
    "found",
    "finds",
    "show",
    "shows",
    "showed",
    "shown",
    "say",
    "said",
    "says",
    "saying",
    "tell",
    "told",
    "tells",
    "telling",
    "add",
    "added",
    "adds",
    "adding",
    "state",
    "stated",
    "states",
    "declare",
    "declared",
    "declares",
    "claim",
    "claimed",
    "claims",
    "claiming",
    "insist",
    "insisted",
    "insists",
    "insisting",
    "argue",
    "argued",
    "argues",
    "arguing",
    "warn",
    "warned",
    "warns",
    "note",
    "noted",
    "notes",
    "noting",
    "explain",
    "explained",
    "explains",
    "explaining",
    "write",
    "wrote",
    "writes",
    "report",
    "reported",
    "reports",
    "announce",
    "announced",
    "announces",
    "acknowledge",
    "acknowledged",
    "acknowledges",
    "admit",
    "admitted",
    "admits",
    "believe",
    "believed",
    "believes",
    "think",
    "thinks",
    "thought",
    "contend",
    "contended",
    "contends",
    "suggest",
    "suggested",
    "suggests",
    "assert",
    "asserted",
    "asserts",
    "predict",
    "predicted",
    "predicts",
    "reply",
    "replied",
    "replies",
    "tweet",
    "tweeted",
    "tweets",
    "testify",
    "testified",
    "testifies",
    "confirm",
    "confirmed",
    "confirms",
    "allege",
    "alleged",
    "alleges",
    "recall",
    "recalled",
    "recalls",
    "concede",
    "conceded",
    "concedes",
    "emphasize",
    "emphasized",
    "emphasizes",
    "emphasise",
    "emphasised",
    "stress",
    "stressed",
    "stresses",
    "maintain",
    "maintained",
    "maintains",
    "remark",
    "remarked",
    "assure",
    "assured",
    "assures",
    "clarify",
    "clarified",
    "clarifies",
    "reiterate",
    "reiterated",
    "reiterates",
    "indicate",
    "indicated",
    "indicates",
    "estimate",
    "estimated",
    "estimates",
    "agree",
    "agreed",
    "agrees",
    "fear",
    "feared",
    "fears",
    "hope",
    "hoped",
    "hopes",
    "inform",
    "informed",
    "informs",
    "remind",
    "reminded",
    "reminds",
    "mention",
    "mentioned",
    "mentions",
    "observe",
    "observed",
    "observes",
    "conclude",
    "concluded",
    "concludes",
    "reckon",
    "reckons",
    "explain",
    "respond",
    "responded",
    "responds",
    "complain",
    "complained",
    "complains",
    "worry",
    "worried",
    "worries",
    "deny",
    "denied",
    "denies",
    "vow",
    "vowed",
    "vows",
    "promise",
    "promised",
    "promises",
    "pledge",
    "pledged",
    "pledges",
];

/// Verbs whose object is the person spoken to, before the content ("told Kim that ...").
pub const TELL: &[&str] = &[
    "tell", "told", "tells", "telling", "assure", "assured", "assures", "inform", "informed", "informs", "remind",
    "reminded", "reminds", "warn", "warned", "warns", "urge", "urged", "ask", "asked",
];

/// Nouns that carry speech ("in a statement", "his letter", "the remarks").
const NOUNS: &[&str] = &[
    "emphasis",
    "insistence",
    "description",
    "assessment",
    "warning",
    "words",
    "pledge",
    "praise",
    "appeal",
    "statement",
    "statements",
    "letter",
    "letters",
    "message",
    "remarks",
    "comments",
    "speech",
    "interview",
    "allegations",
    "allegation",
    "accusations",
    "claims",
    "assertion",
    "announcement",
    "testimony",
    "tweet",
    "post",
    "op-ed",
    "memo",
    "report",
    "declaration",
    "communique",
    "communiqué",
    "press",
    "briefing",
];

/// What a word can do as a cue.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct CueWord {
    /// Introduces bare reported clauses and closes sentences as a frame.
    pub speech: bool,
    /// A noun cue rather than a verb.
    pub noun: bool,
}

/// Every cue word with what it can do, in one table (a verb or speech word wins over a noun).
fn lexicon() -> &'static FastMap<&'static str, CueWord> {
    static L: OnceLock<FastMap<&'static str, CueWord>> = OnceLock::new();
    L.get_or_init(|| {
        let mut m = FastMap::default();
        for &w in NOUNS {
            m.insert(w, CueWord { speech: false, noun: true });
        }
        for w in LEXICON.lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('#')) {
            m.insert(w, CueWord { speech: SPEECH.contains(&w), noun: false });
        }
        for &w in SPEECH {
            m.insert(w, CueWord { speech: true, noun: false });
        }
        m
    })
}

/// The cue a single token is, if any. `w` must be lower-case.
pub fn cue_word(w: &str) -> Option<CueWord> {
    lexicon().get(w).copied()
}

/// Stance, intention and cognition verbs (`data/lexicons/stance_verbs.txt`): "wants",
/// "endorsed", "opposes". Not cues for quotations; their objects are reported positions.
const STANCE: &str = include_str!("../../data/lexicons/stance_verbs.txt");

/// Whether `w` (lower-case) is a stance verb.
pub fn is_stance(w: &str) -> bool {
    static S: OnceLock<FastSet<&'static str>> = OnceLock::new();
    S.get_or_init(|| {
        STANCE.lines().filter(|l| !l.trim_start().starts_with('#')).flat_map(str::split_whitespace).collect()
    })
    .contains(w)
}

/// Whether `w` (lower-case) is one of the verbs that take the addressee before the content.
pub fn is_tell(w: &str) -> bool {
    TELL.contains(&w)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_table_answers_as_the_three_lists() {
        let verbs: Vec<&str> =
            LEXICON.lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('#')).collect();
        let old = |w: &str| {
            if verbs.contains(&w) || SPEECH.contains(&w) {
                Some(CueWord { speech: SPEECH.contains(&w), noun: false })
            } else if NOUNS.contains(&w) {
                Some(CueWord { speech: false, noun: true })
            } else {
                None
            }
        };
        for w in verbs.iter().chain(SPEECH).chain(NOUNS).copied().chain(["", "table", "Said", "saidx"]) {
            assert_eq!(cue_word(w), old(w), "{w}");
        }
    }

    #[test]
    fn lexicon_and_additions() {
        assert!(cue_word("said").is_some_and(|c| c.speech));
        assert!(cue_word("expressed").is_some_and(|c| !c.speech && !c.noun));
        assert!(cue_word("statement").is_some_and(|c| c.noun));
        assert!(cue_word("continue").is_none());
        assert!(cue_word("table").is_none());
    }
}
