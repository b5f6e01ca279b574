//! An independent splitter for the tests: given the text that holds one row's
//! cells (the text between its label and the next label), it says how that text can be
//! read, without any of the engine's code.
//!
//! The reading, in order:
//! 1. **fields**: when the text holds tabs or `|`, every field between them is one cell
//!    (an empty or NBSP-only field is a blank cell);
//! 2. **direct**: when the separators (spaces, NBSP, U+3000, line breaks) and the dashes (a
//!    dash is a cell of its own and ends the number before it) cut the text into exactly as
//!    many pieces as cells and each piece is one number or one dash, each piece is its
//!    cell; in a text with line breaks, a line of only spaces/NBSP is a blank cell;
//! 3. **one digit per cell**: when the digits (and dashes) are exactly as many as the
//!    cells, one per cell;
//! 4. **sum**: otherwise every segmentation consistent with the separators (a separator
//!    never falls inside a number, no leading zeros except "0", thousands separators only
//!    as `\d{1,3}(,\d{3})+`) is enumerated, and those in which each group's last cell is
//!    the sum of the group's other cells are kept (Table 3 row: one group of 7; Table 4:
//!    three groups of 5). Exactly one kept → that reading; none or several → no reading.
//!
//! Rows with fewer digits and dashes than cells are `TooFew`: no cell of them can be
//! placed. Table 2 has no sums: only 1–3 apply to it. No claim (`Unparsed`) where the text
//! itself is unsure: an NBSP on a line with digits that the direct reading does not
//! explain (a space, or an emptied cell?), and "——" (one dash or two?).

/// One cell as the text gives it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Val {
    Blank,
    /// "/", "—", "-", "无": zero.
    Dash,
    Num(i128),
}

impl Val {
    pub fn num(self) -> Option<i128> {
        match self {
            Val::Blank => None,
            Val::Dash => Some(0),
            Val::Num(v) => Some(v),
        }
    }
    fn sum_value(self) -> i128 {
        self.num().unwrap_or(0)
    }
}

/// How a unique reading was reached.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum How {
    /// Fields or separated pieces: every cell written apart.
    Direct,
    /// Exactly as many digits as cells.
    OneDigit,
    /// The only segmentation in which the sums hold.
    Sum,
}

/// One cell of a reading: its value and where its text is (byte offsets in the region).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Piece {
    pub val: Val,
    pub start: usize,
    pub end: usize,
    /// The piece is its whole separated chunk (not split out of a longer run).
    pub alone: bool,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Split {
    Unique {
        how: How,
        cells: Vec<Piece>,
    },
    /// Several segmentations keep the sums.
    Many,
    /// Enough digits, but no segmentation keeps the sums (or the fields do not fit).
    NoFit,
    /// Fewer digits and dashes than cells: nothing can be placed.
    TooFew,
    /// Text that is not numbers (units, decimals, signs): no claim.
    Unparsed,
    /// No sums to decide with (Table 2): no claim.
    NoSum,
    /// The search was too large (never expected for generated reports).
    GaveUp,
}

