//! Stable ids: short hex digests that stay the same across runs, platforms and Rust versions.
//!
//! Claim and finding ids must let a saved report be matched with a later one, so they are built
//! from content (paths, rule ids, normalised values, quotes), never from offsets or line numbers,
//! and hashed with FNV-1a (64-bit), whose output is fixed by its definition.

/// FNV-1a 64-bit hash of `parts`, each followed by a 0xff separator byte (which never occurs in
/// UTF-8), printed as 16 lowercase hex digits.
pub fn stable_id<S: AsRef<str>>(parts: &[S]) -> String {
    let mut hasher = StableHasher::new();
    for part in parts {
        hasher.part(part.as_ref());
    }
    hasher.finish()
}

/// The [`stable_id`] digest built incrementally, for callers that would otherwise assemble the
/// parts as strings first: [`StableHasher::write`] appends to the current part,
/// [`StableHasher::end_part`] closes it.
#[derive(Clone, Copy, Debug)]
pub(crate) struct StableHasher {
    hash: u64,
}

impl StableHasher {
    const OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
    const PRIME: u64 = 0x0000_0100_0000_01b3;

    /// A hasher with no parts yet.
    pub(crate) fn new() -> Self {
        StableHasher { hash: Self::OFFSET }
    }

    /// Appends `bytes` to the current part.
    pub(crate) fn write(&mut self, bytes: &[u8]) {
        for &byte in bytes {
            self.hash ^= u64::from(byte);
            self.hash = self.hash.wrapping_mul(Self::PRIME);
        }
    }

    /// Ends the current part (the 0xff separator).
    pub(crate) fn end_part(&mut self) {
        self.write(&[0xff]);
    }

    /// Appends a whole part.
    pub(crate) fn part(&mut self, part: &str) {
        self.write(part.as_bytes());
        self.end_part();
    }

    /// The id: 16 lowercase hex digits.
    pub(crate) fn finish(self) -> String {
        const DIGITS: &[u8; 16] = b"0123456789abcdef";
        (0..16)
            .rev()
            .map(|position| char::from(DIGITS[((self.hash >> (position * 4)) & 0xf) as usize]))
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::{StableHasher, stable_id};

    #[test]
    fn ids_are_fixed_and_separate_parts() {
        assert_eq!(stable_id(&["a", "b"]), stable_id(&["a", "b"]));
        assert_ne!(stable_id(&["ab", ""]), stable_id(&["a", "b"]));
        assert_eq!(stable_id::<&str>(&[]), "cbf29ce484222325");
        assert_eq!(stable_id(&["a"]).len(), 16);
        assert_eq!(
            stable_id(&["a", "bc"]),
            format!("{:016x}", {
                let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
                for byte in [b'a', 0xff, b'b', b'c', 0xff] {
                    hash = (hash ^ u64::from(byte)).wrapping_mul(0x0000_0100_0000_01b3);
                }
                hash
            })
        );
        let mut hasher = StableHasher::new();
        hasher.write(b"a");
        hasher.end_part();
        hasher.write(b"b");
        hasher.write(b"c");
        hasher.end_part();
        assert_eq!(hasher.finish(), stable_id(&["a", "bc"]));
    }
}
