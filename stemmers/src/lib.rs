//! The Snowball stemmers of parallax's languages other than English, built as a WebAssembly
//! module of their own: the core's WebAssembly carries English's stemmer only, and this module
//! travels base64 in the stemmer pack (`lang/stem.txt`, see `src/packs.rs` of the core) to hosts
//! whose texts need it.
//!
//! The interface is raw, so that the module needs no glue and imports nothing: one buffer in the
//! module's memory ([`buffer`], [`CAPACITY`] bytes of input followed by as many of output) and
//! [`stem`], which reads a word from the input half and writes its stem into the output half.
//! A language is named by its ISO 639-1 code packed into a number ([`code`]), so the core and
//! the module need not share an enum.

#![warn(missing_docs)]

use rust_stemmers::{Algorithm, Stemmer};

/// Bytes of a word the buffer holds; a longer word (or a longer stem) is not stemmed.
pub const CAPACITY: usize = 1024;

/// What [`stem`] returns when it cannot stem the word: unknown language, a word or stem too
/// long for the buffer, bytes that are not UTF-8.
pub const UNSTEMMED: u32 = u32::MAX;

/// The buffer: the word at its start, the stem at `CAPACITY`.
struct Buffer(std::cell::UnsafeCell<[u8; 2 * CAPACITY]>);

// The module runs on one thread (a WebAssembly instance without shared memory), and the buffer
// is only touched inside `stem` and by the host between calls.
unsafe impl Sync for Buffer {}

static BUFFER: Buffer = Buffer(std::cell::UnsafeCell::new([0; 2 * CAPACITY]));

/// A language's ISO 639-1 code as the number [`stem`] takes: its two bytes, the first in the low
/// byte ("de" is `0x6564`).
pub const fn code(iso: &str) -> u32 {
    let b = iso.as_bytes();
    if b.len() != 2 {
        return 0;
    }
    b[0] as u32 | (b[1] as u32) << 8
}

/// The Snowball algorithm for a language code of [`code`]; English is left out (the core has it).
fn algorithm(lang: u32) -> Option<Algorithm> {
    use Algorithm as A;
    const TABLE: [(&str, Algorithm); 17] = [
        ("ar", A::Arabic),
        ("da", A::Danish),
        ("de", A::German),
        ("el", A::Greek),
        ("es", A::Spanish),
        ("fi", A::Finnish),
        ("fr", A::French),
        ("hu", A::Hungarian),
        ("it", A::Italian),
        ("nl", A::Dutch),
        ("no", A::Norwegian),
        ("pt", A::Portuguese),
        ("ro", A::Romanian),
        ("ru", A::Russian),
        ("sv", A::Swedish),
        ("ta", A::Tamil),
        ("tr", A::Turkish),
    ];
    TABLE.iter().find(|(iso, _)| code(iso) == lang).map(|&(_, a)| a)
}

/// The stem of `word` in the language `lang` (a [`code`]), or `None` when this module has no
/// stemmer for it.
pub fn stem_word(lang: u32, word: &str) -> Option<String> {
    algorithm(lang).map(|a| Stemmer::create(a).stem(word).into_owned())
}

/// The address of the buffer in the module's memory: the host writes a word's UTF-8 bytes there
/// and reads the stem at `buffer() + CAPACITY`.
#[no_mangle]
pub extern "C" fn buffer() -> *mut u8 {
    BUFFER.0.get().cast()
}

/// How many bytes of input the buffer holds ([`CAPACITY`]).
#[no_mangle]
pub extern "C" fn capacity() -> u32 {
    CAPACITY as u32
}

/// The module's allocator: memory past the end of what the module started with, handed out in
/// order and all taken back at the start of each [`stem`] call (a word's stemming allocates a
/// string or two, freed before the call returns). It replaces std's general allocator, which
/// is code this module does not need: the module is ~5 KB smaller with it.
#[cfg(target_arch = "wasm32")]
mod arena {
    use std::alloc::{GlobalAlloc, Layout};
    use std::cell::Cell;

