//! Fuzz target: any bytes, read as UTF-8 (lossily), loaded as one rules file. Loading must give
//! a rule set or diagnostics that render, never panic, overflow the stack or run away.

#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data).into_owned();
    match crosscheck::rules::load_sources(&[("fuzz.toml".to_owned(), text)]) {
        Ok(set) => {
            for warning in &set.warnings {
                let _ = warning.render(false);
            }
        }
        Err(problems) => {
            let _ = crosscheck::rules::diagnostic::render_all(&problems, false);
        }
    }
});
