//! `ssos-lint`: a thin binary over the library; see `ssos_lint::cli`.

fn main() -> std::process::ExitCode {
    ssos_lint::cli::main()
}
