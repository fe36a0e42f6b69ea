//! Quote finding and attribution on hand-made articles. The actors are given by hand (names and
//! the surface forms that mention them), so these tests pin the quotes stage alone.

use newslens::actors::ArticleActors;
use newslens::quotes;
use newslens::report::{Actor, ActorType, Flag, FlagKind, Quote, QuoteKind, Span};
use newslens::text;

fn paragraphs(t: &str) -> Vec<Span> {
    let mut out = Vec::new();
    let mut start = 0;
    for line in t.split_inclusive('\n') {
        let body = line.trim_end();
        if !body.trim().is_empty() {
            out.push(Span::new(start, start + body.len()));
        }
        start += line.len();
    }
    out
}

/// Runs the quotes stage on `t` with the given actors: (id, type, surface forms).
fn run(t: &str, actors: &[(&str, ActorType, &[&str])]) -> (Vec<Quote>, Vec<Flag>) {
    let seg = text::segment(t, &paragraphs(t));
    let mut aa = ArticleActors::default();
    for (i, (id, kind, forms)) in actors.iter().enumerate() {
        aa.actors.push(Actor {
            id: id.to_string(),
            name: forms[0].to_string(),
            kind: *kind,
            aliases: forms.iter().map(|s| s.to_string()).collect(),
            roles: vec![],
            role_evidence: vec![],
            mentions: vec![],
        });
        for f in forms.iter() {
            for (at, _) in t.match_indices(f) {
                // Only whole mentions, not one inside a longer form ("Kim" in "Kim Jong-un").
                let covered = aa.mentions.iter().any(|(m, _)| m.start <= at && at + f.len() <= m.end);
                if !covered {
                    aa.mentions.push((Span::new(at, at + f.len()), i));
                }
            }
        }
    }
    aa.mentions.sort_by_key(|(m, _)| m.start);
    let spans = quotes::find(t, &seg);
    let pos = text::pos::Tags::new(t, &seg);
    let qs = quotes::attribute(t, &seg, &pos, &aa, &spans);
    let flags = quotes::flags(t, &seg, &pos, &aa, &qs);
    (qs, flags)
}

fn find<'a>(qs: &'a [Quote], text: &str) -> &'a Quote {
    qs.iter().find(|q| q.text == text).unwrap_or_else(|| panic!("no quote {text:?} in {:#?}", qs))
}

const KIM: (&str, ActorType, &[&str]) = ("a1:p1", ActorType::Person, &["Kim Jong-un", "Kim"]);
const KCNA: (&str, ActorType, &[&str]) = ("a1:m1", ActorType::Media, &["Korean Central News Agency", "KCNA"]);
const PUTIN: (&str, ActorType, &[&str]) =
    ("a1:p2", ActorType::Person, &["Vladimir Putin", "Putin", "The Russian president"]);

#[test]
fn according_to_is_the_source_chain() {
    let t = "According to KCNA, Kim expressed \u{201c}deep thanks\u{201d} and returned \u{201c}militant greetings\u{201d} to Putin.";
    let (qs, _) = run(t, &[KIM, KCNA, PUTIN]);
    for text in ["deep thanks", "militant greetings"] {
        let q = find(&qs, text);
        assert_eq!(q.kind, QuoteKind::Partial);
        assert_eq!(q.speaker.as_deref(), Some("a1:p1"));
        assert_eq!(q.via, vec!["a1:m1".to_string()]);
        assert_eq!(q.cue.as_ref().map(|c| c.text.as_str()), Some("expressed"));
        assert_eq!(q.speaker_span.map(|s| &t[s.start..s.end]), Some("Kim"));
    }
}

#[test]
fn media_is_the_speaker_when_alone_and_the_via_otherwise() {
    let t = "Russia\u{2019}s defense minister presented Kim with a \u{201c}warm letter\u{201d} from Putin, the Korean Central News Agency said.\n\
             While hosting a meeting, Kim asked him to thank Putin for his \u{201c}warm and good letter,\u{201d} the state-run KCNA said.";
    let (qs, _) = run(t, &[KIM, KCNA, PUTIN]);
    let q = find(&qs, "warm letter");
    assert_eq!(q.speaker.as_deref(), Some("a1:m1"));
    assert!(q.via.is_empty());
    let q = find(&qs, "warm and good letter,");
    assert_eq!(q.speaker.as_deref(), Some("a1:p1"));
    assert_eq!(q.via, vec!["a1:m1".to_string()]);
}

#[test]
fn inverted_order_and_direct_quotes() {
    let t = "\u{201c}We will win,\u{201d} said Putin. \u{201c}Nobody doubts it.\u{201d}";
    let (qs, _) = run(t, &[PUTIN]);
    let q = find(&qs, "We will win,");
    assert_eq!(q.kind, QuoteKind::Direct);
    assert_eq!(q.speaker.as_deref(), Some("a1:p2"));
    assert_eq!(q.cue.as_ref().map(|c| c.text.as_str()), Some("said"));
    // The next quotation in the paragraph continues the same speaker.
    assert_eq!(find(&qs, "Nobody doubts it.").speaker.as_deref(), Some("a1:p2"));
}

#[test]
fn an_inverted_subject_is_the_whole_phrase_and_its_head_speaks() {
    let florida = ("a1:l1", ActorType::Place, &["Florida"][..]);
    let trump = ("a1:p3", ActorType::Person, &["Trump"][..]);
    let lewandowski = ("a1:p4", ActorType::Person, &["Corey Lewandowski"][..]);
    let pincus = ("a1:p5", ActorType::Person, &["Andrew J. Pincus"][..]);
    let speaker = |qs: &[Quote], t: &str, inner: &str| {
        let q = find(qs, inner);
        (q.speaker.clone(), q.speaker_span.map(|s| t[s.start..s.end].to_string()))
    };
    // A place that qualifies the head does not speak; a participle before the head ("unaligned",
    // "leading") does not end the phrase.
    let t = "\u{201c}There is no data to suggest that,\u{201d} said one unaligned Florida Republican strategist.";
    let (qs, _) = run(t, &[florida]);
    let s = speaker(&qs, t, "There is no data to suggest that,");
    assert_eq!(s, (None, Some("one unaligned Florida Republican strategist".into())));
    // A name that qualifies a title is not the speaker; the name after the title is.
    let t = "\u{201c}We are ready for the convention,\u{201d} said Trump campaign manager Corey Lewandowski.";
    let (qs, _) = run(t, &[trump, lewandowski]);
    assert_eq!(speaker(&qs, t, "We are ready for the convention,").0.as_deref(), Some("a1:p4"));
    // A named appositive after a common head.
    let t = "\u{201c}The odds are more likely than not,\u{201d} said another leading Supreme Court advocate, Andrew J. Pincus of the law firm.";
    let (qs, _) = run(t, &[pincus]);
    assert_eq!(speaker(&qs, t, "The odds are more likely than not,").0.as_deref(), Some("a1:p5"));
    // A title the tagger reads as a verb ("delegate") between the place and the name.
    let virginia = ("a1:l1", ActorType::Place, &["Virginia"][..]);
    let correll = ("a1:p2", ActorType::Person, &["Beau Correll"][..]);
    let t =
        "\u{201c}This is just a show,\u{201d} said Virginia delegate Beau Correll, angered that leaders ignored it.";
    let (qs, _) = run(t, &[virginia, correll]);
    assert_eq!(
        speaker(&qs, t, "This is just a show,"),
        (Some("a1:p2".into()), Some("Virginia delegate Beau Correll".into()))
    );
    // A time after the name still ends the phrase.
    let t = "\u{201c}We will win the state,\u{201d} said Trump Wednesday.";
    let (qs, _) = run(t, &[trump]);
    assert_eq!(speaker(&qs, t, "We will win the state,").0.as_deref(), Some("a1:p3"));
}

#[test]
fn pronoun_resolves_to_the_nearest_person() {
    let t = "The Russian president pledged support against what he characterized as \u{201c}U.S. pressure, blackmail, and military threats.\u{201d}";
    let (qs, _) = run(t, &[PUTIN]);
    let q = find(&qs, "U.S. pressure, blackmail, and military threats.");
    assert_eq!(q.speaker.as_deref(), Some("a1:p2"));
    assert_eq!(q.speaker_span.map(|s| &t[s.start..s.end]), Some("he"));
    assert_eq!(q.cue.as_ref().map(|c| c.text.as_str()), Some("characterized"));
}

