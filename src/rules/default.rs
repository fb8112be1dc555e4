//! The default rule pack, embedded so that `figcheck check` works from any
//! folder with no flags. The files live in the repository's `rules/`.

pub(super) const FILES: [(&str, &str); 8] = [
    ("rules/aid.toml", include_str!("../../rules/aid.toml")),
    (
        "rules/casualties.toml",
        include_str!("../../rules/casualties.toml"),
    ),
    ("rules/checks.toml", include_str!("../../rules/checks.toml")),
    (
        "rules/displacement.toml",
        include_str!("../../rules/displacement.toml"),
    ),
    ("rules/events.toml", include_str!("../../rules/events.toml")),
    (
        "rules/hostages.toml",
        include_str!("../../rules/hostages.toml"),
    ),
    ("rules/pause.toml", include_str!("../../rules/pause.toml")),
    (
        "rules/prisoners.toml",
        include_str!("../../rules/prisoners.toml"),
    ),
];
