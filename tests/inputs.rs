//! Bad input never panics and never hides the rest of the corpus: each
//! broken file gives a diagnostic naming it (with a line and span where
//! there is one), and every other article is still in the output of both
//! `claims` and `check`. Also the article header formats: TOML and YAML
//! front matter and the seed header variants. Snapshots: `snapshots/inputs/`.

mod common;

use common::{Case, Run, snapshots};

/// A good seed-format article, so each case shows the rest still runs; its
/// unattributed toll gives `check` a finding that names it.
const GOOD: &str =
    " date 2023-11-20 (Harbor Times) — More than 13,000 people have been killed in Gaza.\n";

fn with_good() -> Case {
    let case = Case::new();
    case.write("good.txt", GOOD);
    case
}

/// Runs `claims` and `check` on `paths` and checks what every case shares:
/// no panic, exit 1 for the broken input, the good article still there.
fn claims_and_check(case: &Case, paths: &[&str]) -> (Run, Run) {
    let mut args = vec!["claims"];
    args.extend(paths);
    let claims = case.run_in(".", &args, false);
    args[0] = "check";
    let check = case.run_in(".", &args, false);
    for run in [&claims, &check] {
        assert!(!run.stderr.contains("panicked"), "{run}");
        assert_eq!(run.code(), 1, "a broken input fails the run:\n{run}");
    }
    assert!(
        claims.stdout.contains("good.txt"),
        "the good article is listed:\n{claims}"
    );
    assert!(
        check.stdout.contains("good.txt"),
        "the good article is checked:\n{check}"
    );
    (claims, check)
}

// A path that does not exist is named; the other path is still read.
#[test]
fn missing_path() {
    let _s = snapshots("inputs");
    let (claims, check) = claims_and_check(&with_good(), &["missing.txt", "good.txt"]);
    insta::assert_snapshot!("missing_path_claims", claims);
    insta::assert_snapshot!("missing_path_check", check);
}

// A folder with no article files is worth saying: a typo in a path
// would otherwise check nothing and pass.
#[test]
fn folder_without_articles() {
    let _s = snapshots("inputs");
    let case = with_good();
    case.write("notes/readme.csv", "a,b\n1,2\n");
    let (claims, check) = claims_and_check(&case, &["notes", "good.txt"]);
    insta::assert_snapshot!("folder_without_articles_claims", claims);
    insta::assert_snapshot!("folder_without_articles_check", check);
}

// Latin-1 bytes in an article: the diagnostic points at the first bad byte.
#[test]
fn invalid_utf8() {
    let _s = snapshots("inputs");
    let case = with_good();
    case.write(
        "latin1.txt",
        b" date 2023-11-21 (Civic Ledger) \xe2\x80\x94 Some 238 hostages remain in Gaza, the caf\xe9 owner said.\n",
    );
    let (claims, check) = claims_and_check(&case, &["."]);
    insta::assert_snapshot!("invalid_utf8_claims", claims);
    insta::assert_snapshot!("invalid_utf8_check", check);
}

// A binary file with a .txt name is skipped with a diagnostic, not read.
#[test]
fn binary_file() {
    let _s = snapshots("inputs");
    let case = with_good();
    case.write("image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00");
    let (claims, check) = claims_and_check(&case, &["."]);
    insta::assert_snapshot!("binary_file_claims", claims);
    insta::assert_snapshot!("binary_file_check", check);
}

// An empty (or blank) file is named, not silently dropped.
#[test]
fn empty_file() {
    let _s = snapshots("inputs");
    let case = with_good();
    case.write("blank.txt", "\n  \n");
    let (claims, check) = claims_and_check(&case, &["."]);
    insta::assert_snapshot!("empty_file_claims", claims);
    insta::assert_snapshot!("empty_file_check", check);
}

// One broken JSON Lines record names its line; the records around it
// still give claims.
#[test]
fn malformed_jsonl_line() {
    let _s = snapshots("inputs");
    let case = with_good();
    case.write(
        "feed.jsonl",
        concat!(
            r#"{"date": "2023-11-22", "outlet": "Daily Feed", "text": "Hamas still holds about 236 hostages, the army said."}"#,
            "\n",
            r#"{"date": "2023-11-22", "outlet": "Daily Feed", "text": "an unterminated record}"#,
            "\n",
            r#"{"date": "2023-11-23", "outlet": "Daily Feed", "text": 57}"#,
            "\n",
            r#"{"date": "2023-11-24", "outlet": "Daily Feed", "text": "Some 210 hostages remain in Gaza, officials said."}"#,
            "\n",
        ),
    );
    let (claims, check) = claims_and_check(&case, &["."]);
    assert!(claims.stdout.contains("feed.jsonl:1"), "{claims}");
    assert!(claims.stdout.contains("feed.jsonl:4"), "{claims}");
    insta::assert_snapshot!("malformed_jsonl_line_claims", claims);
    insta::assert_snapshot!("malformed_jsonl_line_check", check);
}

// A header date that does not parse is pointed at; the article's figures
// are still listed and checked, as undated.
#[test]
fn unparsable_header_date() {
    let _s = snapshots("inputs");
    let case = with_good();
    case.write(
        "baddate.txt",
        " date 2023-13-45 (Wire Service) — The army said 230 hostages were still being held in Gaza.\n",
    );
    let (claims, check) = claims_and_check(&case, &["."]);
    assert!(claims.stdout.contains("baddate.txt"), "{claims}");
    insta::assert_snapshot!("unparsable_header_date_claims", claims);
    insta::assert_snapshot!("unparsable_header_date_check", check);
}