/// The tokenizer splits only `'s` off a word, so "he’d" and "they've" stay one token; they are
/// still the pronoun.
#[test]
fn a_pronoun_with_a_contracted_auxiliary_resolves() {
    let t = "Vladimir Putin met reporters in Moscow on Thursday. He\u{2019}d said the talks were \u{201c}very productive\u{201d} before the summit.";
    let (qs, _) = run(t, &[PUTIN]);
    let q = find(&qs, "very productive");
    assert_eq!(q.speaker.as_deref(), Some("a1:p2"));
    assert_eq!(q.speaker_span.map(|s| &t[s.start..s.end]), Some("He\u{2019}d"));
}

/// "she" passes over the nearest person when the article calls him "Mr." (or "he" when it is
/// the only person in a sentence, or his given name is a man's), and lands on the woman before
/// him; with no such evidence the nearest person is taken, as before.
#[test]
fn he_and_she_pass_over_a_person_of_the_other_gender() {
    const CLINTON: (&str, ActorType, &[&str]) = ("a1:p3", ActorType::Person, &["Hillary Clinton", "Clinton"]);
    const TRUMP: (&str, ActorType, &[&str]) = ("a1:p4", ActorType::Person, &["Donald Trump", "Trump"]);
    let t = "Hillary Clinton spoke in Ohio, where she unveiled her plan. Mr. Trump called the plan weak at a rally in Florida. She said the plan was \u{201c}a real answer\u{201d} for workers.";
    let (qs, _) = run(t, &[CLINTON, TRUMP]);
    assert_eq!(find(&qs, "a real answer").speaker.as_deref(), Some("a1:p3"));
    // A usual given name is evidence too ("Donald" is a man's name).
    let t = "Hillary Clinton spoke in Ohio. Donald Trump called the plan weak at a rally in Florida. She said the plan was \u{201c}a real answer\u{201d} for workers.";
    let (qs, _) = run(t, &[CLINTON, TRUMP]);
    assert_eq!(find(&qs, "a real answer").speaker.as_deref(), Some("a1:p3"));
    // Names both sexes bear ("Jordan", "Kelly") say nothing: the nearest person is taken.
    const JORDAN: (&str, ActorType, &[&str]) = ("a1:p3", ActorType::Person, &["Jordan Smith", "Smith"]);
    const KELLY: (&str, ActorType, &[&str]) = ("a1:p4", ActorType::Person, &["Kelly Jones", "Jones"]);
    let t = "Jordan Smith spoke in Ohio. Kelly Jones called the plan weak at a rally in Florida. She said the plan was \u{201c}a real answer\u{201d} for workers.";
    let (qs, _) = run(t, &[JORDAN, KELLY]);
    assert_eq!(find(&qs, "a real answer").speaker.as_deref(), Some("a1:p4"));
}

#[test]
fn reported_speech_without_marks() {
    let t = "Matthew Miller stated that the United States has observed Putin becoming desperate.";
    let miller = ("a1:p3", ActorType::Person, &["Matthew Miller", "Miller"][..]);
    let (qs, _) = run(t, &[miller, PUTIN]);
    let q = find(&qs, "the United States has observed Putin becoming desperate");
    assert_eq!(q.kind, QuoteKind::Indirect);
    assert_eq!(q.speaker.as_deref(), Some("a1:p3"));
    // Frame after the clause: ", sources said." — the speaker has no name.
    let t = "The escort was called off at the last minute, sources said.";
    let (qs, _) = run(t, &[]);
    let q = find(&qs, "The escort was called off at the last minute");
    assert_eq!(q.speaker, None);
    assert_eq!(q.speaker_span.map(|s| &t[s.start..s.end]), Some("sources"));
}

#[test]
fn terms_are_not_speech() {
    let t = "Pyongyang typically uses the term \u{201c}hostile forces\u{201d} to refer to the United States.";
    let (qs, _) = run(t, &[]);
    let q = find(&qs, "hostile forces");
    assert_eq!(q.kind, QuoteKind::Term);
    assert_eq!(q.speaker, None);
}

/// A verb of naming speaks when its subject uses it actively ("Trump dubbed his rival “Little
/// Marco”", "Whitman, a former candidate, labeled him “unfit …”"); passive, it stays a term
/// ("has been branded a “foreign agent” by the government").
#[test]
fn an_active_naming_verb_speaks_and_a_passive_one_names() {
    const TRUMP: (&str, ActorType, &[&str]) = ("a1:p4", ActorType::Person, &["Donald Trump", "Trump"]);
    const WHITMAN: (&str, ActorType, &[&str]) = ("a1:p5", ActorType::Person, &["Meg Whitman"]);
    let t = "Trump dubbed his rival \u{201c}Little Marco\u{201d} again.\n\nThe newspaper has been branded a \u{201c}foreign agent\u{201d} by the government.\n\nMeg Whitman, a former candidate for governor, labeled him \u{201c}unfit to be president.\u{201d}";
    let (qs, _) = run(t, &[TRUMP, WHITMAN]);
    let q = find(&qs, "Little Marco");
    assert_eq!((q.kind, q.speaker.as_deref()), (QuoteKind::Partial, Some("a1:p4")));
    assert_eq!(q.cue.as_ref().map(|c| c.text.as_str()), Some("dubbed"));
    assert_eq!(find(&qs, "foreign agent").kind, QuoteKind::Term);
    assert_eq!(find(&qs, "unfit to be president.").speaker.as_deref(), Some("a1:p5"));
}

#[test]
fn multi_paragraph_quote_after_a_colon() {
    let t = "Kim said:\n\u{201c}The first part.\n\u{201c}The second part.\u{201d}\nThe talks ended.";
    let (qs, _) = run(t, &[KIM]);
    let q = find(&qs, "The first part.\n\u{201c}The second part.");
    assert_eq!(q.kind, QuoteKind::Direct);
    assert_eq!(q.speaker.as_deref(), Some("a1:p1"));
}

#[test]
fn unmatched_mark_does_not_swallow_the_article() {
    let t = "Kim said \u{201c}this never closes.\nPutin said \u{201c}this one does.\u{201d}";
    let (qs, _) = run(t, &[KIM, PUTIN]);
    assert_eq!(qs.iter().filter(|q| q.kind != QuoteKind::Indirect).count(), 1);
    assert_eq!(find(&qs, "this one does.").speaker.as_deref(), Some("a1:p2"));
}

#[test]
fn apostrophes_nesting_and_guillemets() {
    let t = "Kim said the cooperation has \"put on a new stage in the front against the hostile forces' threat.\"\n\
             Putin said: \u{ab}They call it \u{2018}peace\u{2019}, we call it war.\u{bb}";
    let (qs, _) = run(t, &[KIM, PUTIN]);
    assert_eq!(
        find(&qs, "put on a new stage in the front against the hostile forces' threat.").speaker.as_deref(),
        Some("a1:p1")
    );
    let q = find(&qs, "They call it \u{2018}peace\u{2019}, we call it war.");
    assert_eq!(q.speaker.as_deref(), Some("a1:p2"));
    assert_eq!(q.kind, QuoteKind::Direct);
}

#[test]
fn vague_sources_and_contested_claims() {
    let t = "Analysts suggest that the gesture is strategic. The move comes amid speculation that troops may follow. \
             Miller reiterated allegations that North Korea had provided \u{201c}dozens of ballistic missiles\u{201d} to Russia.\n\
             Both Moscow and Pyongyang have denied any arms transfers.";
    let miller = ("a1:p3", ActorType::Person, &["Miller"][..]);
    let (_, flags) = run(t, &[miller]);
    let vague: Vec<&str> = flags.iter().filter(|f| f.kind == FlagKind::VagueSource).map(|f| f.text.as_str()).collect();
    assert_eq!(vague, vec!["Analysts suggest", "amid speculation"]);
    let c = flags.iter().find(|f| f.kind == FlagKind::ContestedClaim).expect("contested claim");
    assert_eq!(
        c.text,
        "allegations that North Korea had provided \u{201c}dozens of ballistic missiles\u{201d} to Russia"
    );
    assert!(c.note.as_deref().is_some_and(|n| n.contains("denied any arms transfers")));
}

#[test]
fn hostile_input_is_safe() {
    let junk = "\u{201c}\u{2019}'\"\u{ab}".repeat(2000) + "said \u{201c}" + &"x \u{2018}".repeat(2000);
    let (qs, _) = run(&junk, &[]);
    for q in qs {
        assert!(junk.is_char_boundary(q.start) && junk.is_char_boundary(q.end));
    }
}

