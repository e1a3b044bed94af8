//! `ssos-lint`: a thin binary over the library; see `ssos_lint::cli`.

/// Small blocks from a fixed arena first (see `ssos_lint::alloc`).
#[global_allocator]
static ALLOCATOR: ssos_lint::alloc::Arena<{ ssos_lint::alloc::ARENA_BYTES }> = ssos_lint::alloc::Arena::new();

fn main() -> std::process::ExitCode {
    ssos_lint::cli::main()
}
