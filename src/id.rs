//! Stable ids: short hex digests that stay the same across runs, platforms and Rust versions.
//!
//! Claim and finding ids must let a saved report be matched with a later one, so they are built
//! from content (paths, rule ids, normalised values, quotes), never from offsets or line numbers,
//! and hashed with FNV-1a (64-bit), whose output is fixed by its definition.

/// FNV-1a 64-bit hash of `parts`, each followed by a 0xff separator byte (which never occurs in
/// UTF-8), printed as 16 lowercase hex digits.
pub fn stable_id<S: AsRef<str>>(parts: &[S]) -> String {
    const OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
    const PRIME: u64 = 0x0000_0100_0000_01b3;
    let mut hash = OFFSET;
    for part in parts {
        for &byte in part.as_ref().as_bytes().iter().chain(std::iter::once(&0xff)) {
            hash ^= u64::from(byte);
            hash = hash.wrapping_mul(PRIME);
        }
    }
    format!("{hash:016x}")
}

#[cfg(test)]
mod tests {
    use super::stable_id;

    #[test]
    fn ids_are_fixed_and_separate_parts() {
        assert_eq!(stable_id(&["a", "b"]), stable_id(&["a", "b"]));
        assert_ne!(stable_id(&["ab", ""]), stable_id(&["a", "b"]));
        assert_eq!(stable_id::<&str>(&[]), "cbf29ce484222325");
        assert_eq!(stable_id(&["a"]).len(), 16);
    }
}
