//! Rule packs from the user's side: every rule-file mistake is a miette
//! diagnostic at its TOML span, exit 2, and no check runs; user packs add
//! metrics and checks, change a severity or turn a check off; and a
//! `figcheck.toml` is found from a parent folder. Snapshots: `snapshots/rules/`.

mod common;

use common::{Case, Run, snapshots};

/// An article that every pack in this file would give findings on, so an
/// empty stdout shows that no check ran.
const ARTICLE: &str = " date 2023-11-22 (Civic Ledger) — About 75,000 liters of diesel crossed \
into the Gaza Strip on Wednesday, the UN said. More than 12,000 people have been killed in Gaza.\n";

/// Runs `check` with `pack` as the only file of a `--rules` folder and
/// checks the contract of a broken pack: exit 2, nothing on stdout.
fn broken(pack: &str) -> Run {
    let case = Case::new();
    case.write("pack/pack.toml", pack)
        .write("article.txt", ARTICLE);
    let run = case.run([
        "check",
        "--color",
        "never",
        "--rules",
        "pack",
        "article.txt",
    ]);
    assert_eq!(
        run.code(),
        2,
        "a broken pack is a configuration error:\n{run}"
    );
    assert_eq!(run.stdout, "", "no check runs on a broken pack:\n{run}");
    assert!(!run.stderr.contains("panicked"), "{run}");
    run
}

// broken packs ----------------------------------------------------------------

// A TOML syntax error points at the place the parser stopped.
#[test]
fn toml_syntax_error() {
    let _s = snapshots("rules");
    let run = broken("[[metric]]\nid = \"fuel.litres\"\nunit = \"litres\nkind = \"flow\"\n");
    insta::assert_snapshot!("toml_syntax_error", run);
}

// A misspelt key is an error, not silently ignored.
#[test]
fn unknown_key() {
    let _s = snapshots("rules");
    let run = broken("[[check]]\nid = \"conflict\"\nseverty = \"warning\"\n");
    insta::assert_snapshot!("unknown_key", run);
}

// A cue that is not a regex points at that pattern, with the regex error.
#[test]
fn bad_regex() {
    let _s = snapshots("rules");
    let run = broken(
        r#"[[metric]]
id = "fuel.litres"
kind = "flow"
after = ['^\s+litres\b', '^\s+(?:of\s+fuel']
"#,
    );
    insta::assert_snapshot!("bad_regex", run);
}

// An unknown metric kind suggests the nearest one.
#[test]
fn unknown_metric_kind() {
    let _s = snapshots("rules");
    let run = broken(
        r#"[[metric]]
id = "fuel.litres"
kind = "flows"
after = ['^\s+litres\b']
"#,
    );
    insta::assert_snapshot!("unknown_metric_kind", run);
}

// An unknown check kind says "did you mean".
#[test]
fn unknown_check_kind() {
    let _s = snapshots("rules");
    let run = broken(
        r#"[[check]]
id = "fuel-conflict"
kind = "confict"
explain = "Two sources disagree on fuel deliveries."
"#,
    );
    assert!(run.stderr.contains("did you mean `conflict`?"), "{run}");
    insta::assert_snapshot!("unknown_check_kind", run);
}

// A check naming a metric no pack defines points at the name.
#[test]
fn unknown_metric_in_check() {
    let _s = snapshots("rules");
    let run = broken(
        r#"[[check]]
id = "hostage-rate"
kind = "rate"
metrics = ["hostages.helt"]
max_per_day = 50
explain = "The count of hostages held does not move by more than fifty a day."
"#,
    );
    assert!(
        run.stderr.contains("did you mean `hostages.held`?"),
        "{run}"
    );
    insta::assert_snapshot!("unknown_metric_in_check", run);
}