const TRUMP: (&str, ActorType, &[&str]) = ("a1:p3", ActorType::Person, &["Donald Trump", "Trump"]);

/// The content (what is attributed) of the quote with text `q`.
fn content_of(t: &str, qs: &[Quote], q: &str) -> String {
    let seg = text::segment(t, &paragraphs(t));
    let pos = text::pos::tag(t, &seg);
    let c = quotes::content::content(t, &seg, &pos, find(qs, q));
    t[c.start..c.end].to_string()
}

#[test]
fn a_verb_outside_the_cue_list_still_governs_a_partial_quote() {
    let t = "Trump openly admires Vladimir Putin as a \u{201c}strong leader,\u{201d} a remark that drew criticism from Democrats.";
    let (qs, _) = run(t, &[TRUMP, PUTIN]);
    let q = find(&qs, "strong leader,");
    assert_eq!(q.kind, QuoteKind::Partial, "{q:?}");
    assert_eq!(q.speaker.as_deref(), Some("a1:p3"));
    assert_eq!(q.cue.as_ref().map(|c| c.text.as_str()), Some("admires"));
    assert_eq!(content_of(t, &qs, "strong leader,"), "Vladimir Putin as a \u{201c}strong leader,");
}

#[test]
fn a_scare_quote_with_no_actor_subject_stays_a_term() {
    let t = "The plan was called a \u{201c}bridge\u{201d} by some.";
    let (qs, _) = run(t, &[TRUMP]);
    assert_eq!(find(&qs, "bridge").kind, QuoteKind::Term);
}

#[test]
fn content_runs_to_the_clause_end_and_back_to_the_sentence_start() {
    let t = "Trump is stressing the need to bolster the nation\u{2019}s cybersecurity efforts under \u{201c}constant attack\u{201d} from foreign powers.\n\
             Not paying taxes \u{201c}makes me smart,\u{201d} Donald Trump said last week.";
    let (qs, _) = run(t, &[TRUMP]);
    assert_eq!(
        content_of(t, &qs, "constant attack"),
        "the need to bolster the nation\u{2019}s cybersecurity efforts under \u{201c}constant attack\u{201d} from foreign powers"
    );
    assert_eq!(content_of(t, &qs, "makes me smart,"), "Not paying taxes \u{201c}makes me smart,");
}

#[test]
fn the_object_of_a_speech_act_verb_is_reported_speech() {
    let sanders: (&str, ActorType, &[&str]) = ("a1:p4", ActorType::Person, &["Bernie Sanders", "Sanders"]);
    let t = "Sanders criticized the trade deal with Mexico.\n\
             The soothing voice of a radio announcer filled the room.";
    let (qs, _) = run(t, &[sanders]);
    let q = find(&qs, "the trade deal with Mexico");
    assert_eq!(q.kind, QuoteKind::Indirect);
    assert_eq!(q.speaker.as_deref(), Some("a1:p4"));
    assert_eq!(q.cue.as_ref().map(|c| c.text.as_str()), Some("criticized"));
    assert_eq!(qs.len(), 1, "{qs:#?}");
}

#[test]
fn stances_questions_and_headline_says_are_attributions() {
    let sanders: (&str, ActorType, &[&str]) = ("a1:p4", ActorType::Person, &["Bernie Sanders", "Sanders"]);
    let t = "Trump Says He Never Pledged To Kill Family Members.\n\
             Sanders opposes the trade deal with Mexico.\n\
             Asked whether the deal would pass the Senate, Sanders shrugged.";
    let (qs, _) = run(t, &[TRUMP, sanders]);
    let q = find(&qs, "the trade deal with Mexico");
    assert_eq!((q.kind, q.speaker.as_deref()), (QuoteKind::Indirect, Some("a1:p4")));
    assert_eq!(q.cue.as_ref().map(|c| c.text.as_str()), Some("opposes"));
    let q = find(&qs, "whether the deal would pass the Senate");
    assert_eq!(q.cue.as_ref().map(|c| c.text.as_str()), Some("Asked"));
    let q = find(&qs, "He Never Pledged To Kill Family Members");
    assert_eq!((q.kind, q.speaker.as_deref()), (QuoteKind::Indirect, Some("a1:p3")));
}

#[test]
fn a_participle_after_the_main_verb_owns_what_follows_with_the_main_subject() {
    let shoigu: (&str, ActorType, &[&str]) = ("a1:p5", ActorType::Person, &["Sergei Shoigu", "Shoigu"]);
    let kang: (&str, ActorType, &[&str]) = ("a1:p6", ActorType::Person, &["Kang Sun-nam"]);
    let t =
        "During a meeting with his counterpart, Kang Sun-nam, Shoigu hailed the \u{201c}rich history\u{201d} of ties, \
             adding that exchanges had helped to \u{201c}maintain peace on the peninsula.\u{201d}";
    let (qs, _) = run(t, &[shoigu, kang]);
    let q = find(&qs, "maintain peace on the peninsula.");
    assert_eq!(q.speaker.as_deref(), Some("a1:p5"), "{q:?}");
    assert_eq!(q.cue.as_ref().map(|c| c.text.as_str()), Some("adding"));
    let ind = qs.iter().find(|q| q.kind == QuoteKind::Indirect).expect("the added clause");
    assert_eq!(ind.speaker.as_deref(), Some("a1:p5"), "{ind:?}");
}

#[test]
fn markup_and_time_adverbials_are_not_reported_content() {
    let t = "<tweet id=\"672139201337532417\" author=\"@someone\">scanner: the suspect left the building</tweet>\n\
             Trump endorsed the Republican ticket in early June and campaigned with it.";
    let (qs, _) = run(t, &[TRUMP]);
    assert!(qs.iter().all(|q| q.cue.as_ref().map_or(true, |c| c.text != "tweet")), "{qs:#?}");
    let q = find(&qs, "the Republican ticket");
    assert_eq!(q.cue.as_ref().map(|c| c.text.as_str()), Some("endorsed"));
}

#[test]
fn a_partial_quote_reports_the_clause_it_belongs_to() {
    let t = "Trump openly admires Vladimir Putin as a \u{201c}strong leader,\u{201d} a remark that drew criticism from Democrats.";
    let (qs, _) = run(t, &[TRUMP, PUTIN]);
    let q = find(&qs, "strong leader,");
    let c = q.content.as_ref().expect("content");
    assert_eq!(c.text, "Vladimir Putin as a \u{201c}strong leader,");
    assert_eq!(&t[c.start..c.end], c.text);
    // A whole-sentence quotation is its own content.
    let t = "\u{201c}We will win,\u{201d} Trump said.";
    let (qs, _) = run(t, &[TRUMP]);
    assert!(find(&qs, "We will win,").content.is_none());
}

#[test]
fn a_lower_case_title_before_an_inverted_speaker() {
    let luntz: (&str, ActorType, &[&str]) = ("a1:p7", ActorType::Person, &["Frank Luntz"]);
    let t = "\"I can guarantee that this will appear in some ad,\" said pollster Frank Luntz. \"Nobody wants that.\"";
    let (qs, _) = run(t, &[TRUMP, luntz]);
    for text in ["I can guarantee that this will appear in some ad,", "Nobody wants that."] {
        let q = find(&qs, text);
        assert_eq!(q.speaker.as_deref(), Some("a1:p7"), "{q:?}");
        assert_eq!(q.cue.as_ref().map(|c| c.text.as_str()), Some("said"));
    }
}

#[test]
fn continued_next_to_a_quotation_and_a_question_verb_in_the_next_sentence() {
    let rubio: (&str, ActorType, &[&str]) = ("a1:p8", ActorType::Person, &["Marco Rubio", "Rubio"]);
    let t = "Trump spoke first. Rubio spoke next.\n\
             \"But we face a threat of homegrown violent extremism,\" Rubio continued. \"We need partners.\"\n\
             \u{201c}Isn\u{2019}t that sort of a bribe?\u{201d} Trump asked. \u{201c}I think it\u{2019}s a bribe.\u{201d}\n\
             The war continued for years, and the talks continued too.";
    let (qs, _) = run(t, &[TRUMP, rubio]);
    let q = find(&qs, "But we face a threat of homegrown violent extremism,");
    assert_eq!((q.speaker.as_deref(), q.cue.as_ref().map(|c| c.text.as_str())), (Some("a1:p8"), Some("continued")));
    assert_eq!(find(&qs, "We need partners.").speaker.as_deref(), Some("a1:p8"));
    let q = find(&qs, "Isn\u{2019}t that sort of a bribe?");
    assert_eq!((q.speaker.as_deref(), q.cue.as_ref().map(|c| c.text.as_str())), (Some("a1:p3"), Some("asked")));
    assert_eq!(find(&qs, "I think it\u{2019}s a bribe.").speaker.as_deref(), Some("a1:p3"));
    // "continued" away from a quotation is no cue.
    assert!(qs.iter().all(|q| q.cue.as_ref().map_or(true, |c| c.start < t.find("The war").unwrap())), "{qs:#?}");
}

