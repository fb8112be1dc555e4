//! One fixed set of findings over a small temporary corpus, rendered in
//! every format and pinned with snapshots under `snapshots/output/`: a
//! conflict across three sources (one a JSON Lines record), a finding with
//! two labels in one file, a span over a line break, a record finding, a
//! metadata finding at 0..0 and an unreadable record.

use std::path::Path;
use std::sync::Arc;

use super::*;
use crate::article::InputProblem;
use crate::engine::Corpus;
use crate::rules::{CheckDef, CheckKind, Field, Tolerance};

const HARBOR: &str = " date 2023-10-09 (Harbor Times) — Officials said 1,400 people \
were killed in the attack on October 7.\n";

const CIVIC: &str = " date 2023-10-08 (Civic Ledger) — Hamas killed 1,200 people on \
October 7, officials said.\n\nBy the evening the toll had risen: 1,300 people were killed \
in Israel, and more than\n20,000 people were wounded in Gaza.\n";

const UNDATED: &str = "Talks went on in Cairo about a pause.\n";

// Record 2 has escapes, so its decoded text is shorter than its JSON line;
// record 3 is broken.
const WIRE: &str = concat!(
    r#"{"date": "2023-10-10", "outlet": "Wire", "text": "Israel says 1,200 were killed."}"#,
    "\n",
    r#"{"date": "2023-11-22", "outlet": "Wire", "text": "Officials \u201cexpect\u201d 16,500 trucks a day."}"#,
    "\n",
    r#"{"date": "2023-11-23", "text": 57}"#,
    "\n",
);

/// Binds the snapshot settings of the output group.
fn snapshot_settings() -> insta::internals::SettingsBindDropGuard {
    let mut s = insta::Settings::clone_current();
    s.set_snapshot_path(concat!(env!("CARGO_MANIFEST_DIR"), "/snapshots/output"));
    s.set_prepend_module_to_snapshot(false);
    s.bind_to_scope()
}

/// `out` without the temp folder and the crate version, which change from
/// run to run and release to release (insta's `filters` feature is off).
fn stable(out: &str, tmp: &Path) -> String {
    out.replace(&tmp.display().to_string(), "[TMP]").replace(
        &format!("\"{}\"", env!("CARGO_PKG_VERSION")),
        "\"[VERSION]\"",
    )
}

fn check(id: &str, kind: CheckKind, severity: Severity, help: Option<&str>) -> CheckDef {
    CheckDef {
        id: id.to_string(),
        kind,
        severity,
        metrics: Vec::new(),
        explain: format!(
            "The `{id}` check of the test pack. It explains itself\nover two lines.\n\nA second paragraph."
        ),
        help: help.map(str::to_string),
        file: Arc::from("checks.toml"),
    }
}

fn pack() -> Pack {
    let tolerance = Tolerance::default();
    Pack {
        metrics: Vec::new(),
        checks: vec![
            check(
                "conflict",
                CheckKind::Conflict {
                    tolerance,
                    window_days: 0,
                },
                Severity::Error,
                Some("check both sources; one of the figures may be a typo"),
            ),
            check(
                "consistency",
                CheckKind::Consistency { tolerance },
                Severity::Error,
                None,
            ),
            check(
                "range",
                CheckKind::Range {
                    min: Some(0.0),
                    max: Some(1500.0),
                },
                Severity::Warning,
                Some("check the figure for a typo"),
            ),
            check(
                "attribution",
                CheckKind::Attribution,
                Severity::Info,
                Some("name the source of the toll"),
            ),
            check(
                "metadata",
                CheckKind::Metadata {
                    require: vec![Field::Date, Field::Outlet],
                },
                Severity::Warning,
                Some("add a `date YYYY-MM-DD (Outlet)` line at the top"),
            ),
        ],
        events: Vec::new(),
        files: Vec::new(),
    }
}

/// A label from the first `needle` in `text` through the next `until`.
fn label(file: &str, text: &str, needle: &str, until: &str, message: &str) -> Label {
    let start = text.find(needle).expect("needle in fixture");
    let end = start + text[start..].find(until).expect("until in fixture") + until.len();
    Label {
        file: Arc::from(file),
        start,
        end,
        message: message.to_string(),
    }
}

fn finding(rule: &str, severity: Severity, message: &str, labels: Vec<Label>) -> Finding {
    let pack = pack();
    Finding {
        rule: rule.to_string(),
        severity,
        message: message.to_string(),
        metric: None,
        labels,
        help: pack.check(rule).and_then(|c| c.help.clone()),
    }
}

