//! Cross-article actor alignment. First version: same type and same name.

use crate::report::{Article, GlobalActor};

pub fn align(articles: &[Article]) -> Vec<GlobalActor> {
    let mut out: Vec<GlobalActor> = Vec::new();
    for a in articles {
        for actor in &a.actors {
            match out.iter_mut().find(|g| g.kind == actor.kind && g.name == actor.name) {
                Some(g) => g.members.push(actor.id.clone()),
                None => out.push(GlobalActor {
                    id: format!("g{}", out.len() + 1),
                    name: actor.name.clone(),
                    kind: actor.kind,
                    members: vec![actor.id.clone()],
                    variants: vec![actor.name.clone()],
                }),
            }
        }
    }
    out
}
