//! Decoding file bytes into text: BOMs, UTF-16, lossy UTF-8 and binary detection.
//!
//! Key decision: decoding never fails. A UTF-8 BOM is dropped, UTF-16 (LE or BE) is recognised by
//! its BOM only, invalid UTF-8 is replaced with U+FFFD and reported once with the offset of the
//! first bad byte, and a NUL byte in the first 8 KiB marks the file binary (as ripgrep does).
//! Line structure is preserved, so line numbers of the decoded text are those of the file.

/// How many leading bytes are searched for a NUL byte to detect binary files.
pub const BINARY_SNIFF_BYTES: usize = 8 * 1024;

/// Text decoded from a file's bytes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Decoded {
    /// The text, without any byte order mark.
    pub text: String,
    /// Offset in the file of the first byte that could not be decoded, if any.
    pub invalid_at: Option<usize>,
    /// Name of the encoding that was decoded, for messages.
    pub encoding: &'static str,
}

/// The result of decoding: text, or the offset of the NUL byte that makes the file binary.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum Decoding {
    Text(Decoded),
    Binary { nul_at: usize },
}

/// Decodes `bytes` (see the module docs for the rules).
pub(crate) fn decode(bytes: &[u8]) -> Decoding {
    if let Some(rest) = bytes.strip_prefix(&[0xFF, 0xFE]) {
        return Decoding::Text(decode_utf16(rest, 2, u16::from_le_bytes, "UTF-16LE"));
    }
    if let Some(rest) = bytes.strip_prefix(&[0xFE, 0xFF]) {
        return Decoding::Text(decode_utf16(rest, 2, u16::from_be_bytes, "UTF-16BE"));
    }
    let sniffed = &bytes[..bytes.len().min(BINARY_SNIFF_BYTES)];
    if let Some(nul_at) = memchr::memchr(0, sniffed) {
        return Decoding::Binary { nul_at };
    }
    let (body, skipped) = match bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]) {
        Some(rest) => (rest, 3),
        None => (bytes, 0),
    };
    let decoded = match std::str::from_utf8(body) {
        Ok(text) => Decoded {
            text: text.to_owned(),
            invalid_at: None,
            encoding: "UTF-8",
        },
        Err(error) => Decoded {
            text: String::from_utf8_lossy(body).into_owned(),
            invalid_at: Some(skipped + error.valid_up_to()),
            encoding: "UTF-8",
        },
    };
    Decoding::Text(decoded)
}

fn decode_utf16(bytes: &[u8], skipped: usize, unit: fn([u8; 2]) -> u16, encoding: &'static str) -> Decoded {
    let units = bytes.chunks_exact(2).map(|pair| unit([pair[0], pair[1]]));
    let mut text = String::with_capacity(bytes.len());
    let mut invalid_at = None;
    let mut position = skipped;
    for result in char::decode_utf16(units) {
        if let Ok(character) = result {
            text.push(character);
            position += character.len_utf16() * 2;
        } else {
            invalid_at.get_or_insert(position);
            text.push(char::REPLACEMENT_CHARACTER);
            position += 2;
        }
    }
    if bytes.len() % 2 == 1 {
        invalid_at.get_or_insert(skipped + bytes.len() - 1);
        text.push(char::REPLACEMENT_CHARACTER);
    }
    Decoded {
        text,
        invalid_at,
        encoding,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[track_caller]
    fn check(bytes: &[u8], expected_text: &str, expected_invalid_at: Option<usize>) {
        match decode(bytes) {
            Decoding::Text(decoded) => {
                assert_eq!(decoded.text, expected_text);
                assert_eq!(decoded.invalid_at, expected_invalid_at);
            }
            Decoding::Binary { nul_at } => panic!("unexpectedly binary (NUL at {nul_at})"),
        }
    }

    fn utf16(text: &str, big_endian: bool) -> Vec<u8> {
        let mut bytes = if big_endian { vec![0xFE, 0xFF] } else { vec![0xFF, 0xFE] };
        for unit in text.encode_utf16() {
            bytes.extend(if big_endian {
                unit.to_be_bytes()
            } else {
                unit.to_le_bytes()
            });
        }
        bytes
    }

    #[test]
    fn decodes_every_encoding() {
        check(b"plain", "plain", None);
        check(b"\xEF\xBB\xBFwith bom", "with bom", None);
        check(b"bad \xA3 byte", "bad \u{FFFD} byte", Some(4));
        check(b"\xEF\xBB\xBFbad \xA3", "bad \u{FFFD}", Some(7));
        check(&utf16("Rüssia 🌍\r\nline", false), "Rüssia 🌍\r\nline", None);
        check(&utf16("big endian", true), "big endian", None);
        check(&[0xFF, 0xFE, b'a', 0, 0x00, 0xD8, b'b', 0], "a\u{FFFD}b", Some(4));
        check(&[0xFF, 0xFE, b'a', 0, b'b'], "a\u{FFFD}", Some(4));
        check(b"", "", None);
    }

    #[test]
    fn nul_bytes_mean_binary() {
        assert_eq!(decode(b"ELF\0\x01"), Decoding::Binary { nul_at: 3 });
        let mut late = vec![b'a'; BINARY_SNIFF_BYTES];
        late.push(0);
        assert!(matches!(decode(&late), Decoding::Text(_)));
    }
}