#[test]
fn a_cue_closing_a_quotation_reports_no_more_and_markup_values_are_not_quotes() {
    let flake: (&str, ActorType, &[&str]) = ("a1:p9", ActorType::Person, &["Jeff Flake"]);
    let t = "\"You've been very critical of me,\" Trump told Sen. Jeff Flake in the closed-door meeting.\n\
             <tweet author=\"JebBush\" timestamp=\"1449075600\">Praying for the victims</tweet>";
    let (qs, _) = run(t, &[TRUMP, flake]);
    assert_eq!(find(&qs, "You've been very critical of me,").speaker.as_deref(), Some("a1:p3"));
    assert!(qs.iter().all(|q| !q.text.contains("Flake") && !q.text.contains("JebBush")), "{qs:#?}");
}

#[test]
fn an_appositive_subject_is_not_read_as_an_inverted_one() {
    let perry: (&str, ActorType, &[&str]) = ("a1:p10", ActorType::Person, &["Simone Perry"]);
    let t =
        "Simone Perry, a black tea party activist, says Trump\u{2019}s rise is crippling the party\u{2019}s efforts.";
    let (qs, _) = run(t, &[TRUMP, perry]);
    let q = find(&qs, "Trump\u{2019}s rise is crippling the party\u{2019}s efforts");
    assert_eq!(q.speaker.as_deref(), Some("a1:p10"), "{q:?}");
}

#[test]
fn headline_labels_and_according_to_without_a_comma() {
    let cuban: (&str, ActorType, &[&str]) = ("a1:p11", ActorType::Person, &["Mark Cuban"]);
    let cbs: (&str, ActorType, &[&str]) = ("a1:m2", ActorType::Media, &["CBS"]);
    let t = "Mark Cuban: I'd consider a future White House bid\n\
             Q: How did things go for you?\n\
             Trump is now well ahead of the field 46 percent to 39 percent according to a CBS poll released Monday.";
    let (qs, _) = run(t, &[TRUMP, cuban, cbs]);
    let q = find(&qs, "I'd consider a future White House bid");
    assert_eq!((q.speaker.as_deref(), q.cue.as_ref().map(|c| c.text.as_str())), (Some("a1:p11"), Some(":")));
    assert!(qs.iter().all(|q| !q.text.starts_with("How did")), "{qs:#?}");
    let q = find(&qs, "Trump is now well ahead of the field 46 percent to 39 percent");
    assert_eq!(q.cue.as_ref().map(|c| c.text.as_str()), Some("according to"));
}

#[test]
fn a_phrase_after_said_that_goes_on_is_the_reported_clause() {
    let kasich: (&str, ActorType, &[&str]) = ("a1:p12", ActorType::Person, &["John Kasich"]);
    let ohio: (&str, ActorType, &[&str]) = ("a1:l1", ActorType::Place, &["Ohio"]);
    let khan: (&str, ActorType, &[&str]) = ("a1:p13", ActorType::Person, &["Khan"]);
    let t = "Gov. John Kasich of Ohio, a Republican who has refused to endorse Mr. Trump, said the Khan family \
             deserved better.";
    let (qs, _) = run(t, &[TRUMP, kasich, ohio, khan]);
    let q = find(&qs, "the Khan family deserved better");
    assert_eq!(q.speaker.as_deref(), Some("a1:p12"), "{q:?}");
}

#[test]
fn a_term_marker_before_a_colon_or_comma_does_not_make_a_quotation_a_term() {
    let mosman: (&str, ActorType, &[&str]) = ("a1:p14", ActorType::Person, &["Mosman"]);
    let t = "Mosman saw the words differently: \"When he says he will die a free man, I don't take that as a joke,\" he said.\n\
             Freddy, as he was known, \"was caught sort of in the middle as somebody who didn't really love it,\" Mr. Trump said.\n\
             The Republican front-runner used the phrase \"low energy\" again.";
    let (qs, _) = run(t, &[TRUMP, mosman]);
    let q = find(&qs, "When he says he will die a free man, I don't take that as a joke,");
    assert_eq!((q.kind, q.speaker.as_deref()), (QuoteKind::Direct, Some("a1:p14")), "{q:?}");
    let q = find(&qs, "was caught sort of in the middle as somebody who didn't really love it,");
    assert_eq!((q.kind, q.speaker.as_deref()), (QuoteKind::Partial, Some("a1:p3")), "{q:?}");
    assert_eq!(find(&qs, "low energy").kind, QuoteKind::Term);
}

#[test]
fn a_progressive_cue_is_active_and_in_the_words_of_is_a_frame() {
    let clinton: (&str, ActorType, &[&str]) = ("a1:p15", ActorType::Person, &["Hillary Clinton", "Clinton"]);
    let t = "Hillary Clinton is telling customers at a breakfast spot that \"I need you tomorrow.\"\n\
             Mrs. Clinton was, in the words of a senior adviser, \"the torchbearer\" of his legacy.";
    let (qs, _) = run(t, &[clinton]);
    let q = find(&qs, "I need you tomorrow.");
    assert_eq!((q.speaker.as_deref(), q.cue.as_ref().map(|c| c.text.as_str())), (Some("a1:p15"), Some("telling")));
    let q = find(&qs, "the torchbearer");
    assert_eq!(
        (q.kind, q.cue.as_ref().map(|c| c.text.as_str())),
        (QuoteKind::Partial, Some("in the words of")),
        "{q:?}"
    );
}

#[test]
fn any_verb_right_after_a_quotation_reports_it_and_a_question_takes_a_long_attribution() {
    let hannity: (&str, ActorType, &[&str]) = ("a1:p16", ActorType::Person, &["Hannity"]);
    let t = "\"The New York Times is claiming today that they had a conversation with you,\" Hannity started.\n\
             \"This is fantastic!\" beamed Donald Trump of Madison, Alabama.\n\
             \"Who knows?\" Trump told Britain's ITV television station in an interview aired on Monday.\n\
             \"We will win,\" Trump said the plan would work, and the crowd went home happy.\n\
             \"Donald is an amazing leader,\" said the 46-year-old.";
    let (qs, _) = run(t, &[TRUMP, hannity]);
    let cue_of = |q: &Quote| (q.speaker.clone(), q.cue.as_ref().map(|c| c.text.clone()));
    let q = find(&qs, "The New York Times is claiming today that they had a conversation with you,");
    assert_eq!(cue_of(q), (Some("a1:p16".into()), Some("started".into())));
    assert_eq!(cue_of(find(&qs, "This is fantastic!")), (Some("a1:p3".into()), Some("beamed".into())));
    assert_eq!(cue_of(find(&qs, "Who knows?")), (Some("a1:p3".into()), Some("told".into())));
    // A verb followed by a clause of its own is a cue of the lexicon or nothing.
    assert_eq!(find(&qs, "We will win,").cue.as_ref().map(|c| c.text.as_str()), Some("said"));
    let q = find(&qs, "Donald is an amazing leader,");
    assert_eq!(q.speaker_span.map(|s| &t[s.start..s.end]), Some("the 46-year-old"), "{q:?}");
}

#[test]
fn writing_and_warning_after_a_comma_are_cues() {
    // No cues in general ("in writing", "a warning"), but participles after a comma before a
    // quotation or "that": the main clause's subject speaks.
    let t = "Kim shared the news on social media last week, writing \"Feels great to support someone I believe in.\"\n\
             Putin sent a letter on Friday, warning that the West would pay a price.\n\
             The warning was \"clear.\"";
    let (qs, _) = run(t, &[KIM, PUTIN]);
    let q = find(&qs, "Feels great to support someone I believe in.");
    assert_eq!((q.speaker.as_deref(), q.cue.as_ref().map(|c| c.text.as_str())), (Some("a1:p1"), Some("writing")));
    let q = find(&qs, "the West would pay a price");
    assert_eq!(q.kind, QuoteKind::Indirect);
    assert_eq!((q.speaker.as_deref(), q.cue.as_ref().map(|c| c.text.as_str())), (Some("a1:p2"), Some("warning")));
    assert!(find(&qs, "clear.").cue.is_none(), "a noun is no cue: {qs:#?}");
}

