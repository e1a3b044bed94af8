//! The process's allocator: the system's, except that small blocks come
//! first from one fixed arena, handed out by moving a pointer.
//!
//! A run starts by building what lives until it ends (the rules pack, its
//! vocabulary, the command line): thousands of small blocks, each of which
//! costs the system allocator its slow path in a fresh process (nothing
//! freed yet to reuse). From the arena each costs a few instructions. A
//! block freed while it is the arena's last one is given back (the
//! temporary strings of a loop reuse the same bytes); any other block of
//! the arena stays used until the process ends. Once the arena is full,
//! every block comes from the system allocator, as do large blocks from the
//! start, so the memory a file needs beyond the arena, and the memory
//! limit of a worker (`RLIMIT_AS`), behave as with the system allocator
//! alone: the arena adds at most its own fixed size.

use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::UnsafeCell;
use std::sync::atomic::{AtomicUsize, Ordering};

/// Bytes of the arena.
pub const ARENA_BYTES: usize = 2 << 20;
/// Largest block taken from the arena; larger ones go to the system.
pub const MAX_BLOCK: usize = 2048;
/// Strictest alignment the arena serves.
const MAX_ALIGN: usize = 64;

/// An arena of `N` bytes before the system allocator.
pub struct Arena<const N: usize> {
    bytes: UnsafeCell<Bytes<N>>,
    /// Offset of the first free byte.
    next: AtomicUsize,
}

#[repr(C, align(64))]
struct Bytes<const N: usize>([u8; N]);

// SAFETY: the arena's bytes are only reached through the blocks it hands
// out, and the atomic `next` hands each byte to one block at a time.
unsafe impl<const N: usize> Sync for Arena<N> {}

impl<const N: usize> Default for Arena<N> {
    fn default() -> Self {
        Self::new()
    }
}

impl<const N: usize> Arena<N> {
    pub const fn new() -> Self {
        Arena { bytes: UnsafeCell::new(Bytes([0; N])), next: AtomicUsize::new(0) }
    }

    fn base(&self) -> usize {
        self.bytes.get() as usize
    }

    /// Whether `ptr` is a block of the arena.
    fn holds(&self, ptr: *mut u8) -> bool {
        (ptr as usize).wrapping_sub(self.base()) < N
    }

    /// A block for `layout` from the arena, if it fits.
    fn take(&self, layout: Layout) -> Option<*mut u8> {
        if layout.size() > MAX_BLOCK || layout.align() > MAX_ALIGN {
            return None;
        }
        let mut next = self.next.load(Ordering::Relaxed);
        loop {
            let start = next.next_multiple_of(layout.align());
            let end = start.checked_add(layout.size()).filter(|&end| end <= N)?;
            match self.next.compare_exchange_weak(next, end, Ordering::AcqRel, Ordering::Relaxed) {
                // SAFETY: `start..end` lies inside the arena's bytes.
                Ok(_) => return Some(unsafe { (self.bytes.get() as *mut u8).add(start) }),
                Err(now) => next = now,
            }
        }
    }

    /// Bytes in use (blocks and the padding between them).
    pub fn used(&self) -> usize {
        self.next.load(Ordering::Relaxed)
    }
}

