//! The command line as users meet it, through the built binary: `claims` in
//! every format, `check` in every format on one corpus with findings of
//! several kinds, the seed articles, exit codes, and `rules`. Snapshots live
//! in `snapshots/cli/`; each pins exit code, stdout and stderr together.

mod common;

use common::{Case, snapshots};

const HARBOR: &str = " date 2023-11-20 (Harbor Times) — The death toll in Gaza has risen to \
13,000, according to the health ministry in the enclave.

Officials said 240 hostages were still being held in Gaza. About 200 trucks of aid crossed \
at Rafah on Sunday.
";

const CIVIC: &str = " date 2023-11-21 (Civic Ledger) — The health ministry in Gaza said 11,000 \
Palestinians have been killed since the war began. Among them were 4,600 children, the \
ministry said.

Aid agencies said 16,500 trucks entered Gaza on Tuesday. Some 1,200 people were killed in \
Israel on October 7.
";

const WIRE: &str = " date 2023-11-21 (Wire Service) — More than 1,400 people were killed in \
Israel on October 7, officials said.

In Gaza, 12,000 people have been killed. Later in the same report, 14,500 people have been \
killed in Gaza, health officials said.
";

const UNDATED: &str = "Talks on a pause in the fighting continued in Cairo, where mediators \
discussed a four-day truce.
";

const FEED: &str = r#"{"id": "feed-1", "date": "2023-11-22", "outlet": "Daily Feed", "text": "Hamas still holds about 236 hostages, the army said on Wednesday."}
{"id": "feed-2", "date": "2023-11-23", "outlet": "Daily Feed", "text": "Under the truce, 50 hostages are to be freed in return for 150 Palestinian prisoners."}
"#;

/// A corpus whose check finds a fall in a cumulative toll, a range typo,
/// cross-source conflicts, a missing attribution, a self-contradiction
/// and a missing date and outlet; one file is JSON Lines.
fn corpus() -> Case {
    let case = Case::new();
    case.write("corpus/a_harbor.txt", HARBOR)
        .write("corpus/b_civic.txt", CIVIC)
        .write("corpus/c_wire.txt", WIRE)
        .write("corpus/d_undated.txt", UNDATED)
        .write("corpus/e_feed.jsonl", FEED);
    case
}

/// One article that every default check passes.
fn clean() -> Case {
    let case = Case::new();
    case.write(
        "clean.txt",
        " date 2023-11-24 (Harbor Times) — The truce began on Friday, and 13 hostages were \
released in the evening, officials said.\n",
    );
    case
}

// claims ------------------------------------------------------------------

// The table is what an editor reads first: one row per claim, in file order.
#[test]
fn claims_table() {
    let _s = snapshots("cli");
    insta::assert_snapshot!("claims_table", corpus().run(["claims", "corpus"]));
}

// JSON Lines is the contract of the evaluation tools: every field, every
// mention with --all, and offsets that slice the stated figure.
#[test]
fn claims_json_all() {
    let _s = snapshots("cli");
    let case = corpus();
    let run = case.run(["claims", "--format", "json", "--all", "corpus"]);
    for claim in run.json_lines() {
        let file = claim["file"].as_str().unwrap();
        if file.contains(".jsonl:") {
            continue;
        }
        let text = std::fs::read(case.root().join(file)).unwrap();
        let (start, end) = (
            claim["start"].as_u64().unwrap(),
            claim["end"].as_u64().unwrap(),
        );
        assert_eq!(
            &text[start as usize..end as usize],
            claim["text"].as_str().unwrap().as_bytes(),
            "offsets of {claim}"
        );
    }
    insta::assert_snapshot!("claims_json_all", run);
}

// CSV is for spreadsheets: a header row and one row per claim.
#[test]
fn claims_csv() {
    let _s = snapshots("cli");
    insta::assert_snapshot!(
        "claims_csv",
        corpus().run(["claims", "--format", "csv", "corpus"])
    );
}

