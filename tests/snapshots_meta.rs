//! Catches orphan snapshots: every `.snap` file under `snapshots/` (every
//! group, including `snapshots/output/` of the unit tests) must be named by
//! a string literal in the sources under `tests/` or `src/`, so a renamed or
//! deleted test cannot leave a stale snapshot behind. (Pending `.snap.new`
//! files are git-ignored and left to `cargo insta review`.)

use std::path::{Path, PathBuf};

fn files_under(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries {
        let path = entry.expect("a directory entry").path();
        if path.is_dir() {
            files_under(&path, out);
        } else {
            out.push(path);
        }
    }
}

// A snapshot that no test names is dead weight that reviewers still read.
#[test]
fn every_snapshot_is_named_by_a_test() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut sources = Vec::new();
    files_under(&root.join("tests"), &mut sources);
    files_under(&root.join("src"), &mut sources);
    let text: String = sources
        .iter()
        .filter(|p| p.extension().is_some_and(|e| e == "rs"))
        .map(|p| std::fs::read_to_string(p).expect("a source file"))
        .collect();

    let mut snaps = Vec::new();
    files_under(&root.join("snapshots"), &mut snaps);
    snaps.sort();
    let mut orphans = Vec::new();
    for snap in &snaps {
        let name = snap.file_name().unwrap().to_string_lossy();
        if let Some(stem) = name.strip_suffix(".snap")
            && !text.contains(&format!("\"{stem}\""))
        {
            orphans.push(snap.strip_prefix(root).unwrap().display().to_string());
        }
    }
    assert!(
        orphans.is_empty(),
        "snapshots that no test names (delete them or restore the test):\n  {}",
        orphans.join("\n  ")
    );
}
