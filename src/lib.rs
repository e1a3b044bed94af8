//! ssos-lint: reads a district's SSoS prioritization submission, finds the
//! sections of the rules pack's guidance, checks their sub-prompts and reports what is
//! missing.
//!
//! Data flows one way: [`read`] (files → [`model::Document`]) → [`map`]
//! (document → sections) → [`check`] (rules over sections) → [`report`]
//! (one report value) → [`render`] (human, JSON, SARIF, ...).

pub mod alloc;
pub mod annotate;
pub mod batch;
pub mod budget;
pub mod check;
pub mod cli;
pub mod config;
pub mod isolate;
pub mod lint;
pub mod map;
pub mod model;
pub mod pack;
pub mod read;
pub mod render;
pub mod report;
pub mod serve;
pub mod watch;