impl Split {
    pub fn unique(&self) -> Option<(How, &[Piece])> {
        match self {
            Split::Unique { how, cells } => Some((*how, cells)),
            _ => None,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Digit(u8),
    Comma,
    Dash,
    Blank,
}

#[derive(Debug, Clone, Copy)]
struct Atom {
    kind: Kind,
    start: usize,
    end: usize,
    /// Index of the separated chunk this atom belongs to.
    chunk: usize,
    /// Atoms in that chunk.
    clen: usize,
}

fn is_sep(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\n' | '\r' | '\u{a0}' | '\u{3000}' | '|')
}

fn is_dash(c: char) -> bool {
    matches!(c, '/' | '／' | '—' | '–' | '-' | '－' | '―' | '无' | '無')
}

fn digit(c: char) -> Option<u8> {
    match c {
        '0'..='9' => Some(c as u8 - b'0'),
        '０'..='９' => Some((c as u32 - '０' as u32) as u8),
        _ => None,
    }
}

fn is_comma(c: char) -> bool {
    matches!(c, ',' | '，')
}

/// A number token: "0", digits without a leading zero, or `\d{1,3}(,\d{3})+`.
fn number(kinds: &[Kind]) -> Option<i128> {
    if kinds.is_empty() || kinds.len() > 16 {
        return None;
    }
    let digits: Vec<u8> = kinds
        .iter()
        .filter_map(|k| match k {
            Kind::Digit(d) => Some(*d),
            _ => None,
        })
        .collect();
    let commas = kinds.len() - digits.len();
    if kinds.iter().any(|k| matches!(k, Kind::Dash | Kind::Blank)) || digits.is_empty() {
        return None;
    }
    if digits.len() > 1 && digits[0] == 0 {
        return None;
    }
    if commas > 0 {
        // Groups: first 1–3 digits, then ",ddd" groups.
        let groups: Vec<usize> = kinds
            .split(|k| *k == Kind::Comma)
            .map(|g| g.len())
            .collect();
        if groups[0] == 0 || groups[0] > 3 || groups[1..].iter().any(|g| *g != 3) {
            return None;
        }
    }
    Some(digits.iter().fold(0i128, |a, d| a * 10 + *d as i128))
}

fn piece(atoms: &[Atom], i: usize, j: usize, val: Val) -> Piece {
    Piece {
        val,
        start: atoms[i].start,
        end: atoms[j - 1].end,
        alone: j - i == atoms[i].clen,
    }
}

/// Reads one row. `n` cells; `groups` the sizes of the sum groups in order (their cell
/// counts add up to `n`; the last cell of each group is the sum of the others), empty for
/// a row without sums.
pub fn split(region: &str, n: usize, groups: &[usize]) -> Split {
    if region.contains('\t') || region.contains('|') {
        return fields(region, n);
    }
    // "——" is one dash (破折号) or two dash cells: no claim.
    if region.contains("——") {
        return Split::Unparsed;
    }
    let atoms = match atoms(region) {
        Some(a) => a,
        None => return Split::Unparsed,
    };
    // An NBSP glued between digits may be a space or an emptied cell: only a reading
    // that does not depend on it is claimed.
    let nbsp = !region.contains('\n') && region.contains('\u{a0}');
    let units = atoms.iter().filter(|a| a.kind != Kind::Comma).count();
    if units < n {
        return if nbsp { Split::Unparsed } else { Split::TooFew };
    }
    // Direct: the pieces between separators and dashes (a dash is a cell of its own, and
    // ends the number before it) are exactly the cells.
    let mut pieces: Vec<(usize, usize)> = Vec::new();
    let mut k = 0;
    while k < atoms.len() {
        let mut j = k + 1;
        if matches!(atoms[k].kind, Kind::Digit(_) | Kind::Comma) {
            while j < atoms.len()
                && atoms[j].chunk == atoms[k].chunk
                && matches!(atoms[j].kind, Kind::Digit(_) | Kind::Comma)
            {
                j += 1;
            }
        }
        pieces.push((k, j));
        k = j;
    }
    if pieces.len() == n {
        let cells: Vec<Piece> = pieces
            .iter()
            .filter_map(|&(i, j)| {
                let kinds: Vec<Kind> = atoms[i..j].iter().map(|a| a.kind).collect();
                let val = match kinds.as_slice() {
                    [Kind::Dash] => Some(Val::Dash),
                    [Kind::Blank] => Some(Val::Blank),
                    k => number(k).map(Val::Num),
                }?;
                Some(Piece {
                    val,
                    start: atoms[i].start,
                    end: atoms[j - 1].end,
                    alone: true,
                })
            })
            .collect();
        if cells.len() == n {
            return Split::Unique {
                how: How::Direct,
                cells,
            };
        }
    }
    if nbsp {
        return Split::Unparsed;
    }
    // A glued run with thousands separators in it ("1,2340001,234") is too far from any
    // real paste to demand a reading: no claim beyond "no wrong number".
    if atoms.iter().any(|a| a.kind == Kind::Comma) {
        return Split::Unparsed;
    }
    // One digit per cell.
    if units == n {
        let cells = atoms
            .iter()
            .enumerate()
            .map(|(k, a)| {
                let val = match a.kind {
                    Kind::Digit(d) => Val::Num(d as i128),
                    Kind::Dash => Val::Dash,
                    _ => Val::Blank,
                };
                piece(&atoms, k, k + 1, val)
            })
            .collect();
        return Split::Unique {
            how: How::OneDigit,
            cells,
        };
    }
    if groups.is_empty() {
        return Split::NoSum;
    }
    let found = if groups.len() == 1 && groups[0] == n {
        match total_last(&atoms, n) {
            Some(f) => f,
            None => return Split::GaveUp,
        }
    } else {
        let mut s = Search::new(&atoms, n, groups);
        s.run();
        if s.budget == 0 {
            return Split::GaveUp;
        }
        s.found
    };
    let mut found = found;
    match found.len() {
        0 => Split::NoFit,
        1 => Split::Unique {
            how: How::Sum,
            cells: found.pop().unwrap_or_default(),
        },
        _ => Split::Many,
    }
}

/// One group whose total is the last cell: take each possible last token as the total,
/// then split what comes before it into parts no larger than it that add up to it.
fn total_last(atoms: &[Atom], n: usize) -> Option<Vec<Vec<Piece>>> {
    let m = atoms.len();
    let last_chunk = atoms[m - 1].chunk;
    let first = (0..m)
        .find(|&k| atoms[k].chunk == last_chunk)
        .unwrap_or(m - 1);
    let mut found: Vec<Vec<Piece>> = Vec::new();
    for s in (first..m).rev() {
        let kinds: Vec<Kind> = atoms[s..].iter().map(|a| a.kind).collect();
        let val = match kinds.as_slice() {
            [Kind::Dash] => Val::Dash,
            [Kind::Blank] => Val::Blank,
            k => match number(k) {
                Some(v) => Val::Num(v),
                None => continue,
            },
        };
        if s > 0 && atoms[s].chunk == atoms[s - 1].chunk && atoms[s - 1].kind == Kind::Comma {
            continue;
        }
        let total = piece(atoms, s, m, val);
        let mut search = Search::new(&atoms[..s], n - 1, &[]);
        search.sum_eq = Some(val.sum_value());
        search.cap = 2 - found.len();
        search.run();
        if search.budget == 0 {
            return None;
        }
        for mut f in search.found {
            f.push(total);
            found.push(f);
        }
        if found.len() >= 2 {
            break;
        }
    }
    Some(found)
}

/// Whether some segmentation consistent with the separators (sums ignored) gives the
/// values the engine read (`None` = not read, any piece).
pub fn admits(region: &str, n: usize, read: &[Option<i128>]) -> bool {
    if region.contains('\t') || region.contains('|') {
        return match fields(region, n) {
            Split::Unique { cells, .. } => cells
                .iter()
                .zip(read)
                .all(|(p, r)| r.is_none() || p.val.num() == *r),
            _ => read.iter().all(|r| r.is_none()),
        };
    }
    let Some(atoms) = atoms(region) else {
        return read.iter().all(|r| r.is_none());
    };
    let mut s = Search::new(&atoms, n, &[]);
    s.want = Some(read.to_vec());
    s.cap = 1;
    s.run();
    !s.found.is_empty() || s.budget == 0
}

fn fields(region: &str, n: usize) -> Split {
    let mut cells = Vec::new();
    let mut start = 0;
    let bytes: Vec<(usize, char)> = region.char_indices().collect();
    let mut bounds: Vec<(usize, usize)> = Vec::new();
    for (i, c) in &bytes {
        if *c == '\t' || *c == '|' {
            bounds.push((start, *i));
            start = i + c.len_utf8();
        }
    }
    bounds.push((start, region.len()));
    if bounds.len() != n {
        return Split::NoFit;
    }
    for (a, b) in bounds {
        let f = &region[a..b];
        let lead = f.len() - f.trim_start_matches(is_sep).len();
        let t = f.trim_matches(is_sep);
        let s = a + lead;
        let e = s + t.len();
        if t.is_empty() {
            cells.push(Piece {
                val: Val::Blank,
                start: s,
                end: s,
                alone: true,
            });
            continue;
        }
        let chars: Vec<char> = t.chars().collect();
        if chars.len() == 1 && is_dash(chars[0]) {
            cells.push(Piece {
                val: Val::Dash,
                start: s,
                end: e,
                alone: true,
            });
            continue;
        }
        let kinds: Option<Vec<Kind>> = chars
            .iter()
            .map(|c| {
                digit(*c)
                    .map(Kind::Digit)
                    .or(is_comma(*c).then_some(Kind::Comma))
            })
            .collect();
        match kinds.as_deref().and_then(number) {
            Some(v) => cells.push(Piece {
                val: Val::Num(v),
                start: s,
                end: e,
                alone: true,
            }),
            None => return Split::Unparsed,
        }
    }
    Split::Unique {
        how: How::Direct,
        cells,
    }
}

/// The region as atoms (digits, commas, dashes, blank lines), each with its chunk.
fn atoms(region: &str) -> Option<Vec<Atom>> {
    let lines = region.contains('\n');
    // A lone NBSP between separators ("0 \u{a0} 0") may be an empty cell or only a space:
    // no claim on such a row.
    if !lines {
        let ch: Vec<char> = region.chars().collect();
        let bordered = (0..ch.len()).any(|i| {
            ch[i] == '\u{a0}'
                && (i == 0 || is_sep(ch[i - 1]))
                && (i + 1 == ch.len() || is_sep(ch[i + 1]))
                && (i > 0 || i + 1 < ch.len())
        });
        if bordered {
            return None;
        }
    }
    let mut out: Vec<Atom> = Vec::new();
    let mut chunk = 0usize;
    let mut open = false; // the current chunk has atoms
    let mut line_start = 0;
    for line in region.split('\n') {
        let ls = line_start;
        line_start += line.len() + 1;
        let l = line.trim_end_matches('\r');
        if l.is_empty() {
            if open {
                chunk += 1;
                open = false;
            }
            continue;
        }
        if lines && l.chars().all(is_sep) {
            if open {
                chunk += 1;
            }
            out.push(Atom {
                kind: Kind::Blank,
                start: ls,
                end: ls,
                chunk,
                clen: 1,
            });
            chunk += 1;
            open = false;
            continue;
        }
        for (i, c) in l.char_indices() {
            let at = ls + i;
            if is_sep(c) {
                if open {
                    chunk += 1;
                    open = false;
                }
                continue;
            }
            let kind = if let Some(d) = digit(c) {
                Kind::Digit(d)
            } else if is_comma(c) {
                Kind::Comma
            } else if is_dash(c) {
                Kind::Dash
            } else {
                return None;
            };
            out.push(Atom {
                kind,
                start: at,
                end: at + c.len_utf8(),
                chunk,
                clen: 0,
            });
            open = true;
        }
        if open {
            chunk += 1;
            open = false;
        }
    }
    // Renumber chunks densely.
    let mut last = usize::MAX;
    let mut k = 0;
    for a in out.iter_mut() {
        if a.chunk != last {
            if last != usize::MAX {
                k += 1;
            }
            last = a.chunk;
        }
        a.chunk = k;
    }
    let mut counts = vec![0usize; k + 1];
    for a in &out {
        counts[a.chunk] += 1;
    }
    for a in out.iter_mut() {
        a.clen = counts[a.chunk];
    }
    Some(out)
}

struct Search<'a> {
    atoms: &'a [Atom],
    n: usize,
    /// For each cell: Some(first cell of its group) when it is a group's total.
    total_of: Vec<Option<usize>>,
    want: Option<Vec<Option<i128>>>,
    /// The parts must add up to this (each part is then at most what is left of it).
    sum_eq: Option<i128>,
    partial: i128,
    cap: usize,
    cur: Vec<Piece>,
    found: Vec<Vec<Piece>>,
    budget: u64,
    chunk_end: Vec<usize>,
    /// Number of atoms (not commas) from atom i to the end.
    units_from: Vec<usize>,
    chunks_from: Vec<usize>,
}

impl<'a> Search<'a> {
    fn new(atoms: &'a [Atom], n: usize, groups: &[usize]) -> Search<'a> {
        let mut total_of = vec![None; n];
        let mut at = 0;
        for g in groups {
            if at + g <= n && *g >= 2 {
                total_of[at + g - 1] = Some(at);
            }
            at += g;
        }
        let m = atoms.len();
        let mut chunk_end = vec![m; m];
        for i in (0..m).rev() {
            if i + 1 < m && atoms[i + 1].chunk == atoms[i].chunk {
                chunk_end[i] = chunk_end[i + 1];
            } else {
                chunk_end[i] = i + 1;
            }
        }
        let mut units_from = vec![0; m + 1];
        let mut chunks_from = vec![0; m + 1];
        for i in (0..m).rev() {
            units_from[i] = units_from[i + 1] + usize::from(atoms[i].kind != Kind::Comma);
            chunks_from[i] = chunks_from[i + 1]
                + usize::from(i + 1 == m || atoms[i + 1].chunk != atoms[i].chunk);
        }
        Search {
            atoms,
            n,
            total_of,
            want: None,
            sum_eq: None,
            partial: 0,
            cap: 2,
            cur: Vec::new(),
            found: Vec::new(),
            budget: 5_000_000,
            chunk_end,
            units_from,
            chunks_from,
        }
    }

    fn run(&mut self) {
        self.dfs(0);
    }

    fn dfs(&mut self, i: usize) {
        if self.found.len() >= self.cap || self.budget == 0 {
            return;
        }
        self.budget -= 1;
        let cell = self.cur.len();
        let m = self.atoms.len();
        if cell == self.n {
            if i == m && self.sum_eq.is_none_or(|t| t == self.partial) {
                self.found.push(self.cur.clone());
            }
            return;
        }
        if i >= m {
            return;
        }
        let left = self.n - cell;
        // Every remaining cell needs an atom; every remaining chunk needs a cell.
        if self.units_from[i] < left || self.chunks_from[i] > left {
            return;
        }
        let need = self.total_of[cell].map(|g| {
            self.cur[g..cell]
                .iter()
                .map(|p| p.val.sum_value())
                .sum::<i128>()
        });
        let want = self.want.as_ref().and_then(|w| w[cell]);
        let a = self.atoms[i];
        let ce = self.chunk_end[i];
        match a.kind {
            Kind::Comma => {}
            Kind::Dash | Kind::Blank => {
                let val = if a.kind == Kind::Dash {
                    Val::Dash
                } else {
                    Val::Blank
                };
                if need.is_some_and(|s| s != val.sum_value()) {
                    return;
                }
                if want.is_some_and(|w| val.num() != Some(w)) {
                    return;
                }
                self.cur.push(piece(self.atoms, i, i + 1, val));
                self.dfs(i + 1);
                self.cur.pop();
            }
            Kind::Digit(_) => {
                let mut kinds = Vec::new();
                for j in i + 1..=ce {
                    let k = self.atoms[j - 1].kind;
                    if matches!(k, Kind::Dash | Kind::Blank) {
                        break;
                    }
                    kinds.push(k);
                    if kinds.len() > 16 {
                        break;
                    }
                    // A token never ends before a comma.
                    if j < ce && self.atoms[j].kind == Kind::Comma {
                        continue;
                    }
                    let Some(v) = number(&kinds) else {
                        continue;
                    };
                    if self.sum_eq.is_some_and(|t| v > t - self.partial) {
                        break;
                    }
                    if need.is_some_and(|s| s != v) || want.is_some_and(|w| w != v) {
                        continue;
                    }
                    self.cur.push(piece(self.atoms, i, j, Val::Num(v)));
                    self.partial += v;
                    self.dfs(j);
                    self.partial -= v;
                    self.cur.pop();
                    if self.found.len() >= self.cap || self.budget == 0 {
                        return;
                    }
                }
            }
        }
    }
}

/// Table 2 cells carry units, signs and decimals ("2笔", "+3", "45.82万元"), and the table
/// has no sums: its row is read only when its pieces are written apart (fields, or as
/// many separated pieces as cells: `Direct`, with each piece's byte range) or when it is
/// as many bare digits as cells (`OneDigit`).
pub fn loose(region: &str, n: usize) -> Option<(How, Vec<(usize, usize)>)> {
    if region.contains('\t') || region.contains('|') {
        let mut out = Vec::new();
        let mut start = 0;
        let push = |a: usize, b: usize, out: &mut Vec<(usize, usize)>| {
            let f = &region[a..b];
            let lead = f.len() - f.trim_start_matches(is_sep).len();
            let t = f.trim_matches(is_sep);
            out.push((a + lead, a + lead + t.len()));
        };
        for (i, c) in region.char_indices() {
            if c == '\t' || c == '|' {
                push(start, i, &mut out);
                start = i + 1;
            }
        }
        push(start, region.len(), &mut out);
        return (out.len() == n).then_some((How::Direct, out));
    }
    let mut chunks: Vec<(usize, usize)> = Vec::new();
    let mut cur: Option<usize> = None;
    for (i, c) in region.char_indices() {
        if is_sep(c) {
            if let Some(a) = cur.take() {
                chunks.push((a, i));
            }
        } else if cur.is_none() {
            cur = Some(i);
        }
    }
    if let Some(a) = cur {
        chunks.push((a, region.len()));
    }
    if chunks.len() == n {
        return Some((How::Direct, chunks));
    }
    let digits: Vec<(usize, usize)> = region
        .char_indices()
        .filter(|(_, c)| digit(*c).is_some())
        .map(|(i, c)| (i, i + c.len_utf8()))
        .collect();
    let only_digits = region.chars().all(|c| is_sep(c) || digit(c).is_some());
    (only_digits && digits.len() == n).then_some((How::OneDigit, digits))
}
