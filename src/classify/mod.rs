//! Claims: a numeric mention with what it counts (metric), the date it
//! describes (`as_of`) and who reported it (attribution).

use crate::article::Article;
use crate::extract::Mention;

/// A mention classified in the context of its article.
#[derive(Debug, Clone)]
pub struct Claim {
    pub mention: Mention,
    pub metric: Option<usize>,
    pub as_of: Option<jiff::civil::Date>,
    pub attribution: Option<String>,
    /// Why the metric was chosen, for `claims --explain`.
    pub explain: Option<String>,
}

/// Classifies every mention of one article.
pub fn classify(article: &Article, mentions: Vec<Mention>, _pack: &crate::rules::Pack) -> Vec<Claim> {
    mentions
        .into_iter()
        .map(|mention| Claim {
            mention,
            metric: None,
            as_of: article.meta.date,
            attribution: None,
            explain: None,
        })
        .collect()
}
