//! The label keys of every record, kept in one buffer: one allocation for the whole
//! paste instead of one per line, and the whole-text haystack (keys joined by line
//! breaks) is the buffer itself rather than a copy.

use std::cell::Cell;

use crate::normalize::{has, push_key, LONG_HAY};
use crate::records::Record;

pub struct Keys {
    /// Every record's key in order, each followed by `\n` but the last. A key never
    /// holds a line break (whitespace is not part of a key), so the buffer is exactly
    /// the keys joined by `\n`.
    buf: String,
    /// Byte range of each key in `buf`.
    spans: Vec<(usize, usize)>,
    /// Per key, the set of its bytes' low six bits, computed when first asked (0: not
    /// yet): a word with a byte the key lacks is ruled out without a search, which is
    /// most of the lines a table's anchors are looked for on (the continuation bytes of
    /// Chinese characters spread over all 64).
    bits: Vec<Cell<u64>>,
}

/// One bit per byte of `s`, by its low six bits.
#[inline(always)]
fn byte_bits(s: &str) -> u64 {
    s.bytes().fold(0, |bits, b| bits | 1 << (b & 63))
}

impl Keys {
    pub fn new(src: &str, recs: &[Record]) -> Keys {
        let mut buf = String::with_capacity(src.len());
        let mut spans = Vec::with_capacity(recs.len());
        for (i, r) in recs.iter().enumerate() {
            if i > 0 {
                buf.push('\n');
            }
            let start = buf.len();
            push_key(&mut buf, r.text(src));
            spans.push((start, buf.len()));
        }
        let bits = vec![Cell::new(0); spans.len()];
        Keys { buf, spans, bits }
    }

    pub fn len(&self) -> usize {
        self.spans.len()
    }

    pub fn is_empty(&self) -> bool {
        self.spans.is_empty()
    }

    pub fn iter(&self) -> impl DoubleEndedIterator<Item = &str> + ExactSizeIterator + '_ {
        self.spans.iter().map(|&(s, e)| &self.buf[s..e])
    }

    /// `has(&self[i], word)`, ruling out most keys by their characters first.
    /// Inlined so that a literal word's bits are worked out by the compiler.
    #[inline(always)]
    pub fn has(&self, i: usize, word: &str) -> bool {
        self.has_bits(i, word, byte_bits(word))
    }

    /// `has`, given the word's `byte_bits`.
    fn has_bits(&self, i: usize, word: &str, word_bits: u64) -> bool {
        let key = &self[i];
        // A long key holds nearly every bit: searched as it is.
        if key.len() <= LONG_HAY {
            let mut bits = self.bits[i].get();
            if bits == 0 {
                bits = byte_bits(key);
                self.bits[i].set(bits);
            }
            if word_bits & !bits != 0 {
                return false;
            }
        }
        has(key, word)
    }

    /// All keys joined by `\n`.
    pub fn joined(&self) -> &str {
        &self.buf
    }

    /// The keys of records `from..to` joined by `\n` (empty for an empty range).
    pub fn joined_range(&self, from: usize, to: usize) -> &str {
        if from >= to {
            return "";
        }
        &self.buf[self.spans[from].0..self.spans[to - 1].1]
    }
}

impl std::ops::Index<usize> for Keys {
    type Output = str;
    fn index(&self, i: usize) -> &str {
        let (s, e) = self.spans[i];
        &self.buf[s..e]
    }
}
