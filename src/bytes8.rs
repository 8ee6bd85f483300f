//! Eight bytes at a time: tests on the bytes of a `u64` (SWAR), for the byte loops that read
//! every byte of a paste (measuring lines, finding them, detecting the language).

/// Whether this build takes the native-only shortcuts of the byte loops (these eight-byte reads
/// and the fast paths beside them in measuring, phrase lookup and language detection): the
/// WebAssembly keeps one plain path each, for size (0.4 KB gzipped for measuring's alone).
pub(crate) const NATIVE: bool = cfg!(not(target_arch = "wasm32"));

/// Every byte of a `u64` set to 1, and to 0x80.
pub(crate) const ONES: u64 = 0x0101_0101_0101_0101;
pub(crate) const HIGH: u64 = 0x8080_8080_8080_8080;

/// For eight ASCII bytes in `x`: the top bit of each byte that is at least `n` (at most 0x80),
/// the other bits clear. No byte carries into the next: each is below 0x80 and so is 0x80 − n.
#[inline(always)]
pub(crate) fn at_least(x: u64, n: u8) -> u64 {
    x.wrapping_add(ONES * u64::from(0x80 - n)) & HIGH
}

/// For eight ASCII bytes in `x`: the top bit of each byte that is a letter of either case.
#[inline(always)]
pub(crate) fn ascii_letters(x: u64) -> u64 {
    // Setting 0x20 makes capitals lowercase and no other byte a letter.
    let lower = x | (ONES * 0x20);
    at_least(lower, b'a') & !at_least(lower, b'z' + 1)
}

/// How many bytes have their top bit set in `mask` (only top bits set).
#[inline(always)]
pub(crate) fn count(mask: u64) -> usize {
    // One bit at the bottom of each byte; one multiplication adds the bytes into the top one.
    ((mask >> 7).wrapping_mul(ONES) >> 56) as usize
}

/// The UTF-16 code units of the characters whose UTF-8 is `bytes` (whole characters): one per
/// character — a byte that is no continuation byte (`10xxxxxx`) — and one more for each
/// character outside the Basic Multilingual Plane (a lead byte `11110xxx`). Eight bytes at a
/// time on both targets: the packed blocks of stripping (`analyze::strip_utf16`) count the
/// whole paste so, and the byte loop was 3 to 4 % of stripping in Chromium (issue 9).
pub(crate) fn utf16_units(bytes: &[u8]) -> u64 {
    let mut units = 0;
    let mut rest = bytes;
    while let [a, b, c, d, e, f, g, h, tail @ ..] = rest {
        let x = u64::from_le_bytes([*a, *b, *c, *d, *e, *f, *g, *h]);
        // The top bit of a byte shifted left by one to three is the byte's bit 6, 5 or 4.
        let continuation = x & !(x << 1) & HIGH;
        let four_byte_lead = x & (x << 1) & (x << 2) & (x << 3) & HIGH;
        units += (8 - count(continuation) + count(four_byte_lead)) as u64;
        rest = tail;
    }
    for &b in rest {
        units += u64::from((b & 0xC0) != 0x80) + u64::from(b >= 0xF0);
    }
    units
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod utf16_tests {
    proptest::proptest! {
        #[test]
        fn issue_9_utf16_units_are_what_encode_utf16_counts(
            text in "[a-z \n\u{80}-\u{7FF}\u{800}-\u{FFFF}\u{10000}-\u{10FFFF}]{0,40}",
            from in 0usize..8,
        ) {
            // From every character boundary near the start, so the eight-byte blocks fall
            // across characters in every way.
            let start = (from..=text.len()).find(|&i| text.is_char_boundary(i)).unwrap_or(text.len());
            let want = text[start..].encode_utf16().count() as u64;
            proptest::prop_assert_eq!(super::utf16_units(&text.as_bytes()[start..]), want);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn issue_9_byte_tests_agree_with_the_byte_methods() {
        for b in 0u8..0x80 {
            for at in 0..8 {
                let mut chunk = *b"q7 Z.a_|";
                chunk[at] = b;
                let x = u64::from_le_bytes(chunk);
                let letters: Vec<bool> = (0..8).map(|k| ascii_letters(x) >> (8 * k + 7) & 1 == 1).collect();
                let want: Vec<bool> = chunk.iter().map(u8::is_ascii_alphabetic).collect();
                assert_eq!(letters, want, "{chunk:?}");
                assert_eq!(count(ascii_letters(x)), want.iter().filter(|&&l| l).count());
                for n in [1u8, b'0', b'a', 0x7F, 0x80] {
                    let got: Vec<bool> = (0..8).map(|k| at_least(x, n) >> (8 * k + 7) & 1 == 1).collect();
                    assert_eq!(got, chunk.iter().map(|&c| c >= n).collect::<Vec<_>>(), "{chunk:?} >= {n}");
                }
            }
        }
    }
}