#[test]
fn a_verb_chain_before_the_cue_keeps_its_subject() {
    let t = "The email goes on to say: \"Trump wants to write racism into our law books.\"\n\
             Kim continued to argue that the talks were \"going well\" for both sides.";
    let (qs, _) = run(t, &[KIM]);
    let q = find(&qs, "Trump wants to write racism into our law books.");
    assert_eq!(q.speaker_span.map(|s| &t[s.start..s.end]), Some("The email"));
    assert_eq!(find(&qs, "going well").speaker.as_deref(), Some("a1:p1"));
}

#[test]
fn a_document_reads_its_quotation() {
    // "read" after a noun is often tagged as part of the noun phrase; right after a quotation,
    // with only the sentence end after it, it is the document's verb.
    let t = "\"The president has failed the country,\" the editorial read.\n\
             \"Welcome to the campaign!\" a welcome message on the website reads.\n\
             \"It is the people's house,\" the statement read on Monday.";
    let (qs, _) = run(t, &[TRUMP]);
    let said =
        |q: &Quote| (q.speaker_span.map(|s| t[s.start..s.end].to_string()), q.cue.as_ref().map(|c| c.text.clone()));
    assert_eq!(
        said(find(&qs, "The president has failed the country,")),
        (Some("the editorial".into()), Some("read".into()))
    );
    assert_eq!(said(find(&qs, "Welcome to the campaign!")), (Some("a welcome message".into()), Some("reads".into())));
    assert_eq!(said(find(&qs, "It is the people's house,")), (Some("the statement".into()), Some("read".into())));
}

#[test]
fn a_reduced_participle_or_a_hyphenated_age_is_a_subject_and_continues_that_is_a_cue() {
    let t = "\"It's a way to participate,\" says a source involved in the super-PAC's creation.\n\
             \"What if Donald Trump had elocution lessons?\" the 43-year-old asked in the video's description.\n\
             The narrator continues that, in \"Donald Trump's America, working families get tax relief.\"";
    let (qs, _) = run(t, &[TRUMP]);
    let span = |q: &Quote| q.speaker_span.map(|s| t[s.start..s.end].to_string());
    assert_eq!(span(find(&qs, "It's a way to participate,")).as_deref(), Some("a source"));
    assert_eq!(span(find(&qs, "What if Donald Trump had elocution lessons?")).as_deref(), Some("the 43-year-old"));
    let q = find(&qs, "Donald Trump's America, working families get tax relief.");
    assert_eq!(q.cue.as_ref().map(|c| c.text.as_str()), Some("continues"), "{q:?}");
}

#[test]
fn a_prepositional_phrase_between_subject_and_verb_is_skipped() {
    let beck: (&str, ActorType, &[&str]) = ("a1:p17", ActorType::Person, &["Beck"]);
    let t = "Trump at the time said the \u{201c}people\u{201d} would look into paying the fees.\n\
             Beck, who has in the past described Trump as \u{201c}a pathological narcissistic sociopath,\u{201d} stayed home.";
    let (qs, _) = run(t, &[TRUMP, beck]);
    let q = find(&qs, "people");
    assert_eq!(q.speaker.as_deref(), Some("a1:p3"), "{q:?}");
    assert_eq!(find(&qs, "a pathological narcissistic sociopath,").speaker.as_deref(), Some("a1:p17"));
}

/// Quotation marks in a long stretch without white space (`x"y"x"y"…`): every quotation is found,
/// as a scare-quoted term with no speaker. Each quotation used to walk the rest of its paragraph
/// (one "word"), quadratic in the stretch's length; benches/pipeline.rs has the size series.
#[test]
fn quotation_marks_without_white_space_are_each_a_term() {
    for (unit, inner) in [("x\"y\"", "y"), ("\u{201c}y\u{201d}", "y"), ("Kim\"said\"Moon", "said")] {
        let text = unit.repeat(2000);
        let report = newslens::analyze(&[newslens::Input { source: "a", text: &text }]).unwrap();
        let quotes = &report.articles[0].quotes;
        assert_eq!(quotes.len(), 2000, "{unit}");
        for q in quotes {
            assert_eq!(q.text, inner);
            assert_eq!(&text[q.start..q.end], inner);
            assert_eq!(q.kind, QuoteKind::Term);
            assert!(q.speaker.is_none());
        }
    }
}

/// A pronoun takes the most salient person, not the nearest: the subject of the sentences
/// before it over a name its previous sentence only mentions ("the Obama administration’s
/// decision"), and never a name that is the topic ("Of Obama, he said").
#[test]
fn a_pronoun_takes_the_most_salient_person() {
    const PERRY: (&str, ActorType, &[&str]) = ("a1:p1", ActorType::Person, &["Rick Perry", "Perry"]);
    const OBAMA: (&str, ActorType, &[&str]) = ("a1:p2", ActorType::Person, &["Barack Obama", "Obama"]);
    let t = "Rick Perry spoke in Iowa on Tuesday. In a statement, he decried the Obama administration\u{2019}s decision on aid.\n\u{201c}This is a war on faith,\u{201d} he said.";
    let (qs, _) = run(t, &[PERRY, OBAMA]);
    assert_eq!(find(&qs, "This is a war on faith,").speaker.as_deref(), Some("a1:p1"));
    let t = "\u{201c}We should take the oil,\u{201d} Perry said. He said Obama had no plan.\nOf Obama, he said, \u{201c}I want him to do well.\u{201d}";
    let (qs, _) = run(t, &[PERRY, OBAMA]);
    assert_eq!(find(&qs, "I want him to do well.").speaker.as_deref(), Some("a1:p1"));
}

/// Two persons exactly as salient: the pronoun is left without a speaker.
#[test]
fn an_exact_tie_gives_no_speaker() {
    const SMITH: (&str, ActorType, &[&str]) = ("a1:p1", ActorType::Person, &["John Smith"]);
    const JONES: (&str, ActorType, &[&str]) = ("a1:p2", ActorType::Person, &["Bill Jones"]);
    let t = "John Smith and Bill Jones met reporters.\n\u{201c}It went well,\u{201d} he said.";
    let (qs, _) = run(t, &[SMITH, JONES]);
    let q = find(&qs, "It went well,");
    assert_eq!(q.speaker, None);
}

/// A named speaker that is no actor becomes one, with the words as its mention; a country
/// that only qualifies the name gives it up; a capitalised common noun does not.
#[test]
fn named_speakers_become_actors() {
    let t = "The quake struck at dawn near the coast of the United States.\n\u{201c}It was shallow,\u{201d} the U.S. Geological Survey said.\n\u{201c}We are watching,\u{201d} Mr. VandeHei said.\nAnalysts said \u{201c}nothing is certain.\u{201d}";
    let us: (&str, ActorType, &[&str]) = ("a1:c1", ActorType::Country, &["United States", "U.S."]);
    let seg = text::segment(t, &paragraphs(t));
    let mut aa = ArticleActors::default();
    aa.actors.push(Actor {
        id: us.0.to_string(),
        name: "United States".into(),
        kind: us.1,
        aliases: vec!["United States".into(), "U.S.".into()],
        roles: vec![],
        role_evidence: vec![],
        mentions: vec![],
    });
    for f in us.2 {
        for (at, _) in t.match_indices(f) {
            let s = Span::new(at, at + f.len());
            aa.actors[0].mentions.push(newslens::report::Mention { start: s.start, end: s.end, text: f.to_string() });
            aa.mentions.push((s, 0));
        }
    }
    aa.mentions.sort_by_key(|(m, _)| m.start);
    let spans = quotes::find(t, &seg);
    let pos = text::pos::Tags::new(t, &seg);
    let mut qs = quotes::attribute(t, &seg, &pos, &aa, &spans);
    quotes::speaker_actors(t, &seg, &pos, "a1", &mut aa, &mut qs);
    let actor = |q: &Quote| aa.actors.iter().find(|a| Some(&a.id) == q.speaker.as_ref()).cloned();
    let usgs = actor(find(&qs, "It was shallow,")).expect("the survey is an actor");
    assert_eq!((usgs.name.as_str(), usgs.kind), ("U.S. Geological Survey", ActorType::Organization));
    assert_eq!(usgs.mentions.len(), 1);
    assert_eq!(aa.actors[0].mentions.len(), 1, "the country keeps its own mention only");
    let mr = actor(find(&qs, "We are watching,")).expect("Mr. VandeHei is an actor");
    assert_eq!((mr.name.as_str(), mr.kind), ("VandeHei", ActorType::Person));
    assert_eq!(mr.mentions[0].text, "Mr. VandeHei");
    assert_eq!(find(&qs, "nothing is certain.").speaker, None);
    assert!(aa.mentions.windows(2).all(|w| w[0].0.start <= w[1].0.start));
}

