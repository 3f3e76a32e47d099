//! Reading a file's bytes in bounded blocks, stopping as soon as the first block shows the file
//! will not be searched.
//!
//! Key decision: as ripgrep does, binary detection looks at the first block only (a NUL byte in
//! the first [`BINARY_SNIFF_BYTES`], UTF-16 with a BOM excepted, the rule [`super::decode`]
//! applies), and reading stops there: an all-NUL 3 GB file or `/dev/zero` on standard input
//! costs one block of memory, not the whole stream. A size limit (`--max-filesize`) is checked
//! against the file's size before reading when it is known, and against the bytes read when it
//! is not (standard input), so no more than the limit plus one block is ever held.

use std::io::{self, Read};

pub use super::decode::BINARY_SNIFF_BYTES;

/// How much is read at a time.
const BLOCK_BYTES: usize = 64 * 1024;

/// Why reading stopped before the end of the input.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Stopped {
    /// The first block has a NUL byte: the file is binary. The buffer holds the first block,
    /// which shows where.
    Binary,
    /// The input is larger than the limit (in bytes); the buffer holds nothing useful.
    TooLarge {
        /// The limit that was passed.
        limit: u64,
    },
    /// `first_block` said the rest is not wanted.
    Unwanted,
}

/// What to stop reading for.
#[derive(Clone, Copy, Debug, Default)]
pub struct Limits {
    /// Inputs larger than this many bytes are not read (`--max-filesize`).
    pub max_bytes: Option<u64>,
}

/// Reads `reader` to its end into `buffer` (cleared first) in blocks, unless it stops early (see
/// the module docs). `size` is the input's size when known (a regular file's length), checked
/// against the limit before anything is read. `first_block` sees the first block (or the whole
/// input when shorter) and returns `true` to stop there.
pub fn read_bounded(
    reader: &mut dyn Read,
    size: Option<u64>,
    limits: Limits,
    buffer: &mut Vec<u8>,
    first_block: &dyn Fn(&[u8]) -> bool,
) -> io::Result<Option<Stopped>> {
    buffer.clear();
    if let (Some(limit), Some(size)) = (limits.max_bytes, size)
        && size > limit
    {
        return Ok(Some(Stopped::TooLarge { limit }));
    }
    if let Some(size) = size {
        // A known size reserves once; the cap keeps a lying size (a growing file) harmless.
        buffer.reserve((size as usize).min(1 << 30));
    }
    let mut sniffed = false;
    loop {
        // Through `Take`, `read_to_end` fills spare capacity without zeroing it first and stops
        // at a block's end or the input's: fewer bytes than a block means the end was reached,
        // so a small file costs the two `read` calls it always did.
        let read = (&mut *reader).take(BLOCK_BYTES as u64).read_to_end(buffer)?;
        let at_end = read < BLOCK_BYTES;
        if let Some(limit) = limits.max_bytes
            && buffer.len() as u64 > limit
        {
            buffer.clear();
            return Ok(Some(Stopped::TooLarge { limit }));
        }
        if !sniffed && (at_end || buffer.len() >= BINARY_SNIFF_BYTES) {
            sniffed = true;
            if is_binary(buffer) {
                return Ok(Some(Stopped::Binary));
            }
            if first_block(buffer) {
                return Ok(Some(Stopped::Unwanted));
            }
        }
        if at_end {
            return Ok(None);
        }
    }
}

