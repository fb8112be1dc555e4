//! `attribution`: editorial policy says some figures (casualty tolls) are
//! stated with their source. A toll with no `according to …`, `… said` or
//! `figures from …` in its sentence reads as the outlet's own count.

use super::{Context, Describe, Detail, amount};

/// A figure stated without a source.
#[derive(Debug, Clone, Copy)]
pub(super) struct Unattributed {
    pub(super) fact: u32,
}

/// `attributed` says, per fact of the corpus, whether it names a source.
pub(super) fn run(attributed: &[bool], facts: &[u32], out: &mut Vec<Detail>) {
    let unattributed = facts.iter().filter(|&&f| !attributed[f as usize]);
    out.extend(unattributed.map(|&fact| Detail::Attribution(Unattributed { fact })));
}

impl Unattributed {
    pub(super) fn describe(&self, cx: &Context<'_>, out: &mut dyn Describe) {
        let fact = cx.fact(self.fact);
        let id = &cx.pack.metric(fact.metric as usize).id;
        cx.finding(
            out,
            Some(fact.metric),
            format_args!("{id} figure {} is not attributed to a source", amount(fact)),
        );
        cx.label(out, fact, format_args!("stated without a source"));
    }
}