/// A name the actors stage missed: a first name plus the surname of a person of the article is
/// a person, and an acronym an organisation; a proper name that cannot be
/// made an actor leaves the quote without speaker words, while a common noun opening its
/// sentence ("Polls show") keeps them as a description.
#[test]
fn a_speaker_name_is_an_actor_or_nothing() {
    const TRUMP: (&str, ActorType, &[&str]) = ("a1:p1", ActorType::Person, &["Donald Trump"]);
    let t = "Donald Trump spoke in Ohio on Monday.\n\u{201c}It is a hard road,\u{201d} Ivanka Trump said.\nOn Monday, KING-TV reported \u{201c}a quiet deal.\u{201d}\nPolls show \u{201c}a close race,\u{201d} and the polls are many.\n\u{201c}We checked it twice,\u{201d} said Zorblat Quixley Vantor.";
    let seg = text::segment(t, &paragraphs(t));
    let mut aa = ArticleActors::default();
    aa.actors.push(Actor {
        id: TRUMP.0.into(),
        name: "Donald Trump".into(),
        kind: TRUMP.1,
        aliases: vec!["Donald Trump".into()],
        roles: vec![],
        role_evidence: vec![],
        mentions: vec![newslens::report::Mention { start: 0, end: 12, text: "Donald Trump".into() }],
    });
    aa.mentions.push((Span::new(0, 12), 0));
    let spans = quotes::find(t, &seg);
    let pos = text::pos::Tags::new(t, &seg);
    let mut qs = quotes::attribute(t, &seg, &pos, &aa, &spans);
    quotes::speaker_actors(t, &seg, &pos, "a1", &mut aa, &mut qs);
    let actor = |q: &Quote| aa.actors.iter().find(|a| Some(&a.id) == q.speaker.as_ref()).cloned();
    let ivanka = actor(find(&qs, "It is a hard road,")).expect("Ivanka Trump is an actor");
    assert_eq!((ivanka.name.as_str(), ivanka.kind), ("Ivanka Trump", ActorType::Person));
    let station = actor(find(&qs, "a quiet deal.")).expect("KING-TV is an actor");
    assert_eq!((station.name.as_str(), station.kind), ("KING-TV", ActorType::Organization));
    let polls = find(&qs, "a close race,");
    assert_eq!(polls.speaker, None);
    assert_eq!(polls.speaker_span.map(|s| &t[s.start..s.end]), Some("Polls"));
    let unknown = find(&qs, "We checked it twice,");
    assert_eq!((unknown.speaker.as_ref(), unknown.speaker_span), (None, None));
}

/// A participle never takes an inverted subject: in "X said, noting the delay, “…”" the delay
/// is its object and X speaks.
#[test]
fn a_participle_keeps_the_main_subject() {
    const BROWN: (&str, ActorType, &[&str]) = ("a1:p1", ActorType::Person, &["Bill Brown"]);
    let t = "Bill Brown said, noting the delay, \u{201c}It is too late.\u{201d}";
    let (qs, _) = run(t, &[BROWN]);
    assert_eq!(find(&qs, "It is too late.").speaker.as_deref(), Some("a1:p1"));
}

/// The subject of an opening subordinate clause is not the sentence's subject: "he" goes to
/// the main clause's.
#[test]
fn a_subordinate_subject_is_less_salient() {
    const CURRY: (&str, ActorType, &[&str]) = ("a1:p1", ActorType::Person, &["Ann Curry"]);
    const SMITH: (&str, ActorType, &[&str]) = ("a1:p2", ActorType::Person, &["John Smith"]);
    let t = "After Ann Curry finished her question on Monday, John Smith paused.\n\u{201c}No comment,\u{201d} he said.";
    let (qs, _) = run(t, &[CURRY, SMITH]);
    assert_eq!(find(&qs, "No comment,").speaker.as_deref(), Some("a1:p2"));
}

/// A participle after a comma, with no cue before it, belongs to the nearest verb before it,
/// not to the sentence's first subject.
#[test]
fn a_participle_takes_the_nearest_verbs_subject() {
    const BOEHNER: (&str, ActorType, &[&str]) = ("a1:p1", ActorType::Person, &["John Boehner", "Boehner"]);
    const OBAMA: (&str, ActorType, &[&str]) = ("a1:p2", ActorType::Person, &["Obama"]);
    let t = "The meeting came after Boehner publicly chided Obama on Friday, accusing the president of having \u{201c}wasted another week.\u{201d}";
    let (qs, _) = run(t, &[BOEHNER, OBAMA]);
    assert_eq!(find(&qs, "wasted another week.").speaker.as_deref(), Some("a1:p1"));
}

/// The whole pipeline: a quotation interrupted by its cue, and one continued over paragraphs,
/// are each one quote in parts, with the speaker of the whole.
#[test]
fn one_remark_in_parts_is_one_quote() {
    let t = "Senate Majority Leader Mitch McConnell spoke to reporters on Tuesday.\n\n\
             “We will not back down,” McConnell said, “not now, not ever.”\n\n\
             “This is the moment. We owe it to the voters to act.\n\n\
             “And we will act before the recess,” he added.\n";
    let report = newslens::analyze(&[newslens::Input { source: "a.txt", text: t }]).expect("analysis");
    let a = &report.articles[0];
    let mcconnell = a.actors.iter().find(|x| x.name.contains("McConnell")).expect("McConnell");
    let joined = a.quotes.iter().find(|q| q.text == "We will not back down, not now, not ever.").expect("joined quote");
    let parts: Vec<&str> = joined.parts.iter().map(|p| &t[p.start..p.end]).collect();
    assert_eq!(parts, ["We will not back down,", "not now, not ever."]);
    assert_eq!((joined.kind, joined.speaker.as_deref()), (QuoteKind::Direct, Some(mcconnell.id.as_str())));
    let continued = a.quotes.iter().find(|q| q.text.starts_with("This is the moment")).expect("continued quote");
    assert_eq!(
        continued.text,
        "This is the moment. We owe it to the voters to act. And we will act before the recess,"
    );
    assert_eq!(continued.parts.len(), 2);
    assert_eq!(continued.speaker.as_deref(), Some(mcconnell.id.as_str()));
    // A remark after the cue that the reporter introduces is another quote.
    let t2 = "“We will not back down,” McConnell said, adding that the plan was “a disaster.”\n";
    let r2 = newslens::analyze(&[newslens::Input { source: "b.txt", text: t2 }]).expect("analysis");
    assert!(r2.articles[0].quotes.iter().all(|q| q.parts.is_empty()), "{:#?}", r2.articles[0].quotes);
}

/// A participle after a comma takes the clause verb's subject, not a place between commas.
#[test]
fn a_participle_passes_over_a_place_between_commas() {
    const CLINTON: (&str, ActorType, &[&str]) = ("a1:p1", ActorType::Person, &["Hillary Clinton", "Clinton"]);
    const TULSA: (&str, ActorType, &[&str]) = ("a1:l1", ActorType::Place, &["Tulsa", "Oklahoma"]);
    let t = "Hillary Clinton spoke out about the shooting in Tulsa, Oklahoma, arguing that the killings were \u{201c}intolerable.\u{201d}";
    let (qs, _) = run(t, &[CLINTON, TULSA]);
    assert_eq!(find(&qs, "intolerable.").speaker.as_deref(), Some("a1:p1"));
}

