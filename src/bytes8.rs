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
