//! Fuzz target: any bytes loaded as an HTML page. Loading must not panic; every region of the
//! extracted text is a valid range, and every offset maps back to a place in the original.

#![no_main]

use crosscheck::text::{Format, LoadOptions, load_bytes};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(loaded) = load_bytes("fuzz.html", data, Format::Html, &LoadOptions::default()) else {
        return;
    };
    for article in &loaded.articles {
        let text = &article.text;
        for region in &article.regions {
            assert!(region.start <= region.end && region.end <= text.len());
            assert!(text.is_char_boundary(region.start) && text.is_char_boundary(region.end));
        }
        for sentence in crosscheck::text::sentences(article) {
            assert!(text.is_char_boundary(sentence.start) && text.is_char_boundary(sentence.end));
        }
        for (offset, _) in text.char_indices() {
            let (line, column) = article.line_column(offset);
            assert!(line >= 1 && column >= 1);
            assert!(article.source().is_char_boundary(article.source_offset(offset)));
        }
    }
});