// Thresholds out of range: a negative window, a tolerance of 100% or more,
// and a maximum below the minimum (in a metric and in a range check).
#[test]
fn bad_thresholds() {
    let _s = snapshots("rules");
    let run = broken(
        r#"[[metric]]
id = "fuel.litres"
kind = "flow"
min = 1000
max = 10
after = ['^\s+litres\b']

[[check]]
id = "conflict"
window_days = -3
tolerance = { exact = 0.01, about = 1.5 }

[[check]]
id = "fuel-range"
kind = "range"
metrics = ["fuel.litres"]
min = 500
max = 5
explain = "Fuel deliveries outside plausible bounds."
"#,
    );
    insta::assert_snapshot!("bad_thresholds", run);
}

// Two definitions of one id in one file: the second is pointed at.
#[test]
fn duplicate_id_in_one_file() {
    let _s = snapshots("rules");
    let run = broken(
        r#"[[check]]
id = "fuel-range"
kind = "range"
explain = "Fuel deliveries outside plausible bounds."

[[check]]
id = "fuel-range"
kind = "range"
explain = "The same id again."
"#,
    );
    insta::assert_snapshot!("duplicate_id_in_one_file", run);
}

// A parameter of another kind (max_per_day on a range check) is a mistake.
#[test]
fn parameter_of_another_kind() {
    let _s = snapshots("rules");
    let run = broken(
        r#"[[check]]
id = "fuel-range"
kind = "range"
max_per_day = 10
explain = "Fuel deliveries outside plausible bounds."
"#,
    );
    insta::assert_snapshot!("parameter_of_another_kind", run);
}

// Every check explains itself; a new one without `explain` is refused.
#[test]
fn missing_explain() {
    let _s = snapshots("rules");
    let run = broken("[[check]]\nid = \"fuel-range\"\nkind = \"range\"\n");
    insta::assert_snapshot!("missing_explain", run);
}

// Every error of every file is reported in one run, not just the first.
#[test]
fn several_errors_in_one_run() {
    let _s = snapshots("rules");
    let case = Case::new();
    case.write(
        "pack/a_keys.toml",
        "[[check]]\nid = \"rate\"\nmax_per_dya = 3000\n",
    )
    .write(
        "pack/b_values.toml",
        r#"[[metric]]
id = "fuel.litres"
kind = "flow"
after = ['^\s+(litres']

[[check]]
id = "fuel-rate"
kind = "rate"
metrics = ["fuel.litres", "fuel.gallons"]
max_per_day = -5
explain = "Fuel deliveries do not jump overnight."
"#,
    )
    .write("article.txt", ARTICLE);
    let run = case.run([
        "check",
        "--color",
        "never",
        "--rules",
        "pack",
        "article.txt",
    ]);
    assert_eq!(run.code(), 2);
    assert_eq!(run.stdout, "");
    insta::assert_snapshot!("several_errors_in_one_run", run);
    // `rules test` reports the same errors, narrated.
    let tested = case.run(["rules", "test", "pack"]);
    assert_eq!(tested.code(), 2);
    insta::assert_snapshot!("several_errors_rules_test", tested);
}

// user packs ------------------------------------------------------------------

const FUEL_PACK: &str = r#"# Fuel allowed into Gaza, in litres per day.

[[metric]]
id = "fuel.litres"
description = "litres of fuel entering Gaza in a day"
unit = "litres"
kind = "flow"
min = 0
max = 500000
after = ['^\s+(?:litres|liters)\s+(?:of\s+)?(?:fuel|diesel|petrol)\b']

[[check]]
id = "fuel-conflict"
kind = "conflict"
severity = "warning"
metrics = ["fuel.litres"]
tolerance = { exact = 0.01, about = 0.1 }
explain = """
Two sources give different amounts of fuel for the same day.
"""
help = "check which crossing each source counted"
"#;

fn fuel_corpus() -> Case {
    let case = Case::new();
    case.write("packs/fuel/fuel.toml", FUEL_PACK)
        .write(
            "corpus/a.txt",
            " date 2023-11-22 (Harbor Times) — Israel allowed 140,000 litres of fuel into Gaza \
on Wednesday, officials said.\n",
        )
        .write("corpus/b.txt", ARTICLE)
        .write(
            "corpus/c.txt",
            "Talks on a longer truce continued on Thursday.\n",
        );
    case
}

