//! The label keys of every record, kept in one buffer: one allocation for the whole
//! paste instead of one per line, and the whole-text haystack (keys joined by line
//! breaks) is the buffer itself rather than a copy.

use crate::normalize::push_key;
use crate::records::Record;

pub struct Keys {
    /// Every record's key in order, each followed by `\n` but the last. A key never
    /// holds a line break (whitespace is not part of a key), so the buffer is exactly
    /// the keys joined by `\n`.
    buf: String,
    /// Byte range of each key in `buf`.
    spans: Vec<(usize, usize)>,
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
        Keys { buf, spans }
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
