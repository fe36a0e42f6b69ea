//! Mention resolution. First version: one actor per distinct surface string.

use super::{ArticleActors, EntityKind, EntityMention};
use crate::report::{Actor, ActorType, Mention};
use crate::text::Segmented;

/// Merges mentions into actors; ids are `{article}:{letter}{n}`.
pub fn resolve(article_id: &str, text: &str, _seg: &Segmented, mentions: &[EntityMention]) -> ArticleActors {
    let mut out = ArticleActors::default();
    let mut by_name = std::collections::HashMap::new();
    for m in mentions {
        let name = &text[m.span.start..m.span.end];
        let idx = *by_name.entry(name.to_string()).or_insert_with(|| {
            let kind = match m.kind {
                EntityKind::Per => ActorType::Person,
                EntityKind::Org => ActorType::Organization,
                EntityKind::Loc => ActorType::Place,
                EntityKind::Misc => ActorType::Organization,
            };
            out.actors.push(Actor {
                id: format!("{article_id}:{}{}", type_letter(kind), out.actors.len() + 1),
                name: name.to_string(),
                kind,
                aliases: vec![name.to_string()],
                roles: vec![],
                role_evidence: vec![],
                mentions: vec![],
            });
            out.actors.len() - 1
        });
        out.actors[idx].mentions.push(Mention { start: m.span.start, end: m.span.end, text: name.to_string() });
        out.mentions.push((m.span, idx));
    }
    out.mentions.sort_by_key(|(s, _)| s.start);
    out
}

/// The letter used in actor ids for each type.
pub fn type_letter(kind: ActorType) -> char {
    match kind {
        ActorType::Person => 'p',
        ActorType::Organization => 'o',
        ActorType::Media => 'm',
        ActorType::Country => 'c',
        ActorType::Place => 'l',
    }
}
