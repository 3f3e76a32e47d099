//! Character references: `&amp;`, `&#8217;`, `&#x2019;` and the named entities news pages use.

/// Decodes the character references of an attribute value.
pub(super) fn decode_entities(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    let mut position = 0;
    while let Some(found) = value[position..].find('&') {
        let at = position + found;
        out.push_str(&value[position..at]);
        if let Some((decoded, next)) = entity(value, at) {
            out.extend(decoded);
            position = next;
        } else {
            out.push('&');
            position = at + 1;
        }
    }
    out.push_str(&value[position..]);
    out
}

/// Decodes the character reference at `start` (a `&`): the character (`None` for one that
/// renders as nothing, like `&shy;`) and the offset after the reference. `None` when it is not a
/// reference this scanner knows, in which case the `&` is plain text.
pub(super) fn entity(text: &str, start: usize) -> Option<(Option<char>, usize)> {
    let bytes = text.as_bytes();
    let rest = &bytes[start + 1..];
    if rest.first() == Some(&b'#') {
        let hex = matches!(rest.get(1), Some(b'x' | b'X'));
        let digits_start = start + 2 + usize::from(hex);
        let digits = bytes[digits_start..]
            .iter()
            .take_while(|byte| {
                if hex {
                    byte.is_ascii_hexdigit()
                } else {
                    byte.is_ascii_digit()
                }
            })
            .count();
        if digits == 0 {
            return None;
        }
        let mut end = digits_start + digits;
        let value = u32::from_str_radix(&text[digits_start..end], if hex { 16 } else { 10 }).unwrap_or(u32::MAX);
        if bytes.get(end) == Some(&b';') {
            end += 1;
        }
        return Some((Some(numeric_character(value)), end));
    }
    let name_length = rest
        .iter()
        .take(32)
        .take_while(|byte| byte.is_ascii_alphanumeric())
        .count();
    if name_length == 0 || rest.get(name_length) != Some(&b';') {
        return None;
    }
    let name = &text[start + 1..start + 1 + name_length];
    let decoded = match name {
        "shy" | "zwnj" | "zwj" | "lrm" | "rlm" => None,
        _ => Some(named_character(name)?),
    };
    Some((decoded, start + name_length + 2))
}

fn numeric_character(value: u32) -> char {
    // The HTML standard reads C1 controls as Windows-1252, as pages written on Windows expect.
    match value {
        0x80 => '€',
        0x85 => '…',
        0x91 => '‘',
        0x92 => '’',
        0x93 => '“',
        0x94 => '”',
        0x95 => '•',
        0x96 => '–',
        0x97 => '—',
        0x99 => '™',
        0 => char::REPLACEMENT_CHARACTER,
        _ => char::from_u32(value).unwrap_or(char::REPLACEMENT_CHARACTER),
    }
}

fn named_character(name: &str) -> Option<char> {
    let character = match name {
        "amp" => '&',
        "lt" => '<',
        "gt" => '>',
        "quot" => '"',
        "apos" => '\'',
        "nbsp" => '\u{a0}',
        "ensp" => '\u{2002}',
        "emsp" => '\u{2003}',
        "thinsp" => '\u{2009}',
        "hairsp" => '\u{200A}',
        "ndash" => '–',
        "mdash" => '—',
        "minus" => '−',
        "hyphen" | "dash" => '‐',
        "lsquo" => '‘',
        "rsquo" => '’',
        "sbquo" => '‚',
        "ldquo" => '“',
        "rdquo" => '”',
        "bdquo" => '„',
        "laquo" => '«',
        "raquo" => '»',
        "lsaquo" => '‹',
        "rsaquo" => '›',
        "hellip" => '…',
        "bull" => '•',
        "middot" => '·',
        "copy" => '©',
        "reg" => '®',
        "trade" => '™',
        "deg" => '°',
        "plusmn" => '±',
        "times" => '×',
        "divide" => '÷',
        "frac12" => '½',
        "frac14" => '¼',
        "frac34" => '¾',
        "sup2" => '²',
        "sup3" => '³',
        "micro" => 'µ',
        "para" => '¶',
        "sect" => '§',
        "cent" => '¢',
        "pound" => '£',
        "yen" => '¥',
        "euro" => '€',
        "curren" => '¤',
        "prime" => '′',
        "Prime" => '″',
        "dagger" => '†',
        "Dagger" => '‡',
        "permil" => '‰',
        "larr" => '←',
        "rarr" => '→',
        "uarr" => '↑',
        "darr" => '↓',
        "aacute" => 'á',
        "eacute" => 'é',
        "iacute" => 'í',
        "oacute" => 'ó',
        "uacute" => 'ú',
        "yacute" => 'ý',
        "Aacute" => 'Á',
        "Eacute" => 'É',
        "Iacute" => 'Í',
        "Oacute" => 'Ó',
        "Uacute" => 'Ú',
        "agrave" => 'à',
        "egrave" => 'è',
        "igrave" => 'ì',
        "ograve" => 'ò',
        "ugrave" => 'ù',
        "Agrave" => 'À',
        "Egrave" => 'È',
        "acirc" => 'â',
        "ecirc" => 'ê',
        "icirc" => 'î',
        "ocirc" => 'ô',
        "ucirc" => 'û',
        "Acirc" => 'Â',
        "Icirc" => 'Î',
        "auml" => 'ä',
        "euml" => 'ë',
        "iuml" => 'ï',
        "ouml" => 'ö',
        "uuml" => 'ü',
        "yuml" => 'ÿ',
        "Auml" => 'Ä',
        "Ouml" => 'Ö',
        "Uuml" => 'Ü',
        "atilde" => 'ã',
        "otilde" => 'õ',
        "ntilde" => 'ñ',
        "Ntilde" => 'Ñ',
        "aring" => 'å',
        "Aring" => 'Å',
        "aelig" => 'æ',
        "AElig" => 'Æ',
        "oslash" => 'ø',
        "Oslash" => 'Ø',
        "ccedil" => 'ç',
        "Ccedil" => 'Ç',
        "szlig" => 'ß',
        "scaron" => 'š',
        "Scaron" => 'Š',
        "zcaron" => 'ž',
        "Zcaron" => 'Ž',
        "abreve" => 'ă',
        "Abreve" => 'Ă',
        _ => return None,
    };
    Some(character)
}