    const PAGE: usize = 65536;

    pub struct Arena {
        /// Where the arena starts (0 until first used) and the next free byte.
        start: Cell<usize>,
        next: Cell<usize>,
    }

    // One thread (see `Buffer`).
    unsafe impl Sync for Arena {}

    impl Arena {
        /// Takes back everything handed out.
        pub fn reset(&self) {
            self.next.set(self.start.get());
        }
    }

    unsafe impl GlobalAlloc for Arena {
        unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
            let end_of_memory = core::arch::wasm32::memory_size(0) * PAGE;
            if self.start.get() == 0 {
                self.start.set(end_of_memory);
                self.next.set(end_of_memory);
            }
            let at = (self.next.get() + layout.align() - 1) & !(layout.align() - 1);
            let Some(end) = at.checked_add(layout.size()) else { return std::ptr::null_mut() };
            if end > end_of_memory {
                let pages = (end - end_of_memory).div_ceil(PAGE);
                if core::arch::wasm32::memory_grow(0, pages) == usize::MAX {
                    return std::ptr::null_mut();
                }
            }
            self.next.set(end);
            at as *mut u8
        }

        unsafe fn dealloc(&self, _: *mut u8, _: Layout) {}
    }

    #[global_allocator]
    pub static ARENA: Arena = Arena { start: Cell::new(0), next: Cell::new(0) };
}

/// Stems the word of `len` bytes at the start of the buffer in the language `lang` (a
/// [`code`]) and writes the stem at `buffer() + CAPACITY`. Returns the stem's length in bytes,
/// or [`UNSTEMMED`] (the host keeps the word then).
#[no_mangle]
pub extern "C" fn stem(lang: u32, len: u32) -> u32 {
    #[cfg(target_arch = "wasm32")]
    arena::ARENA.reset();
    let len = len as usize;
    if len > CAPACITY {
        return UNSTEMMED;
    }
    // SAFETY: one thread, and the host does not touch the buffer while `stem` runs.
    let buffer = unsafe { &mut *BUFFER.0.get() };
    let (input, output) = buffer.split_at_mut(CAPACITY);
    let Ok(word) = std::str::from_utf8(&input[..len]) else { return UNSTEMMED };
    let Some(stemmed) = stem_word(lang, word) else { return UNSTEMMED };
    let Some(out) = output.get_mut(..stemmed.len()) else { return UNSTEMMED };
    out.copy_from_slice(stemmed.as_bytes());
    stemmed.len() as u32
}

#[cfg(test)]
mod tests {
    use super::*;

    fn call(lang: &str, word: &str) -> Option<String> {
        let b = buffer();
        // SAFETY: tests run this one at a time through the same buffer only in this function.
        unsafe {
            std::ptr::copy_nonoverlapping(word.as_ptr(), b, word.len().min(CAPACITY));
            let n = stem(code(lang), word.len() as u32);
            (n != UNSTEMMED)
                .then(|| String::from_utf8(std::slice::from_raw_parts(b.add(CAPACITY), n as usize).to_vec()).unwrap())
        }
    }

    #[test]
    fn stems_through_the_buffer_as_rust_stemmers_does() {
        assert_eq!(call("de", "verhandlungen").as_deref(), Some("verhandl"));
        assert_eq!(call("ru", "переговоров").as_deref(), Some("переговор"));
        assert_eq!(call("fi", "neuvotteluissa").as_deref(), Some("neuvottelu"));
        // English is the core's; unknown codes and over-long words come back unstemmed.
        assert_eq!(call("en", "talks"), None);
        assert_eq!(call("xx", "talks"), None);
        assert_eq!(call("d", "talks"), None);
        assert_eq!(call("de", &"a".repeat(CAPACITY + 1)), None);
        assert!(call("de", &"ä".repeat(CAPACITY / 2)).is_some());
    }
}