/// "as X put it" names the speaker; an adjective ends no subject phrase.
#[test]
fn as_x_put_it_and_no_adjective_subject() {
    const SIMONYAN: (&str, ActorType, &[&str]) = ("a1:p1", ActorType::Person, &["Margarita Simonyan", "Ms. Simonyan"]);
    let t =
        "As Ms. Simonyan put it in a statement in July, RT is \u{201c}providing a perspective you won't get.\u{201d}";
    let (qs, _) = run(t, &[SIMONYAN]);
    assert_eq!(find(&qs, "providing a perspective you won't get.").speaker.as_deref(), Some("a1:p1"));
    let t = "He did not address his early-morning tweets in which he called her \u{201c}disgusting\u{201d} on Friday.";
    let (qs, _) = run(t, &[]);
    let q = find(&qs, "disgusting");
    assert_ne!(q.speaker_span.map(|s| &t[s.start..s.end]), Some("early-morning"));
}

/// A verb after "and" shares the subject of the verb before it, not an earlier cue's; a
/// quotation right after ", X said." continues X.
#[test]
fn coordinated_verbs_and_a_closing_frame() {
    const MOTHER: (&str, ActorType, &[&str]) = ("a1:p1", ActorType::Person, &["Mary Smith"]);
    let t =
        "When Mary Smith mentioned the devil to me, I laughed and said, \u{201c}I don't believe in the devil.\u{201d}";
    let (qs, _) = run(t, &[MOTHER]);
    let q = find(&qs, "I don't believe in the devil.");
    assert_eq!(q.speaker_span.map(|s| &t[s.start..s.end]), Some("I"));
    const SCHIFF: (&str, ActorType, &[&str]) = ("a1:p1", ActorType::Person, &["Adam Schiff", "Schiff"]);
    let t = "The administration may be reluctant to act, Schiff said. \"The other factor is the appearance of bias.\"";
    let (qs, _) = run(t, &[SCHIFF]);
    assert_eq!(find(&qs, "The other factor is the appearance of bias.").speaker.as_deref(), Some("a1:p1"));
}

/// A party's plural ("Democrats said") speaks as the party: it joins the party's actor, or
/// becomes one; a label ("Poll:") and a singular description do not.
#[test]
fn a_party_group_is_the_partys_actor() {
    let t = "The committee met on Friday.\nRepublicans said \u{201c}the credibility of the Congress is on the line.\u{201d}\nSenate Democrats said \u{201c}the panel itself might be damaged.\u{201d}";
    let gop: (&str, ActorType, &[&str]) = ("a1:o1", ActorType::Organization, &["Republican Party", "GOP"]);
    let seg = text::segment(t, &paragraphs(t));
    let mut aa = ArticleActors::default();
    aa.actors.push(Actor {
        id: gop.0.to_string(),
        name: "Republican Party".into(),
        kind: gop.1,
        aliases: vec!["Republican Party".into(), "GOP".into()],
        roles: vec![],
        role_evidence: vec![],
        mentions: vec![],
    });
    let spans = quotes::find(t, &seg);
    let pos = text::pos::Tags::new(t, &seg);
    let mut qs = quotes::attribute(t, &seg, &pos, &aa, &spans);
    quotes::speaker_actors(t, &seg, &pos, "a1", &mut aa, &mut qs);
    let actor = |q: &Quote| aa.actors.iter().find(|a| Some(&a.id) == q.speaker.as_ref()).cloned();
    let r = actor(find(&qs, "the credibility of the Congress is on the line.")).expect("the party speaks");
    assert_eq!(r.id, "a1:o1");
    assert_eq!(r.mentions[0].text, "Republicans");
    let d = actor(find(&qs, "the panel itself might be damaged.")).expect("a new party actor");
    assert_eq!((d.name.as_str(), d.kind), ("Democrats", ActorType::Organization));
    assert_eq!(d.mentions.len(), 1);
}

/// The subject of an opening subordinate clause is not the speaker of an introduction.
#[test]
fn an_opening_subordinate_clause_does_not_speak() {
    const SCOTTO: (&str, ActorType, &[&str]) = ("a1:p1", ActorType::Person, &["Michael Scotto"]);
    const GRIMM: (&str, ActorType, &[&str]) = ("a1:p2", ActorType::Person, &["Michael Grimm", "Grimm"]);
    let t = "After reporter Michael Scotto finished his report, Grimm turned to him: \u{201c}Let me be clear to you.\u{201d}";
    let (qs, _) = run(t, &[SCOTTO, GRIMM]);
    assert_eq!(find(&qs, "Let me be clear to you.").speaker.as_deref(), Some("a1:p2"));
}

/// A speech verb introduces the quotation after a short adverbial and a comma; a date may stand
/// in a lower-case title after an inverted cue.
#[test]
fn an_introducing_participle_and_a_date_in_a_title() {
    const TRUMP2: (&str, ActorType, &[&str]) = ("a1:p1", ActorType::Person, &["Donald Trump", "Trump"]);
    let t = "The spot concludes with footage of Trump saying during the debate last week, \u{201c}That makes me smart,\u{201d} when he was asked.";
    let (qs, _) = run(t, &[TRUMP2]);
    assert_eq!(find(&qs, "That makes me smart,").speaker.as_deref(), Some("a1:p1"));
    const STRADA: (&str, ActorType, &[&str]) = ("a1:p2", ActorType::Person, &["Terry Strada"]);
    let t = "\u{201c}They are 100 percent wrong,\u{201d} said 9/11 widow Terry Strada.";
    let (qs, _) = run(t, &[STRADA]);
    assert_eq!(find(&qs, "They are 100 percent wrong,").speaker.as_deref(), Some("a1:p2"));
}

/// "reports" after a name and before "that" is the verb, whatever the tagger says.
#[test]
fn a_medium_reports_that() {
    const POST: (&str, ActorType, &[&str]) = ("a1:m1", ActorType::Media, &["The New York Post"]);
    let t = "The New York Post reports that her team avoided the hospital in order to \u{201c}keep the details under wraps.\u{201d}";
    let (qs, _) = run(t, &[POST]);
    assert_eq!(find(&qs, "keep the details under wraps.").speaker.as_deref(), Some("a1:m1"));
}

/// A dash then a name ending the paragraph signs a quotation; a dash then a sentence does not.
#[test]
fn a_signature_is_a_name_ending_the_paragraph() {
    const TRIBE: (&str, ActorType, &[&str]) = ("a1:p1", ActorType::Person, &["Laurence H. Tribe", "Mr. Tribe"]);
    let t = "Another critic, Laurence H. Tribe, likened the rules to \"burning the Constitution\" - a charge that might have stung, since Mr. Tribe was a mentor.";
    let (qs, _) = run(t, &[TRIBE]);
    let q = find(&qs, "burning the Constitution");
    assert_ne!(q.speaker_span.map(|s| &t[s.start..s.end]), Some("a charge"));
    const RODARTE: (&str, ActorType, &[&str]) = ("a1:p2", ActorType::Person, &["Adriana Rodarte"]);
    let t = "\u{201c}He is not a leader, he is a dictator.\u{201d} \u{2015} Adriana Rodarte";
    let (qs, _) = run(t, &[RODARTE]);
    assert_eq!(find(&qs, "He is not a leader, he is a dictator.").speaker.as_deref(), Some("a1:p2"));
}

/// An introduction's speaker is the subject of its last verb when that names an actor, not a
/// name in a fronted phrase.
#[test]
fn an_introduction_takes_its_main_verbs_subject() {
    const PELOSI: (&str, ActorType, &[&str]) = ("a1:p1", ActorType::Person, &["Nancy Pelosi"]);
    const OBAMA2: (&str, ActorType, &[&str]) = ("a1:p2", ActorType::Person, &["President Obama"]);
    let t = "With Nancy Pelosi away on a trip abroad, President Obama is rolling out a new message: \u{201c}This is about all of us now.\u{201d}";
    let (qs, _) = run(t, &[PELOSI, OBAMA2]);
    assert_eq!(find(&qs, "This is about all of us now.").speaker.as_deref(), Some("a1:p2"));
}

/// Signed quotations sign each their own: an unsigned one in the next paragraph does not
/// continue the previous signature.
#[test]
fn a_signature_does_not_continue_into_the_next_paragraph() {
    const OLIDEM: (&str, ActorType, &[&str]) = ("a1:p1", ActorType::Person, &["Luis Olidem"]);
    let t = "\u{201c}You are not a leader, you are a dictator.\u{201d} \u{2015} Luis Olidem\n\u{201c}No one wants a man who insults our families as a leader of our nation.\u{201d}";
    let (qs, _) = run(t, &[OLIDEM]);
    assert_eq!(find(&qs, "You are not a leader, you are a dictator.").speaker.as_deref(), Some("a1:p1"));
    assert_eq!(find(&qs, "No one wants a man who insults our families as a leader of our nation.").speaker, None);
}

