//! Fuzz target: any string parsed as a template. Parsing must succeed or return an error whose
//! span lies inside the template on character boundaries.

#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|template: &str| {
    if let Err(error) = crosscheck::rules::pattern::parse(template) {
        assert!(error.span.start <= error.span.end && error.span.end <= template.len());
        assert!(template.is_char_boundary(error.span.start) && template.is_char_boundary(error.span.end));
    }
});