// A file named on the command line that is not an article is reported;
// met while walking a folder, the same file is skipped quietly.
#[test]
fn named_non_article_file() {
    let _s = snapshots("inputs");
    let case = with_good();
    case.write("figures.csv", "metric,value\nhostages.held,240\n");
    let (claims, check) = claims_and_check(&case, &["figures.csv", "good.txt"]);
    insta::assert_snapshot!("named_non_article_file_claims", claims);
    insta::assert_snapshot!("named_non_article_file_check", check);
    let walked = case.run(["claims", "."]);
    assert_eq!(walked.code(), 0, "{walked}");
    assert_eq!(walked.stderr, "");
}

// All the broken inputs at once: each is reported once, in a stable order.
#[test]
fn every_bad_input_at_once() {
    let _s = snapshots("inputs");
    let case = with_good();
    case.write(
        "b_latin1.txt",
        b"Some 238 hostages remain, the caf\xe9 owner said.\n",
    )
    .write("c_binary.txt", b"\x00\x01\x02")
    .write("d_empty.txt", "")
    .write("e_feed.jsonl", "{\"text\": \n")
    .write(
        "f_baddate.txt",
        " date 21/11/2023 (Wire Service) — 230 hostages are held in Gaza.\n",
    )
    .mkdir("g_empty_folder");
    let (claims, check) = claims_and_check(&case, &[".", "g_empty_folder", "missing.md"]);
    insta::assert_snapshot!("every_bad_input_claims", claims);
    insta::assert_snapshot!("every_bad_input_check", check);
}

// header formats ------------------------------------------------------------

// TOML (`+++`) and YAML (`---`) front matter give date and outlet (or its
// alias `source`); the front matter is never a claim.
#[test]
fn front_matter_formats() {
    let _s = snapshots("inputs");
    let case = Case::new();
    case.write(
        "a_toml.md",
        "+++\ntitle = \"Truce holds for a second day\"\ndate = 2023-11-25\noutlet = \"Harbor Times\"\n\
url = \"https://example.org/truce/2\"\n+++\nThirteen hostages were released on Friday, officials \
said, and 39 Palestinian prisoners were freed in exchange.\n",
    )
    .write(
        "b_yaml.md",
        "---\ntitle: \"Second exchange completed\"\ndate: 2023-11-26\nsource: Civic Ledger\n---\n\
A further 17 hostages were freed on Saturday, while 39 Palestinian prisoners were released, \
the ministry said.\n",
    );
    let run = case.run(["claims", "--format", "json", "--all", "."]);
    assert_eq!(run.code(), 0, "{run}");
    for claim in run.json_lines() {
        assert!(claim["published"].is_string(), "{claim}");
        assert!(claim["outlet"].is_string(), "{claim}");
    }
    insta::assert_snapshot!("front_matter_claims", run);
    insta::assert_snapshot!("front_matter_check", case.run(["check", "."]));
}

// Broken front matter: a date in words (YAML) and a TOML syntax error are
// pointed at inside the front matter; the bodies are still read.
#[test]
fn broken_front_matter() {
    let _s = snapshots("inputs");
    let case = Case::new();
    case.write(
        "a_words.md",
        "---\ndate: 27 November 2023\noutlet: Daily Feed\n---\nThe army said 184 hostages were \
still being held in Gaza.\n",
    )
    .write(
        "b_syntax.md",
        "+++\ndate = \"2023-11-28\noutlet = \"Daily Feed\"\n+++\nThe army said 160 hostages were \
still being held in Gaza.\n",
    );
    let claims = case.run(["claims", "."]);
    let check = case.run(["check", "--color", "never", "."]);
    assert!(claims.stdout.contains("a_words.md") && claims.stdout.contains("b_syntax.md"));
    insta::assert_snapshot!("broken_front_matter_claims", claims);
    insta::assert_snapshot!("broken_front_matter_check", check);
}

// The seed header variants: a full header, `date unknown` with an outlet,
// a date with no outlet, and no header at all; the header is never a claim.
#[test]
fn seed_header_variants() {
    let _s = snapshots("inputs");
    let case = Case::new();
    case.write(
        "a_full.txt",
        " date 2023-11-27 (Wire Service) — About 150 prisoners have been released since the \
truce began, officials said.\n",
    )
    .write(
        "b_unknown.txt",
        " date unknown (Wire Service) — Around 240 hostages are being held in Gaza, the army said.\n",
    )
    .write(
        "c_no_outlet.txt",
        " date 2023-11-27 — About 150 prisoners have been released since the truce began, \
officials said.\n",
    )
    .write(
        "d_no_header.txt",
        "Mediators said 50 hostages would be freed during the four-day truce.\n",
    );
    let run = case.run(["claims", "--format", "json", "--all", "."]);
    assert_eq!(run.code(), 0, "{run}");
    assert!(
        run.json_lines().iter().all(|c| c["text"] != "2023"),
        "a header date is never a mention"
    );
    insta::assert_snapshot!("seed_header_claims", run);
    let check = case.run(["check", "--format", "json", "."]);
    assert_eq!(check.code(), 0, "metadata findings are warnings:\n{check}");
    insta::assert_snapshot!("seed_header_check", check);
}