/// Whether the first block marks the input binary: a NUL byte in its first
/// [`BINARY_SNIFF_BYTES`], unless it starts with a UTF-16 BOM (UTF-16 is full of NUL bytes).
pub fn is_binary(first: &[u8]) -> bool {
    if first.starts_with(&[0xFF, 0xFE]) || first.starts_with(&[0xFE, 0xFF]) {
        return false;
    }
    memchr::memchr(0, &first[..first.len().min(BINARY_SNIFF_BYTES)]).is_some()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A reader that hands out `total` bytes of `byte`, `chunk` at a time, and counts them.
    struct Endless {
        byte: u8,
        left: u64,
        served: u64,
    }

    impl Read for Endless {
        fn read(&mut self, out: &mut [u8]) -> io::Result<usize> {
            let count = (out.len() as u64).min(self.left) as usize;
            out[..count].fill(self.byte);
            self.left -= count as u64;
            self.served += count as u64;
            Ok(count)
        }
    }

    fn endless(byte: u8) -> Endless {
        Endless {
            byte,
            left: u64::MAX,
            served: 0,
        }
    }

    #[test]
    fn a_nul_stream_stops_after_the_first_block() {
        let mut reader = endless(0);
        let mut buffer = Vec::new();
        let stopped = read_bounded(&mut reader, None, Limits::default(), &mut buffer, &|_| false).expect("reads");
        assert_eq!(stopped, Some(Stopped::Binary));
        assert!(reader.served <= BLOCK_BYTES as u64, "read {} bytes", reader.served);
        assert!(buffer.capacity() <= 2 * BLOCK_BYTES);
    }

    #[test]
    fn an_endless_text_stream_stops_at_the_limit() {
        let mut reader = endless(b'a');
        let mut buffer = Vec::new();
        let limits = Limits {
            max_bytes: Some(1_000_000),
        };
        let stopped = read_bounded(&mut reader, None, limits, &mut buffer, &|_| false).expect("reads");
        assert_eq!(stopped, Some(Stopped::TooLarge { limit: 1_000_000 }));
        assert!(reader.served <= 1_000_000 + BLOCK_BYTES as u64);
    }

    #[test]
    fn a_short_stream_over_the_limit_is_too_large() {
        let limits = Limits { max_bytes: Some(10) };
        let stopped = read_bounded(&mut b"eleven bytes".as_slice(), None, limits, &mut Vec::new(), &|_| {
            false
        })
        .expect("reads");
        assert_eq!(stopped, Some(Stopped::TooLarge { limit: 10 }));
    }

    #[test]
    fn a_known_size_over_the_limit_reads_nothing() {
        let mut reader = endless(b'a');
        let limits = Limits { max_bytes: Some(10) };
        let stopped = read_bounded(&mut reader, Some(11), limits, &mut Vec::new(), &|_| false).expect("reads");
        assert_eq!(stopped, Some(Stopped::TooLarge { limit: 10 }));
        assert_eq!(reader.served, 0);
    }

    #[test]
    fn text_is_read_whole_and_utf16_is_not_binary() {
        for (bytes, binary) in [
            (b"plain text".to_vec(), false),
            (vec![0xFF, 0xFE, b'a', 0], false),
            (vec![b'a', 0, b'b'], true),
        ] {
            let mut buffer = Vec::new();
            let stopped =
                read_bounded(&mut bytes.as_slice(), None, Limits::default(), &mut buffer, &|_| false).expect("reads");
            assert_eq!(stopped == Some(Stopped::Binary), binary, "{bytes:?}");
            if !binary {
                assert_eq!(buffer, bytes);
            }
        }
        let long = "word ".repeat(100_000);
        let mut buffer = Vec::new();
        let stopped = read_bounded(
            &mut long.as_bytes(),
            Some(long.len() as u64),
            Limits::default(),
            &mut buffer,
            &|_| false,
        )
        .expect("reads");
        assert_eq!((stopped, buffer.as_slice()), (None, long.as_bytes()));
    }

    #[test]
    fn first_block_can_stop_the_read() {
        let text = "# crosscheck report\n".repeat(10_000);
        let mut buffer = Vec::new();
        let stopped = read_bounded(&mut text.as_bytes(), None, Limits::default(), &mut buffer, &|first| {
            first.starts_with(b"# crosscheck report")
        })
        .expect("reads");
        assert_eq!(stopped, Some(Stopped::Unwanted));
    }
}