// --explain names the cue that chose each metric, so a user can debug a pack.
#[test]
fn claims_explain() {
    let _s = snapshots("cli");
    let run = corpus().run(["claims", "--explain", "--all", "corpus/b_civic.txt"]);
    insta::assert_snapshot!("claims_explain", run);
}

// Results are in input order whatever the number of worker threads.
#[test]
fn output_does_not_depend_on_jobs() {
    let case = corpus();
    for command in ["claims", "check"] {
        let one = case.run([command, "--jobs", "1", "--format", "json", "corpus"]);
        let many = case.run([command, "--jobs", "4", "--format", "json", "corpus"]);
        assert_eq!(one.stdout, many.stdout, "`{command}` with 1 and 4 jobs");
    }
}

// check formats -------------------------------------------------------------

// Graphical diagnostics, pinned to plain unicode at 80 columns by --color never.
#[test]
fn check_human_graphical() {
    let _s = snapshots("cli");
    let run = corpus().run(["check", "--color", "never", "corpus"]);
    assert_eq!(run.code(), 1, "errors fail the run");
    insta::assert_snapshot!("check_human_graphical", run);
}

// Off a terminal (and with NO_COLOR) the default is the narrated handler,
// readable in CI logs and by screen readers.
#[test]
fn check_human_narrated() {
    let _s = snapshots("cli");
    insta::assert_snapshot!("check_human_narrated", corpus().run(["check", "corpus"]));
}

// The JSON report: every label's byte range slices the figure it names.
#[test]
fn check_json() {
    let _s = snapshots("cli");
    let case = corpus();
    let run = case.run(["check", "--format", "json", "corpus"]);
    let report = run.json();
    for finding in report["findings"].as_array().unwrap() {
        for label in finding["labels"].as_array().unwrap() {
            let file = label["file"].as_str().unwrap();
            let (start, end) = (
                label["start"].as_u64().unwrap(),
                label["end"].as_u64().unwrap(),
            );
            if file.ends_with(".jsonl") || file.contains(".jsonl:") || start == end {
                continue;
            }
            let text = std::fs::read_to_string(case.root().join(file)).unwrap();
            let figure = &text[start as usize..end as usize];
            assert!(
                figure.chars().any(|c| c.is_ascii_digit()),
                "label {label} spans `{figure}`, not a figure"
            );
        }
    }
    insta::assert_snapshot!("check_json", run);
}

// SARIF for code-scanning uploads.
#[test]
fn check_sarif() {
    let _s = snapshots("cli");
    let run = corpus().run(["check", "--format", "sarif", "corpus"]);
    assert_eq!(run.json()["version"], "2.1.0");
    insta::assert_snapshot!("check_sarif", run);
}

// GitHub workflow commands: one annotation line per finding.
#[test]
fn check_github() {
    let _s = snapshots("cli");
    insta::assert_snapshot!(
        "check_github",
        corpus().run(["check", "--format", "github", "corpus"])
    );
}

// seeds -----------------------------------------------------------------------

// Every mention of the four seed articles, as the evaluation reads them.
#[test]
fn seeds_claims_json_all() {
    let _s = snapshots("cli");
    let case = Case::new();
    case.copy("seeds", "seeds");
    insta::assert_snapshot!(
        "seeds_claims_json_all",
        case.run(["claims", "--format", "json", "--all", "seeds"])
    );
}

// The seeds only lack metadata: three warnings (two without an outlet, one
// without date or outlet) and a clean exit.
#[test]
fn seeds_check() {
    let _s = snapshots("cli");
    let case = Case::new();
    case.copy("seeds", "seeds");
    let run = case.run(["check", "seeds"]);
    assert_eq!(run.code(), 0);
    assert_eq!(run.stdout.matches("diagnostic code: metadata").count(), 3);
    insta::assert_snapshot!("seeds_check", run);
}