/// The corpus in `dir` and the findings over it.
fn fixture(dir: &Path) -> Vec<Finding> {
    let path = |name: &str| dir.join(name).display().to_string();
    let (harbor, civic, undated, wire) = (
        path("harbor.txt"),
        path("civic.txt"),
        path("undated.txt"),
        path("wire.jsonl"),
    );
    for (name, text) in [
        (&harbor, HARBOR),
        (&civic, CIVIC),
        (&undated, UNDATED),
        (&wire, WIRE),
    ] {
        std::fs::write(name, text).expect("write fixture");
    }
    let record1 = "Israel says 1,200 were killed.";
    let record2 = "Officials \u{201c}expect\u{201d} 16,500 trucks a day.";
    let mut loaded = Loaded::default();
    for block in LineBlocks::open(&Input {
        path: PathBuf::from(&wire),
        name: wire.clone(),
        format: Format::JsonLines,
    }) {
        block.parse(&mut loaded);
    }
    let broken = loaded.problems;
    let broken: &InputProblem = broken.first().expect("record 3 is broken");
    vec![
        Finding {
            metric: Some("deaths.israel".to_string()),
            ..finding(
                "conflict",
                Severity::Error,
                "deaths.israel: 1,400 conflicts with 1,200 reported by Civic Ledger, 2023-10-07",
                vec![
                    label(
                        &harbor,
                        HARBOR,
                        "1,400",
                        "1,400",
                        "1,400 (Harbor Times, 2023-10-07)",
                    ),
                    label(
                        &civic,
                        CIVIC,
                        "1,200",
                        "1,200",
                        "1,200 (Civic Ledger, 2023-10-07)",
                    ),
                    label(
                        &format!("{wire}:1"),
                        record1,
                        "1,200",
                        "1,200",
                        "1,200 (Wire, 2023-10-07)",
                    ),
                ],
            )
        },
        Finding {
            metric: Some("deaths.israel".to_string()),
            ..finding(
                "consistency",
                Severity::Error,
                "deaths.israel is stated as 1,200 and as 1,300 in the same article",
                vec![
                    label(&civic, CIVIC, "1,300", "1,300", "1,300 here"),
                    label(
                        &civic,
                        CIVIC,
                        "1,200",
                        "1,200",
                        "1,200 earlier in the article",
                    ),
                ],
            )
        },
        Finding {
            metric: Some("injured.gaza".to_string()),
            ..finding(
                "attribution",
                Severity::Info,
                "injured.gaza toll `more than 20,000` is stated without a source",
                vec![label(
                    &civic,
                    CIVIC,
                    "more than",
                    "20,000",
                    "stated without a source",
                )],
            )
        },
        Finding {
            metric: Some("aid.trucks".to_string()),
            ..finding(
                "range",
                Severity::Warning,
                "aid.trucks: 16,500 is above the plausible maximum of 1,500",
                vec![label(
                    &format!("{wire}:2"),
                    record2,
                    "16,500",
                    "16,500",
                    "16,500 (Wire, 2023-11-22)",
                )],
            )
        },
        finding(
            "metadata",
            Severity::Warning,
            "article has no date and no outlet",
            vec![Label {
                file: Arc::from(undated.as_str()),
                start: 0,
                end: 0,
                message: "no date or outlet for this article".to_string(),
            }],
        ),
        Finding::input(broken),
    ]
}

const SUMMARY: Summary = Summary {
    files: 4,
    articles: 5,
    mentions: 9,
    claims: 7,
};

/// `findings` as a run reports them, with no claims behind them.
fn given<'a>(pack: &'a Pack, corpus: &'a Corpus, findings: Vec<Finding>) -> Findings<'a> {
    let mut given = Findings::new(pack, corpus);
    for finding in findings {
        given.push(finding);
    }
    given
}

fn render(format: CheckFormat, style: Style) -> String {
    let tmp = tempfile::tempdir().expect("temp dir");
    let (pack, corpus) = (pack(), Corpus::default());
    let findings = given(&pack, &corpus, fixture(tmp.path()));
    let mut out = Vec::new();
    write_findings(&mut out, format, &findings, &SUMMARY, &pack, style).expect("render");
    let _guard = snapshot_settings();
    let out = stable(&String::from_utf8(out).expect("UTF-8 output"), tmp.path());
    insta::assert_snapshot!(snapshot_name(format, style), out);
    out
}

fn snapshot_name(format: CheckFormat, style: Style) -> &'static str {
    match (format, style) {
        (CheckFormat::Human, Style::Narrated) => "findings_human_narrated",
        (CheckFormat::Human, _) => "findings_human",
        (CheckFormat::Json, _) => "findings_json",
        (CheckFormat::Sarif, _) => "findings_sarif",
        (CheckFormat::Github, _) => "findings_github",
    }
}

const GRAPHICAL: Style = Style::Graphical {
    color: false,
    width: 80,
};

#[test]
fn human_findings() {
    render(CheckFormat::Human, GRAPHICAL);
}

#[test]
fn human_findings_narrated() {
    render(CheckFormat::Human, Style::Narrated);
}