// SAFETY: every block is either the system allocator's (and goes back to
// it) or a range of the arena that no other live block overlaps: `take`
// hands out ranges above `next` and moves it past them; a block is given
// back only when it ends at `next`, by moving `next` down to its start.
unsafe impl<const N: usize> GlobalAlloc for Arena<N> {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        match self.take(layout) {
            Some(ptr) => ptr,
            // SAFETY: the caller's layout, passed on.
            None => unsafe { System.alloc(layout) },
        }
    }

    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        match self.take(layout) {
            Some(ptr) => {
                // SAFETY: the block is `layout.size()` bytes; a given-back
                // block's bytes may be reused, so they are cleared.
                unsafe { ptr.write_bytes(0, layout.size()) };
                ptr
            }
            // SAFETY: the caller's layout, passed on.
            None => unsafe { System.alloc_zeroed(layout) },
        }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        if !self.holds(ptr) {
            // SAFETY: not the arena's, so the system allocator's.
            return unsafe { System.dealloc(ptr, layout) };
        }
        let start = ptr as usize - self.base();
        // The last block is given back; any other stays used.
        let _ = self.next.compare_exchange(start + layout.size(), start, Ordering::AcqRel, Ordering::Relaxed);
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        if !self.holds(ptr) {
            // SAFETY: not the arena's, so the system allocator's.
            return unsafe { System.realloc(ptr, layout, new_size) };
        }
        let start = ptr as usize - self.base();
        // The last block grows or shrinks where it is.
        if new_size <= MAX_BLOCK
            && start + new_size <= N
            && self
                .next
                .compare_exchange(start + layout.size(), start + new_size, Ordering::AcqRel, Ordering::Relaxed)
                .is_ok()
        {
            return ptr;
        }
        if new_size <= layout.size() {
            return ptr;
        }
        // SAFETY: `layout.align()` is a valid alignment and `new_size`, as
        // the caller promises, does not overflow once rounded up to it.
        let new_layout = unsafe { Layout::from_size_align_unchecked(new_size, layout.align()) };
        // SAFETY: a new block (`new_size` is not zero: it is larger than the old size).
        let new = unsafe { self.alloc(new_layout) };
        if !new.is_null() {
            // SAFETY: both blocks hold the old size, and they do not overlap.
            unsafe {
                std::ptr::copy_nonoverlapping(ptr, new, layout.size());
                self.dealloc(ptr, layout);
            }
        }
        new
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn layout(size: usize, align: usize) -> Layout {
        Layout::from_size_align(size, align).unwrap()
    }

    #[test]
    fn small_blocks_come_from_the_arena_large_ones_from_the_system() {
        let arena: Box<Arena<4096>> = Box::default();
        unsafe {
            let a = arena.alloc(layout(10, 1));
            let b = arena.alloc(layout(16, 16));
            assert!(arena.holds(a) && arena.holds(b));
            assert_eq!(b as usize % 16, 0, "aligned");
            assert!(b as usize >= a as usize + 10, "no overlap");
            let big = arena.alloc(layout(MAX_BLOCK + 1, 8));
            assert!(!big.is_null() && !arena.holds(big));
            big.write_bytes(7, MAX_BLOCK + 1);
            arena.dealloc(big, layout(MAX_BLOCK + 1, 8));
            arena.dealloc(b, layout(16, 16));
            arena.dealloc(a, layout(10, 1));
        }
    }

    #[test]
    fn the_last_block_is_given_back_and_grows_in_place() {
        let arena: Box<Arena<4096>> = Box::default();
        unsafe {
            let keep = arena.alloc(layout(8, 8));
            let used = arena.used();
            let temp = arena.alloc(layout(100, 1));
            temp.write_bytes(1, 100);
            let grown = arena.realloc(temp, layout(100, 1), 300);
            assert_eq!(grown, temp, "the last block grows where it is");
            assert_eq!(*grown.add(99), 1);
            arena.dealloc(grown, layout(300, 1));
            assert_eq!(arena.used(), used, "given back");
            // Reused bytes are cleared for a zeroed block.
            let zeroed = arena.alloc_zeroed(layout(100, 1));
            assert_eq!(zeroed, temp);
            assert!((0..100).all(|i| *zeroed.add(i) == 0));
            // A block that is not the last one moves when it grows.
            *keep = 42;
            let moved = arena.realloc(keep, layout(8, 8), 64);
            assert_ne!(moved, keep);
            assert_eq!(*moved, 42);
            arena.dealloc(moved, layout(64, 8));
            arena.dealloc(zeroed, layout(100, 1));
        }
    }

    #[test]
    fn a_full_arena_hands_over_to_the_system() {
        let arena: Box<Arena<256>> = Box::default();
        unsafe {
            let a = arena.alloc(layout(200, 8));
            assert!(arena.holds(a));
            let b = arena.alloc(layout(100, 8));
            assert!(!b.is_null() && !arena.holds(b), "no room left: the system's");
            b.write_bytes(3, 100);
            // Grown past the arena, a block moves to the system with its bytes.
            a.write_bytes(5, 200);
            let c = arena.alloc(layout(8, 8));
            let a2 = arena.realloc(a, layout(200, 8), 1000);
            assert!(!arena.holds(a2));
            assert!((0..200).all(|i| *a2.add(i) == 5));
            arena.dealloc(a2, layout(1000, 8));
            arena.dealloc(b, layout(100, 8));
            arena.dealloc(c, layout(8, 8));
        }
    }

    #[test]
    fn threads_get_distinct_blocks() {
        static ARENA: Arena<{ 64 * 1024 }> = Arena::new();
        let blocks: Vec<Vec<usize>> = (0..4)
            .map(|t| {
                std::thread::spawn(move || {
                    (0..200)
                        .map(|_| unsafe {
                            let p = ARENA.alloc(layout(32, 8));
                            p.write_bytes(t as u8, 32);
                            p as usize
                        })
                        .collect::<Vec<_>>()
                })
            })
            .map(|h| h.join().unwrap())
            .collect();
        let mut all: Vec<usize> = blocks.iter().flatten().copied().collect();
        all.sort_unstable();
        all.dedup();
        assert_eq!(all.len(), 800);
        for (t, list) in blocks.iter().enumerate() {
            for &p in list {
                let bytes = unsafe { std::slice::from_raw_parts(p as *const u8, 32) };
                if ARENA.holds(p as *mut u8) {
                    assert!(bytes.iter().all(|&b| b == t as u8), "a block was shared");
                }
            }
        }
    }
}