// A user pack adds a metric with its own cues: `claims` classifies with it.
#[test]
fn user_pack_adds_metric_to_claims() {
    let _s = snapshots("rules");
    let run = fuel_corpus().run(["claims", "--explain", "--rules", "packs/fuel", "corpus"]);
    assert_eq!(run.code(), 0, "{run}");
    assert_eq!(
        run.stdout.matches("fuel.litres").count(),
        4,
        "two claims, two cues"
    );
    insta::assert_snapshot!("user_pack_claims", run);
}

// The pack's own check runs on its metric, with its severity and help.
#[test]
fn user_pack_adds_check() {
    let _s = snapshots("rules");
    let case = fuel_corpus();
    let run = case.run([
        "check",
        "--rules",
        "packs/fuel",
        "--select",
        "fuel-conflict",
        "corpus",
    ]);
    assert_eq!(run.code(), 0, "the pack made it a warning:\n{run}");
    insta::assert_snapshot!("user_pack_check", run);
    let listed = case.run(["rules", "--rules", "packs/fuel", "explain", "fuel-conflict"]);
    insta::assert_snapshot!("user_pack_explain", listed);
}

// Overriding only `severity` of a default check keeps the rest of it: the
// unattributed toll becomes an error and fails the run.
#[test]
fn user_pack_overrides_severity() {
    let _s = snapshots("rules");
    let case = fuel_corpus();
    case.write(
        "packs/strict/strict.toml",
        "[[check]]\nid = \"attribution\"\nseverity = \"error\"\n",
    );
    let run = case.run(["check", "--rules", "packs/strict", "corpus"]);
    assert_eq!(run.code(), 1, "{run}");
    insta::assert_snapshot!("user_pack_overrides_severity", run);
}

// `enabled = false` turns a default check off: no metadata warning for the
// undated article.
#[test]
fn user_pack_disables_check() {
    let _s = snapshots("rules");
    let case = fuel_corpus();
    case.write(
        "packs/quiet/quiet.toml",
        "[[check]]\nid = \"metadata\"\nenabled = false\n",
    );
    let run = case.run(["check", "--rules", "packs/quiet", "corpus"]);
    assert!(!run.stdout.contains("metadata"), "{run}");
    insta::assert_snapshot!("user_pack_disables_check", run);
    let listed = case.run(["rules", "--rules", "packs/quiet"]);
    assert!(!listed.stdout.contains("\n  metadata "), "{listed}");
}

// A figcheck.toml in a parent of the working folder is found: it loads the
// fuel pack through `rules = [...]` and turns the metadata check off.
#[test]
fn config_discovered_from_parent_folder() {
    let _s = snapshots("rules");
    let case = fuel_corpus();
    case.write(
        "figcheck.toml",
        "rules = [\"packs/fuel\"]\n\n[[check]]\nid = \"metadata\"\nenabled = false\n",
    )
    .mkdir("corpus/drafts");
    let run = case.run_in("corpus/drafts", &["check", ".."], true);
    assert!(run.stdout.contains("fuel-conflict"), "{run}");
    assert!(!run.stdout.contains("metadata"), "{run}");
    insta::assert_snapshot!("config_discovered_from_parent", run);
    // --no-config skips it: the fuel figures are unknown again.
    let skipped = case.run_in("corpus/drafts", &["check", ".."], false);
    assert!(!skipped.stdout.contains("fuel-conflict"), "{skipped}");
    insta::assert_snapshot!("config_skipped_with_no_config", skipped);
}

// A broken figcheck.toml is a configuration error at its own span.
#[test]
fn broken_config_file() {
    let _s = snapshots("rules");
    let case = fuel_corpus();
    case.write(
        "figcheck.toml",
        "rules = [\"packs/fuel\"]\n\n[[check]]\nid = \"metadata\"\nenabeld = false\n",
    )
    .mkdir("corpus/drafts");
    let run = case.run_in("corpus/drafts", &["check", "--color", "never", ".."], true);
    assert_eq!(run.code(), 2, "{run}");
    insta::assert_snapshot!("broken_config_file", run);
}