#[test]
fn json_findings() {
    let out = render(CheckFormat::Json, GRAPHICAL);
    let value: serde_json::Value = serde_json::from_str(&out).expect("one JSON object");
    assert_eq!(value["summary"]["findings"], 6);
}

#[test]
fn sarif_findings() {
    let out = render(CheckFormat::Sarif, GRAPHICAL);
    let value: serde_json::Value = serde_json::from_str(&out).expect("one JSON object");
    // every ruleIndex names the rule of its result
    let rules = &value["runs"][0]["tool"]["driver"]["rules"];
    for result in value["runs"][0]["results"].as_array().expect("results") {
        let index = result["ruleIndex"].as_u64().expect("ruleIndex") as usize;
        assert_eq!(rules[index]["id"], result["ruleId"]);
    }
}

#[test]
fn github_findings() {
    let out = render(CheckFormat::Github, GRAPHICAL);
    assert!(out.lines().all(|line| line.starts_with("::")));
}

// An empty run still says what it read.
#[test]
fn no_findings_summary() {
    let (pack, corpus) = (pack(), Corpus::default());
    let mut out = Vec::new();
    write_findings(
        &mut out,
        CheckFormat::Human,
        &Findings::new(&pack, &corpus),
        &SUMMARY,
        &pack,
        GRAPHICAL,
    )
    .expect("render");
    assert_eq!(
        String::from_utf8_lossy(&out),
        "no findings in 5 articles (7 claims)\n"
    );
}

// A source gone since the check, or a span past its end, degrades to line 1
// and no snippet instead of failing.
#[test]
fn unreadable_sources_degrade() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let short = tmp.path().join("short.txt");
    std::fs::write(&short, "tiny").expect("write");
    let labels = [tmp.path().join("gone.txt"), short].map(|path| Label {
        file: Arc::from(path.display().to_string()),
        start: 2,
        end: 40,
        message: "here".to_string(),
    });
    let (pack, corpus) = (pack(), Corpus::default());
    let findings = given(
        &pack,
        &corpus,
        vec![finding(
            "range",
            Severity::Warning,
            "out of range",
            labels.to_vec(),
        )],
    );
    let render = |format| {
        let mut out = Vec::new();
        write_findings(&mut out, format, &findings, &SUMMARY, &pack, GRAPHICAL).expect("render");
        String::from_utf8(out).expect("UTF-8")
    };
    let human = render(CheckFormat::Human);
    assert!(human.contains("gone.txt: out of range"), "{human}");
    assert!(human.contains("short.txt: here"), "{human}");
    let github = render(CheckFormat::Github);
    assert!(github.contains(",line=1,endLine=1,title="), "{github}");
    // JSON reads no source at all: it keeps the byte offsets as they are.
    let json: serde_json::Value = serde_json::from_str(&render(CheckFormat::Json)).expect("JSON");
    assert_eq!(json["findings"][0]["labels"][0]["start"], 2);
    let sarif: serde_json::Value = serde_json::from_str(&render(CheckFormat::Sarif)).expect("JSON");
    let region = &sarif["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["region"];
    assert_eq!(region, &serde_json::json!({ "startLine": 1 }));
}

// A JSON Lines file is read once, keeping the records the findings name
// (not the broken one, whose offsets are into the raw line).
#[test]
fn cache_finds_records_by_line() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let (pack, corpus) = (pack(), Corpus::default());
    let findings = given(&pack, &corpus, fixture(tmp.path()));
    let wire = tmp.path().join("wire.jsonl").display().to_string();
    let mut cache = SourceCache::new(&findings);
    assert_eq!(
        cache.text(&format!("{wire}:1")).as_deref(),
        Some("Israel says 1,200 were killed.")
    );
    assert!(
        cache
            .text(&format!("{wire}:2"))
            .is_some_and(|t| t.contains('\u{201c}'))
    );
    assert_eq!(cache.text(&format!("{wire}:3")), None);
    assert_eq!(cache.records.len(), 1);
    assert_eq!(cache.records[&wire].len(), 2);
}

// JSON is written a batch of findings at a time; the document must read
// exactly as serde_json would print it whole, with or without findings.
#[test]
fn json_layout_is_serde_pretty() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let (pack, corpus) = (pack(), Corpus::default());
    for findings in [
        given(&pack, &corpus, fixture(tmp.path())),
        Findings::new(&pack, &corpus),
    ] {
        let mut out = Vec::new();
        write_findings(
            &mut out,
            CheckFormat::Json,
            &findings,
            &SUMMARY,
            &pack,
            GRAPHICAL,
        )
        .expect("render");
        let out = String::from_utf8(out).expect("UTF-8");
        let value: serde_json::Value = serde_json::from_str(&out).expect("one JSON object");
        let whole = serde_json::to_string_pretty(&value).expect("serialize") + "\n";
        assert_eq!(out, whole);
    }
}