/// A name the tagger missed, followed by an appositive headed by a title, is a person.
#[test]
fn a_name_with_a_title_appositive_is_a_person() {
    let t =
        "Ban Ki-moon, the secretary general of the United Nations, vowed \u{201c}never to repeat that mistake.\u{201d}";
    let seg = text::segment(t, &paragraphs(t));
    let mut aa = ArticleActors::default();
    let spans = quotes::find(t, &seg);
    let pos = text::pos::Tags::new(t, &seg);
    let mut qs = quotes::attribute(t, &seg, &pos, &aa, &spans);
    quotes::speaker_actors(t, &seg, &pos, "a1", &mut aa, &mut qs);
    let q = find(&qs, "never to repeat that mistake.");
    let a = aa.actors.iter().find(|a| Some(&a.id) == q.speaker.as_ref()).expect("an actor");
    assert_eq!((a.name.as_str(), a.kind), ("Ban Ki-moon", ActorType::Person));
}

/// Members counted out of a party are people, not the party speaking.
#[test]
fn counted_party_members_are_not_the_party() {
    let t = "Senators Chris Murphy and Richard Blumenthal wrote to the agency on Monday.\n\n\
             “We will keep pressing for answers,” the two Democrats added.\n\n\
             “This is a disgrace,” Democrats said in a statement.\n";
    let report = newslens::analyze(&[newslens::Input { source: "a.txt", text: t }]).expect("analysis");
    let a = &report.articles[0];
    let name =
        |q: &Quote| q.speaker.as_ref().and_then(|id| a.actors.iter().find(|x| &x.id == id)).map(|x| x.name.clone());
    let counted = a.quotes.iter().find(|q| q.text.starts_with("We will keep")).expect("quote");
    assert!(name(counted).is_none_or(|n| !n.contains("Democrat")), "{:?}", name(counted));
    let party = a.quotes.iter().find(|q| q.text.starts_with("This is a disgrace")).expect("quote");
    assert!(name(party).is_some_and(|n| n.contains("Democrat")), "{:?}", name(party));
}

/// "the spokesperson" takes up the unnamed "A Microsoft spokesperson", not the person quoted
/// before; a spokesman introduced with his name is that person.
#[test]
fn a_description_takes_up_the_unnamed_person_it_introduced() {
    const SULLIVAN: (&str, ActorType, &[&str]) = ("a1:p1", ActorType::Person, &["Joe Sullivan", "Sullivan"]);
    const MICROSOFT: (&str, ActorType, &[&str]) = ("a1:o1", ActorType::Organization, &["Microsoft"]);
    let t = "\u{201c}Protecting the privacy of our users is a top priority,\u{201d} the company's chief security officer Joe Sullivan said in a statement.\n\n\
             A Microsoft spokesperson said that the company only provides customer data after receiving a legally binding order.\n\n\
             \u{201c}In addition we only ever comply with orders for requests about specific accounts,\u{201d} the spokesperson said.";
    let (qs, _) = run(t, &[SULLIVAN, MICROSOFT]);
    assert_eq!(
        find(&qs, "In addition we only ever comply with orders for requests about specific accounts,").speaker,
        None
    );
    let t2 = "Joe Sullivan, a spokesman for the company, spoke on Monday.\n\n\
              \u{201c}We only ever comply with orders,\u{201d} the spokesman said.";
    let (qs2, _) = run(t2, &[SULLIVAN]);
    assert_eq!(find(&qs2, "We only ever comply with orders,").speaker.as_deref(), Some("a1:p1"));
}

#[test]
fn a_second_appositive_describing_the_first_ones_object_is_stepped_over() {
    let wolfson = ("a1:p1", ActorType::Person, &["Evan Wolfson"][..]);
    let group = ("a1:o1", ActorType::Organization, &["Freedom to Marry"][..]);
    let t = "Evan Wolfson, the founder of Freedom to Marry, a gay rights organization, said that now \u{201c}there is no way to hide.\u{201d}";
    let (qs, _) = run(t, &[wolfson, group]);
    assert_eq!(find(&qs, "there is no way to hide.").speaker.as_deref(), Some("a1:p1"));
    // A clause that does not start with the person keeps the nearer phrase.
    let obama = ("a1:p2", ActorType::Person, &["Obama"][..]);
    let smith = ("a1:p3", ActorType::Person, &["Sen. John Smith"][..]);
    let t =
        "Asked about Obama, a spokesman for Sen. John Smith, the senior senator, said \u{201c}he has no plans.\u{201d}";
    let (qs, _) = run(t, &[obama, smith]);
    assert_ne!(find(&qs, "he has no plans.").speaker.as_deref(), Some("a1:p2"));
}

#[test]
fn a_usual_given_name_outweighs_an_objects_pronoun() {
    // The one "her" in Crowley's sentence is Lerner; read as Crowley's, it made him a woman
    // and gave "he said" to Lerner, the only other person in reach.
    let t = "Lois Lerner is facing a storm of controversy.\n\nRep. Joseph Crowley asked her about the investigation.\n\nCrowley later called the answer evasive.\n\n\"The bottom line is you cannot lie to Congress,\" he said.\n";
    let (qs, _) = run(
        t,
        &[
            ("a1:p1", ActorType::Person, &["Lois Lerner", "Lerner"]),
            ("a1:p2", ActorType::Person, &["Joseph Crowley", "Crowley"]),
        ],
    );
    assert_eq!(find(&qs, "The bottom line is you cannot lie to Congress,").speaker.as_deref(), Some("a1:p2"));
}

#[test]
fn a_name_after_a_persons_appositive_comma_is_the_verbs_object() {
    // "accused" after "R-Fla.," is no inverted cue: Obama is its object, the "he" is Rubio's.
    let t = "The plan drew a mixed response.\n\nSen. Marco Rubio, R-Fla., accused Obama of overreach.\n\n\"Nothing here would have stopped the attack,\" he said.\n";
    let (qs, _) =
        run(t, &[("a1:p1", ActorType::Person, &["Marco Rubio", "Rubio"]), ("a1:p2", ActorType::Person, &["Obama"])]);
    assert_eq!(find(&qs, "Nothing here would have stopped the attack,").speaker.as_deref(), Some("a1:p1"));
}

#[test]
fn a_party_label_before_a_relative_clause_is_not_the_speaker() {
    let t = "Sen. John Cornyn, R-TX, who heads the committee, said Tuesday, \"It is a blockbuster revelation.\"\n";
    let (qs, _) = run(t, &[("a1:p1", ActorType::Person, &["John Cornyn", "Cornyn"])]);
    assert_eq!(find(&qs, "It is a blockbuster revelation.").speaker.as_deref(), Some("a1:p1"));
}

#[test]
fn a_name_in_an_appositive_to_the_subject_is_the_subject() {
    let t = "Representative James Lankford said the delays reminded him of the pipeline.\n\n\"That sounds like the pipeline to me,\" he said.\n\nOne Democrat, Representative Stephen Lynch of Massachusetts, even raised the threat of a prosecutor.\n\n\"We know where that will lead. It will lead to a prosecutor,\" he said.\n";
    let (qs, _) = run(
        t,
        &[
            ("a1:p1", ActorType::Person, &["James Lankford", "Lankford"]),
            ("a1:p2", ActorType::Person, &["Stephen Lynch", "Lynch"]),
        ],
    );
    assert_eq!(
        find(&qs, "We know where that will lead. It will lead to a prosecutor,").speaker.as_deref(),
        Some("a1:p2")
    );
}

#[test]
fn a_frame_after_a_quotes_own_clause_is_not_its_speaker() {
    // The outlet reports the letter; it does not speak it.
    let t = "Lerner will invoke the Fifth Amendment.\n\n\"She has not committed any crime,\" the letter addressed to the chairman reads, according to the Los Angeles Times.\n";
    let (qs, _) =
        run(t, &[("a1:p1", ActorType::Person, &["Lerner"]), ("a1:m1", ActorType::Media, &["Los Angeles Times"])]);
    let q = qs.iter().find(|q| q.text.starts_with("She has not committed"));
    assert!(q.is_none_or(|q| q.speaker.as_deref() != Some("a1:m1")), "{q:?}");
}
