//! The figcheck binary: parse arguments, run the library, map its typed
//! exit status to 0 (clean), 1 (findings that fail) or 2 (usage or
//! configuration error).

use std::process::ExitCode;

fn main() -> ExitCode {
    ExitCode::from(figcheck::cli::run(std::env::args_os()).code())
}