// exit codes ------------------------------------------------------------------

// No finding: exit 0 with a summary line.
#[test]
fn exit_clean_run_is_0() {
    let _s = snapshots("cli");
    let run = clean().run(["check", "clean.txt"]);
    assert_eq!(run.code(), 0);
    insta::assert_snapshot!("exit_clean_run_is_0", run);
}

// An error finding (a range typo) fails the run.
#[test]
fn exit_error_finding_is_1() {
    let _s = snapshots("cli");
    let case = Case::new();
    case.write(
        "typo.txt",
        " date 2023-11-22 (Harbor Times) — Officials said 16,500 trucks of aid entered Gaza on \
Wednesday.\n",
    );
    let run = case.run(["check", "typo.txt"]);
    assert_eq!(run.code(), 1);
    insta::assert_snapshot!("exit_error_finding_is_1", run);
}

fn unattributed() -> Case {
    let case = Case::new();
    case.write(
        "toll.txt",
        " date 2023-11-22 (Harbor Times) — More than 14,000 people have been killed in Gaza.\n",
    );
    case
}

// A warning alone (an unattributed toll) does not fail the run…
#[test]
fn exit_warning_only_is_0() {
    let _s = snapshots("cli");
    let run = unattributed().run(["check", "toll.txt"]);
    assert_eq!(run.code(), 0);
    insta::assert_snapshot!("exit_warning_only_is_0", run);
}

// …unless --deny warnings lowers the failing severity.
#[test]
fn exit_deny_warnings_is_1() {
    let _s = snapshots("cli");
    let run = unattributed().run(["check", "--deny", "warnings", "toll.txt"]);
    assert_eq!(run.code(), 1);
    insta::assert_snapshot!("exit_deny_warnings_is_1", run);
}

// A usage error is exit 2, with clap's message.
#[test]
fn exit_unknown_flag_is_2() {
    let _s = snapshots("cli");
    // Without the helper's `--no-config`, which clap would echo in its usage line.
    let run = clean().run_in(".", &["check", "--bogus", "clean.txt"], true);
    assert_eq!(run.code(), 2);
    insta::assert_snapshot!("exit_unknown_flag_is_2", run);
}

// Selecting a check that does not exist is a usage error, with a suggestion.
#[test]
fn exit_select_unknown_id_is_2() {
    let _s = snapshots("cli");
    let case = clean();
    let run = case.run(["check", "--select", "nope", "clean.txt"]);
    assert_eq!(run.code(), 2);
    insta::assert_snapshot!("exit_select_unknown_id_is_2", run);
    let run = case.run(["check", "--select", "conflcit", "clean.txt"]);
    assert_eq!(run.code(), 2);
    insta::assert_snapshot!("exit_select_typo_suggests", run);
}

// rules -------------------------------------------------------------------------

// `figcheck rules` lists every check and metric of the default pack.
#[test]
fn rules_list() {
    let _s = snapshots("cli");
    insta::assert_snapshot!("rules_list", Case::new().run(["rules"]));
}

// The explain text of a check, with its kind, severity and help.
#[test]
fn rules_explain_check() {
    let _s = snapshots("cli");
    insta::assert_snapshot!(
        "rules_explain_conflict",
        Case::new().run(["rules", "explain", "conflict"])
    );
}

// A metric explains itself too: description, bounds and cues.
#[test]
fn rules_explain_metric() {
    let _s = snapshots("cli");
    insta::assert_snapshot!(
        "rules_explain_deaths_gaza",
        Case::new().run(["rules", "explain", "deaths.gaza"])
    );
}

// An unknown id is exit 2 and says so.
#[test]
fn rules_explain_unknown_is_2() {
    let _s = snapshots("cli");
    let run = Case::new().run(["rules", "explain", "nope"]);
    assert_eq!(run.code(), 2);
    insta::assert_snapshot!("rules_explain_nope", run);
}
