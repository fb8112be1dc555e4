//! Rule packs: metric definitions and checks loaded from TOML.

/// One metric a pack defines.
#[derive(Debug, Clone)]
pub struct MetricDef {
    pub id: String,
}

/// The loaded and validated rule packs.
#[derive(Debug, Clone, Default)]
pub struct Pack {
    metrics: Vec<MetricDef>,
}

impl Pack {
    pub fn metric(&self, index: usize) -> &MetricDef {
        &self.metrics[index]
    }
}
